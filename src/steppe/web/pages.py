"""The dashboard: server-rendered pages (Jinja2, autoescaping on) over the same store
and analysis functions as the API.

Chart data reaches the browser as JSON inside <script type="application/json">
(Jinja's `tojson` escapes <, > and &), read by static/app.js: no inline script runs.
"""

from __future__ import annotations

import datetime as dt
import re
from importlib.resources import files
from typing import Annotated, Any, Optional
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, pass_context, select_autoescape

from steppe.analysis.changes import detect_changes
from steppe.analysis.network import load_network
from steppe.analysis.series import load_dyad_series, period_of
from steppe.facts import MODALITIES, PLOVER_TYPES
from steppe.store.keys import parse_dyad
from steppe.store.read import (
    EventFilter,
    dyad_activity,
    find_actors,
    find_documents,
    find_events,
    find_figures,
    find_projects,
)
from steppe.store.records import StoredEvent
from steppe.watch.sources import format_every, source_health
from steppe.web import highlight
from steppe.web.params import DATE, DYAD, LABEL, KbDep, StoreDep, get_kb
from steppe.web.queries import (
    actor_profile,
    agreement_items,
    commitment_items,
    contradiction_items,
    display_name,
    document_facts,
)
from steppe.web.security import safe_url

_env = Environment(loader=FileSystemLoader(str(files("steppe.web") / "templates")),
                   autoescape=select_autoescape(default=True, default_for_string=True))
templates = Jinja2Templates(env=_env)
@pass_context
def _display_name(context, label: str) -> str:
    """display_name for templates, with the knowledge base of the app rendering them."""
    return display_name(label, get_kb(context["request"]))


_env.globals.update(display_name=_display_name, safe_url=safe_url, PLOVER_TYPES=PLOVER_TYPES,
                    MODALITIES=MODALITIES, QUADS={1: "verbal cooperation",
                                                  2: "material cooperation",
                                                  3: "verbal conflict",
                                                  4: "material conflict"})
router = APIRouter(include_in_schema=False)


def _sides(e: StoredEvent, role: str) -> str:
    return ", ".join(e.labels(role)) or "–"


def _money(value: float | None, unit: str = "") -> str:
    if value is None:
        return "?"
    for scale, word in ((1e9, " bn"), (1e6, " mn"), (1e3, " k")):
        if abs(value) >= scale:
            return f"{value / scale:,.2f}{word} {unit}".strip()
    return f"{value:,.6g} {unit}".strip()


def _when(value: dt.datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC") if value else "–"


_env.filters.update(sides=_sides, money=_money, pathpart=lambda s: quote(str(s), safe=""),
                    every=format_every, when=_when)


def _render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return _render(request, "error.html", status, status=status, message=message)


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, store: StoreDep):
    network = load_network(store)
    top = network.edges[:10]
    trends = _trends(store, top)
    year = dt.date.today().year
    # Open commitments: deadline ahead (soonest first), then those that name none.
    due = [c for c in commitment_items(store)
           if c["status"] in ("pending", "on_track", "unknown")
           and (c["target"]["deadline"] or "9999")[:4] >= str(year)]
    due.sort(key=lambda c: c["target"]["deadline"] or "9999")
    contradictions = contradiction_items(store)[-6:][::-1]
    recent = find_events(store, EventFilter(), limit=12).items
    return _render(request, "overview.html", network=network.to_json(), top=top,
                   trends=trends, recent=recent, due=due[:8], contradictions=contradictions,
                   documents=find_documents(store, limit=1).total,
                   events=find_events(store, EventFilter(), limit=1))


def _trends(store, edges) -> dict[str, str]:
    """SVG polyline points of each dyad's yearly occurrences (a sparkline)."""
    if not edges:
        return {}
    labels = {e.a for e in edges} | {e.b for e in edges}
    rows = dyad_activity(store, period_width=4, labels=labels, directed=False)
    years = sorted({r.period for r in rows if r.period and r.period.isdigit()})
    if not years:
        return {}
    span = range(int(years[0]), int(years[-1]) + 1)
    counts: dict[str, dict[int, int]] = {}
    for r in rows:
        if r.period and r.period.isdigit():
            counts.setdefault(f"{r.source}-{r.target}", {})[int(r.period)] = r.occurrences
    out = {}
    for e in edges:
        series = [counts.get(e.dyad, {}).get(y, 0) for y in span]
        top = max(series) or 1
        step = 120 / max(len(series) - 1, 1)
        out[e.dyad] = " ".join(f"{i * step:.1f},{22 - 20 * v / top:.1f}"
                               for i, v in enumerate(series))
    return out


def _default_by(points_span: tuple[str, str] | None) -> str:
    if points_span is None:
        return "year"
    years = int(points_span[1][:4]) - int(points_span[0][:4])
    return "month" if years < 3 else "quarter" if years < 8 else "year"


