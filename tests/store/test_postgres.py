"""The same store on PostgreSQL; runs only when STEPPE_TEST_PG_URL names a scratch database.

Example: STEPPE_TEST_PG_URL=postgresql+psycopg://steppe@localhost/steppe_test
The test drops and recreates the store's tables in that database.
"""

from __future__ import annotations


import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from scratch_db import PG_URL, empty_postgres

from steppe.store import (
    SCHEMA_VERSION,
    current_version,
    link_occurrences,
    open_store,
    query_agreements,
    query_events,
    save_document,
    summary,
)
from steppe.store.read import EventFilter, find_documents, find_events
from steppe.store.search import is_fts_name
from steppe.store.tables import metadata

pytestmark = pytest.mark.skipif(not PG_URL, reason="set STEPPE_TEST_PG_URL to run")


@pytest.fixture
def pg_store():
    empty_postgres()
    with open_store(PG_URL) as store:
        yield store


def test_round_trip_on_postgres(pg_store, doc_a, facts_a, doc_b, facts_b):
    assert current_version(pg_store.engine) == SCHEMA_VERSION
    assert save_document(pg_store, doc_a, facts_a).status == "added"
    assert save_document(pg_store, doc_b, facts_b).status == "added"
    assert save_document(pg_store, doc_a, facts_a).status == "duplicate"
    assert link_occurrences(pg_store) == 3
    assert len(query_events(pg_store, dyad="KAZ-UZB", since="2024-08")) == 3
    assert len(query_events(pg_store, until="2024-07")) == 1
    assert len(query_agreements(pg_store, dyad="UZB-KAZ")) == 1
    assert summary(pg_store)["top_dyads"][0] == {"dyad": "KAZ-UZB", "occurrences": 2}


def test_migrated_schema_matches_metadata_on_postgres(pg_store):
    with pg_store.engine.connect() as conn:
        # The full-text indexes of migration 0004 are expressions tables.py does not describe.
        context = MigrationContext.configure(conn, opts={
            "include_name": lambda name, type_, parent: not is_fts_name(name)})
        assert compare_metadata(context, metadata) == []


def test_full_text_search_on_postgres(pg_store, doc_a, facts_a, doc_b, facts_b):
    save_document(pg_store, doc_a, facts_a)
    save_document(pg_store, doc_b, facts_b)
    with pg_store.connect() as conn:
        indexes = {r[0] for r in conn.exec_driver_sql(
            "SELECT indexname FROM pg_indexes WHERE indexname IN ('ix_events_fts', 'ix_documents_fts')")}
    assert indexes == {"ix_events_fts", "ix_documents_fts"}
    hits = find_events(pg_store, EventFilter(q="signed treaty"))
    assert [e.evidence.text for e in hits.items] == ["They signed the Treaty on Allied Relations"]
    assert find_events(pg_store, EventFilter(q="protest*")).total == 1
    assert find_events(pg_store, EventFilter(q="it's & | ! ( :*")).total == 0
    assert [d.id for d in find_documents(pg_store, q="railway").items] == ["doc-b"]


def test_processes_opening_one_new_database_at_once_take_turns():
    import subprocess
    import sys

    empty_postgres()
    # Separate processes, as two analysts' ingests would be: each migrates on opening.
    code = "import sys; from steppe.store import open_store; open_store(sys.argv[1]).close()"
    procs = [subprocess.Popen([sys.executable, "-c", code, PG_URL], stderr=subprocess.PIPE,
                              text=True) for _ in range(4)]
    errors = [p.communicate()[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], errors
    engine = sa.create_engine(PG_URL)
    try:
        assert current_version(engine) == SCHEMA_VERSION
    finally:
        engine.dispose()
