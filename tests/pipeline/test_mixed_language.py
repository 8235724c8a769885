"""Documents in two languages: each paragraph is read by the pipeline of its script and
every evidence span indexes the original text.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from steppe.facts import Document
from steppe.pipeline.mixed import language_parts, script_language

RUSSIAN = ("В январе–июне 2023 года товарооборот между Казахстаном и Кыргызстаном составил "
           "1,3 млрд долларов.")
ENGLISH = "On Monday Kazakhstan accused Kyrgyzstan of violating the border agreement."


def _check_spans(doc, facts):
    for fact in facts.events + facts.figures + facts.agreements:
        ev = fact.evidence
        assert doc.text[ev.start:ev.end] == ev.text and ev.text.strip()


def test_script_of_a_line():
    assert script_language(RUSSIAN) == "ru"
    assert script_language(ENGLISH) == "en"
    assert script_language("12.05.2023, Астана") is None        # too short to tell


def test_a_document_in_one_language_is_one_part():
    doc = Document(id="t", text=RUSSIAN + "\nБишкек, ТАСС", language="ru")
    assert language_parts(doc) == [doc]


def test_russian_document_with_an_english_paragraph(extractor):
    doc = Document(id="t", text=RUSSIAN + "\n\n" + ENGLISH, date="2023-07-12", language="ru")
    parts = language_parts(doc)
    assert [p.language for p in parts] == ["en", "ru"]
    assert all(len(p.text) == len(doc.text) for p in parts)
    facts = extractor.extract(doc)
    figure = next(f for f in facts.figures if f.indicator == "trade_turnover")
    assert (figure.value, figure.parties) == (1.3e9, ["KAZ", "KGZ"])
    assert figure.evidence.start < len(RUSSIAN)
    accuse = next(e for e in facts.events if e.type == "ACCUSE")
    assert ([a.code for a in accuse.source], [a.code for a in accuse.target]) == (["KAZ"], ["KGZ"])
    assert accuse.evidence.start >= len(RUSSIAN) + 2
    _check_spans(doc, facts)


def test_english_document_with_a_russian_paragraph(extractor):
    doc = Document(id="t", text=ENGLISH + "\n" + RUSSIAN, date="2023-07-12", language="en")
    facts = extractor.extract(doc)
    assert [f.value for f in facts.figures if f.indicator == "trade_turnover"] == [1.3e9]
    assert any(e.type == "ACCUSE" for e in facts.events)
    _check_spans(doc, facts)


def test_a_cyrillic_text_tagged_otherwise_is_read_as_russian(extractor):
    doc = Document(id="t", text=RUSSIAN, date="2023-07-12", language="bg")
    facts = extractor.extract(doc)
    assert [(f.indicator, f.value) for f in facts.figures] == [("trade_turnover", 1.3e9)]
    assert doc.language == "bg"                  # the caller's document is left as it came
