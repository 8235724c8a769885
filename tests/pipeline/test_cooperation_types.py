"""COOPERATE, SUPPORT and ACCUSE as the PLOVER manual defines them (sections 3.3, 3.5, 3.9):
cooperation started, resumed or expanded as an act, diplomatic protests and blame, and
reciprocal acts told in the passive with no one named.

Every sentence here is written for these tests (none is taken from an evaluation corpus).
"""

from __future__ import annotations

import pytest

from steppe.facts import Document


def _events(ex, text, date="2024-03-10"):
    return ex.extract(Document(id="t", text=text, date=date)).events


def _codes(actors):
    return {a.code for a in actors if a.code}


def _found(ex, text):
    return [(e.type, _codes(e.source), _codes(e.target)) for e in _events(ex, text)]


KG_RU = {"KGZ", "RUS"}
KZ_UZ = {"KAZ", "UZB"}

# (text, type, source codes, target codes)
FOUND = [
    # PLOVER 3.5: resuming or expanding material cooperation is COOPERATE, whatever the
    # adjective before "cooperation" (a sector names no state).
    pytest.param("Russia and Kyrgyzstan resumed military cooperation in March.", "COOPERATE",
                 KG_RU, KG_RU, id="resumed-military-cooperation"),
    pytest.param("Kazakhstan and Uzbekistan expanded cooperation in the energy sector.",
                 "COOPERATE", KZ_UZ, KZ_UZ, id="expanded-cooperation"),
    pytest.param("Tajikistan and China stepped up security cooperation on the border.",
                 "COOPERATE", {"CHN", "TJK"}, {"CHN", "TJK"}, id="stepped-up-cooperation"),
    pytest.param("Uzbekistan and Tajikistan resumed direct flights between their capitals.",
                 "COOPERATE", {"TJK", "UZB"}, {"TJK", "UZB"}, id="resumed-flights"),
    pytest.param("Turkmenistan and Afghanistan are implementing a joint railway project.",
                 "COOPERATE", {"AFG", "TKM"}, {"AFG", "TKM"}, id="implementing-joint-project"),
    # "joint" is an adjective: the phrase is matched from it.
    pytest.param("The two armies of Kazakhstan and Kyrgyzstan launched a joint border patrol.",
                 "COOPERATE", {"KAZ", "KGZ"}, {"KAZ", "KGZ"}, id="joint-patrol"),
    # PLOVER 3.9: a protest made to a state is a diplomatic protest; blame is an accusation.
    pytest.param("The Kyrgyz foreign ministry protested to Tajikistan over the incident.",
                 "ACCUSE", {"KGZ"}, {"TJK"}, id="protested-to"),
    pytest.param("Uzbekistan held Kyrgyzstan responsible for the shooting.", "ACCUSE",
                 {"UZB"}, {"KGZ"}, id="held-responsible"),
    pytest.param("Kyrgyzstan raised concerns with China about the unpaid debt.", "ACCUSE",
                 {"KGZ"}, {"CHN"}, id="raised-concerns"),
    pytest.param("Iran expressed disappointment with Turkmenistan over the gas cut.", "ACCUSE",
                 {"IRN"}, {"TKM"}, id="expressed-disappointment"),
    # PLOVER 3.9.2: summoning a diplomat to present grievances is ACCUSE, not CONSULT.
    pytest.param("Uzbekistan summoned the Kyrgyz charge d'affaires over the shooting.",
                 "ACCUSE", {"UZB"}, {"KGZ"}, id="summoned-charge"),
    # PLOVER 3.3: congratulations, and diplomatic ties opened.
    pytest.param("The Kazakh president sent a congratulatory message to the Uzbek president.",
                 "SUPPORT", {"KAZ"}, {"UZB"}, id="congratulatory-message"),
    pytest.param("Uzbekistan opened an embassy in Kyrgyzstan.", "SUPPORT", {"UZB"}, {"KGZ"},
                 id="opened-embassy"),
    # A reciprocal act in the passive with no one named belongs to the story's two parties.
    pytest.param("Kazakhstan and Uzbekistan held talks in Astana. Kazakhstan and Uzbekistan "
                 "are neighbours. During the visit of the Uzbek president, several documents "
                 "were signed.", "SUPPORT", KZ_UZ, KZ_UZ, id="passive-signing"),
]


@pytest.mark.parametrize("text, type_, source, target", FOUND)
def test_cooperation_type_found(extractor, text, type_, source, target):
    found = _found(extractor, text)
    assert (type_, source, target) in found, found


# (text, a type that must not be coded)
NOT_FOUND = [
    # An interest in, or the need for, more cooperation is a topic, not an act.
    pytest.param("The president expressed interest in strengthening cooperation with "
                 "Kazakhstan.", "COOPERATE", id="interest-in-strengthening"),
    pytest.param("The sides noted the need to take steps to expand cooperation between "
                 "Uzbekistan and Tajikistan.", "COOPERATE", id="need-to-expand"),
    # Joint ventures counted or discussed are statistics and topics.
    pytest.param("More than 300 joint ventures of Kazakhstan and Uzbekistan operate today.",
                 "COOPERATE", id="joint-ventures-counted"),
    pytest.param("Kazakhstan and Uzbekistan discussed the development of joint projects.",
                 "COOPERATE", id="joint-projects-discussed"),
    # Summoning someone who is no diplomat is no protest.
    pytest.param("Kyrgyzstan summoned its border commanders after the clash with Tajikistan.",
                 "ACCUSE", id="summoned-own-officers"),
    # Demonstrators protesting against a policy are no diplomatic protest.
    pytest.param("Students in Bishkek protested against the new tax on Chinese goods.",
                 "ACCUSE", id="street-protest"),
]


@pytest.mark.parametrize("text, type_", NOT_FOUND)
def test_cooperation_type_not_found(extractor, text, type_):
    events = _events(extractor, text)
    assert type_ not in [e.type for e in events], [(e.type, e.trigger) for e in events]


def test_promised_expansion_is_an_agreement(extractor):
    """PLOVER 3.5.1: cooperation to come is an AGREE, not a COOPERATE."""
    found = _found(extractor, "Kazakhstan and Uzbekistan will expand cooperation in energy.")
    assert ("AGREE", KZ_UZ, KZ_UZ) in found, found
    assert "COOPERATE" not in [f[0] for f in found]
