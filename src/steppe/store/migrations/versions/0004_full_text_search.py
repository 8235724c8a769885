"""Full-text search over event evidence and document title and text.

SQLite: FTS5 tables over the existing rows ("external content"), kept in step by
triggers. PostgreSQL: GIN indexes on to_tsvector('simple', ...) expressions, which the
planner uses for `to_tsvector('simple', col) @@ query`. The 'simple' configuration
(no stemming, no stop words) because the corpus mixes English and Russian.
See steppe.store.search for the queries that use them.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE INDEX ix_events_fts ON events USING gin "
                   "(to_tsvector('simple', evidence_text))")
        op.execute("CREATE INDEX ix_documents_fts ON documents USING gin "
                   "(to_tsvector('simple', coalesce(title, '') || ' ' || text))")
        return
    if op.get_bind().dialect.name != "sqlite":
        return
    # Events have an INTEGER PRIMARY KEY, so the index can point at them ("external
    # content"). A document's rowid is not stable (VACUUM may renumber it), so its FTS
    # table keeps its own copy of title and text, keyed by the document id.
    op.execute("CREATE VIRTUAL TABLE events_fts USING fts5(evidence_text, content='events', "
               "content_rowid='id', tokenize='unicode61 remove_diacritics 2')")
    op.execute("CREATE TRIGGER events_fts_ai AFTER INSERT ON events BEGIN "
               "INSERT INTO events_fts(rowid, evidence_text) VALUES (new.id, new.evidence_text); END")
    op.execute("CREATE TRIGGER events_fts_ad AFTER DELETE ON events BEGIN "
               "INSERT INTO events_fts(events_fts, rowid, evidence_text) "
               "VALUES ('delete', old.id, old.evidence_text); END")
    op.execute("CREATE TRIGGER events_fts_au AFTER UPDATE OF evidence_text ON events BEGIN "
               "INSERT INTO events_fts(events_fts, rowid, evidence_text) "
               "VALUES ('delete', old.id, old.evidence_text); "
               "INSERT INTO events_fts(rowid, evidence_text) VALUES (new.id, new.evidence_text); END")
    op.execute("INSERT INTO events_fts(events_fts) VALUES ('rebuild')")

    op.execute("CREATE VIRTUAL TABLE documents_fts USING fts5(document_id UNINDEXED, title, "
               "text, tokenize='unicode61 remove_diacritics 2')")
    op.execute("CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN "
               "INSERT INTO documents_fts(document_id, title, text) "
               "VALUES (new.id, coalesce(new.title, ''), new.text); END")
    op.execute("CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN "
               "DELETE FROM documents_fts WHERE document_id = old.id; END")
    op.execute("CREATE TRIGGER documents_fts_au AFTER UPDATE OF id, title, text ON documents BEGIN "
               "DELETE FROM documents_fts WHERE document_id = old.id; "
               "INSERT INTO documents_fts(document_id, title, text) "
               "VALUES (new.id, coalesce(new.title, ''), new.text); END")
    op.execute("INSERT INTO documents_fts(document_id, title, text) "
               "SELECT id, coalesce(title, ''), text FROM documents")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_events_fts")
        op.execute("DROP INDEX IF EXISTS ix_documents_fts")
        return
    for table in ("events", "documents"):
        for suffix in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_fts_{suffix}")
        op.execute(f"DROP TABLE IF EXISTS {table}_fts")
