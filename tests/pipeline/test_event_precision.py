"""Events that are not there: a state talked about is no party to the talks, and what
happens during a meeting does not name the meeting's parties.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from steppe.facts import Document


def _events(extractor, text, etype, date="2023-05-10"):
    facts = extractor.extract(Document(id="t", text=text, date=date))
    return [(sorted({a.code for a in e.source}), sorted({a.code for a in e.target}))
            for e in facts.events if e.type == etype]


# -- the topic of talks is no party (PLOVER CONSULT: the actors consult each other) --------

@pytest.mark.parametrize("text", [
    "Tokayev and Japarov discussed the situation in Afghanistan on May 4.",
    "Kazakh and Kyrgyz ministers held talks on Afghanistan on May 4.",
    "Tokayev and Japarov held negotiations about Afghanistan on May 4.",
])
def test_a_state_talked_about_is_not_a_party(extractor, text):
    found = _events(extractor, text, "CONSULT")
    assert (["KAZ", "KGZ"], ["KAZ", "KGZ"]) in found
    assert not any("AFG" in s + t for s, t in found)


def test_a_state_talked_about_alone_makes_no_meeting(extractor):
    assert _events(extractor, "We discussed the security of Mongolia at length.", "CONSULT") == []


@pytest.mark.parametrize("text,partner", [
    ("Tokayev discussed water with Japarov on May 4.", "KGZ"),
    ("Tokayev held talks with Japarov on May 4.", "KGZ"),
    ("Tokayev met Japarov on May 4.", "KGZ"),
])
def test_the_partner_of_talks_is_still_their_target(extractor, text, partner):
    assert (["KAZ"], [partner]) in _events(extractor, text, "CONSULT")


def test_what_happens_during_talks_is_not_their_party(extractor):
    # The passive subject of the clause the talks are the occasion of is what was done then.
    text = ("The envoy noted that during the negotiations the rivalry between Beijing and "
            "Tokyo was borne in mind.")
    assert _events(extractor, text, "CONSULT") == []


# -- a date of another act of the sentence does not date an act told in the present --------

def test_present_act_beside_a_dated_past_one_takes_the_reports_date(extractor):
    text = "Kazakhstan firmly backed Kyrgyzstan in 2010, and now backs Tajikistan as well."
    facts = extractor.extract(Document(id="t", text=text, date="2023-05-10"))
    dates = {tuple(sorted(a.code for a in e.target)): e.date for e in facts.events
             if e.type == "SUPPORT"}
    assert dates.get(("KGZ",)) == "2010"
    assert dates.get(("TJK",)) == "2023-05-10"


# -- an act only asked for or aimed at did not happen ---------------------------------------

@pytest.mark.parametrize("text,etype", [
    # the asker is no actor we know: no event at all, not the act asked for
    ("Its neighbours have urged the Kyrgyz government to stop the talks and to cooperate "
     "with Kazakhstan instead.", "COOPERATE"),
    ("The rebels asked the Tajik authorities to hold talks with Uzbekistan.", "CONSULT"),
    # a purpose: "to ease tensions" says what the diplomacy was for
    ("Kyrgyzstan and Tajikistan stepped up diplomacy in May to ease tensions and prevent "
     "clashes on their border.", "CONCEDE"),
])
def test_an_act_asked_for_or_aimed_at_is_no_event(extractor, text, etype):
    assert _events(extractor, text, etype) == []


@pytest.mark.parametrize("text,etype,pair", [
    # the act itself, or one agreed to, stays
    ("Kyrgyzstan cooperated with Kazakhstan on water in May.", "COOPERATE", (["KGZ"], ["KAZ"])),
    ("Kyrgyzstan and Tajikistan agreed on May 4 to ease tensions on their border.",
     "AGREE", (["KGZ", "TJK"], ["KGZ", "TJK"])),
])
def test_an_act_done_or_promised_stays(extractor, text, etype, pair):
    assert pair in _events(extractor, text, etype)


# -- what talks are about is no act, and names no partner ---------------------------------

@pytest.mark.parametrize("text", [
    "Tokayev and Japarov discussed expanding cooperation in energy on May 4.",
    "Kyrgyz officials talked about expanding cooperation with Tajikistan.",
])
def test_an_act_named_as_the_topic_of_talks_is_no_event(extractor, text):
    assert _events(extractor, text, "COOPERATE") == []
    assert _events(extractor, text, "AGREE") == []


@pytest.mark.parametrize("text,partner", [
    ("Kazakh officials held talks on cooperation with Tajikistan.", "TJK"),
    ("Tokayev discussed closer cooperation with Japarov.", "KGZ"),
])
def test_the_partner_inside_the_topic_is_the_partner_of_the_talks(extractor, text, partner):
    assert (["KAZ"], [partner]) in _events(extractor, text, "CONSULT")


def test_a_state_in_the_topic_is_not_the_nearest_partner(extractor):
    text = "On May 4 Tokayev discussed regional questions concerning Mongolia."
    assert _events(extractor, text, "CONSULT") == []
