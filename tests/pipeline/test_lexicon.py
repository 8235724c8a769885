"""The trigger lexicon's surface forms: what the cheap pre-filter looks for in raw tokens
before any sentence is parsed. A trigger verb whose inflection is missing here is never
coded in that form, because its sentence is never parsed."""

from __future__ import annotations

import pytest

from steppe.pipeline.lexicon import inflections, load_lexicon

# Irregular verbs common in news about states (the hand table lemminflect replaced, with
# forms that table lacked): lemma -> past tense and participle.
IRREGULAR = {
    "meet": {"met"}, "hold": {"held"}, "pay": {"paid"}, "send": {"sent"}, "give": {"gave", "given"},
    "take": {"took", "taken"}, "lead": {"led"}, "make": {"made"}, "seek": {"sought"},
    "withdraw": {"withdrew", "withdrawn"}, "shoot": {"shot"}, "fight": {"fought"},
    "break": {"broke", "broken"}, "swear": {"swore", "sworn"}, "sell": {"sold"}, "tell": {"told"},
    "bring": {"brought"}, "buy": {"bought"}, "build": {"built"}, "begin": {"began", "begun"},
    "strike": {"struck"}, "freeze": {"froze", "frozen"}, "throw": {"threw", "thrown"},
    "forgive": {"forgave", "forgiven"}, "undertake": {"undertook", "undertaken"},
    "drive": {"drove", "driven"}, "lend": {"lent"}, "flee": {"fled"}, "forbid": {"forbade", "forbidden"},
    "withhold": {"withheld"}, "uphold": {"upheld"}, "overthrow": {"overthrew", "overthrown"},
    "steal": {"stole", "stolen"}, "shake": {"shook", "shaken"}, "speak": {"spoke", "spoken"},
    "write": {"wrote", "written"}, "draw": {"drew", "drawn"}, "oversee": {"oversaw", "overseen"},
    "deal": {"dealt"}, "tear": {"tore", "torn"}, "sweep": {"swept"}, "leave": {"left"},
}


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon("en")


def test_every_irregular_form_of_a_trigger_verb_is_a_surface(lexicon):
    triggers = [lemma for lemma in IRREGULAR if lemma in lexicon.triggers]
    assert len(triggers) >= 25          # the table is about the lexicon's own verbs
    missing = {lemma: IRREGULAR[lemma] - lexicon.surfaces for lemma in triggers
               if IRREGULAR[lemma] - lexicon.surfaces}
    assert not missing


def test_regular_and_doubled_forms_and_nouns():
    assert {"visited", "visiting", "visits"} <= inflections("visit")
    assert {"agreed", "agreeing", "agrees"} <= inflections("agree")
    assert {"accompanied", "accompanies"} <= inflections("accompany")
    assert {"signalled", "signalling"} <= inflections("signal")   # British doubling
    assert "crises" in inflections("crisis")


def test_every_hand_trigger_lemma_is_its_own_surface(lexicon):
    assert all(lemma in lexicon.surfaces for lemma in lexicon.triggers)