@router.get("/dyads/{dyad}", response_class=HTMLResponse)
def dyad_page(request: Request, store: StoreDep, dyad: str,
              by: Annotated[Optional[str], Query(pattern="^(month|quarter|year)$")] = None,
              since: Annotated[Optional[str], Query(pattern=DATE)] = None,
              until: Annotated[Optional[str], Query(pattern=DATE)] = None):
    if not re.match(DYAD, dyad):
        return error_page(request, 422, f"a dyad names two actors, like KAZ-UZB; got {dyad!r}")
    a, b = parse_dyad(dyad)
    key = f"{a}-{b}"
    timeline = find_events(store, EventFilter(dyad=key, since=since, until=until), limit=200)
    if timeline.total == 0 and not (since or until):
        return error_page(request, 404, f"no events between {a} and {b}")
    if by is None:
        dated = [e.date for e in timeline.items if e.date]
        by = _default_by((min(dated), max(dated)) if dated else None)
    series = load_dyad_series(store, key, by=by, since=since, until=until)
    figures = find_figures(store, dyad=key)
    periods = [p.period for p in series.points]
    chart = {"dyad": key, "by": by, "points": [p.to_json() for p in series.points],
             "figures": _figure_marks(figures, periods, by)}
    changes = detect_changes(series)
    return _render(request, "dyad.html", dyad=key, a=a, b=b, by=by, since=since, until=until,
                   chart=chart, series=series, timeline=timeline, changes=changes,
                   figures=figures, agreements=agreement_items(store, key),
                   projects=find_projects(store, dyad=key),
                   contradictions=contradiction_items(store, key),
                   commitments=commitment_items(store, key))


def _figure_marks(figures, periods: list[str], by: str) -> list[dict[str, Any]]:
    """Money figures placed on the series' periods: actual values and targets at
    their deadline; those outside the charted periods are listed, not drawn."""
    out = []
    for f in figures:
        if f.value is None or f.unit != "USD" or f.suspect:
            continue
        when = f.deadline if f.kind == "target" else (f.period or "").split("/")[-1]
        period = period_of(when, by) if when else None
        if period in periods:
            out.append({"period": period, "value": f.value, "kind": f.kind,
                        "indicator": f.indicator, "document_id": f.document_id, "id": f.id,
                        "evidence": f.evidence.text[:200]})
    return out


def _page_links(request: Request, total: int, limit: int, offset: int) -> dict[str, str | None]:
    params = dict(request.query_params)

    def at(o: int) -> str:
        return "?" + urlencode({**params, "offset": o})

    return {"prev": at(max(offset - limit, 0)) if offset > 0 else None,
            "next": at(offset + limit) if offset + limit < total else None}


@router.get("/events", response_class=HTMLResponse)
def events_page(
    request: Request, store: StoreDep,
    actor: Annotated[Optional[str], Query(pattern=f"({LABEL})|^$")] = None,
    dyad: Annotated[Optional[str], Query(pattern=f"({DYAD})|^$")] = None,
    type: Annotated[Optional[str], Query(pattern="^(" + "|".join(PLOVER_TYPES) + ")?$")] = None,
    quad: Annotated[Optional[str], Query(pattern="^[1-4]?$")] = None,
    modality: Annotated[Optional[str], Query(pattern="^(" + "|".join(MODALITIES) + ")?$")] = None,
    since: Annotated[Optional[str], Query(pattern=f"({DATE})|^$")] = None,
    until: Annotated[Optional[str], Query(pattern=f"({DATE})|^$")] = None,
    q: Annotated[Optional[str], Query(max_length=200)] = None,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
):
    f = EventFilter(actor=actor or None, dyad=dyad or None, type=type or None,
                    quad=int(quad) if quad else None, modality=modality or None,
                    since=since or None, until=until or None, q=q or None)
    limit = 50
    page = find_events(store, f, limit=limit, offset=offset)
    return _render(request, "events.html", page=page, f=f, form=dict(request.query_params),
                   links=_page_links(request, page.total + page.total_capped, limit, offset))


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, store: StoreDep,
                   q: Annotated[Optional[str], Query(max_length=200)] = None,
                   offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0):
    page = find_documents(store, q=q or None, limit=50, offset=offset)
    return _render(request, "documents.html", page=page, q=q or "",
                   links=_page_links(request, page.total, 50, offset))


@router.get("/documents/{document_id:path}", response_class=HTMLResponse)
def document_page(request: Request, store: StoreDep, document_id: str,
                  event: Annotated[Optional[int], Query(ge=1, le=2**62)] = None):
    facts = document_facts(store, document_id)
    if facts is None:
        return error_page(request, 404, f"no document {document_id!r}")
    spans = [highlight.Span(f"event-{e.id}", "event", e.evidence.start, e.evidence.end)
             for e in facts["events"]]
    spans += [highlight.Span(f"figure-{f.id}", "figure", f.evidence.start, f.evidence.end)
              for f in facts["figures"]]
    spans += [highlight.Span(f"agreement-{a.id}", "agreement", a.evidence.start, a.evidence.end)
              for a in facts["agreements"]]
    spans += [highlight.Span(f"project-{p.id}", "project", p.evidence.start, p.evidence.end)
              for p in facts["projects"]]
    selected = f"event-{event}" if event else None
    return _render(request, "document.html", doc=facts["document"], facts=facts,
                   segments=highlight.segments(facts["document"].text or "", spans, selected),
                   selected=selected)


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request, store: StoreDep):
    return _render(request, "actors.html", actors=find_actors(store))


@router.get("/actors/{label}", response_class=HTMLResponse)
def actor_page(request: Request, store: StoreDep, kb: KbDep, label: str):
    profile = actor_profile(store, label, kb) if re.match(LABEL, label) else None
    if profile is None:
        return error_page(request, 404, f"no events involve {label!r}")
    recent = find_events(store, EventFilter(actor=label), limit=20)
    chart = {"label": label, "partners": profile["partners"][:15]}
    return _render(request, "actor.html", actor=profile, recent=recent, chart=chart)


@router.get("/sources", response_class=HTMLResponse)
def sources_page(request: Request, store: StoreDep):
    return _render(request, "sources.html", sources=source_health(store))
