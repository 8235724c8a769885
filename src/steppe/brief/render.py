"""A brief as one self-contained HTML file (charts inline as SVG, no script, no
network), or as Markdown with its charts as SVG files beside it."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from importlib.resources import files

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from steppe.brief.model import Brief, Cite

_templates = str(files("steppe.brief") / "templates")
_html = Environment(loader=FileSystemLoader(_templates), autoescape=select_autoescape(default=True),
                    trim_blocks=True, lstrip_blocks=True)
_md = Environment(loader=FileSystemLoader(_templates), autoescape=False,
                  trim_blocks=True, lstrip_blocks=True)


@dataclass
class Mark:
    number: int          # the document's number in the reference list
    anchor: str          # the cited span's anchor in the reference list
    quote: str


@dataclass
class Reference:
    number: int
    document: object
    spans: list[tuple[str, Cite]]


def span_anchor(number: int, cite: Cite) -> str:
    return f"ref-{number}-{cite.kind}-{cite.fact_id}"


def _references(brief: Brief) -> tuple[dict[str, int], list[Reference]]:
    numbers: dict[str, int] = {}
    spans: dict[str, dict[tuple[str, int], Cite]] = {}
    for c in brief.cites():
        numbers.setdefault(c.document_id, len(numbers) + 1)
        spans.setdefault(c.document_id, {}).setdefault((c.kind, c.fact_id), c)
    refs = [Reference(n, brief.documents.get(doc), sorted(
                ((span_anchor(n, c), c) for c in spans[doc].values()),
                key=lambda ac: (ac[1].span.start, ac[1].kind, ac[1].fact_id)))
            for doc, n in numbers.items()]
    return numbers, refs


def _marks(numbers: dict[str, int]):
    def marks(cites: list[Cite]) -> list[Mark]:
        first: dict[int, Mark] = {}
        for c in cites:
            n = numbers[c.document_id]
            first.setdefault(n, Mark(n, span_anchor(n, c), " ".join(c.span.text.split())))
        return [first[n] for n in sorted(first)]
    return marks


def _context(brief: Brief) -> dict:
    numbers, refs = _references(brief)

    def around(c: Cite) -> tuple[str, str]:
        return brief.contexts.get((c.document_id, c.span.start, c.span.end), ("", ""))

    return {"brief": brief, "references": refs, "marks": _marks(numbers), "around": around,
            "joiner": lambda after: "" if after[:1] in ".,;:!?)" else " ",
            "today": _dt.date.today().isoformat()}


def _safe_url(url: str | None) -> str | None:
    return url if url and url.lower().startswith(("http://", "https://")) else None


def to_html(brief: Brief) -> str:
    """One HTML file: styles and charts inline, nothing fetched."""
    ctx = _context(brief)
    return _html.get_template("brief.html").render(**ctx, safe_url=_safe_url, svg=Markup)


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def to_markdown(brief: Brief, chart_stem: str = "brief") -> tuple[str, dict[str, str]]:
    """The Markdown text and the chart files it links ({file name: SVG})."""
    ctx = _context(brief)
    charts = {f"{chart_stem}-{s.id}.svg": b.chart
              for s in brief.sections for b in s.blocks if b.chart}
    names = {id(chart): name for name, chart in charts.items()}
    text = _md.get_template("brief.md").render(**ctx, cell=_cell, chart_file=lambda c: names[id(c)],
                                               safe_url=_safe_url)
    return text, {name: chart.svg for name, chart in charts.items()}
