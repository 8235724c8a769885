"""save_documents: a batch per transaction, with save_document's outcome for each pair."""

from __future__ import annotations

import pytest

from steppe.facts import Actor, Document, Event, Facts, Span
from steppe.store import open_store, query_events, save_document, save_documents


def _pair(doc_id: str, text: str) -> tuple[Document, Facts]:
    ev = Event(type="CONSULT", source=[Actor("KAZ")], target=[Actor("UZB")],
               evidence=Span(0, len(text), text), date="2024-05-02")
    return Document(id=doc_id, text=text), Facts(id=doc_id, events=[ev])


def test_a_batch_saves_new_documents_and_names_duplicates(tmp_path):
    with open_store(f"sqlite:///{tmp_path / 's.db'}") as store:
        save_document(store, *_pair("old", "The presidents met in Tashkent."))
        results = save_documents(store, [
            _pair("new", "The ministers met in Astana."),
            _pair("copy", "The presidents met in Tashkent."),     # same content as "old"
            _pair("new", "The ministers met in Astana."),         # twice in one batch
        ])
        assert [(r.status, r.document_id) for r in results] == [
            ("added", "new"), ("duplicate", "old"), ("duplicate", "new")]
        assert len(query_events(store)) == 2


def test_a_failing_batch_is_rolled_back_whole(tmp_path):
    with open_store(f"sqlite:///{tmp_path / 's.db'}") as store:
        bad = (Document(id="bad", text="The envoys met."), Facts(id="bad", events=[None]))
        with pytest.raises(AttributeError):   # an event that is not one
            save_documents(store, [_pair("good", "The ministers met in Astana."), bad])
        assert query_events(store) == []
        assert save_documents(store, [_pair("good", "The ministers met in Astana.")])[0].status == "added"
