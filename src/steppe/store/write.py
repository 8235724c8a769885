"""Write one document and its facts: one document, one transaction.

`save_document` and `replace_facts` own their transaction. `write_document` and
`write_facts` take a connection the caller has already begun and never commit, for
callers that batch differently.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Literal

import sqlalchemy as sa

from steppe.facts import Actor, Document, Facts, content_hash
from steppe.store import dyad_periods
from steppe.store import tables as t
from steppe.store.engine import Store
from steppe.store.errors import DocumentNotFound
from steppe.store.keys import agreement_key, dyad_key

Status = Literal["added", "duplicate"]


@dataclass(frozen=True)
class SaveResult:
    status: Status
    document_id: str


def save_document(store: Store, doc: Document, facts: Facts | None = None) -> SaveResult:
    """Store the document and its facts in one transaction, unless it is already stored.

    A document already stored under the same id or content hash is a duplicate:
    nothing is written and the stored document's id comes back.
    """
    return store.retry(f"saving document {doc.id!r}", lambda: _save_document(store, doc, facts))


def _save_document(store: Store, doc: Document, facts: Facts | None) -> SaveResult:
    try:
        with store.begin() as conn:
            existing = find_document(conn, doc)
            if existing is not None:
                return SaveResult("duplicate", existing)
            write_document(conn, doc, facts)
    except sa.exc.IntegrityError:
        # Another writer stored the same document between our check and our insert
        # (possible on PostgreSQL; SQLite's BEGIN IMMEDIATE serialises writers).
        with store.connect() as conn:
            existing = find_document(conn, doc)
        if existing is None:
            raise
        return SaveResult("duplicate", existing)
    return SaveResult("added", doc.id)


def save_documents(store: Store, pairs: list[tuple[Document, Facts | None]]) -> list[SaveResult]:
    """Store a batch of documents with their facts in one transaction (bulk ingestion).

    Same outcome as `save_document` on each pair in turn: a document already stored, or
    earlier in the batch, under the same id or content hash is a duplicate. If any
    document fails, the whole batch is rolled back and the error raised (callers retry
    one document per transaction to find the culprit).
    """
    return store.retry(f"saving {len(pairs)} documents", lambda: _save_documents(store, pairs))


def _save_documents(store: Store, pairs: list[tuple[Document, Facts | None]]) -> list[SaveResult]:
    results = []
    with store.begin() as conn:
        for doc, facts in pairs:
            existing = find_document(conn, doc)
            if existing is None:
                write_document(conn, doc, facts)
                results.append(SaveResult("added", doc.id))
            else:
                results.append(SaveResult("duplicate", existing))
    return results


def replace_facts(store: Store, document_id: str, facts: Facts) -> None:
    """Replace every fact of a stored document with `facts`, in one transaction."""
    store.retry(f"replacing the facts of {document_id!r}",
                lambda: _replace_facts(store, document_id, facts))


def _replace_facts(store: Store, document_id: str, facts: Facts) -> None:
    with store.begin() as conn:
        found = conn.execute(
            sa.select(t.documents.c.id).where(t.documents.c.id == document_id)
        ).first()
        if found is None:
            raise DocumentNotFound(document_id)
        dyad_periods.lock_writers(conn)
        delete_facts(conn, document_id)
        write_facts(conn, document_id, facts)


def save_skip(store: Store, path: str, reason: str, *, line: int | None = None) -> None:
    """Record an input record that could not be read."""
    def attempt() -> None:
        with store.begin() as conn:
            conn.execute(t.skips.insert().values(
                path=path, line=line, reason=reason, at=datetime.now(timezone.utc)))

    store.retry(f"recording the skip of {path!r}", attempt)


def find_document(conn: sa.Connection, doc: Document) -> str | None:
    """Return the id of the stored document with this id or content hash, if any."""
    hash_ = doc.content_hash or content_hash(doc.text)
    row = conn.execute(
        sa.select(t.documents.c.id)
        .where(sa.or_(t.documents.c.id == doc.id, t.documents.c.content_hash == hash_))
        .limit(1)
    ).first()
    return None if row is None else row.id


def write_document(conn: sa.Connection, doc: Document, facts: Facts | None) -> None:
    """Insert the document row and its facts; the caller owns the transaction."""
    # Before the first insert, so a writer never waits for the lock holding rows.
    dyad_periods.lock_writers(conn)
    conn.execute(t.documents.insert().values(
        id=doc.id,
        content_hash=doc.content_hash or content_hash(doc.text),
        title=doc.title, source=doc.source, url=doc.url, published=doc.date,
        language=doc.language, path=doc.path, text=doc.text, meta=doc.meta or None,
        ingested_at=datetime.now(timezone.utc),
    ))
    if facts is not None:
        write_facts(conn, doc.id, facts)


def delete_facts(conn: sa.Connection, document_id: str) -> None:
    """Delete every fact of the document, keeping the document row."""
    # Explicit deletes rather than relying on cascades alone: event_actors and
    # project_status go with their parents by ON DELETE CASCADE (event_dyads too).
    # The occurrences its events reported are taken out of dyad_periods and put back
    # with the reports other documents keep.
    tracker = dyad_periods.Tracker(conn, dyad_periods.occurrence_keys(
        conn, t.events.c.document_id == document_id))
    for table in (t.mentions, t.events, t.figures, t.agreements, t.projects):
        conn.execute(table.delete().where(table.c.document_id == document_id))
    tracker.done()


def write_facts(conn: sa.Connection, document_id: str, facts: Facts) -> None:
    """Insert mentions, events, figures, agreements and projects of one document."""
    _ensure_actors(conn, facts)
    if facts.mentions:
        conn.execute(t.mentions.insert(), [
            {"document_id": document_id, "start": m.start, "end": m.end,
             "actor_id": m.actor_id or None, "code": m.code, "sector": m.sector,
             "text": m.text, "confidence": m.confidence}
            for m in facts.mentions
        ])
    event_ids: list[int] = []
    for event in facts.events:
        event_id = conn.execute(t.events.insert().values(
            document_id=document_id, type=event.type, mode=event.mode,
            modality=event.modality, date=event.date, date_precision=event.date_precision,
            cameo=event.cameo, quad=event.quad, score=event.score,
            confidence=event.confidence, trigger=event.trigger, date_source=event.date_source,
            **_evidence(event.evidence),
        )).inserted_primary_key[0]
        event_ids.append(event_id)
        rows = [_event_actor(event_id, "source", i, a) for i, a in enumerate(event.source)]
        rows += [_event_actor(event_id, "target", i, a) for i, a in enumerate(event.target)]
        if rows:
            conn.execute(t.event_actors.insert(), rows)
    # New events are occurrences of their own until linked (store.occurrences).
    dyad_periods.add_event_dyads(conn, event_ids)
    dyad_periods.Tracker(conn, set()).done(f"event:{i}" for i in event_ids)
    if facts.figures:
        conn.execute(t.figures.insert(), [
            {"document_id": document_id, "indicator": f.indicator, "value": f.value,
             "unit": f.unit, "parties": list(f.parties), "dyad": dyad_key(f.parties),
             "direction_from": (f.direction or {}).get("from"),
             "direction_to": (f.direction or {}).get("to"),
             "period": f.period, "kind": f.kind, "deadline": f.deadline,
             "suspect": f.suspect, "confidence": f.confidence, **_evidence(f.evidence)}
            for f in facts.figures
        ])
    if facts.agreements:
        conn.execute(t.agreements.insert(), [
            {"document_id": document_id, "name": a.name, "kind": a.kind,
             "parties": list(a.parties), "dyad": dyad_key(a.parties), "date": a.date,
             "agreement_key": agreement_key(a.name), **_evidence(a.evidence),
             "event_id": event_ids[a.signing_event] if a.signing_event is not None
             and 0 <= a.signing_event < len(event_ids) else None}
            for a in facts.agreements
        ])
    for project in facts.projects:
        project_id = conn.execute(t.projects.insert().values(
            document_id=document_id, name=project.name, kind=project.kind,
            parties=list(project.parties), dyad=dyad_key(project.parties),
            value=project.value, unit=project.unit, **_evidence(project.evidence),
        )).inserted_primary_key[0]
        if project.status:
            conn.execute(t.project_status.insert(), [
                {"project_id": project_id, "position": i, "date": date, "status": status}
                for i, (date, status) in enumerate(project.status)
            ])


def _evidence(span: Any) -> dict[str, Any]:
    return {"evidence_start": span.start, "evidence_end": span.end,
            "evidence_text": span.text}


def _event_actor(event_id: int, role: str, position: int, actor: Actor) -> dict[str, Any]:
    return {"event_id": event_id, "role": role, "position": position,
            "actor_id": actor.actor_id or None, "code": actor.code,
            "sector": actor.sector, "text": actor.text}


def _ensure_actors(conn: sa.Connection, facts: Facts) -> None:
    """Insert the actors the facts refer to by KB id, when not stored yet."""
    wanted: dict[str, Actor] = {}
    for actor in _all_actors(facts):
        if actor.actor_id and actor.actor_id not in wanted:
            wanted[actor.actor_id] = actor
    if not wanted:
        return
    stored = set(conn.execute(
        sa.select(t.actors.c.id).where(t.actors.c.id.in_(list(wanted)))
    ).scalars())
    rows = [
        {"id": actor_id, "kind": actor_id.partition(":")[0] if ":" in actor_id else "",
         "code": a.code, "sector": a.sector, "name": a.text}
        for actor_id, a in wanted.items() if actor_id not in stored
    ]
    if rows:
        conn.execute(_insert_ignoring_conflicts(conn, t.actors), rows)


def _all_actors(facts: Facts) -> Iterable[Actor]:
    yield from facts.mentions
    for event in facts.events:
        yield from event.source
        yield from event.target


def _insert_ignoring_conflicts(conn: sa.Connection, table: sa.Table) -> sa.Insert:
    # Two writers may add the same actor at once on PostgreSQL; the first one wins and
    # actor rows are the same either way.
    name = conn.dialect.name
    if name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
        return insert(table).on_conflict_do_nothing()
    if name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
        return insert(table).on_conflict_do_nothing()
    return table.insert()
