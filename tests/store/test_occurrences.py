"""Linking the reports of one happening across documents."""

from __future__ import annotations

import pytest

from steppe.facts import Actor, Document, Facts
from steppe.store import link_occurrences, query_events, save_document

from .conftest import event


def save(store, doc_id: str, *events) -> None:
    doc = Document(id=doc_id, text=f"{doc_id}: Kazakhstan and Uzbekistan state visit.")
    save_document(store, doc, Facts(id=doc_id, events=list(events)))


def occurrences(store) -> dict[str, str]:
    return {e["document_id"]: e["occurrence_id"] for e in query_events(store)}


def test_linking_across_two_documents(filled):
    assert link_occurrences(filled) == 3
    consults = query_events(filled, type="CONSULT")
    assert {e["document_id"] for e in consults} == {"doc-a", "doc-b"}
    assert len({e["occurrence_id"] for e in consults}) == 1
    assert consults[0]["occurrence_id"] == "CONSULT|KAZ,UZB|2024-08-06"


def test_linking_is_stable(filled):
    link_occurrences(filled)
    first = [e["occurrence_id"] for e in query_events(filled)]
    assert link_occurrences(filled) == 3
    assert [e["occurrence_id"] for e in query_events(filled)] == first


@pytest.mark.parametrize(("a", "b", "linked"), [
    (("2024-08-08", "day"), ("2024-08-11", "day"), True),      # 3 days apart
    (("2024-08-08", "day"), ("2024-08-12", "day"), False),     # 4 days apart
    (("2024-08-08", "day"), ("2024-08", "month"), True),
    (("2024-08-08", "day"), ("2024-09", "month"), False),
    (("2024-08", "month"), ("2024-08", "month"), True),
    (("2024-08-08", "day"), ("2024", "year"), True),
    (("2023-12", "month"), ("2024", "year"), False),
    ((None, "unknown"), (None, "unknown"), False),            # never across documents
    (("2024-08-08", "day"), (None, "unknown"), False),
])
def test_date_compatibility(memory_store, a, b, linked):
    save(memory_store, "one", event("CONSULT", ["UZB"], ["KAZ"], *a, phrase="state visit"))
    save(memory_store, "two", event("CONSULT", ["KAZ"], ["UZB"], *b, phrase="state visit"))
    link_occurrences(memory_store)
    occ = occurrences(memory_store)
    assert (occ["one"] == occ["two"]) is linked


@pytest.mark.parametrize("other", [
    event("SUPPORT", ["UZB"], ["KAZ"], "2024-08-08", "day"),    # another type
    event("CONSULT", ["UZB"], ["KGZ"], "2024-08-08", "day"),    # other actors
    event("CONSULT", ["UZB"], ["KAZ", "RUS"], "2024-08-08", "day"),
])
def test_type_and_actors_must_agree(memory_store, other):
    save(memory_store, "one", event("CONSULT", ["UZB"], ["KAZ"], "2024-08-08", "day"))
    save(memory_store, "two", other)
    link_occurrences(memory_store)
    occ = occurrences(memory_store)
    assert occ["one"] != occ["two"]


def test_undated_events_link_inside_one_document(memory_store):
    save(memory_store, "one",
         event("CONSULT", ["UZB"], ["KAZ"], None, "unknown"),
         event("CONSULT", ["KAZ"], ["UZB"], None, "unknown"))
    assert link_occurrences(memory_store) == 1


def test_clusters_do_not_chain(memory_store):
    # 1st, 4th and 7th: the 7th is within 3 days of the 4th but not of the anchor.
    for i, day in enumerate(("01", "04", "07")):
        save(memory_store, f"d{i}", event("CONSULT", ["UZB"], ["KAZ"], f"2024-08-{day}", "day"))
    assert link_occurrences(memory_store) == 2


def test_igo_actors_are_told_apart_by_name(memory_store):
    sco = event("CONSULT", ["UZB"], [], "2024-07-04", "day")
    sco.target = [Actor("IGO", "", "SCO")]
    csto = event("CONSULT", ["UZB"], [], "2024-07-04", "day")
    csto.target = [Actor("IGO", "", "CSTO")]
    save(memory_store, "one", sco)
    save(memory_store, "two", csto)
    assert link_occurrences(memory_store) == 2
    assert occurrences(memory_store)["one"] == "CONSULT|IGO:SCO,UZB|2024-07-04"


@pytest.mark.parametrize(("date", "precision", "key"), [
    ("2024-08-08", "day", "CONSULT|KAZ,UZB|2024-08-08"),
    ("2024-08-08", "month", "CONSULT|KAZ,UZB|2024-08"),
    ("2024-08", "month", "CONSULT|KAZ,UZB|2024-08"),
    ("2024-08-08", "year", "CONSULT|KAZ,UZB|2024"),
    (None, "unknown", "CONSULT|KAZ,UZB|unknown|one"),    # never linked across documents
])
def test_occurrence_id_format(memory_store, date, precision, key):
    save(memory_store, "one", event("CONSULT", ["UZB"], ["KAZ"], date, precision))
    link_occurrences(memory_store)
    assert occurrences(memory_store)["one"] == key
