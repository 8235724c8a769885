"""The JSON that `Extractor.extract` produces honours the ANNOTATION.md facts format.

Every document here is written for these tests (none is taken from an evaluation corpus).
"""

from __future__ import annotations

import json
import re

import pytest

from steppe.facts import MODALITIES, PLOVER_TYPES, PRECISIONS, Document

TOP_KEYS = {"id", "events", "figures", "agreements"}
EVENT_KEYS = {"type", "mode", "source", "target", "date", "date_precision", "modality", "evidence"}
ACTOR_KEYS = {"code", "sector", "text"}
SPAN_KEYS = {"start", "end", "text"}
FIGURE_KEYS = {"indicator", "value", "unit", "parties", "direction", "period", "kind",
               "deadline", "evidence"}
AGREEMENT_KEYS = {"name", "parties", "date", "evidence"}
# Known additions of steppe on top of the format (the scorer ignores extra keys, so other
# additions are allowed too; these must at least keep their JSON types).
EXTRA = {
    "top": {"projects": list},
    "event": {"confidence": (int, float), "trigger": str, "score": (int, float, type(None)),
              "quad": (int, type(None)), "cameo": (str, type(None))},
    "figure": {"suspect": str},
    "agreement": {"kind": str},
}
DATE_FORMAT = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}

DOCS = [
    pytest.param(
        "Uzbekistan and Kazakhstan deepen ties\n"
        "Uzbek President Shavkat Mirziyoyev visited Kazakhstan on 5 September 2017. The two "
        "presidents signed a Declaration on Strategic Partnership. Trade between Uzbekistan and "
        "Kazakhstan reached $2.5 billion in 2016, and the two countries aim to raise it to "
        "$5 billion by 2020.",
        "2017-09-10", id="visit-agreement-figures"),
    pytest.param(
        "Kyrgyz border guards were attacked by Tajik troops near the disputed village. "
        "Kyrgyzstan could close the border with Tajikistan, officials warned. "
        "Scores of people died in the clashes between the two neighbours in April 2021.",
        "2022-06-15", id="conflict"),
    pytest.param(
        "Japarov said Kyrgyzstan will open its border with Uzbekistan. Tokayev met Japarov in "
        "December. Kazakhstan has cooperated with Kyrgyzstan since 2016.",
        "2024-02-15", id="planned-month-since"),
    pytest.param(
        "Kazakh President Kassym-Jomart Tokayev will visit Uzbekistan next week.",
        "2022-03-28", id="planned-next-week"),
    pytest.param("The weather was cold and the markets were quiet all week.", "2022-06-15",
                 id="no-actors"),
    pytest.param("   \n\t  \n", "2022-06-15", id="whitespace"),
    pytest.param("", "2022-06-15", id="empty"),
    pytest.param("Tokayev met Mirziyoyev in Tashkent.", None, id="no-document-date"),
]


def _check_keys(obj, required, extra, where):
    assert isinstance(obj, dict), where
    assert required <= set(obj), (where, required - set(obj))
    for key, types in extra.items():
        if key in obj:
            assert isinstance(obj[key], types), (where, key, obj[key])


def _check_span(span, text, where):
    _check_keys(span, SPAN_KEYS, {}, where)
    assert isinstance(span["start"], int) and isinstance(span["end"], int)
    assert 0 <= span["start"] <= span["end"] <= len(text)
    assert text[span["start"]:span["end"]] == span["text"], where


def _check_date(date, precision, where):
    assert precision in PRECISIONS, where
    if precision == "unknown":
        assert date is None, where
    else:
        assert isinstance(date, str) and re.fullmatch(DATE_FORMAT[precision], date), \
            (where, date, precision)


@pytest.mark.parametrize("text,doc_date", DOCS)
def test_facts_json_contract(extractor, text, doc_date):
    facts = extractor.extract(Document(id="doc-1", text=text, date=doc_date))
    out = json.loads(json.dumps(facts.to_json()))
    _check_keys(out, TOP_KEYS, EXTRA["top"], "facts")
    assert out["id"] == "doc-1"
    for key in ("events", "figures", "agreements"):
        assert isinstance(out[key], list)

    for ev in out["events"]:
        _check_keys(ev, EVENT_KEYS, EXTRA["event"], "event")
        assert ev["type"] in PLOVER_TYPES
        assert isinstance(ev["mode"], str)
        assert ev["modality"] in MODALITIES
        _check_date(ev["date"], ev["date_precision"], ev)
        assert ev["source"] and ev["target"], ev
        for actor in ev["source"] + ev["target"]:
            _check_keys(actor, ACTOR_KEYS, {}, "actor")
            assert re.fullmatch(r"[A-Z]{3}", actor["code"]), actor
        _check_span(ev["evidence"], text, "event evidence")

    for fig in out["figures"]:
        _check_keys(fig, FIGURE_KEYS, EXTRA["figure"], "figure")
        assert isinstance(fig["parties"], list)
        assert fig["kind"] in ("actual", "target", "forecast")
        _check_span(fig["evidence"], text, "figure evidence")

    for ag in out["agreements"]:
        _check_keys(ag, AGREEMENT_KEYS, EXTRA["agreement"], "agreement")
        assert isinstance(ag["name"], str) and ag["name"]
        assert isinstance(ag["parties"], list)
        _check_span(ag["evidence"], text, "agreement evidence")


@pytest.mark.parametrize("text,doc_date", [
    ("The weather was cold and the markets were quiet all week.", "2022-06-15"),
    ("   \n\t  \n", "2022-06-15"),
    ("", None),
])
def test_documents_without_facts_give_empty_lists(extractor, text, doc_date):
    out = extractor.extract(Document(id="empty-1", text=text, date=doc_date)).to_json()
    assert (out["events"], out["figures"], out["agreements"]) == ([], [], [])


@pytest.mark.parametrize("text,doc_date,types", [
    ("Uzbek President Shavkat Mirziyoyev visited Kazakhstan on 5 September 2017. "
     "Kyrgyz border guards were attacked by Tajik troops.", "2017-09-10", {"CONSULT", "ASSAULT"}),
])
def test_contract_documents_are_not_vacuous(extractor, text, doc_date, types):
    """The contract above would pass on empty output; make sure real documents give events."""
    out = extractor.extract(Document(id="d", text=text, date=doc_date)).to_json()
    assert {e["type"] for e in out["events"]} >= types
