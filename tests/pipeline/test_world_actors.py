"""Actors of news from anywhere in the world: every state's adjective, demonym and capital;
the states' cities and regions (places_world.yaml); agents whose state the context gives; states named as what a stance is about, and state
adjectives on what a state holds; peoples named where they live.

Every sentence here is written for these tests (none is taken from an evaluation corpus).
"""

from __future__ import annotations

from collections import Counter
from importlib.resources import files

import pytest
import yaml

from steppe.facts import Document


def _states() -> dict:
    return yaml.safe_load((files("steppe.data") / "kb" / "states.yaml").read_text(encoding="utf-8"))


def _unshared(field: str) -> list[tuple[str, str]]:
    """(code, first surface) of every state whose first `field` entry no other state uses
    ("Dominican", "Congolese" name two states: which one is for the context to say)."""
    states = _states()
    uses = Counter(s for e in states.values() for f in ("adjectives", "demonyms", "names")
                   for s in set(e.get(f) or []))
    return [(code, e[field][0]) for code, e in sorted(states.items())
            if e.get(field) and uses[e[field][0]] == 1]


def _codes(actors) -> set[str]:
    return {a.code for a in actors if a.code}


def _events(ex, text, date="2021-05-10"):
    return ex.extract(Document(id="t", text=text, date=date)).events


def _all_codes(events) -> set[str]:
    return {c for e in events for c in _codes(e.source) | _codes(e.target)}


# -- every state, by its adjective, demonym and capital ------------------------------------

def test_every_state_adjective_names_the_state_with_an_agent(extractor):
    missing = []
    for code, adjective in _unshared("adjectives"):
        found = [m for m in extractor.mentions(f"The {adjective} government issued a statement.",
                                               date="2021-05-10") if adjective in m.text]
        if not found or set(found[0].codes) != {code} or found[0].actors[0].sector != "GOV":
            missing.append((code, adjective, [(m.text, m.codes) for m in found]))
    assert not missing


def test_every_state_demonym_and_capital_names_the_state(extractor):
    missing = []
    for field, template in (("demonyms", "Thousands of {} gathered on Sunday."),
                            ("capitals", "Officials in {} issued a statement.")):
        for code, surface in _unshared(field):
            found = [m for m in extractor.mentions(template.format(surface), date="2021-05-10")
                     if surface in m.text]
            if not found or code not in found[0].codes:
                missing.append((code, surface, [(m.text, m.codes) for m in found]))
    assert not missing


# -- the world's cities and regions --------------------------------------------------------

@pytest.mark.parametrize("text,code", [
    ("Police in Kano arrested thirty protesters on Monday.", "NGA"),
    ("Protesters in Mombasa clashed with police on Friday.", "KEN"),
    ("Students in Mandalay marched against the military government.", "MMR"),
    ("Gunmen killed four soldiers near Peshawar on Sunday.", "PAK"),
])
def test_an_agent_in_a_city_of_any_state_takes_its_state(extractor, text, code):
    events = _events(extractor, text)
    assert events and _all_codes(events) == {code}


def test_hand_written_places_win_over_derived_ones(extractor):
    own = yaml.safe_load((files("steppe.data") / "kb" / "places.yaml").read_text(encoding="utf-8"))
    ids = {f"place:{pl.get('id') or pl['name']}" for pl in own}
    derived = {pl["name"] for pl in yaml.safe_load(
        (files("steppe.data") / "kb" / "places_world.yaml").read_text(encoding="utf-8"))}
    shared = [pl["name"] for pl in own if pl["name"] in derived]
    assert shared          # the two lists do overlap (Bukhara, Samarkand...)
    for name in shared:
        places = [i for i, _ in extractor.kb.aliases[name] if i.startswith("place:")]
        assert places and set(places) <= ids, (name, places)


def test_a_city_where_others_meet_is_no_party(extractor):
    text = "Chinese and Indian diplomats travel to Geneva next week for border talks."
    assert "CHE" not in _all_codes(_events(extractor, text))


# -- agents whose state the context gives --------------------------------------------------

@pytest.mark.parametrize("text,source,target", [
    # An unknown people's name before an agent is the agent's modifier, not a second actor.
    ("Kurdish rebels attacked a Turkish army outpost in the mountains.", {"TUR"}, {"TUR"}),
    ("Tamil rebels ambushed a Sri Lankan army patrol in the north.", {"LKA"}, {"LKA"}),
    # A sentence that names no state: the document's one main state.
    ("The Kenyan opposition called for a march in Nairobi, and Kenya's churches backed it. "
     "Police arrested thirty protesters on Monday.", {"KEN"}, {"KEN"}),
])
def test_an_agent_takes_the_state_of_its_context(extractor, text, source, target):
    events = [e for e in _events(extractor, text) if e.type in ("ASSAULT", "COERCE")]
    assert events, _events(extractor, text)
    assert _codes(events[-1].source) == source and _codes(events[-1].target) == target


def test_a_sentence_naming_no_state_takes_no_state_from_a_two_party_story(extractor):
    text = ("Chile and Bolivia traded accusations over the river. Chile and Bolivia met again. "
            "Police arrested thirty protesters on Monday.")
    arrests = [e for e in _events(extractor, text) if e.type == "COERCE"]
    assert not arrests


# -- a stance's object, and what a state holds ---------------------------------------------

@pytest.mark.parametrize("text,state", [
    ("An anti-American cleric was arrested by police in Islamabad.", "USA"),
    ("Pro-Russian politicians won the vote in Chisinau.", "RUS"),
])
def test_a_state_after_anti_or_pro_is_no_actor(extractor, text, state):
    mentions = extractor.mentions(text, date="2021-05-10")
    assert all(state not in m.codes for m in mentions)


@pytest.mark.parametrize("text,codes", [
    ("Palestinian militants fired mortars at Israeli settlements near Gaza.", {"PSE", "ISR"}),
    ("Philippine coast guards seized two Chinese vessels near the shoal.", {"PHL", "CHN"}),
])
def test_a_state_adjective_on_what_the_state_holds_is_a_party(extractor, text, codes):
    assert _all_codes(_events(extractor, text)) == codes


# -- peoples where they live ---------------------------------------------------------------

@pytest.mark.parametrize("text,surface,code", [
    ("The Hungarians of southern Slovakia demanded schools in their language.", "Hungarians", "SVK"),
    ("Russians in eastern Latvia protested against the language law.", "Russians", "LVA"),
    ("Russians protested in Riga against the language law.", "Russians", "RUS"),
    ("Turkish Cypriot leaders rejected the plan.", "Turkish Cypriot", "CYP"),
])
def test_a_people_is_coded_where_it_lives(extractor, text, surface, code):
    found = [m for m in extractor.mentions(text, date="2021-05-10") if m.text.startswith(surface)]
    assert found and found[0].codes == [code]
