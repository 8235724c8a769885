"""Several writers on one SQLite file: BEGIN IMMEDIATE makes them queue, not fail."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from steppe.facts import Document, Facts
from steppe.store import count_documents, open_store, query_events, save_document

from .conftest import event


def test_parallel_writers_store_each_document_once(tmp_path):
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    open_store(url).close()
    text = "Uzbekistan and Kazakhstan held talks."

    def ingest(i: int) -> str:
        # Half the workers try the same document; each worker has its own engine,
        # as separate ingest processes would.
        doc_id = "same" if i % 2 else f"doc-{i}"
        doc = Document(id=doc_id, text=f"{text} ({doc_id})")
        facts = Facts(id=doc_id, events=[event("CONSULT", ["UZB"], ["KAZ"], "2024-08-08",
                                                "day", doc.text, "held talks")])
        with open_store(url, migrate=False) as store:
            return save_document(store, doc, facts).status

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(ingest, range(16)))
    assert statuses.count("added") == 9          # 8 distinct + "same" once
    with open_store(url, migrate=False) as store:
        assert count_documents(store) == 9
        assert len(query_events(store)) == 9
