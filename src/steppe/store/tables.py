"""The store's schema as SQLAlchemy Core tables.

This module describes the schema; it never creates it. A database is built by the
Alembic migrations in `migrations/versions/` (see `schema.upgrade`), and a test checks
that the migrated database and this `metadata` agree, so change both together.

Every fact row points at its document and carries its evidence span: provenance is
never optional (DESIGN.md, "Core records").
"""

from __future__ import annotations

import sqlalchemy as sa

# Named constraints let later Alembic migrations drop or alter them portably
# (SQLite batch mode needs the names). See: alembic docs, "The Importance of Naming
# Constraints".
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)


def _document_fk() -> sa.Column:
    # Deleting a document deletes everything found in it.
    return sa.Column(
        "document_id", sa.Text, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False
    )


def _evidence() -> list[sa.Column]:
    return [
        sa.Column("evidence_start", sa.Integer, nullable=False),
        sa.Column("evidence_end", sa.Integer, nullable=False),
        sa.Column("evidence_text", sa.Text, nullable=False, server_default=""),
    ]


documents = sa.Table(
    "documents", metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("content_hash", sa.Text, nullable=False, unique=True),
    sa.Column("title", sa.Text),
    sa.Column("source", sa.Text),
    sa.Column("url", sa.Text),
    # A date string at whatever precision is known ("2024", "2024-08", "2024-08-08").
    sa.Column("published", sa.Text),
    sa.Column("language", sa.Text),
    sa.Column("path", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("meta", sa.JSON),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
)

# Actors seen in stored facts, keyed by knowledge-base id ("state:UZB",
# "person:shavkat-mirziyoyev", "igo:SCO", "unknown"). The KB itself lives in steppe.kb;
# this is the subset the facts refer to, so joins need no KB at query time.
actors = sa.Table(
    "actors", metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("kind", sa.Text, nullable=False, server_default=""),
    sa.Column("code", sa.Text, nullable=False, server_default=""),
    sa.Column("sector", sa.Text, nullable=False, server_default=""),
    sa.Column("name", sa.Text, nullable=False, server_default=""),
)

mentions = sa.Table(
    "mentions", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    _document_fk(),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("actor_id", sa.Text, sa.ForeignKey("actors.id")),
    sa.Column("code", sa.Text, nullable=False, server_default=""),
    sa.Column("sector", sa.Text, nullable=False, server_default=""),
    sa.Column("text", sa.Text, nullable=False, server_default=""),
    sa.Column("confidence", sa.Float),
    sa.Index("ix_mentions_document_id", "document_id"),
    sa.Index("ix_mentions_actor_id", "actor_id"),
)

events = sa.Table(
    "events", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    _document_fk(),
    sa.Column("type", sa.Text, nullable=False),
    sa.Column("mode", sa.Text, nullable=False, server_default=""),
    sa.Column("modality", sa.Text, nullable=False, server_default="asserted"),
    sa.Column("date", sa.Text),
    sa.Column("date_precision", sa.Text, nullable=False, server_default="unknown"),
    sa.Column("cameo", sa.Text),
    sa.Column("quad", sa.Integer),
    sa.Column("score", sa.Float),
    sa.Column("confidence", sa.Float),
    sa.Column("trigger", sa.Text, nullable=False, server_default=""),
    sa.Column("date_source", sa.Text, nullable=False, server_default="text"),
    *_evidence(),
    # Shared by the events of all documents that report the same happening;
    # assigned by occurrences.link_occurrences, NULL until then.
    sa.Column("occurrence_id", sa.Text),
    sa.Index("ix_events_document_id", "document_id"),
    sa.Index("ix_events_type", "type"),
    sa.Index("ix_events_date", "date"),
    sa.Index("ix_events_occurrence_id", "occurrence_id"),
)

event_actors = sa.Table(
    "event_actors", metadata,
    sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("role", sa.Text, primary_key=True),       # 'source' | 'target'
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("actor_id", sa.Text, sa.ForeignKey("actors.id")),
    sa.Column("code", sa.Text, nullable=False),
    sa.Column("sector", sa.Text, nullable=False, server_default=""),
    sa.Column("text", sa.Text, nullable=False, server_default=""),
    sa.CheckConstraint("role IN ('source', 'target')", name="role"),
    # (code, role, event_id) answers "events where X is a source/target" from the index.
    sa.Index("ix_event_actors_code", "code", "role", "event_id"),
)

figures = sa.Table(
    "figures", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    _document_fk(),
    sa.Column("indicator", sa.Text, nullable=False),
    sa.Column("value", sa.Float),
    sa.Column("unit", sa.Text, nullable=False, server_default=""),
    sa.Column("parties", sa.JSON, nullable=False),
    # Sorted party codes joined by "-" ("KAZ-UZB"), so a dyad filter is one index lookup.
    sa.Column("dyad", sa.Text, nullable=False, server_default=""),
    sa.Column("direction_from", sa.Text),
    sa.Column("direction_to", sa.Text),
    sa.Column("period", sa.Text),
    sa.Column("kind", sa.Text, nullable=False, server_default="actual"),
    sa.Column("deadline", sa.Text),
    sa.Column("suspect", sa.Text),
    sa.Column("confidence", sa.Float),
    *_evidence(),
    sa.Index("ix_figures_document_id", "document_id"),
    sa.Index("ix_figures_dyad_indicator", "dyad", "indicator"),
    sa.Index("ix_figures_indicator", "indicator"),
)

agreements = sa.Table(
    "agreements", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    _document_fk(),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("kind", sa.Text, nullable=False, server_default="agreement"),
    sa.Column("parties", sa.JSON, nullable=False),
    sa.Column("dyad", sa.Text, nullable=False, server_default=""),
    sa.Column("date", sa.Text),
    *_evidence(),
    # Normalised name (see keys.agreement_key) so reports of one agreement in many
    # documents can be merged.
    sa.Column("agreement_key", sa.Text, nullable=False, server_default=""),
    # The SUPPORT event that signed it, when the document reports the signing.
    sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="SET NULL",
                                                     name="fk_agreements_event_id_events")),
    sa.Index("ix_agreements_document_id", "document_id"),
    sa.Index("ix_agreements_dyad", "dyad"),
    sa.Index("ix_agreements_agreement_key", "agreement_key"),
)

