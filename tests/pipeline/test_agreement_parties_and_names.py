"""Agreements told in ways news of summits and border talks often tells them: a time between
"agreed" and the ceasefire, a statement issued, a predicate that
only describes a contract, an organisation's leaders or the organisation itself, a name in
quotes, and a list signed by "the heads of state". Sentences invented for these tests."""

import re
from functools import cache

import pytest

from steppe.pipeline.agreements import AgreementGrammar, extract_agreements
from steppe.pipeline.context import context_for
from steppe.resources import Resources


@cache
def grammar() -> AgreementGrammar:
    return AgreementGrammar.from_resources(Resources.load())


# A tiny stand-in for the actor resolver: names and adjectives of a few states and bodies.
_NAMES = {
    "GEO": r"Georgia|Georgian|Tbilisi",
    "ARM": r"Armenia|Armenian|Yerevan",
    "AZE": r"Azerbaijan|Azerbaijani",
    "MNG": r"Mongolia|Mongolian",
    "CHN": r"China|Chinese",
    "KAZ": r"Kazakhstan|Kazakh",
    "KGZ": r"Kyrgyzstan|Kyrgyz",
    "TJK": r"Tajikistan|Tajik",
    "UZB": r"Uzbekistan|Uzbek",
    "IGO:SCO": r"SCO|Shanghai Cooperation Organization",
}


def run(text: str, main=("ARM", "GEO")):
    mentions = sorted((m.start(), m.end(), code) for code, pattern in _NAMES.items()
                      for m in re.finditer(rf"\b(?:{pattern})\b", text))
    sentences = [(m.start(), m.end()) for m in re.finditer(r"\S.*?(?:[.!?:](?=\s|$)|$)", text, re.M)]
    ctx = context_for(text, anchor="2024-03-15", sentences=sentences, states=mentions,
                      main_parties=list(main))
    return extract_agreements(ctx, grammar())


@pytest.mark.parametrize("text,name,parties", [
    # a time between the verb and what was agreed
    ("Georgian and Armenian border chiefs agreed on Monday evening to a full ceasefire.",
     "Agreement on a full ceasefire", ["ARM", "GEO"]),
    # a joint statement is issued
    ("In Tbilisi the two presidents issued a joint statement, and the Armenian leader "
     "praised the talks.", "Joint statement", ["ARM", "GEO"]),
    # a state deals with the organisation named before ("the organisation")
    ("The SCO met in Dushanbe. On Monday Mongolia's foreign minister signed a memorandum "
     "of obligations, the document that sets out what it must do to join the organisation.",
     "Memorandum of obligations", ["IGO:SCO", "MNG"]),
    # an organisation named only as the occasion of the signing is no party
    ("The three governments signed a memorandum on transit on the sidelines of the SCO "
     "summit in May.", "Memorandum on transit", ["ARM", "GEO"]),
])
def test_reads_the_agreement(text, name, parties):
    (agreement,) = run(text)
    assert (agreement.name, agreement.parties) == (name, parties)


def test_the_leaders_of_an_organisation_sign_as_its_members():
    text = ("Leaders of the Shanghai Cooperation Organization adopted the Dushanbe Declaration "
            "on Friday, while Mongolia watched as a guest. Leaders of the member states - "
            "China, Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan - took part.")
    (agreement,) = run(text)
    assert agreement.parties == ["CHN", "KAZ", "KGZ", "TJK", "UZB"]


def test_a_predicate_describes_the_contract_told_before():
    text = ("The basis is a ten-year contract signed between Georgia and Armenia in 2021. "
            "\"What Tbilisi has signed is a transit contract, not an alliance,\" an analyst said.")
    assert [a.name for a in run(text)] == ["Ten-year contract"]


@pytest.mark.parametrize("text,names", [
    ("The leaders adopted the Baku Declaration and a long-term strategic document, "
     "\"Caucasus Vision 2050\", which sets goals for trade.",
     ["Baku Declaration", "Caucasus Vision 2050"]),
    # speech in quotes after an agreement names nothing
    ("Georgia and Armenia signed a transit agreement, \"This opens a new chapter,\" the "
     "Armenian minister said.", ["Transit agreement"]),
])
def test_a_document_named_in_quotes(text, names):
    assert [a.name for a in run(text, main=("ARM", "AZE", "GEO"))] == names


@pytest.mark.parametrize("text,names", [
    # an unnamed treaty is named by what it does
    ("In May 2019 Georgia and Armenia signed a treaty fixing most of their common border, "
     "officials said.", ["Treaty fixing most of their common border"]),
    # ... or by what the sentence says it governs
    ("The river boundary between Georgia and Armenia, long a source of friction, was "
     "settled by a treaty signed in 2011.",
     ["Treaty on the river boundary between Georgia and Armenia"]),
    # "a separate agreement" is named by what was launched under it, without "separate"
    ("The pipeline survey had been launched under a separate agreement signed by Georgia "
     "and Armenia in 2018.", ["Agreement on the pipeline survey"]),
    # ... but a named one keeps its name
    ("In May 2019 Georgia and Armenia signed a joint declaration setting out transit goals.",
     ["Joint declaration"]),
])
def test_an_unnamed_agreement_named_by_what_it_does(text, names):
    assert [a.name for a in run(text)] == names


def test_a_list_signed_by_the_heads_of_state_has_everyone_present():
    text = ("The leaders of Georgia, Armenia, Azerbaijan and Mongolia met in Tbilisi on "
            "Friday.\nEarlier, Georgia and Armenia signed a memorandum on rail transit.\n"
            "Following the summit, the heads of state signed the following documents:\n"
            "Treaty on Eternal Friendship and Cooperation\n")
    treaty = [a for a in run(text) if a.kind == "treaty"]
    assert [a.parties for a in treaty] == [["ARM", "AZE", "GEO", "MNG"]]


def test_an_organisation_whose_head_took_part_is_a_party(extractor):
    # The full pipeline: the knowledge base knows whom von der Leyen speaks for.
    from steppe.facts import Document

    text = ("The first EU summit with the South Caucasus brought European Commission President "
            "Ursula von der Leyen together with the presidents of Georgia and Armenia. "
            "The leaders adopted a joint declaration on transit and energy.")
    facts = extractor.extract(Document(id="t", text=text, date="2025-05-20"))
    assert [a.parties for a in facts.agreements] == [["ARM", "GEO", "IGO:EU"]]


def test_a_date_after_a_comma_is_another_phrases():
    # "proclaimed in 2014" dates the older friendship, not the declaration signed in March
    text = ("On March 12, after three hours of talks in Tbilisi, the Georgian and Armenian presidents "
            "signed a joint declaration on strategic partnership, a step up from the friendship the "
            "two proclaimed in 2014.")
    (agreement,) = run(text)
    assert agreement.date == "2024-03-12"
