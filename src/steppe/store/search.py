"""Full-text search through the database's own engine (migration 0004).

SQLite uses the FTS5 tables `events_fts` and `documents_fts`; PostgreSQL matches
`to_tsvector('simple', ...)` against a query, served by the GIN indexes of the same
migration. User input never reaches either query language as syntax: it is cut into
words, each searched as a literal term (all must occur; a trailing * asks for a prefix).
"""

from __future__ import annotations

import re

import sqlalchemy as sa

from steppe.store import tables as t

# Names of the objects migration 0004 adds and tables.py does not describe.
FTS_NAMES = frozenset({"events_fts", "documents_fts", "ix_events_fts", "ix_documents_fts"})

_WORD = re.compile(r"\w+\*?", re.UNICODE)
_MAX_TERMS = 16


def terms(query: str) -> list[str]:
    """The words of a user's query, lower-cased; "Gas pipe*" -> ["gas", "pipe*"]."""
    return [w.lower() for w in _WORD.findall(query or "")][:_MAX_TERMS]


def is_fts_name(name: str | None) -> bool:
    """Whether a table or index belongs to full-text search (SQLite adds shadow tables
    such as events_fts_data), so schema comparisons can leave them out."""
    return bool(name) and any(name == n or name.startswith(n + "_") for n in FTS_NAMES)


def _fts5(words: list[str]) -> str:
    # Each word becomes a quoted FTS5 string, so nothing in it is syntax.
    return " ".join(f'"{w.rstrip("*")}"' + ("*" if w.endswith("*") else "") for w in words)


def _tsquery(words: list[str]) -> sa.ColumnElement:
    parts = []
    for w in words:
        # to_tsquery syntax: quote the lexeme; ':*' asks for a prefix.
        lexeme = "'" + w.rstrip("*").replace("'", "''") + "'"
        parts.append(lexeme + (":*" if w.endswith("*") else ""))
    return sa.func.to_tsquery("simple", " & ".join(parts))


def event_hits(query: str) -> sa.Select | None:
    """SQLite: the ids of the events whose evidence has every word, from the FTS5 index."""
    words = terms(query)
    if not words:
        return None
    fts = sa.table("events_fts", sa.column("rowid"))
    return sa.select(fts.c.rowid).where(sa.text("events_fts MATCH :fts_events")
                                        .bindparams(fts_events=_fts5(words)))


def events_matching(dialect: str, query: str) -> sa.ColumnElement[bool] | None:
    """A condition on `events` true for events whose evidence has every word; None when
    the query has no words."""
    words = terms(query)
    if not words:
        return None
    if dialect == "sqlite":
        return t.events.c.id.in_(event_hits(query))
    if dialect == "postgresql":
        vector = sa.func.to_tsvector("simple", t.events.c.evidence_text)
        return vector.op("@@")(_tsquery(words))
    return sa.and_(*(t.events.c.evidence_text.ilike(f"%{w.rstrip('*')}%") for w in words))


def documents_matching(dialect: str, query: str) -> sa.ColumnElement[bool] | None:
    """A condition on `documents` true for documents whose title or text has every word."""
    words = terms(query)
    if not words:
        return None
    d = t.documents.c
    if dialect == "sqlite":
        fts = sa.table("documents_fts", sa.column("document_id"))
        hits = sa.select(fts.c.document_id).where(sa.text("documents_fts MATCH :fts_docs")
                                                  .bindparams(fts_docs=_fts5(words)))
        return d.id.in_(hits)
    if dialect == "postgresql":
        vector = sa.func.to_tsvector("simple", sa.func.coalesce(d.title, "") + " " + d.text)
        return vector.op("@@")(_tsquery(words))
    return sa.and_(*(d.text.ilike(f"%{w.rstrip('*')}%") for w in words))
