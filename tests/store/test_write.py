"""Saving documents: one transaction per document, duplicates add nothing."""

from __future__ import annotations

import dataclasses

import pytest
import sqlalchemy as sa

from steppe.facts import Document, Facts, Figure
from steppe.names import agreement_key
from steppe.store import (
    DocumentNotFound,
    count_documents,
    get_document,
    query_agreements,
    query_events,
    query_figures,
    replace_facts,
    save_document,
    save_skip,
)
from steppe.store import tables as t
from steppe.store.write import content_hash

from .conftest import TEXT_A, span

FACT_TABLES = ("mentions", "events", "event_actors", "figures", "agreements", "projects",
               "project_status")


def row_counts(store) -> dict[str, int]:
    with store.connect() as conn:
        return {name: conn.execute(sa.select(sa.func.count()).select_from(
            t.metadata.tables[name])).scalar_one() for name in ("documents", *FACT_TABLES)}


def test_save_and_read_back_events(store, doc_a, facts_a):
    result = save_document(store, doc_a, facts_a)
    assert (result.status, result.document_id) == ("added", "doc-a")
    events = query_events(store, document_id="doc-a")
    assert [e["type"] for e in events] == ["CONSULT", "SUPPORT"]
    consult = events[0]
    expected = facts_a.events[0].to_json()
    assert {k: consult[k] for k in expected} == {
        **expected,
        "source": [{"code": "UZB", "sector": "GOV", "text": "President Mirziyoyev",
                    "actor_id": "person:shavkat-mirziyoyev"}],
        "target": [{"code": "KAZ", "sector": "GOV", "text": "President Tokayev",
                    "actor_id": "person:kassym-jomart-tokayev"}],
    }
    assert consult["document_id"] == "doc-a" and consult["occurrence_id"] is None
    assert TEXT_A[consult["evidence"]["start"]:consult["evidence"]["end"]] == \
        consult["evidence"]["text"]


def test_save_and_read_back_figures_and_agreements(store, doc_a, facts_a):
    save_document(store, doc_a, facts_a)
    figures = query_figures(store)
    assert [{k: f[k] for k in facts_a.figures[0].to_json()} for f in figures] == \
        [fig.to_json() for fig in facts_a.figures]
    assert {f["dyad"] for f in figures} == {"KAZ-UZB"}
    (agreement,) = query_agreements(store)
    assert {k: agreement[k] for k in facts_a.agreements[0].to_json()} == \
        facts_a.agreements[0].to_json()
    # The stored key is the one every part of steppe merges agreements by (steppe.names):
    # stemmed content words, so other wordings of the same name find this row.
    assert agreement["key"] == "alli relation treaty"
    assert agreement["key"] == agreement_key("the allied relations treaty, signed in December")


def test_document_row_and_actors(store, doc_a, facts_a):
    save_document(store, doc_a, facts_a)
    stored = get_document(store, "doc-a")
    assert stored["text"] == TEXT_A
    assert stored["published"] == "2024-08-08"
    assert stored["meta"] == {"section": "politics"}
    assert stored["content_hash"] == content_hash(TEXT_A)
    with store.connect() as conn:
        actors = conn.execute(sa.select(t.actors).order_by(t.actors.c.id)).all()
        mentions = conn.execute(sa.select(t.mentions.c.actor_id, t.mentions.c.start)).all()
    assert [(a.id, a.kind, a.code) for a in actors] == [
        ("person:kassym-jomart-tokayev", "person", "KAZ"),
        ("person:shavkat-mirziyoyev", "person", "UZB"),
    ]
    assert {m.actor_id for m in mentions} == {a.id for a in actors}


def test_projects_keep_status_history(store, doc_b, facts_b):
    save_document(store, doc_b, facts_b)
    with store.connect() as conn:
        rows = conn.execute(sa.select(t.project_status.c.date, t.project_status.c.status)).all()
    assert [tuple(r) for r in rows] == [("2024-08-09", "planned")]


