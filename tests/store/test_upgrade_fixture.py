"""A store written by the previous release opens with this one.

tests/data/store-0003.db was written by `steppe ingest` at schema revision 0003 (four
synthetic articles from bench/synthetic.py). Opening a copy must migrate it to the
current revision and read back every document and fact it held.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from steppe.store import (
    SCHEMA_VERSION,
    count_documents,
    current_version,
    get_document,
    open_store,
    query_agreements,
    query_events,
    query_figures,
)

FIXTURE = Path(__file__).parents[1] / "data" / "store-0003.db"


def test_a_0003_store_is_migrated_and_read(tmp_path):
    db = tmp_path / "old.db"
    shutil.copy(FIXTURE, db)
    with sqlite3.connect(db) as conn:
        assert conn.execute("select version_num from alembic_version").fetchall() == [("0003",)]
        before = {t: conn.execute(f"select count(*) from {t}").fetchone()[0]
                  for t in ("documents", "events", "figures", "agreements")}
    with open_store(f"sqlite:///{db}") as store:
        assert current_version(store.engine) == SCHEMA_VERSION
        assert count_documents(store) == before["documents"] == 4
        doc = get_document(store, "syn-00000")
        assert doc is not None and "Report number 0." in doc["text"]
        events = query_events(store, limit=1000)
        assert len(events) == before["events"] > 0
        assert all(e["evidence"]["text"] for e in events)
        assert len(query_figures(store)) == before["figures"]
        assert len(query_agreements(store)) == before["agreements"]
