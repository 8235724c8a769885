"""Dyadic time series: what two actors did to each other, month by month (or by quarter
or year).

Each point counts occurrences, not reports: ten articles about one meeting are one
meeting (the store links them, see steppe.store.occurrences). An occurrence is dated by
its most precise report, typed by its most frequent type, and scored by the mean PLOVER
score of its reports (data/plover.yaml, -10 conflict .. +10 cooperation). The index of
a period is the sum and the mean of those scores.

Only asserted events count by default: a planned visit or a denied attack is not a
happening. An occurrence dated less precisely than the period ("2024" in a monthly
series) cannot be placed and is counted in `left_out` instead.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from steppe.store.read import EventFilter, PeriodCell, dyad_periods, find_events, remembered
from steppe.store.records import StoredEvent


class By(str, Enum):
    """Period lengths a series is counted by (the CLI and the API offer the same)."""
    month = "month"
    quarter = "quarter"
    year = "year"


class Direction(str, Enum):
    """both: either actor acting on the other; forward: the first acting on the second."""
    both = "both"
    forward = "forward"
    backward = "backward"

GRANULARITIES = ("month", "quarter", "year")
DIRECTIONS = ("both", "forward", "backward")


@dataclass
class Occurrence:
    """One happening, as reported by one or more stored events."""

    key: str
    date: str
    type: str
    quad: int | None
    score: float | None
    event_ids: list[int]


@dataclass
class SeriesPoint:
    period: str                      # "2024-08", "2024-Q3" or "2024"
    since: str                       # first and last month of the period ("2024-07")
    until: str
    occurrences: int = 0
    reports: int = 0
    by_type: dict[str, int] = field(default_factory=dict)
    by_quad: dict[int, int] = field(default_factory=dict)
    index_sum: float = 0.0
    index_mean: float | None = None
    # None when the series was read from the stored aggregates: the events behind a
    # point are then fetched by dyad and period (/api/events?dyad=&since=&until=).
    event_ids: list[int] | None = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        out = {"period": self.period, "since": self.since, "until": self.until,
               "occurrences": self.occurrences, "reports": self.reports,
               "by_type": dict(sorted(self.by_type.items())),
               "by_quad": {str(k): v for k, v in sorted(self.by_quad.items())},
               "index_sum": round(self.index_sum, 3),
               "index_mean": None if self.index_mean is None else round(self.index_mean, 3)}
        if self.event_ids is not None:
            out["event_ids"] = self.event_ids
        return out


@dataclass
class DyadSeries:
    a: str
    b: str
    by: str
    direction: str
    points: list[SeriesPoint]
    left_out: int = 0                # occurrences dated too coarsely (or not at all)

    @property
    def dyad(self) -> str:
        return f"{self.a}-{self.b}"

    def to_json(self) -> dict[str, Any]:
        return {"dyad": self.dyad, "by": self.by, "direction": self.direction,
                "left_out": self.left_out, "points": [p.to_json() for p in self.points]}


def period_of(date: str | None, by: str) -> str | None:
    """The period holding `date`, None when the date is too coarse for it."""
    if not date or len(date) < 4 or not date[:4].isdigit():
        return None
    if by == "year":
        return date[:4]
    if len(date) < 7 or not date[5:7].isdigit():
        return None
    if by == "month":
        return date[:7]
    return f"{date[:4]}-Q{(int(date[5:7]) - 1) // 3 + 1}"


def period_bounds(period: str, by: str) -> tuple[str, str]:
    """First and last month ("YYYY-MM") of a period; a year gives ("YYYY", "YYYY")."""
    if by == "year":
        return period, period
    if by == "month":
        return period, period
    year, q = period.split("-Q")
    first = (int(q) - 1) * 3 + 1
    return f"{year}-{first:02d}", f"{year}-{first + 2:02d}"


def periods_between(first: str, last: str, by: str) -> Iterator[str]:
    """Every period from `first` to `last` inclusive, so empty periods show as zeros."""
    def index(p: str) -> int:
        if by == "year":
            return int(p)
        if by == "month":
            return int(p[:4]) * 12 + int(p[5:7]) - 1
        return int(p[:4]) * 4 + int(p.split("-Q")[1]) - 1

    for i in range(index(first), index(last) + 1):
        if by == "year":
            yield str(i)
        elif by == "month":
            yield f"{i // 12:04d}-{i % 12 + 1:02d}"
        else:
            yield f"{i // 4:04d}-Q{i % 4 + 1}"


def occurrences(events: Iterable[StoredEvent]) -> list[Occurrence]:
    """Group reports into occurrences (by the store's occurrence id)."""
    groups: dict[str, list[StoredEvent]] = {}
    for e in events:
        groups.setdefault(e.occurrence_id or f"event:{e.id}", []).append(e)
    out = []
    for key, reports in groups.items():
        dated = [r.date for r in reports if r.date]
        # Most precise first, then earliest.
        date = min(dated, key=lambda d: (-len(d), d)) if dated else ""
        kind = Counter(r.type for r in reports).most_common(1)[0][0]
        scores = [r.score for r in reports if r.score is not None]
        quad = next((r.quad for r in reports if r.type == kind and r.quad is not None), None)
        out.append(Occurrence(key, date, kind, quad,
                              sum(scores) / len(scores) if scores else None,
                              sorted(r.id for r in reports)))
    return out


def _in_direction(e: StoredEvent, a: str, b: str, direction: str) -> bool:
    src, tgt = set(e.labels("source")), set(e.labels("target"))
    forward = a in src and b in tgt
    backward = b in src and a in tgt
    return {"both": forward or backward, "forward": forward, "backward": backward}[direction]


def dyad_series(events: Iterable[StoredEvent], a: str, b: str, *, by: str = "month",
                direction: str = "both", since: str | None = None,
                until: str | None = None) -> DyadSeries:
    """The series of the dyad a-b from its events (pure: no store access).

    `direction` "forward" keeps a -> b, "backward" b -> a, "both" either.
    """
    if by not in GRANULARITIES:
        raise ValueError(f"by must be one of {', '.join(GRANULARITIES)}; got {by!r}")
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be one of {', '.join(DIRECTIONS)}; got {direction!r}")
    kept = [e for e in events if _in_direction(e, a, b, direction)]
    points: dict[str, SeriesPoint] = {}
    left_out = 0
    for occ in occurrences(kept):
        period = period_of(occ.date, by)
        if period is None:
            left_out += 1
            continue
        if period not in points:
            points[period] = SeriesPoint(period, *period_bounds(period, by))
        p = points[period]
        p.occurrences += 1
        p.reports += len(occ.event_ids)
        p.by_type[occ.type] = p.by_type.get(occ.type, 0) + 1
        if occ.quad is not None:
            p.by_quad[occ.quad] = p.by_quad.get(occ.quad, 0) + 1
        if occ.score is not None:
            p.index_sum += occ.score
            # index_mean holds the count of scored occurrences until the end.
            p.index_mean = (p.index_mean or 0) + 1
        p.event_ids.extend(occ.event_ids)
    for p in points.values():
        p.index_mean = p.index_sum / p.index_mean if p.index_mean else None
        p.event_ids.sort()
    return _filled(a, b, by, direction, points, left_out, since, until)


def _filled(a: str, b: str, by: str, direction: str, points: dict[str, SeriesPoint],
            left_out: int, since: str | None, until: str | None) -> DyadSeries:
    """The series with every period from the first to the last, empty ones as zeros."""
    if not points:
        return DyadSeries(a, b, by, direction, [], left_out)
    first = period_of(since, by) if since and period_of(since, by) else min(points)
    last = period_of(until, by) if until and period_of(until, by) else max(points)
    with_ids = next(iter(points.values())).event_ids is not None
    filled = [points.get(p) or SeriesPoint(p, *period_bounds(p, by), 
                                         event_ids=[] if with_ids else None)
              for p in periods_between(min(first, min(points)), max(last, max(points)), by)]
    return DyadSeries(a, b, by, direction, filled, left_out)


def series_from_periods(cells: Iterable[PeriodCell], a: str, b: str, *, by: str = "month",
                        direction: str = "both") -> DyadSeries:
    """The series of the dyad a-b from its stored period rows (store.read.dyad_periods):
    the same points as `dyad_series` over its events, without the event ids."""
    if by not in GRANULARITIES:
        raise ValueError(f"by must be one of {', '.join(GRANULARITIES)}; got {by!r}")
    points: dict[str, SeriesPoint] = {}
    scored: Counter = Counter()
    left_out = 0
    for cell in cells:
        # A cell holds occurrences dated to its month, or only to its year.
        period = period_of(cell.period, by)
        if period is None:
            left_out += cell.occurrences
            continue
        if period not in points:
            points[period] = SeriesPoint(period, *period_bounds(period, by), event_ids=None)
        p = points[period]
        p.occurrences += cell.occurrences
        p.reports += cell.reports
        for kind, n in cell.by_type.items():
            p.by_type[kind] = p.by_type.get(kind, 0) + n
        for quad, n in cell.by_quad.items():
            p.by_quad[quad] = p.by_quad.get(quad, 0) + n
        p.index_sum += cell.score_sum
        scored[period] += cell.scored
    for period, p in points.items():
        p.index_mean = p.index_sum / scored[period] if scored[period] else None
    return _filled(a, b, by, direction, points, left_out, None, None)


def load_dyad_series(store, dyad: str, *, by: str = "month", direction: str = "both",
                     since: str | None = None, until: str | None = None,
                     modality: str | None = "asserted", event_ids: bool = False) -> DyadSeries:
    """The series of a dyad ("KAZ-UZB") from the store.

    Without a date window or event ids it is read from the per-period aggregates the
    writers keep (store.dyad_periods): a few hundred rows however large the store. A
    window (`since`, `until`) selects reports by their own dates before they are
    grouped, and `event_ids` asks for the ids behind each point: both read the events.
    """
    from steppe.store.keys import parse_dyad

    a, b = parse_dyad(dyad)
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be one of {', '.join(DIRECTIONS)}; got {direction!r}")
    if not (event_ids or since or until) and a != b and modality in ("asserted", None):
        return series_from_periods(dyad_periods(store, a, b, direction=direction,
                                                modality=modality),
                                   a, b, by=by, direction=direction)
    f = EventFilter(dyad=f"{a}-{b}", modality=modality, since=since, until=until)
    # Loading a busy dyad's events is most of the work; kept while the events are unchanged.
    events = remembered(store, ("series events", f),
                        lambda: find_events(store, f, limit=None, newest_first=False).items)
    series = dyad_series(events, a, b, by=by, direction=direction, since=since, until=until)
    if not event_ids:
        # The same shape whichever way the series was read.
        for p in series.points:
            p.event_ids = None
    return series
