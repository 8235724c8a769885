"""Security and conflict wording of wire news: expulsions told as orders to leave, police
raids on the places migrants work (PLOVER 3.15 COERCE seize: "raid"), victims of an attack
who are not its agents, and agents told as foreign who are not the state a sentence names.

Every sentence here is written for these tests (none is taken from an evaluation corpus).
"""

from __future__ import annotations

import pytest

from coded import codes as _codes
from coded import events_in as _events
from coded import found as _found


# (text, type, source codes, target codes)
FOUND = [
    # PLOVER 3.13 SANCTION expel: expelling diplomats, whatever the wording.
    pytest.param("Latvia ordered two Belarusian embassy staff to leave the country within 72 hours.",
                 "SANCTION", {"LVA"}, {"BLR"}, id="ordered-to-leave"),
    pytest.param("Estonia declared three Russian diplomats persona non grata on Monday.",
                 "SANCTION", {"EST"}, {"RUS"}, id="persona-non-grata-with-object"),
    # PLOVER 3.15 COERCE seize: a raid on where people work is a search.
    pytest.param("Russian police raided a wholesale market in Kazan and detained 40 Tajik vendors.",
                 "COERCE", {"RUS"}, {"TJK"}, id="raided-market"),
    # Attacking words is criticism (CAMEO 111), not violence.
    pytest.param("The Uzbek foreign minister attacked the Kazakh proposal as premature.",
                 "ACCUSE", {"UZB"}, {"KAZ"}, id="attacked-proposal"),
]

# (text, type, source codes or None for no agent, target codes)
VICTIMS = [
    # Those killed in an attack are its victims, not its agents.
    pytest.param("Three Pakistani engineers were killed in an ambush on their convoy in Afghanistan.",
                 "ASSAULT", set(), {"PAK"}, id="killed-in-ambush"),
    # An agent of no state named for the act: none borrowed from the sentence.
    pytest.param("Kazakhstan condemned the attack after a suicide bomber killed four Kazakh pilgrims "
                 "in Iraq.", "ASSAULT", set(), {"KAZ"}, id="bomber-no-borrowed-agent"),
]


@pytest.mark.parametrize("text, type_, source, target", FOUND)
def test_found(extractor, text, type_, source, target):
    events = _found(extractor, text)
    assert any(t == type_ and s == source and g == target for t, s, g in events), events


@pytest.mark.parametrize("text, type_, source, target", VICTIMS)
def test_victims_are_not_agents(extractor, text, type_, source, target):
    events = _events(extractor, text)
    coded = [(e.type, _codes(e.source), _codes(e.target)) for e in events]
    assert not any(t == type_ and s for t, s, _ in coded), coded
    assert not any(s & target for t, s, _ in coded if t == type_), coded


def test_ordered_to_leave_needs_diplomats(extractor):
    # Ordering people who are no diplomats out is no expulsion of diplomats.
    events = _found(extractor, "Kazakhstan ordered the Chinese mining company to leave the field.")
    assert not any(t == "SANCTION" for t, _, _ in events), events


def test_foreign_agents_are_not_the_named_state(extractor):
    # "foreign forces" in Iran's complaint are not Iran's own.
    events = _found(extractor, "Iran voiced concern over the presence of foreign troops near its northern border.")
    assert not any(s & g for _, s, g in events), events


def test_force_at_the_border_with_no_side_named_is_both_sides(extractor):
    # PLOVER 3.16.1: two-sided force codes every participant; the border is the pair's line.
    text = ("Armenia and Azerbaijan signed a ceasefire on Monday. By Thursday there were reports "
            "of new troop build-ups along the Armenian border.")
    events = _found(extractor, text)
    assert ("MOBILIZE", {"ARM", "AZE"}, {"ARM", "AZE"}) in events, events


def test_pressure_from_an_act_is_what_it_brought_about(extractor):
    # The invasion is the event; that it pushed others to act is analysis, no demand.
    events = _found(extractor, "Russia's invasion of Ukraine in 2022 pushed the Baltic states to "
                               "raise their defence spending.")
    assert ("ASSAULT", {"RUS"}, {"UKR"}) in events, events
    assert not any(t == "REQUEST" for t, _, _ in events), events
