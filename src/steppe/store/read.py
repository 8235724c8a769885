"""Queries shared by the CLI and the REST API; they return plain dicts.

Dates are strings at their own precision ("2024", "2024-08", "2024-08-08"), and the
`since`/`until` filters compare them by prefix: an event dated "2024-08" is within
`since="2024-08-15"` (it may have happened then) and within `until="2024-08"`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa

from steppe.store import tables as t
from steppe.store.engine import Store
from steppe.store.keys import dyad_key, parse_dyad

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
