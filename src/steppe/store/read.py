"""Queries shared by the CLI, the REST API and the dashboard.

The older functions return plain dicts (the CLI prints them); the typed ones below
(`find_events`, `find_figures`, ...) return the records of `steppe.store.records`,
which carry their row id and document id.

Dates are strings at their own precision ("2024", "2024-08", "2024-08-08"), and the
`since`/`until` filters compare them by prefix: an event dated "2024-08" is within
`since="2024-08-15"` (it may have happened then) and within `until="2024-08"`.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

import sqlalchemy as sa

from steppe.facts import Actor, Span
from steppe.store import tables as t
from steppe.store.dyad_periods import read_version
from steppe.store.engine import Store
from steppe.store.keys import dyad_key, parse_dyad
from steppe.store.records import (
    DocumentRecord,
    Page,
    StoredActor,
    StoredAgreement,
    StoredEvent,
    StoredFigure,
    StoredMention,
    StoredProject,
)
from steppe.store.search import documents_matching, event_hits, events_matching

# Keeps IN lists under SQLite's bound-parameter limit on old builds (999).
_CHUNK = 500


def count_documents(store: Store) -> int:
    """Return the number of stored documents."""
    with store.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(t.documents)).scalar_one()


def list_documents(store: Store, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """Return documents without their text, newest publication first."""
    d = t.documents.c
    query = (
        sa.select(d.id, d.content_hash, d.title, d.source, d.url, d.published, d.language,
                  d.path, d.ingested_at)
        .order_by(d.published.is_(None), d.published.desc(), d.id)
        .limit(limit).offset(offset)
    )
    with store.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]


def get_document(store: Store, document_id: str) -> dict[str, Any] | None:
    """Return one document with its text and meta, None when not stored."""
    with store.connect() as conn:
        row = conn.execute(sa.select(t.documents).where(t.documents.c.id == document_id)).first()
    return None if row is None else dict(row._mapping)


def query_events(
    store: Store, *, actor: str | None = None, dyad: str | None = None,
    type: str | None = None, since: str | None = None, until: str | None = None,
    modality: str | None = None, document_id: str | None = None,
    limit: int | None = None, offset: int = 0,
) -> list[dict[str, Any]]:
    """Return events in the ANNOTATION.md shape plus `id`, `document_id`, `occurrence_id`.

    `actor` matches a code on either side; `dyad` ("KAZ-UZB") wants one code as a source
    and the other as a target, in either direction.
    """
    e = t.events.c
    query = sa.select(t.events)
    if actor:
        query = query.where(_has_actor(actor.upper()))
    if dyad:
        a, b = parse_dyad(dyad)
        query = query.where(sa.or_(
            sa.and_(_has_actor(a, "source"), _has_actor(b, "target")),
            sa.and_(_has_actor(b, "source"), _has_actor(a, "target")),
        ))
    if type:
        query = query.where(e.type == type.upper())
    if modality:
        query = query.where(e.modality == modality)
    if document_id:
        query = query.where(e.document_id == document_id)
    query = query.where(*_date_filters(e.date, since, until))
    query = query.order_by(e.date.is_(None), e.date, e.id).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    with store.connect() as conn:
        rows = conn.execute(query).all()
        actors = _event_actors(conn, [r.id for r in rows])
    return [_event_dict(r, actors.get(r.id, {})) for r in rows]


def query_figures(
    store: Store, *, dyad: str | None = None, indicator: str | None = None,
    kind: str | None = None, document_id: str | None = None,
) -> list[dict[str, Any]]:
    """Return figures in the ANNOTATION.md shape plus `id`, `document_id`, `dyad`."""
    f = t.figures.c
    query = sa.select(t.figures)
    if dyad:
        query = query.where(f.dyad == dyad_key(parse_dyad(dyad)))
    if indicator:
        query = query.where(f.indicator == indicator)
    if kind:
        query = query.where(f.kind == kind)
    if document_id:
        query = query.where(f.document_id == document_id)
    query = query.order_by(f.period.is_(None), f.period, f.id)
    with store.connect() as conn:
        return [_figure_dict(r) for r in conn.execute(query)]


def query_agreements(
    store: Store, *, dyad: str | None = None, document_id: str | None = None,
) -> list[dict[str, Any]]:
    """Return agreements in the ANNOTATION.md shape plus `id`, `document_id`, `key`.

    `dyad` matches agreements whose parties include both codes (a multilateral treaty
    counts for each pair of its parties).
    """
    a = t.agreements.c
    query = sa.select(t.agreements).order_by(a.date.is_(None), a.date, a.id)
    if document_id:
        query = query.where(a.document_id == document_id)
    wanted = set(parse_dyad(dyad)) if dyad else None
    if wanted:
        # The sorted `dyad` column narrows the rows in SQL; the exact check on the
        # parties list follows below.
        query = query.where(*(a.dyad.contains(code) for code in wanted))
    with store.connect() as conn:
        rows = [_agreement_dict(r) for r in conn.execute(query)]
    if wanted:
        rows = [r for r in rows if wanted <= set(r["parties"])]
    return rows


def summary(store: Store, *, top: int = 10) -> dict[str, Any]:
    """Return counts: documents, events and occurrences by type, top dyads, figures, agreements.

    Dyads count distinct occurrences, so a meeting reported by ten outlets counts once.
    Events not yet linked count as their own occurrence.
    """
    e = t.events.c
    occurrence = sa.func.coalesce(e.occurrence_id, sa.cast(e.id, sa.Text))
    with store.connect() as conn:
        by_type = conn.execute(
            sa.select(e.type, sa.func.count(), sa.func.count(sa.distinct(occurrence)))
            .group_by(e.type).order_by(e.type)
        ).all()
        dyads = conn.execute(_top_dyads(occurrence, top)).all()

        def count(table: sa.Table) -> int:
            return conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()

        return {
            "documents": count(t.documents),
            "events": count(t.events),
            "occurrences": conn.execute(
                sa.select(sa.func.count(sa.distinct(occurrence)))).scalar_one(),
            "events_by_type": {r[0]: r[1] for r in by_type},
            "occurrences_by_type": {r[0]: r[2] for r in by_type},
            "top_dyads": [{"dyad": r[0], "occurrences": r[1]} for r in dyads],
            "figures": count(t.figures),
            "agreements": count(t.agreements),
            "projects": count(t.projects),
        }


def _top_dyads(occurrence: sa.ColumnElement[str], top: int) -> sa.Select:
    src = t.event_actors.alias("src")
    tgt = t.event_actors.alias("tgt")
    a, b = _actor_label(src), _actor_label(tgt)
    dyad = sa.case((a < b, a + "-" + b), else_=b + "-" + a).label("dyad")
    n = sa.func.count(sa.distinct(occurrence)).label("n")
    return (
        sa.select(dyad, n)
        .select_from(t.events)
        .join(src, sa.and_(src.c.event_id == t.events.c.id, src.c.role == "source"))
        .join(tgt, sa.and_(tgt.c.event_id == t.events.c.id, tgt.c.role == "target"))
        .where(a != b)
        .group_by(dyad)
        .order_by(n.desc(), dyad)
        .limit(top)
    )


def _actor_label(ea: Any) -> sa.ColumnElement[str]:
    """A state's code, or an organisation's short name ("SCO" rather than "IGO")."""
    return sa.case(
        (sa.and_(ea.c.code == "IGO", ea.c.actor_id.like("igo:%")), sa.func.substr(ea.c.actor_id, 5)),
        else_=ea.c.code,
    )


def _has_actor(code: str, role: str | None = None) -> sa.ColumnElement[bool]:
    ea = t.event_actors.c
    cond = sa.select(ea.event_id).where(ea.event_id == t.events.c.id, ea.code == code)
    if role:
        cond = cond.where(ea.role == role)
    return cond.exists()


def _date_filters(column: sa.ColumnElement[str], since: str | None,
                  until: str | None) -> list[sa.ColumnElement[bool]]:
    out: list[sa.ColumnElement[bool]] = []
    if since:
        # "2024-08-08" >= "2024-08" as text; a coarser date qualifies when it is a
        # prefix of `since` ("2024-08" may cover the 15th).
        out.append(sa.or_(
            column >= since,
            column == sa.func.substr(sa.literal(since), 1, sa.func.length(column)),
        ))
    if until:
        # Cut the date to the precision of `until`, so "2024-08-31" <= "2024-08".
        out.append(sa.func.substr(column, 1, len(until)) <= until)
    return out


def _event_actors(conn: sa.Connection, ids: list[int]) -> dict[int, dict[str, list]]:
    ea = t.event_actors.c
    out: dict[int, dict[str, list]] = {}
    for chunk in _chunks(ids):
        query = (sa.select(ea.event_id, ea.role, ea.code, ea.sector, ea.text, ea.actor_id)
                 .where(ea.event_id.in_(chunk)).order_by(ea.event_id, ea.role, ea.position))
        for r in conn.execute(query):
            sides = out.setdefault(r.event_id, {"source": [], "target": []})
            actor = {"code": r.code, "sector": r.sector, "text": r.text}
            if r.actor_id:
                actor["actor_id"] = r.actor_id
            sides[r.role].append(actor)
    return out


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i:i + _CHUNK]


def _evidence(r: Any) -> dict[str, Any]:
    return {"start": r.evidence_start, "end": r.evidence_end, "text": r.evidence_text}


def _event_dict(r: Any, sides: dict[str, list]) -> dict[str, Any]:
    return {
        "id": r.id, "document_id": r.document_id, "occurrence_id": r.occurrence_id,
        "type": r.type, "mode": r.mode,
        "source": sides.get("source", []), "target": sides.get("target", []),
        "date": r.date, "date_precision": r.date_precision, "modality": r.modality,
        "evidence": _evidence(r), "confidence": r.confidence, "trigger": r.trigger,
        "date_source": r.date_source, "score": r.score, "quad": r.quad, "cameo": r.cameo,
    }


def _figure_dict(r: Any) -> dict[str, Any]:
    direction = None
    if r.direction_from or r.direction_to:
        direction = {"from": r.direction_from, "to": r.direction_to}
    value = r.value
    # Base units are whole numbers far more often than not (1300000000 USD).
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    out = {
        "id": r.id, "document_id": r.document_id, "indicator": r.indicator, "value": value,
        "unit": r.unit, "parties": list(r.parties or []), "dyad": r.dyad,
        "direction": direction, "period": r.period, "kind": r.kind,
        "deadline": r.deadline, "evidence": _evidence(r), "confidence": r.confidence,
    }
    if r.suspect:
        out["suspect"] = r.suspect
    return out


def _agreement_dict(r: Any) -> dict[str, Any]:
    return {
        "id": r.id, "document_id": r.document_id, "name": r.name, "kind": r.kind,
        "parties": list(r.parties or []), "date": r.date, "evidence": _evidence(r),
        "key": r.agreement_key, "event_id": r.event_id,
    }


# -- typed reads (records.py), used by the analysis modules, the API and the pages --------

@dataclass(frozen=True)
class EventFilter:
    """What `find_events` selects; every field is optional and they combine with AND.

    actor     a label (state code, or an organisation's short name such as "CSTO") on
              either side
    dyad      two labels, one as a source and one as a target; with `directed` the
              first must be the source
    q         words that must all occur in the evidence (full-text search)
    ids       only these event ids
    """

    actor: str | None = None
    dyad: str | None = None
    directed: bool = False
    type: str | None = None
    quad: int | None = None
    modality: str | None = None
    since: str | None = None
    until: str | None = None
    q: str | None = None
    document_id: str | None = None
    ids: tuple[int, ...] | None = None


# `find_events` counts matches up to this many; beyond it the total is reported as
# "at least TOTAL_CAP" (Page.total_capped), so a page costs the same in a large store.
TOTAL_CAP = 10_000


def find_events(store: Store, f: EventFilter = EventFilter(), *, limit: int | None = 50,
                offset: int = 0, newest_first: bool = True,
                total_cap: int | None = TOTAL_CAP) -> Page[StoredEvent]:
    """Return one page of the events `f` selects, with the total count (counted up to
    `total_cap`; `Page.total_capped` says when there are more)."""
    source, conditions, order = events_query(store, f, newest_first)
    with store.connect() as conn:
        total, capped = None, False
        if limit is not None or offset:
            matches = _matches(store, f, source, conditions)
            if total_cap is not None:
                matches = matches.limit(total_cap + 1)
            total = conn.execute(sa.select(sa.func.count())
                                 .select_from(matches.subquery())).scalar_one()
            if total_cap is not None and total > total_cap:
                total, capped = total_cap, True
            if _walk_dates(store, conn, f, source, newest_first, total):
                conditions = _event_conditions(store, f, probe_words=True)
        query = sa.select(t.events).select_from(source).where(*conditions) \
            .order_by(*order).offset(offset)
        if limit is not None:
            query = query.limit(limit)
        rows = conn.execute(query).all()
        if total is None:
            total = len(rows)
        actors = _event_actor_records(conn, [r.id for r in rows])
    items = [_stored_event(r, actors.get(r.id, {})) for r in rows]
    return Page(total=total, limit=limit if limit is not None else total, offset=offset,
                items=items, total_capped=capped)


def events_query(store: Store, f: EventFilter, newest_first: bool = True
                 ) -> tuple[sa.FromClause, list[sa.ColumnElement[bool]], list]:
    """What `find_events` selects from, its conditions and its order."""
    e = t.events.c
    walk = _dyad_walk(store, f)
    if walk is None:
        if newest_first and store.dialect == "sqlite":
            # NULL is SQLite's smallest value, so undated events come last as they
            # should, and the (date) index can serve the order.
            order = [e.date.desc(), e.id.desc()]
        else:
            order = [e.date.is_(None), e.date.desc(), e.id.desc()] if newest_first \
                else [e.date.is_(None), e.date, e.id]
        return t.events, _event_conditions(store, f), order
    # An undirected dyad: walk event_dyads' (dyad, date, event_id) index in order
    # (undated events have date '', so they come last newest first, as NULLs do).
    ed, conditions = walk
    order = [ed.c.date.desc(), ed.c.event_id.desc()] if newest_first \
        else [ed.c.date == "", ed.c.date, ed.c.event_id]
    return t.events.join(ed, ed.c.event_id == e.id), conditions, order


def _walk_dates(store: Store, conn: sa.Connection, f: EventFilter, source: sa.FromClause,
                newest_first: bool, matches: int) -> bool:
    """Whether SQLite should walk the date index newest first, checking each event
    against the words' matches, rather than sort every match: when matches are dense
    enough that the walk meets a page of them soon (about 50 * events / matches
    steps, against `matches` rows to sort)."""
    if store.dialect != "sqlite" or not f.q or not newest_first or source is not t.events:
        return False
    newest = conn.execute(sa.select(sa.func.max(t.events.c.id))).scalar() or 0
    return matches * matches > 50 * newest


def _matches(store: Store, f: EventFilter, source: sa.FromClause,
             conditions: list) -> sa.Select:
    """The rows `find_events` counts: a dyad's alone are counted on its index alone,
    and on SQLite words alone on the full-text index alone."""
    if f.q and len(conditions) == 1 and store.dialect == "sqlite":
        hits = event_hits(f.q)
        if hits is not None:
            return hits
    if isinstance(source, sa.Join) and len(conditions) == 1:
        return sa.select(sa.literal(1)).select_from(source.right).where(*conditions)
    return sa.select(sa.literal(1)).select_from(source).where(*conditions)


def _dyad_walk(store: Store, f: EventFilter) -> tuple[Any, list] | None:
    """For an undirected dyad of two labels: event_dyads and the conditions on it and
    on events; None when the general conditions apply."""
    if not f.dyad or f.directed:
        return None
    a, b = parse_dyad(f.dyad)
    if a == b:
        return None
    ed = t.event_dyads.alias("ed")
    rest = _event_conditions(store, replace(f, dyad=None))
    return ed, [ed.c.dyad == "-".join(sorted((a, b))), *rest]


def get_event(store: Store, event_id: int) -> StoredEvent | None:
    """Return one event, None when not stored."""
    page = find_events(store, EventFilter(ids=(event_id,)), limit=1)
    return page.items[0] if page.items else None


def _event_conditions(store: Store, f: EventFilter,
                      probe_words: bool = False) -> list[sa.ColumnElement[bool]]:
    e = t.events.c
    out: list[sa.ColumnElement[bool]] = []
    if f.actor:
        out.append(e.id.in_(_with_label(store, f.actor)))
    if f.dyad:
        a, b = parse_dyad(f.dyad)
        forward = _pair(store, a, b)
        out.append(e.id.in_(forward if f.directed else sa.union(forward, _pair(store, b, a))))
    if f.type:
        out.append(e.type == f.type.upper())
    if f.quad is not None:
        out.append(e.quad == f.quad)
    if f.modality:
        out.append(e.modality == f.modality)
    if f.document_id:
        out.append(e.document_id == f.document_id)
    if f.ids is not None:
        out.append(e.id.in_(list(f.ids)))
    if f.q and probe_words:
        # `id + 0`: SQLite then probes the matches for each event it walks instead of
        # reading events by the matches' ids (see _walk_dates).
        out.append((e.id + 0).in_(event_hits(f.q)))
    elif f.q:
        match = events_matching(store.dialect, f.q)
        if match is not None:
            out.append(match)
    out.extend(_date_filters(e.date, f.since, f.until))
    return out


def _label_match(store: Store, ea: Any, label: str) -> sa.ColumnElement[bool]:
    """A label is a state code ("KAZ") or an organisation ("CSTO", stored as code IGO
    with actor id igo:CSTO). Either way the condition starts with `code`, so the
    (code, role, event_id) index serves it."""
    label = label.strip()
    with store.connect() as conn:
        is_igo = conn.execute(sa.select(t.actors.c.id)
                              .where(t.actors.c.id == "igo:" + label)).first() is not None
    if is_igo:
        return sa.and_(ea.c.code == "IGO", ea.c.actor_id == "igo:" + label)
    return ea.c.code == label.upper()


def _with_label(store: Store, label: str, role: str | None = None) -> sa.Select:
    ea = t.event_actors.alias("ea")
    query = sa.select(ea.c.event_id).where(_label_match(store, ea, label))
    return query.where(ea.c.role == role) if role else query


def _pair(store: Store, source: str, target: str) -> sa.Select:
    """Ids of events with `source` among the sources and `target` among the targets."""
    src, tgt = t.event_actors.alias("src"), t.event_actors.alias("tgt")
    return (sa.select(src.c.event_id)
            .join(tgt, sa.and_(tgt.c.event_id == src.c.event_id, tgt.c.role == "target"))
            .where(src.c.role == "source", _label_match(store, src, source),
                   _label_match(store, tgt, target)))


def _event_actor_records(conn: sa.Connection, ids: list[int]) -> dict[int, dict[str, list[Actor]]]:
    ea = t.event_actors.c
    out: dict[int, dict[str, list[Actor]]] = {}
    for chunk in _chunks(ids):
        query = (sa.select(ea.event_id, ea.role, ea.code, ea.sector, ea.text, ea.actor_id)
                 .where(ea.event_id.in_(chunk)).order_by(ea.event_id, ea.role, ea.position))
        for r in conn.execute(query):
            sides = out.setdefault(r.event_id, {"source": [], "target": []})
            sides[r.role].append(Actor(code=r.code, sector=r.sector, text=r.text,
                                       actor_id=r.actor_id or ""))
    return out


def _span(r: Any) -> Span:
    return Span(r.evidence_start, r.evidence_end, r.evidence_text)


def _stored_event(r: Any, sides: dict[str, list[Actor]]) -> StoredEvent:
    return StoredEvent(
        id=r.id, document_id=r.document_id, occurrence_id=r.occurrence_id,
        type=r.type, mode=r.mode, source=sides.get("source", []),
        target=sides.get("target", []), evidence=_span(r), date=r.date,
        date_precision=r.date_precision, modality=r.modality,
        confidence=r.confidence if r.confidence is not None else 0.5, trigger=r.trigger,
        date_source=r.date_source, score=r.score, quad=r.quad, cameo=r.cameo)


def find_documents(store: Store, *, q: str | None = None, limit: int = 50,
                   offset: int = 0) -> Page[DocumentRecord]:
    """Return one page of documents (without text), newest publication first."""
    d = t.documents.c
    conditions = []
    if q:
        match = documents_matching(store.dialect, q)
        if match is not None:
            conditions.append(match)
    columns = (d.id, d.title, d.source, d.url, d.published, d.language, d.path,
               d.content_hash, d.ingested_at)
    with store.connect() as conn:
        total = conn.execute(sa.select(sa.func.count()).select_from(t.documents)
                             .where(*conditions)).scalar_one()
        rows = conn.execute(sa.select(*columns).where(*conditions)
                            .order_by(d.published.is_(None), d.published.desc(), d.id)
                            .limit(limit).offset(offset)).all()
    return Page(total=total, limit=limit, offset=offset,
                items=[DocumentRecord(**r._mapping) for r in rows])


def get_document_record(store: Store, document_id: str) -> DocumentRecord | None:
    """Return one document with its text, None when not stored."""
    with store.connect() as conn:
        r = conn.execute(sa.select(t.documents).where(t.documents.c.id == document_id)).first()
    if r is None:
        return None
    return DocumentRecord(id=r.id, title=r.title, source=r.source, url=r.url,
                          published=r.published, language=r.language, path=r.path,
                          content_hash=r.content_hash, ingested_at=r.ingested_at,
                          text=r.text, meta=r.meta)


def find_figures(store: Store, *, dyad: str | None = None, indicator: str | None = None,
                 kind: str | None = None, document_id: str | None = None) -> list[StoredFigure]:
    """Return figures, oldest period first; `dyad` wants both codes among the parties."""
    f = t.figures.c
    query = sa.select(t.figures).order_by(f.period.is_(None), f.period, f.id)
    wanted = set(parse_dyad(dyad)) if dyad else set()
    query = query.where(*(f.dyad.contains(code) for code in wanted))
    if indicator:
        query = query.where(f.indicator == indicator)
    if kind:
        query = query.where(f.kind == kind)
    if document_id:
        query = query.where(f.document_id == document_id)
    with store.connect() as conn:
        rows = conn.execute(query).all()
    out = []
    for r in rows:
        direction = ({"from": r.direction_from, "to": r.direction_to}
                     if r.direction_from or r.direction_to else None)
        item = StoredFigure(
            id=r.id, document_id=r.document_id, indicator=r.indicator, value=r.value,
            unit=r.unit, parties=list(r.parties or []), evidence=_span(r), direction=direction,
            period=r.period, kind=r.kind, deadline=r.deadline, suspect=r.suspect,
            confidence=r.confidence if r.confidence is not None else 0.5)
        if wanted <= set(item.parties):
            out.append(item)
    return out


def find_agreements(store: Store, *, dyad: str | None = None,
                    document_id: str | None = None) -> list[StoredAgreement]:
    """Return agreement reports, oldest first; `dyad` wants both codes among the parties."""
    a = t.agreements.c
    query = sa.select(t.agreements).order_by(a.date.is_(None), a.date, a.id)
    wanted = set(parse_dyad(dyad)) if dyad else set()
    query = query.where(*(a.dyad.contains(code) for code in wanted))
    if document_id:
        query = query.where(a.document_id == document_id)
    with store.connect() as conn:
        rows = conn.execute(query).all()
    out = [StoredAgreement(id=r.id, document_id=r.document_id, name=r.name, kind=r.kind,
                           parties=list(r.parties or []), date=r.date, evidence=_span(r),
                           key=r.agreement_key, event_id=r.event_id) for r in rows]
    return [x for x in out if wanted <= set(x.parties)]


def find_projects(store: Store, *, dyad: str | None = None,
                  document_id: str | None = None) -> list[StoredProject]:
    """Return projects with their status history; `dyad` wants both codes among the parties."""
    p, ps = t.projects.c, t.project_status.c
    query = sa.select(t.projects).order_by(p.id)
    wanted = set(parse_dyad(dyad)) if dyad else set()
    query = query.where(*(p.dyad.contains(code) for code in wanted))
    if document_id:
        query = query.where(p.document_id == document_id)
    with store.connect() as conn:
        rows = conn.execute(query).all()
        status: dict[int, list[tuple[str | None, str]]] = {}
        for chunk in _chunks([r.id for r in rows]):
            for s in conn.execute(sa.select(ps.project_id, ps.date, ps.status)
                                  .where(ps.project_id.in_(chunk))
                                  .order_by(ps.project_id, ps.position)):
                status.setdefault(s.project_id, []).append((s.date, s.status))
    out = [StoredProject(id=r.id, document_id=r.document_id, name=r.name, kind=r.kind,
                         parties=list(r.parties or []), evidence=_span(r),
                         status=status.get(r.id, []), value=r.value, unit=r.unit)
           for r in rows]
    return [x for x in out if wanted <= set(x.parties)]


def find_mentions(store: Store, document_id: str) -> list[StoredMention]:
    """Return the actor mentions of one document in text order."""
    m = t.mentions.c
    with store.connect() as conn:
        rows = conn.execute(sa.select(t.mentions).where(m.document_id == document_id)
                            .order_by(m.start, m.id)).all()
    return [StoredMention(id=r.id, document_id=r.document_id, start=r.start, end=r.end,
                          code=r.code, sector=r.sector, text=r.text, actor_id=r.actor_id)
            for r in rows]


@dataclass(frozen=True)
class DyadActivity:
    """Occurrences from `source` to `target` (in `period`, when asked by period)."""

    source: str
    target: str
    period: str | None
    occurrences: int
    score_sum: float
    scored: int          # occurrences that have a score (the index mean divides by this)


def dyad_activity(store: Store, *, since: str | None = None, until: str | None = None,
                  modality: str | None = "asserted", period_width: int | None = None,
                  labels: Iterable[str] | None = None,
                  directed: bool = True) -> list[DyadActivity]:
    """Aggregate events into directed (source, target) pairs of labels, in SQL.

    Undirected (`directed=False`), the pair is sorted (source < target), so an
    occurrence between two actors counts once whichever way it went.

    Counts occurrences, not reports: the reports of one occurrence count once, with
    their mean score. `period_width` 4 groups by year, 7 by month (undated events and
    coarser dates are left out then). `labels` keeps pairs whose both ends are among them.
    """
    e = t.events.c
    src, tgt = t.event_actors.alias("src"), t.event_actors.alias("tgt")
    s_label, t_label = _actor_label(src), _actor_label(tgt)
    if not directed:
        s_label, t_label = (sa.case((s_label < t_label, s_label), else_=t_label),
                            sa.case((s_label < t_label, t_label), else_=s_label))
    occurrence = sa.func.coalesce(e.occurrence_id, "event:" + sa.cast(e.id, sa.Text))
    period = sa.func.substr(e.date, 1, period_width) if period_width else sa.null()
    inner = (
        sa.select(occurrence.label("occ"), s_label.label("s"), t_label.label("t"),
                  period.label("period"), sa.func.avg(e.score).label("score"))
        .select_from(t.events)
        .join(src, sa.and_(src.c.event_id == e.id, src.c.role == "source"))
        .join(tgt, sa.and_(tgt.c.event_id == e.id, tgt.c.role == "target"))
        .where(s_label != t_label, *_date_filters(e.date, since, until))
        .group_by(occurrence, s_label, t_label, *([period] if period_width else []))
    )
    if modality:
        inner = inner.where(e.modality == modality)
    if period_width:
        inner = inner.where(sa.func.length(e.date) >= period_width)
    wanted = sorted({x.strip() for x in labels}) if labels is not None else None
    key = ("dyad_activity", since, until, modality, period_width,
           tuple(wanted) if wanted is not None else None, directed)
    # The aggregate scans every event (about 1 s for 100,000 on SQLite): kept until
    # the events change, so the overview and the API answer from memory.
    return remembered(store, key, lambda: _dyad_activity(store, inner, wanted, s_label, t_label))


def _dyad_activity(store: Store, inner: sa.Select, wanted: list[str] | None,
                   s_label: sa.ColumnElement, t_label: sa.ColumnElement) -> list[DyadActivity]:
    if wanted is not None:
        inner = inner.where(s_label.in_(wanted), t_label.in_(wanted))
    sub = inner.subquery()
    query = (sa.select(sub.c.s, sub.c.t, sub.c.period, sa.func.count(),
                       sa.func.coalesce(sa.func.sum(sub.c.score), 0.0),
                       sa.func.count(sub.c.score))
             .group_by(sub.c.s, sub.c.t, sub.c.period))
    with store.connect() as conn:
        return [DyadActivity(r[0], r[1], r[2], r[3], float(r[4]), r[5])
                for r in conn.execute(query)]


_REMEMBERED: dict[tuple, Any] = {}
_REMEMBER_AT_MOST = 32
_REMEMBER_LOCK = threading.Lock()


def remembered(store: Store, key: tuple, compute: Any) -> Any:
    """`compute()`, or its earlier result for the same `key` while the store's events are
    unchanged (see events_version). Callers must not mutate what comes back."""
    full = (str(store.engine.url), id(store.engine), events_version(store), *key)
    with _REMEMBER_LOCK:
        if full in _REMEMBERED:
            return _REMEMBERED[full]
    value = compute()
    with _REMEMBER_LOCK:
        if len(_REMEMBERED) >= _REMEMBER_AT_MOST:
            _REMEMBERED.pop(next(iter(_REMEMBERED)))
        _REMEMBERED[full] = value
    return value


def events_version(store: Store) -> int:
    """Changes whenever events are added, deleted or linked into occurrences: the
    number every writer bumps (store.dyad_periods.bump_version), one row to read."""
    with store.connect() as conn:
        return read_version(conn)


def find_actors(store: Store) -> list[StoredActor]:
    """States and organisations that take part in events, busiest first."""
    return remembered(store, ("actors",), lambda: _find_actors(store))


def _find_actors(store: Store) -> list[StoredActor]:
    ea, a = t.event_actors.c, t.actors.c
    label = _actor_label(t.event_actors)
    with store.connect() as conn:
        counts = conn.execute(
            sa.select(label, sa.func.count(sa.distinct(ea.event_id)))
            .group_by(label)).all()
        names = {r.id: r.name for r in conn.execute(
            sa.select(a.id, a.name).where(a.kind.in_(["state", "igo"])))}
    out = []
    for lab, n in counts:
        kind = "state" if f"state:{lab}" in names else "igo" if f"igo:{lab}" in names \
            else "other"
        out.append(StoredActor(label=lab, kind=kind, name=lab, events=n))
    return sorted(out, key=lambda x: (-x.events, x.label))


@dataclass(frozen=True)
class PersonActivity:
    """A person the facts name on a state's or organisation's side."""

    actor_id: str
    name: str
    sector: str
    events: int
    first: str | None
    last: str | None


def people_of(store: Store, label: str) -> list[PersonActivity]:
    """People who acted for `label` in events, with when they did, busiest first."""
    ea, e, a = t.event_actors.c, t.events.c, t.actors.c
    with store.connect() as conn:
        rows = conn.execute(
            sa.select(ea.actor_id, sa.func.max(a.name), sa.func.max(ea.sector),
                      sa.func.count(sa.distinct(ea.event_id)), sa.func.min(e.date),
                      sa.func.max(e.date))
            .join(t.events, t.events.c.id == ea.event_id)
            .join(t.actors, t.actors.c.id == ea.actor_id)
            .where(ea.actor_id.like("person:%"),
                   ea.code == label.upper())
            .group_by(ea.actor_id)).all()
    return sorted((PersonActivity(r[0], r[1] or r[0], r[2] or "", r[3], r[4], r[5])
                   for r in rows), key=lambda p: (-p.events, p.actor_id))


# -- aggregates kept by the writers (store.dyad_periods) -----------------------------------

@dataclass(frozen=True)
class PeriodCell:
    """The occurrences of a dyad dated in one period ("2024-08", "2024" when dated only
    to the year, "" when undated), from the dyad_periods table."""

    period: str
    occurrences: int
    reports: int
    score_sum: float
    scored: int
    by_type: dict[str, int]
    by_quad: dict[int, int]


def dyad_periods(store: Store, a: str, b: str, *, direction: str = "both",
                 modality: str | None = "asserted") -> list[PeriodCell]:
    """The stored period rows of the dyad a-b, oldest first; `direction` "forward" is
    a acting on b. `modality` is "asserted" or None (every modality)."""
    lo, hi = sorted((a, b))
    if direction != "both" and a != lo:
        direction = "forward" if direction == "backward" else "backward"
    dp = t.dyad_periods.c
    query = (sa.select(t.dyad_periods)
             .where(dp.a == lo, dp.b == hi, dp.direction == direction,
                    dp.counted == _counted(modality), dp.period != "*")
             .order_by(dp.period))
    with store.connect() as conn:
        return [PeriodCell(r.period, r.occurrences, r.reports, r.score_sum, r.scored,
                           dict(r.by_type), {int(k): v for k, v in r.by_quad.items()})
                for r in conn.execute(query)]


def dyad_totals(store: Store, *, modality: str | None = "asserted",
                directed: bool = True) -> list[DyadActivity]:
    """What `dyad_activity` answers for all time, read from the stored all-time rows."""
    dp = t.dyad_periods.c
    query = sa.select(t.dyad_periods).where(dp.counted == _counted(modality), dp.period == "*")
    query = query.where(dp.direction != "both") if directed else \
        query.where(dp.direction == "both")
    with store.connect() as conn:
        rows = conn.execute(query.order_by(dp.a, dp.b, dp.direction)).all()
    return [DyadActivity(r.b if r.direction == "backward" else r.a,
                         r.a if r.direction == "backward" else r.b,
                         None, r.occurrences, r.score_sum, r.scored) for r in rows]


def _counted(modality: str | None) -> str:
    if modality not in ("asserted", None):
        raise ValueError(f"dyad_periods count asserted events or all; got {modality!r}")
    return "asserted" if modality else "any"


def label_kinds(store: Store, labels: Iterable[str]) -> dict[str, str]:
    """state / igo / other for each label, as `find_actors` tells them apart."""
    labels = sorted(set(labels))
    ids = [f"{k}:{lab}" for lab in labels for k in ("state", "igo")]
    a = t.actors.c
    known: set[str] = set()
    with store.connect() as conn:
        for chunk in (ids[i:i + _CHUNK] for i in range(0, len(ids), _CHUNK)):
            known |= set(conn.execute(sa.select(a.id).where(
                a.id.in_(chunk), a.kind.in_(["state", "igo"]))).scalars())
    return {lab: "state" if f"state:{lab}" in known else "igo" if f"igo:{lab}" in known
            else "other" for lab in labels}
