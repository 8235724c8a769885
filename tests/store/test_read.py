"""Query filters and the summary."""

from __future__ import annotations

import pytest

from steppe.facts import Document, Facts
from steppe.store import (
    count_documents,
    link_occurrences,
    list_documents,
    query_agreements,
    query_events,
    query_figures,
    save_document,
    summary,
)

from .conftest import event


def kinds(events) -> list[tuple[str, str]]:
    return [(e["document_id"], e["type"]) for e in events]


@pytest.mark.parametrize(("filters", "expected"), [
    ({}, [("doc-b", "PROTEST"), ("doc-b", "CONSULT"), ("doc-a", "CONSULT"),
          ("doc-a", "SUPPORT")]),
    ({"actor": "KGZ"}, [("doc-b", "PROTEST")]),
    ({"actor": "uzb"}, [("doc-b", "CONSULT"), ("doc-a", "CONSULT"), ("doc-a", "SUPPORT")]),
    ({"dyad": "KAZ-UZB"}, [("doc-b", "CONSULT"), ("doc-a", "CONSULT"), ("doc-a", "SUPPORT")]),
    ({"dyad": "UZB-KAZ"}, [("doc-b", "CONSULT"), ("doc-a", "CONSULT"), ("doc-a", "SUPPORT")]),
    ({"dyad": "KGZ-UZB"}, []),
    ({"type": "consult"}, [("doc-b", "CONSULT"), ("doc-a", "CONSULT")]),
    ({"since": "2024-08-07"}, [("doc-a", "CONSULT"), ("doc-a", "SUPPORT")]),
    # A month-precision date may fall after a day inside that month.
    ({"since": "2024-07-15"}, [("doc-b", "PROTEST"), ("doc-b", "CONSULT"),
                               ("doc-a", "CONSULT"), ("doc-a", "SUPPORT")]),
    ({"since": "2024-08"}, [("doc-b", "CONSULT"), ("doc-a", "CONSULT"), ("doc-a", "SUPPORT")]),
    ({"until": "2024-07"}, [("doc-b", "PROTEST")]),
    ({"until": "2024-08-06"}, [("doc-b", "PROTEST"), ("doc-b", "CONSULT")]),
    ({"since": "2024", "until": "2024"}, [("doc-b", "PROTEST"), ("doc-b", "CONSULT"),
                                          ("doc-a", "CONSULT"), ("doc-a", "SUPPORT")]),
    ({"since": "2025"}, []),
    ({"modality": "planned"}, []),
    ({"limit": 1}, [("doc-b", "PROTEST")]),
])
def test_query_events_filters(filled, filters, expected):
    assert kinds(query_events(filled, **filters)) == expected


def test_dyad_needs_one_actor_on_each_side(memory_store):
    # KAZ and UZB both as sources of a statement aimed at RUS: not a KAZ-UZB interaction.
    doc = Document(id="joint", text="Kazakhstan and Uzbekistan asked Russia for help.")
    facts = Facts(id="joint", events=[event("REQUEST", ["KAZ", "UZB"], ["RUS"], None,
                                            "unknown", doc.text, "asked Russia")])
    save_document(memory_store, doc, facts)
    assert query_events(memory_store, dyad="KAZ-UZB") == []
    assert len(query_events(memory_store, dyad="RUS-UZB")) == 1
    # Undated events never pass a date filter.
    assert query_events(memory_store, since="2000") == []


def test_bad_dyad_is_rejected(filled):
    with pytest.raises(ValueError, match="two actors"):
        query_events(filled, dyad="KAZ")


@pytest.mark.parametrize(("filters", "expected"), [
    ({}, 2),
    ({"dyad": "UZB-KAZ"}, 2),
    ({"dyad": "KAZ-KGZ"}, 0),
    ({"indicator": "trade_turnover", "kind": "target"}, 1),
    ({"indicator": "exports"}, 0),
])
def test_query_figures_filters(filled, filters, expected):
    assert len(query_figures(filled, **filters)) == expected


@pytest.mark.parametrize(("dyad", "expected"), [
    (None, ["Treaty on Allied Relations"]),
    ("UZB-KAZ", ["Treaty on Allied Relations"]),
    ("KAZ-KGZ", []),
])
def test_query_agreements_by_dyad(filled, dyad, expected):
    assert [a["name"] for a in query_agreements(filled, dyad=dyad)] == expected


def test_documents_listing(filled):
    assert count_documents(filled) == 2
    listed = list_documents(filled, limit=10)
    assert [d["id"] for d in listed] == ["doc-b", "doc-a"]      # newest first
    assert "text" not in listed[0]
    assert [d["id"] for d in list_documents(filled, limit=1, offset=1)] == ["doc-a"]


def test_summary_counts_occurrences_not_reports(filled):
    link_occurrences(filled)
    s = summary(filled)
    assert s["documents"] == 2
    assert s["events"] == 4
    assert s["events_by_type"] == {"CONSULT": 2, "PROTEST": 1, "SUPPORT": 1}
    # The visit of 6-8 August is reported by both documents: one occurrence.
    assert s["occurrences_by_type"] == {"CONSULT": 1, "PROTEST": 1, "SUPPORT": 1}
    assert s["occurrences"] == 3
    assert s["top_dyads"] == [{"dyad": "KAZ-UZB", "occurrences": 2},
                              {"dyad": "KAZ-KGZ", "occurrences": 1}]
    assert (s["figures"], s["agreements"], s["projects"]) == (2, 1, 1)


def test_summary_of_empty_store(memory_store):
    s = summary(memory_store)
    assert s["documents"] == 0 and s["top_dyads"] == [] and s["events_by_type"] == {}
