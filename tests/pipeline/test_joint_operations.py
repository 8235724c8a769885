"""Joint operations (PLOVER 3.14.1: "joint military operations are coded as COOPERATE";
3.5: military exchanges): force used or moved by several states together on no one outside
them is cooperation between them, not coercion of either; reciprocal conflict stays
conflict, and a joint act aimed at a third state stays what it is.

Every sentence here is written for these tests (none is taken from an evaluation corpus).
"""

from __future__ import annotations

import pytest

from coded import found as _found

JOINT = [
    pytest.param("Kyrgyz and Kazakh customs officers jointly seized a lorry of contraband cigarettes.",
                 {"KGZ", "KAZ"}, id="jointly-seized"),
    pytest.param("Turkmen and Iranian police together arrested nine members of a smuggling gang.",
                 {"TKM", "IRN"}, id="together-arrested"),
    pytest.param("Mongolian border guards, together with Chinese police, detained four poachers.",
                 {"MNG", "CHN"}, id="together-with-partner"),
    pytest.param("In a joint raid on Tuesday, Tajik and Afghan security forces detained twelve "
                 "suspected traffickers.", {"TJK", "AFG"}, id="joint-raid-frame"),
    pytest.param("Russian and Syrian jets carried out combined strikes on militant camps in the desert.",
                 {"RUS", "SYR"}, id="combined-strikes"),
    pytest.param("French troops alongside Malian soldiers attacked an insurgent base near Gao.",
                 {"FRA", "MLI"}, id="alongside-partner"),
]

NOT_JOINT = [
    # Reciprocal conflict is between the parties.
    pytest.param("Kyrgyz and Tajik border guards clashed again near the disputed canal.",
                 "ASSAULT", {"KGZ", "TJK"}, id="clashed"),
    pytest.param("Armenian and Azerbaijani troops exchanged fire along the line of contact.",
                 "ASSAULT", {"ARM", "AZE"}, id="exchanged-fire"),
    # A joint act against a third state is still against it.
    pytest.param("Uzbek and Kazakh police jointly detained a group of Afghan smugglers.",
                 "COERCE", {"UZB", "KAZ", "AFG"}, id="third-state-target"),
    # Several states named, nothing told as joint: left as it is.
    pytest.param("Kazakh and Kyrgyz police arrested dozens of drug couriers last month.",
                 "COERCE", {"KAZ", "KGZ"}, id="no-marker"),
]


@pytest.mark.parametrize("text, states", JOINT)
def test_joint_force_is_cooperation(extractor, text, states):
    events = _found(extractor, text)
    assert any(t == "COOPERATE" and s | g == states for t, s, g in events), events
    assert not any(t in ("COERCE", "ASSAULT", "MOBILIZE") for t, _, _ in events), events


@pytest.mark.parametrize("text, type_, states", NOT_JOINT)
def test_conflict_stays(extractor, text, type_, states):
    events = _found(extractor, text)
    assert any(t == type_ and s | g == states for t, s, g in events), events
    assert not any(t == "COOPERATE" for t, _, _ in events), events
