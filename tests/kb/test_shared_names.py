"""A name two organisations share is read by the cue words of the document (kb/index.py
NameIndex._in_context; `cues` in orgs.yaml). The organisations in the first tests are
invented; the sentences are written for these tests."""

from __future__ import annotations

import pytest
import spacy

from steppe.kb.index import NameIndex
from steppe.kb.load import load_kb

FICTION_ORGS = """
orgs:
  - id: xrp-party
    name: Xeravian Republican Party
    aliases: [XRP]
    state: XKM
    sector: PTY
    kind: party
    cues: [party congress, Xeravian]
  - id: xrp-railway
    name: Xeravian Railway Project
    aliases: [XRP]
    kind: consortium
    sector: BUS
    cues: [railway, track, wagons]
"""

NLP = spacy.blank("en")          # the tokenizer is all the index needs


def _read(index, text):
    doc = NLP(text)
    return [p.entity.id for p in index.pieces(doc) if p.kind == "org"]


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    path = tmp_path_factory.mktemp("kb") / "orgs.yaml"
    path.write_text(FICTION_ORGS, encoding="utf-8")
    return NameIndex(load_kb([path]), NLP)


@pytest.mark.parametrize("text,reading", [
    ("The XRP said the first wagons crossed the new track on Monday.", "org:xrp-railway"),
    ("The XRP opened its party congress in the capital on Monday.", "org:xrp-party"),
    # the reading with more cues in the text wins
    ("Delegates of the XRP party congress discussed the railway and its track.", "org:xrp-railway"),
    ("Delegates of the XRP party congress, the Xeravian elite, discussed the railway.",
     "org:xrp-party"),
])
def test_a_shared_name_is_the_organisation_whose_cues_the_text_holds(index, text, reading):
    assert _read(index, text) == [reading]


def test_with_no_cue_the_first_reading_listed_stays(index):
    assert _read(index, "The XRP issued a statement on Monday.") == ["org:xrp-party"]


def test_cpc_in_caspian_oil_news_is_the_pipeline_consortium(extractor):
    from steppe.facts import Document
    text = ("Kazakhstan resumed crude exports through the CPC terminal near Novorossiysk on "
            "Monday after Russia lifted the ban.")
    events = extractor.extract(Document(id="t", text=text, date="2024-05-10")).events
    assert events and not any(a.code == "CHN" for e in events for a in e.source + e.target)


def test_cpc_in_chinese_party_news_is_the_communist_party(extractor):
    from steppe.facts import Document
    text = "A CPC delegation visited Kazakhstan on Monday."
    events = extractor.extract(Document(id="t", text=text, date="2024-05-10")).events
    assert any({a.code for a in e.source} == {"CHN"} for e in events), events


def test_a_run_on_of_a_shared_name_costs_linear_time(extractor):
    # the cue words are counted once per document, not once per occurrence of the name
    import time

    from steppe.facts import Document
    text = "CPC crude " * 4_000
    started = time.process_time()
    extractor.extract(Document(id="t", text=text))
    assert time.process_time() - started < 6.0
