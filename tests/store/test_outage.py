"""A database that goes away and comes back: writes wait, retry, and store each document once."""

from __future__ import annotations

import logging
import sqlite3

import pytest
import sqlalchemy as sa

from steppe.facts import Document
from steppe.store import open_store, save_document, save_documents
from steppe.store import retry as retry_module
from steppe.store import tables as t


class Outage:
    """Make the next `failures` connection attempts fail as an unreachable server would."""

    def __init__(self, store) -> None:
        self.failures = 0
        self.tried = 0
        self.store = store

        @sa.event.listens_for(store.engine, "do_connect")
        def refuse(*_args):
            if self.failures > 0:
                self.failures -= 1
                self.tried += 1
                raise sqlite3.OperationalError("unable to open database file")

    def start(self, failures: int) -> None:
        # Drop the pooled connections so the next transaction has to connect again.
        self.store.engine.dispose()
        self.failures = failures


@pytest.fixture
def outage_store(tmp_path, monkeypatch):
    monkeypatch.setattr(retry_module, "FIRST_WAIT", 0.01)
    store = open_store(f"sqlite:///{tmp_path / 'steppe.db'}", retry_for=1.0)
    yield store, Outage(store)
    store.close()


def stored_ids(store) -> list[str]:
    with store.connect() as conn:
        return sorted(conn.execute(sa.select(t.documents.c.id)).scalars())


def doc(n: int) -> Document:
    return Document(id=f"doc-{n}", text=f"Kazakhstan and Uzbekistan met for round {n} of talks.")


def test_a_write_waits_out_a_short_outage_and_stores_the_document_once(outage_store, caplog):
    store, outage = outage_store
    outage.start(failures=3)
    with caplog.at_level(logging.WARNING, logger="steppe.store"):
        result = save_document(store, doc(1))
    assert result.status == "added"
    assert outage.tried == 3
    assert stored_ids(store) == ["doc-1"]
    retries = [r for r in caplog.records if "database unavailable" in r.getMessage()]
    assert len(retries) == 3
    assert "saving document 'doc-1'" in retries[0].getMessage()
    assert "database back" in caplog.records[-1].getMessage()


def test_a_batch_retried_after_an_outage_keeps_every_document_once(outage_store):
    store, outage = outage_store
    save_document(store, doc(1))
    outage.start(failures=2)
    results = save_documents(store, [(doc(1), None), (doc(2), None), (doc(3), None)])
    assert [r.status for r in results] == ["duplicate", "added", "added"]
    assert stored_ids(store) == ["doc-1", "doc-2", "doc-3"]


def test_an_outage_longer_than_the_retry_budget_raises(outage_store, caplog):
    store, outage = outage_store
    outage.start(failures=1000)
    with caplog.at_level(logging.WARNING, logger="steppe.store"), \
            pytest.raises(sa.exc.OperationalError):
        save_document(store, doc(1))
    assert "still unavailable" in caplog.records[-1].getMessage()
    outage.failures = 0
    assert stored_ids(store) == []


def test_errors_that_are_not_outages_are_not_retried(tmp_path):
    assert not retry_module.is_outage(sa.exc.IntegrityError("INSERT", {}, Exception("UNIQUE")))
    assert not retry_module.is_outage(
        sa.exc.OperationalError("SELECT", {}, sqlite3.OperationalError("no such table: x")))
    assert retry_module.is_outage(
        sa.exc.OperationalError("SELECT", {}, Exception("server closed the connection")))


def test_an_ingest_through_an_outage_stores_every_document_once(outage_store):
    from steppe.api import ingest_sources

    store, outage = outage_store
    docs = [doc(n) for n in range(6)]
    ingest_sources(docs[:2], store=store, extract=False)
    outage.start(failures=4)
    report = ingest_sources(docs, store=store, extract=False)
    assert sorted(report.added) == [f"doc-{n}" for n in range(2, 6)]
    assert sorted(report.duplicate) == ["doc-0", "doc-1"]
    assert report.failed == []
    assert outage.tried == 4
    assert stored_ids(store) == [f"doc-{n}" for n in range(6)]
