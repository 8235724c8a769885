"""Static SVG charts: they need no script, so a brief works offline and under the
dashboard's Content-Security-Policy, and Markdown can link them as image files."""

from __future__ import annotations

from html import escape

from steppe.analysis.series import DyadSeries

W, H, PAD_L, PAD_R, PAD_T, PAD_B = 640, 250, 56, 16, 28, 36
COOP, CONF, TARGET, AXIS = "#2e7d32", "#c62828", "#1565c0", "#555"


def _svg(body: list[str], title: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" width="{W}" '
            f'height="{H}" role="img" aria-label="{escape(title)}" font-family="sans-serif" '
            f'font-size="11"><title>{escape(title)}</title>' + "".join(body) + "</svg>")


def _x_labels(labels: list[str], step: float) -> list[str]:
    every = max(1, len(labels) // 12)
    return [f'<text x="{PAD_L + step * (i + 0.5):.1f}" y="{H - PAD_B + 14}" text-anchor="middle" '
            f'fill="{AXIS}">{escape(lab)}</text>'
            for i, lab in enumerate(labels) if i % every == 0]


def index_chart(series: DyadSeries) -> str:
    """Bars of the index sum per period, green above zero and red below."""
    points = series.points
    values = [p.index_sum for p in points]
    top, bottom = max(values + [0.0]), min(values + [0.0])
    span = (top - bottom) or 1.0
    inner_h = H - PAD_T - PAD_B
    step = (W - PAD_L - PAD_R) / max(len(points), 1)

    def y(v: float) -> float:
        return PAD_T + (top - v) / span * inner_h

    body = [f'<line x1="{PAD_L}" x2="{W - PAD_R}" y1="{y(0):.1f}" y2="{y(0):.1f}" stroke="{AXIS}"/>',
            f'<text x="{PAD_L - 6}" y="{y(top) + 4:.1f}" text-anchor="end" fill="{AXIS}">{top:+.1f}</text>',
            f'<text x="{PAD_L - 6}" y="{y(bottom) + 4:.1f}" text-anchor="end" fill="{AXIS}">{bottom:+.1f}</text>']
    for i, p in enumerate(points):
        if not p.occurrences:
            continue
        x0, y0, y1 = PAD_L + step * i + step * 0.15, y(max(p.index_sum, 0)), y(min(p.index_sum, 0))
        body.append(f'<rect x="{x0:.1f}" y="{y0:.1f}" width="{step * 0.7:.1f}" '
                    f'height="{max(y1 - y0, 1):.1f}" fill="{COOP if p.index_sum >= 0 else CONF}">'
                    f'<title>{escape(p.period)}: {p.index_sum:+.1f} over {p.occurrences} events'
                    f'</title></rect>')
    body += _x_labels([p.period for p in points], step)
    return _svg(body, f"{series.dyad} cooperation-conflict index by {series.by}")


def _scaled(value: float) -> tuple[float, str]:
    for scale, word in ((1e9, "bn"), (1e6, "mn")):
        if value >= scale:
            return scale, word
    return 1.0, ""


def figures_chart(figures: list) -> str:
    """Reported values of the most frequent indicator per year as bars, its targets as
    diamonds at their deadline year; empty string when there is nothing dated to draw."""
    counts: dict[tuple[str, str], int] = {}
    for f in figures:
        counts[(f.indicator, f.unit)] = counts.get((f.indicator, f.unit), 0) + 1
    if not counts:
        return ""
    indicator, unit = max(counts, key=lambda k: (counts[k], k))
    actual: dict[int, float] = {}
    target: dict[int, float] = {}
    # Whole-year figures first; a part of a year ("2021-01/2021-11") only fills a year
    # that has none.
    chosen = sorted((f for f in figures if (f.indicator, f.unit) == (indicator, unit)),
                    key=lambda f: "/" in (f.period or ""))
    for f in chosen:
        when = f.period if f.kind == "actual" else (f.deadline or f.period)
        if not when or not when[:4].isdigit():
            continue
        year = int(when.split("/")[-1][:4])
        bucket = actual if f.kind == "actual" else target
        if year in bucket and "/" in when:
            continue
        bucket[year] = max(bucket.get(year, 0.0), f.value)
    years = sorted(set(actual) | set(target))
    if not years:
        return ""
    span = list(range(years[0], years[-1] + 1))
    top = max(list(actual.values()) + list(target.values())) or 1.0
    scale, word = _scaled(top)
    inner_h = H - PAD_T - PAD_B
    step = (W - PAD_L - PAD_R) / len(span)

    def y(v: float) -> float:
        return PAD_T + (1 - v / top) * inner_h

    label = f"{indicator.replace('_', ' ')} ({word + ' ' if word else ''}{unit})"
    body = [f'<line x1="{PAD_L}" x2="{W - PAD_R}" y1="{y(0):.1f}" y2="{y(0):.1f}" stroke="{AXIS}"/>',
            f'<text x="{PAD_L - 6}" y="{y(top) + 4:.1f}" text-anchor="end" fill="{AXIS}">'
            f'{top / scale:g}</text>',
            f'<text x="{PAD_L}" y="12" fill="{AXIS}">{escape(label)}</text>']
    for i, year in enumerate(span):
        cx = PAD_L + step * (i + 0.5)
        if year in actual:
            v = actual[year]
            body.append(f'<rect x="{cx - step * 0.3:.1f}" y="{y(v):.1f}" width="{step * 0.6:.1f}" '
                        f'height="{y(0) - y(v):.1f}" fill="{COOP}"><title>{year}: '
                        f'{v / scale:g} {escape(word)} reported</title></rect>')
        if year in target:
            v = target[year]
            body.append(f'<path d="M{cx:.1f} {y(v) - 7:.1f} l7 7 l-7 7 l-7 -7 z" fill="{TARGET}">'
                        f'<title>{year}: target {v / scale:g} {escape(word)}</title></path>')
    body += _x_labels([str(yr) for yr in span], step)
    return _svg(body, f"{label}: reported values and targets")
