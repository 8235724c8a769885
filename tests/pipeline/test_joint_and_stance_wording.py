"""Wording whose parties are easily misread: joint appeals by several states; wars or
fighting named only as the background of a clause ("despite the war", "amid the fighting"),
whose agents are not the clause's subject; and one state's side of a border named as where
something happened, which is a place, not a party.

Every sentence here is written for these tests (none is taken from an evaluation corpus).
"""

from __future__ import annotations

import pytest

from coded import found as _found


# (text, type, source codes, target codes)
JOINT = [
    # Compound actors list every state on both sides (ANNOTATION.md), also for an appeal
    # to no one named.
    pytest.param("Turkmenistan and Iran urged calm on Tuesday after a shooting at a crossing.",
                 "REQUEST", {"TKM", "IRN"}, {"TKM", "IRN"}, id="joint-appeal-no-addressee"),
    # The one called on is the recipient.
    pytest.param("Kazakhstan and Kyrgyzstan called on Afghanistan to release the detained traders.",
                 "REQUEST", {"KAZ", "KGZ"}, {"AFG"}, id="joint-appeal-to-named"),
    # A war recalled between two named states is theirs (a past interaction the text recalls).
    pytest.param("Turkmenistan stayed neutral in the war between Russia and Ukraine.",
                 "ASSAULT", {"RUS", "UKR"}, {"RUS", "UKR"}, id="war-between-named"),
]

# A war or fighting that is only the background of a clause is no act of its subject.
BACKGROUND = [
    pytest.param("Kazakhstan's trade with China grew despite the war in Ukraine.", id="despite-war"),
    pytest.param("Exports from Uzbekistan to Turkey rose in 2023 despite the war in Sudan.",
                 id="despite-war-exports"),
    pytest.param("Kazakhstan signed a grain deal with China amid the fighting in Gaza.", id="amid-fighting"),
]


@pytest.mark.parametrize("text, type_, source, target", JOINT)
def test_joint_acts(extractor, text, type_, source, target):
    events = _found(extractor, text)
    assert (type_, source, target) in events, events


@pytest.mark.parametrize("text", BACKGROUND)
def test_background_war_is_not_the_subjects(extractor, text):
    events = _found(extractor, text)
    assert not any(t == "ASSAULT" for t, _, _ in events), events


def test_fighting_the_subject_does_stays(extractor):
    # Not a background: the war is the object of what the subject does.
    events = _found(extractor, "Russia launched a war against Ukraine in February 2022.")
    assert any(t == "ASSAULT" and s == {"RUS"} and g == {"UKR"} for t, s, g in events), events


# (text, type, source codes, target codes): the side of the border is where it happened.
SIDE_OF_BORDER = [
    pytest.param("A mine exploded on the Tajik side of the border, killing two Kyrgyz soldiers.",
                 "ASSAULT", set(), {"KGZ"}, id="mine-on-side-no-agent"),
    pytest.param("A landmine blast on the Afghan side of the border killed three Tajik soldiers.",
                 "ASSAULT", set(), {"TJK"}, id="blast-on-side-no-agent"),
    pytest.param("Kyrgyz border guards detained two Tajik citizens on the Uzbek side of the frontier.",
                 "COERCE", {"KGZ"}, {"TJK"}, id="detained-on-side"),
    # Fire aimed at a side, with nothing else named, is aimed at that state.
    pytest.param("Uzbek troops opened fire on the Kyrgyz side of the frontier on Tuesday.",
                 "ASSAULT", {"UZB"}, {"KGZ"}, id="fire-at-side"),
]


@pytest.mark.parametrize("text, type_, source, target", SIDE_OF_BORDER)
def test_side_of_border_is_a_place(extractor, text, type_, source, target):
    events = [e for e in _found(extractor, text) if e[0] == type_]
    assert events == [(type_, source, target)], events


def test_coordinated_criticism_and_demand_keep_their_objects(extractor):
    # Each of two coordinated verbs keeps its own recipient.
    events = _found(extractor, "Russia criticised the United States and demanded an explanation "
                               "from Britain over the drone flights.")
    assert ("ACCUSE", {"RUS"}, {"USA"}) in events, events
    assert ("REQUEST", {"RUS"}, {"GBR"}) in events, events
