"""Coverage of the PLOVER manual, category by category (chapter 3): the extractor run on our
own news-style sentences (tests/data/plover_coverage.yaml: a few per event type, one per
"potential ambiguities" bullet and one per mode), scored per type.

The floors below are what the coder reaches now: a change that loses a category's
sentences fails here, one that gains should raise the floor.

Remaining misses (as of this floor), by the manual's section:
- 3.4 lifting a curfew: the lifting is found, but "talks with Tajikistan" in the same
  sentence is taken as its recipient (roles).
- 3.12 riot, strike, hunger strike: the protest is found, but its target ("a Chinese-owned
  field", "detained in Kazakhstan") is not (roles).
- 3.12.2 the protest a motivating act provoked ("demonstrated after China detained ..."):
  the motivating act is coded (COERCE), but the protest takes no recipient from that clause,
  since an act's recipient is not looked for in a clause with its own agent (a rule the GSR
  records support).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from coded import events_in
from coded import found

FIXTURE = Path(__file__).parent.parent / "data" / "plover_coverage.yaml"

# Per-type share of the sentences coded right (type + the states on both sides), at least.
FLOORS: dict[str, float] = {
    "ACCUSE": 1.0, "AGREE": 1.0, "AID": 1.0, "ASSAULT": 1.0, "COERCE": 1.0, "CONCEDE": 0.93,
    "CONSULT": 1.0, "COOPERATE": 1.0, "MOBILIZE": 1.0, "PROTEST": 0.6, "REJECT": 1.0,
    "REQUEST": 1.0, "RETREAT": 1.0, "SANCTION": 1.0, "SUPPORT": 1.0, "THREATEN": 1.0, "NONE": 1.0,
}
OVERALL_FLOOR = 193     # sentences coded right, of 198 (134 before this set's lexicon work)


def load_sentences() -> list[dict]:
    data = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    return [dict(s, date=s.get("date", data["default_date"])) for s in data["sentences"]]


def judge(extractor, entry: dict) -> tuple[bool, str]:
    """(right, what was coded): right when an event of the expected type has exactly the
    expected states on both sides together and no event of an `absent` type is coded."""
    events = events_in(extractor, entry["text"], entry["date"])
    coded = [(e.type, sorted({_code(a) for a in e.source + e.target if a.code})) for e in events]
    want = set(entry.get("source") or []) | set(entry.get("target") or [])
    absent = set(entry.get("absent") or [])
    hit = "type" not in entry or any(t == entry["type"] and set(p) == want for t, p in coded)
    clean = not any(t in absent for t, _ in coded)
    return hit and clean, "; ".join(f"{t} {'/'.join(p)}" for t, p in coded) or "nothing"


def _code(actor) -> str:
    """A state's code; an organisation's id ("igo:EU" -> EU), since all IGOs share code IGO."""
    return actor.actor_id.split(":", 1)[1] if actor.code == "IGO" and ":" in actor.actor_id else actor.code


def score(extractor, entries: list[dict]) -> tuple[dict[str, list[bool]], list[str]]:
    """Results per expected type (NONE for sentences that expect only absences) and the
    misses, one line each."""
    per_type: dict[str, list[bool]] = defaultdict(list)
    misses = []
    for entry in entries:
        ok, got = judge(extractor, entry)
        per_type[entry.get("type", "NONE")].append(ok)
        if not ok:
            misses.append(f"{entry['ref']} [{entry.get('type', 'NONE')}]: {entry['text']} -> {got}")
    return per_type, misses


@pytest.fixture(scope="module")
def coverage(extractor):
    return score(extractor, load_sentences())


def test_fixture_names_plover_types():
    from steppe.facts import PLOVER_TYPES

    entries = load_sentences()
    assert len(entries) >= 150
    assert {e["type"] for e in entries if "type" in e} == set(PLOVER_TYPES)


def test_overall_accuracy_floor(coverage):
    per_type, misses = coverage
    total = sum(len(v) for v in per_type.values())
    right = sum(sum(v) for v in per_type.values())
    assert right >= OVERALL_FLOOR, f"{right} of {total} right:\n" + "\n".join(misses)


@pytest.mark.parametrize("event_type", sorted(FLOORS))
def test_per_type_accuracy_floor(coverage, event_type):
    per_type, misses = coverage
    results = per_type[event_type]
    assert sum(results) / len(results) >= FLOORS[event_type], \
        "\n".join(m for m in misses if f"[{event_type}]" in m)


# The mechanisms this set brought in, one sentence each (also in the fixture).
@pytest.mark.parametrize("text, type_, source, target", [
    # A lemma the tagger gets wrong ("cordoned" -> "cordone") is matched by its inflection.
    ("Uzbek police cordoned off the Tajik consulate in Samarkand.", "COERCE", {"UZB"}, {"TJK"}),
    # A weapon as the subject of violence: the act is kept with its victims (3.16), the bomb
    # an unseen attacker placed by the sentence's one state (as gold-standard records code it).
    ("A car bomb killed four Afghan policemen.", "ASSAULT", {"AFG"}, {"AFG"}),
    # Declaring a ceasefire is a CONCEDE; observing it is RETREAT (3.4).
    ("Armenia declared a ceasefire with Azerbaijan on Tuesday.", "CONCEDE", {"ARM"}, {"AZE"}),
    # The exchange of prisoners is a RETREAT, not the war they were captured in (3.3.2).
    ("Armenia and Azerbaijan swapped prisoners of war in May.", "RETREAT", {"ARM", "AZE"},
     {"ARM", "AZE"}),
    # Pardons and amnesties are CONCEDE, not a release (3.4.2).
    ("Kazakhstan pardoned a Russian pilot.", "CONCEDE", {"KAZ"}, {"RUS"}),
    # Forces sent for disaster relief are AID (3.14.1) ...
    ("Turkmenistan dispatched troops to help earthquake victims in Iran.", "AID", {"TKM"}, {"IRN"}),
    # ... but forces moved after a disaster, for no relief, are still mobilised.
    ("Azerbaijan moved troops to the Iranian border after the earthquake.", "MOBILIZE", {"AZE"},
     {"IRN"}),
    # A party calling for an end to its own conflict states an intent (3.8.2) ...
    ("Kyrgyzstan called for an end to its conflict with Tajikistan.", "AGREE", {"KGZ"}, {"TJK"}),
    # ... a third party's call is a request.
    ("China called for an end to the fighting between India and Pakistan.", "REQUEST", {"CHN"},
     {"IND", "PAK"}),
    # Captives or the dead handed back are released (3.7).
    ("Armenia handed back the remains of four Azerbaijani soldiers.", "RETREAT", {"ARM"}, {"AZE"}),
])
def test_mechanisms(extractor, text, type_, source, target):
    assert (type_, source, target) in found(extractor, text)


def test_an_emergency_over_a_disaster_is_no_coercion(extractor):
    # PLOVER 3.15.2: a state of emergency over a flood is no repression; over unrest it is.
    assert not [e for e in events_in(extractor, "Tajikistan declared a state of emergency after the mudflows.")
                if e.type == "COERCE"]
    assert "COERCE" in {e.type for e in events_in(
        extractor, "Kazakhstan declared a state of emergency after the riots in Almaty.")}