projects = sa.Table(
    "projects", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    _document_fk(),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("kind", sa.Text, nullable=False, server_default=""),
    sa.Column("parties", sa.JSON, nullable=False),
    sa.Column("dyad", sa.Text, nullable=False, server_default=""),
    sa.Column("value", sa.Float),
    sa.Column("unit", sa.Text, nullable=False, server_default=""),
    *_evidence(),
    sa.Index("ix_projects_document_id", "document_id"),
    sa.Index("ix_projects_dyad", "dyad"),
)

project_status = sa.Table(
    "project_status", metadata,
    sa.Column("project_id", sa.Integer, sa.ForeignKey("projects.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("date", sa.Text),
    sa.Column("status", sa.Text, nullable=False),
)

# Input records an ingest run could not read, so a re-run can report or retry them.
skips = sa.Table(
    "skips", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("path", sa.Text, nullable=False),
    sa.Column("line", sa.Integer),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
)

# Feeds and sitemaps that `steppe watch` follows (steppe.watch), with their polling state.
sources = sa.Table(
    "sources", metadata,
    sa.Column("name", sa.Text, primary_key=True),
    sa.Column("url", sa.Text, nullable=False, unique=True),
    sa.Column("every_seconds", sa.Integer, nullable=False),
    sa.Column("language", sa.Text),
    sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
    # 'rss' | 'atom' | 'sitemap' | 'sitemap-index', as detected from the last good answer.
    sa.Column("kind", sa.Text),
    sa.Column("last_poll_at", sa.DateTime(timezone=True)),
    # 'ok' | 'not-modified' | 'error'
    sa.Column("last_status", sa.Text),
    sa.Column("last_error", sa.Text),
    # Consecutive failed polls; the backoff doubles with each.
    sa.Column("failures", sa.Integer, nullable=False, server_default="0"),
    sa.Column("next_poll_at", sa.DateTime(timezone=True)),
    sa.Column("etag", sa.Text),
    sa.Column("last_modified", sa.Text),
    # Validators of the child sitemaps of a sitemap index: {url: {etag, last_modified}}.
    sa.Column("validators", sa.JSON),
)

# Every entry (article URL) a source has listed, and what became of it.
source_entries = sa.Table(
    "source_entries", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("source", sa.Text, sa.ForeignKey("sources.name", ondelete="CASCADE"),
              nullable=False),
    # Canonical URL (courlan): the same article under two spellings is one entry.
    sa.Column("url", sa.Text, nullable=False),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.Text),
    sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
    # 'pending' | 'added' | 'duplicate' | 'skipped' (for good) | 'error' (retried)
    sa.Column("status", sa.Text, nullable=False, server_default="pending"),
    sa.Column("reason", sa.Text),
    sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
    sa.Column("document_id", sa.Text, sa.ForeignKey("documents.id", ondelete="SET NULL")),
    sa.UniqueConstraint("source", "url"),
    sa.Index("ix_source_entries_url", "url"),
    sa.Index("ix_source_entries_status", "status"),
)

# Per dyad and period aggregates of occurrences (store.dyad_periods), so that a dyad's
# series and the network read a few hundred rows instead of every event. `a` < `b`
# are actor labels; `direction` is 'both', 'forward' (a -> b) or 'backward' (b -> a);
# `counted` is 'asserted' (asserted events only) or 'any'; `period` is the month an
# occurrence is dated in ("2024-08"), its year when dated only to the year ("2024"),
# '' when undated, and '*' for the all-time row the network reads (scored as the
# network scores: the mean over the (source, target) pairs of its reports).
dyad_periods = sa.Table(
    "dyad_periods", metadata,
    sa.Column("a", sa.Text, primary_key=True),
    sa.Column("b", sa.Text, primary_key=True),
    sa.Column("direction", sa.Text, primary_key=True),
    sa.Column("counted", sa.Text, primary_key=True),
    sa.Column("period", sa.Text, primary_key=True),
    sa.Column("occurrences", sa.Integer, nullable=False),
    sa.Column("reports", sa.Integer, nullable=False),
    sa.Column("score_sum", sa.Float, nullable=False),
    sa.Column("scored", sa.Integer, nullable=False),
    # {"CONSULT": 3, ...} and {"1": 3, ...}: occurrences by type and by quad.
    sa.Column("by_type", sa.JSON, nullable=False),
    sa.Column("by_quad", sa.JSON, nullable=False),
    # The network reads every dyad's all-time rows: found on this index, not by a scan.
    sa.Index("ix_dyad_periods_period", "period", "counted", "direction"),
)

# One row per event and unordered pair of labels it joins ("KAZ-UZB"), with the
# event's date ('' when undated), so the event explorer walks one dyad's events
# newest first on the index instead of sorting all of them.
event_dyads = sa.Table(
    "event_dyads", metadata,
    sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("dyad", sa.Text, primary_key=True),
    sa.Column("date", sa.Text, nullable=False, server_default=""),
    sa.Index("ix_event_dyads_dyad_date", "dyad", "date", "event_id"),
)

# A single row whose number every writer of events bumps (in its own transaction), so
# readers know cheaply whether remembered aggregates are still current.
store_version = sa.Table(
    "store_version", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("version", sa.BigInteger, nullable=False),
)
