"""The fictional golden corpus: facts that must be found, whatever else the pipeline finds.

The states, people and offices are invented (tests/data/kb.yaml), so edits to the real
knowledge base never break these tests; only the pipeline's behaviour can.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from steppe.facts import Facts
from steppe.ingest import read_paths

DATA = Path(__file__).parents[1] / "data"
FICTION_CORPUS = DATA / "corpus"

GOLDEN = yaml.safe_load((DATA / "golden.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def extracted(fiction) -> dict[str, Facts]:
    docs = list(read_paths(FICTION_CORPUS))
    return {d.id: f for d, f in fiction.extract_many(docs)}


def _iso(value) -> str | None:
    return None if value is None else value.isoformat() if hasattr(value, "isoformat") else str(value)


def _event_key(type_: str, source, target, date) -> tuple:
    return (type_, frozenset(source), frozenset(target), _iso(date))


def _figure_key(f: dict) -> tuple:
    return (f["indicator"], float(f["value"]), f["unit"], frozenset(f["parties"]), f["kind"],
            _iso(f.get("period")), _iso(f.get("deadline")))


def test_every_golden_document_is_read():
    assert {d.id for d in read_paths(FICTION_CORPUS)} == set(GOLDEN)


@pytest.mark.parametrize("doc_id", sorted(GOLDEN))
def test_golden_events_are_found(extracted, doc_id):
    found = {_event_key(e.type, [a.code for a in e.source], [a.code for a in e.target], e.date)
             for e in extracted[doc_id].events}
    for gold in GOLDEN[doc_id].get("events", []):
        key = _event_key(gold["type"], gold["source"], gold["target"], gold["date"])
        assert key in found, (doc_id, key, found)


@pytest.mark.parametrize("doc_id", sorted(GOLDEN))
def test_golden_figures_are_found(extracted, doc_id):
    found = {_figure_key(f.to_json()) for f in extracted[doc_id].figures}
    for gold in GOLDEN[doc_id].get("figures", []):
        assert _figure_key(gold) in found, (doc_id, gold, found)


@pytest.mark.parametrize("doc_id", sorted(GOLDEN))
def test_golden_agreements_are_found(extracted, doc_id):
    agreements = extracted[doc_id].agreements
    for gold in GOLDEN[doc_id].get("agreements", []):
        assert any(a.kind == gold["kind"] and set(a.parties) == set(gold["parties"])
                   and gold["name"].lower() in a.name.lower() for a in agreements), \
            (doc_id, gold, [a.to_json() for a in agreements])


@pytest.mark.parametrize("doc_id", sorted(GOLDEN))
def test_states_not_in_a_document_are_in_none_of_its_facts(extracted, doc_id):
    facts = extracted[doc_id]
    codes = {a.code for e in facts.events for a in e.source + e.target}
    codes |= {c for f in facts.figures for c in f.parties}
    codes |= {c for a in facts.agreements for c in a.parties}
    assert not codes & set(GOLDEN[doc_id].get("absent", [])), (doc_id, codes)


def test_a_text_naming_no_actor_has_no_events(extracted):
    assert extracted["fiction-05"].events == []
