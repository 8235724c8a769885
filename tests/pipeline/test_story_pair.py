"""Which acts named with no one attached borrow the story's two main parties.

Every sentence here is written for these tests (none is taken from an evaluation corpus).
"""

from __future__ import annotations

import pytest

from steppe.facts import Document

STORY = ("Kazakhstan and Kyrgyzstan signed a border treaty in Astana on Monday. "
         "Kazakhstan thanked Kyrgyzstan for its patience. ")


def _consults(ex, sentence):
    facts = ex.extract(Document(id="t", text=STORY + sentence, date="2023-06-01"))
    return [e for e in facts.events if e.type == "CONSULT"]


@pytest.mark.parametrize("sentence", [
    "Political dialogue is deepening year after year, the Kazakh ministry said.",
    "Consultations have been multiplying at every level, the Kazakh ministry said.",
])
def test_a_trend_under_way_is_no_event_between_the_story_parties(extractor, sentence):
    # a progressive clause about a kind of activity tells a trend, not one occurrence
    assert not _consults(extractor, sentence)


@pytest.mark.parametrize("sentence", [
    "Political dialogue deepened during the talks held on Tuesday, the Kazakh ministry said.",
    "Consultations were held at every level on Tuesday, the Kazakh ministry said.",
])
def test_an_occurrence_still_takes_the_story_parties(extractor, sentence):
    evs = _consults(extractor, sentence)
    assert any({a.code for a in e.source} == {"KAZ", "KGZ"} for e in evs), evs


def test_an_act_named_by_no_one_takes_the_pair_the_story_has_turned_to(extractor):
    # the main parties are Kazakhstan and Uzbekistan; the sentence before names two others
    text = ("Kazakhstan and Uzbekistan signed a water deal on Monday. Kazakhstan will supply "
            "Uzbekistan with grain. Uzbekistan thanked Kazakhstan. Kyrgyzstan and Tajikistan "
            "resumed border talks in March. More than twenty meetings were held last year, "
            "the ministry said.")
    facts = extractor.extract(Document(id="t", text=text, date="2024-05-10"))
    meetings = [e for e in facts.events if e.trigger == "meetings"]
    assert [{a.code for a in e.source} for e in meetings] == [{"KGZ", "TJK"}]


def test_with_no_pair_before_the_story_parties_stay(extractor):
    text = ("Kazakhstan and Uzbekistan signed a water deal on Monday. Kazakhstan will supply "
            "Uzbekistan with grain. Uzbekistan thanked Kazakhstan. Uzbekistan praised Kazakhstan's "
            "help. More than twenty meetings were held last year, the ministry said.")
    facts = extractor.extract(Document(id="t", text=text, date="2024-05-10"))
    meetings = [e for e in facts.events if e.trigger == "meetings"]
    assert [{a.code for a in e.source} for e in meetings] == [{"KAZ", "UZB"}]


def test_a_rejection_of_no_one_named_is_aimed_at_the_other_of_the_pair_before(extractor):
    # the story's main parties are Kazakhstan and Uzbekistan; the dispute is Kyrgyz-Tajik
    text = ("Kazakhstan and Uzbekistan signed a water deal on 2 May. Kazakhstan will supply "
            "Uzbekistan with grain. Uzbekistan thanked Kazakhstan. Kyrgyz and Tajik officials "
            "met in Bishkek on 1 April. The Tajik side rejected the proposal.")
    facts = extractor.extract(Document(id="t", text=text, date="2024-05-10"))
    rejects = [({a.code for a in e.source}, {a.code for a in e.target})
               for e in facts.events if e.type == "REJECT"]
    assert rejects == [({"TJK"}, {"KGZ"})]