@pytest.mark.parametrize("change", [
    {},                                        # the very same document
    {"id": "doc-a-again"},                     # same text under another id
    {"text": TEXT_A + " Updated."},            # same id, edited text
])
def test_duplicate_document_adds_nothing(store, doc_a, facts_a, change):
    save_document(store, doc_a, facts_a)
    before = row_counts(store)
    again = dataclasses.replace(doc_a, **change)
    result = save_document(store, again, facts_a)
    assert (result.status, result.document_id) == ("duplicate", "doc-a")
    assert row_counts(store) == before


def test_document_without_facts(memory_store):
    doc = Document(id="bare", text="Nothing between states happened here.")
    assert save_document(memory_store, doc).status == "added"
    assert count_documents(memory_store) == 1


def test_failure_mid_document_leaves_nothing(store, doc_a, facts_a):
    # An object the driver cannot bind fails the figures insert, after the document,
    # mentions and events rows were written in the same transaction.
    bad = Figure(indicator="exports", value=object(), unit="USD",  # type: ignore[arg-type]
                 parties=["KAZ", "UZB"], evidence=span(TEXT_A, "$4.1 billion"))
    facts = dataclasses.replace(facts_a, figures=[*facts_a.figures, bad])
    with pytest.raises(sa.exc.SQLAlchemyError):
        save_document(store, doc_a, facts)
    assert row_counts(store) == dict.fromkeys(("documents", *FACT_TABLES), 0)
    # The store is still usable and the same document can then be saved.
    assert save_document(store, doc_a, facts_a).status == "added"


def test_failure_in_monkeypatched_step_rolls_back(store, doc_a, facts_a, monkeypatch):
    import steppe.store.write as write

    def boom(*args, **kwargs):
        raise RuntimeError("injected")

    monkeypatch.setattr(write, "_evidence", boom)     # used by the first event insert
    with pytest.raises(RuntimeError, match="injected"):
        save_document(store, doc_a, facts_a)
    assert row_counts(store)["documents"] == 0
    assert row_counts(store)["mentions"] == 0


def test_replace_facts_rewrites_one_document(store, doc_a, facts_a, doc_b, facts_b):
    save_document(store, doc_a, facts_a)
    save_document(store, doc_b, facts_b)
    replace_facts(store, "doc-a", Facts(id="doc-a", events=facts_a.events[:1]))
    assert [e["type"] for e in query_events(store, document_id="doc-a")] == ["CONSULT"]
    assert query_figures(store, document_id="doc-a") == []
    assert len(query_events(store, document_id="doc-b")) == 2
    counts = row_counts(store)
    assert counts["event_actors"] == 2 + 4     # doc-a: CONSULT (1+1); doc-b: two of 1+1


def test_replace_facts_failure_keeps_old_facts(store, doc_a, facts_a):
    save_document(store, doc_a, facts_a)
    before = row_counts(store)
    bad = Figure(indicator="exports", value=object(), unit="USD",  # type: ignore[arg-type]
                 parties=["KAZ"], evidence=span(TEXT_A, "$4.1 billion"))
    with pytest.raises(sa.exc.SQLAlchemyError):
        replace_facts(store, "doc-a", Facts(id="doc-a", figures=[bad]))
    assert row_counts(store) == before


def test_replace_facts_of_unknown_document(memory_store):
    with pytest.raises(DocumentNotFound, match="nope"):
        replace_facts(memory_store, "nope", Facts(id="nope"))


def test_deleting_a_document_cascades(store, doc_a, facts_a):
    save_document(store, doc_a, facts_a)
    with store.begin() as conn:
        conn.execute(t.documents.delete())
    assert set(row_counts(store).values()) == {0}


def test_save_skip(memory_store):
    save_skip(memory_store, "in/docs.jsonl", "not JSON", line=7)
    with memory_store.connect() as conn:
        row = conn.execute(sa.select(t.skips)).one()
    assert (row.path, row.line, row.reason) == ("in/docs.jsonl", 7, "not JSON")
