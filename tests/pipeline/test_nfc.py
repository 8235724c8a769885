"""Text is analysed in NFC; every span of the facts indexes the original text."""

from __future__ import annotations

import unicodedata

import pytest

import steppe

# Invented states whose names carry letters with diacritics.
KB = """
states:
  XOV:
    names: [Övaria]
    adjectives: [Övarian]
  XLN:
    names: [Lünmark]
    capitals: [Škoda Bay]
"""


@pytest.fixture(scope="module")
def extractor(tmp_path_factory):
    path = tmp_path_factory.mktemp("kb") / "kb.yaml"
    path.write_text(KB, encoding="utf-8")
    return steppe.load(steppe.Settings(kb_paths=(path,)))


def decomposed(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def spans(facts):
    for e in facts.events:
        yield e.evidence
    for rec in facts.figures + facts.agreements + facts.projects:
        yield rec.evidence


@pytest.mark.parametrize("form", [str, decomposed])
def test_names_with_combining_marks_are_found_and_spans_index_the_original(extractor, form):
    text = form("Övaria and Lünmark signed a treaty on water in Škoda Bay on 3 May 2023. "
                "Trade between Övaria and Lünmark reached $2.5 billion in 2022.")
    facts = extractor.extract(steppe.Document(id="d", text=text, date="2023-05-04"))
    named = {(a.code, text[a.start:a.end]) for a in facts.mentions}
    assert {("XOV", form("Övaria")), ("XLN", form("Lünmark"))} <= named
    assert facts.agreements and facts.figures
    for sp in spans(facts):
        assert text[sp.start:sp.end] == sp.text
    for a in facts.mentions + [a for e in facts.events for a in e.source + e.target]:
        assert a.start < 0 or text[a.start:a.end] == a.text


def test_mentions_of_a_text_with_combining_marks_index_it(extractor):
    text = decomposed("The president of Lünmark met Övarian officials in Škoda Bay.")
    found = [m for m in extractor.mentions(text, date="2024-01-01") if m.actors]
    for m in found:
        assert m.text == text[m.start:m.end]
    spans = {(a.code, text[m.start:m.end]) for m in found for a in m.actors}
    assert any(c == "XLN" and decomposed("Lünmark") in t for c, t in spans)
    assert any(c == "XOV" and decomposed("Övarian") in t for c, t in spans)
