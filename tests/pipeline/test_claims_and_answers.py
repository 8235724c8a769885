"""Claims and counter-claims in conflict news: harm one side reports another did to it is
an accusation (CAMEO "a says b attacked" = 112; PLOVER 3.9 "allege"), the answer told in
an appositive ("..., a charge Kabul denied") is a rejection aimed at the accuser, and a
threat is aimed at the party whose act it is conditioned on, which has not happened.

Every sentence here is written for these tests (none is taken from an evaluation corpus).
"""

from __future__ import annotations

import pytest

from coded import found as _found


def _has(events, type_, source, target):
    return any(t == type_ and s == source and g == target for t, s, g in events)


# (text, [(type, source, target)] that must be coded)
CODED = [
    # A claim of harm by another side: an allegation against it, the harm aimed at the claimant.
    pytest.param("Kyrgyz officials claimed that Tajikistan was moving heavy weapons to the border.",
                 [("ACCUSE", {"KGZ"}, {"TJK"}), ("MOBILIZE", {"TJK"}, {"KGZ"})], id="claimed-build-up"),
    pytest.param("Armenian officials claimed that Azerbaijani drones had struck a village near Goris.",
                 [("ACCUSE", {"ARM"}, {"AZE"})], id="claimed-strike"),
    # Said, not claimed: an attack on what the reporter calls its own is an accusation too.
    pytest.param("Kyrgyzstan said Tajik troops had fired on its border post overnight.",
                 [("ASSAULT", {"TJK"}, {"KGZ"}), ("ACCUSE", {"KGZ"}, {"TJK"})], id="said-its-post"),
    pytest.param("Uzbekistan said Kazakh police had detained three of its citizens in Shymkent.",
                 [("COERCE", {"KAZ"}, {"UZB"})], id="said-its-citizens"),
    # The verb of alleging itself: its target is whose act is alleged.
    pytest.param("Georgia's interior ministry alleged that Russian troops had moved the boundary "
                 "fences deeper into its territory.", [("ACCUSE", {"GEO"}, {"RUS"})],
                 id="alleged-that"),
    # An appositive answer: a rejection aimed at the accuser.
    pytest.param("Pakistan accused Afghanistan of harbouring the bombers, a charge Kabul denied.",
                 [("ACCUSE", {"PAK"}, {"AFG"}), ("REJECT", {"AFG"}, {"PAK"})], id="a-charge-denied"),
    pytest.param("Baku accused Tehran of arming separatists, an allegation that Iran dismissed as "
                 "baseless.", [("ACCUSE", {"AZE"}, {"IRN"}), ("REJECT", {"IRN"}, {"AZE"})],
                 id="an-allegation-dismissed"),
    # Two sides accusing each other in one sentence: two accusations, one each way.
    pytest.param("Kyrgyzstan accused Tajik troops of shelling its villages, while Tajikistan said "
                 "Kyrgyz soldiers had attacked its outposts first.",
                 [("ACCUSE", {"KGZ"}, {"TJK"}), ("ACCUSE", {"TJK"}, {"KGZ"})], id="both-ways"),
    # A threat aimed at the party whose act is the condition.
    pytest.param("Turkey threatened to launch a new offensive if Syria did not pull its forces back.",
                 [("THREATEN", {"TUR"}, {"SYR"})], id="threat-if"),
    pytest.param("Tajikistan said it could close the border unless Kyrgyzstan stopped building the road.",
                 [("THREATEN", {"TJK"}, {"KGZ"})], id="harm-unless"),
]

# (text, type that must not be coded)
NOT_CODED = [
    # A third party reporting an attack on someone else does not accuse.
    pytest.param("Kazakhstan said Tajik and Kyrgyz troops had clashed near the Vorukh enclave.",
                 "ACCUSE", id="third-party-report"),
    # Who speaks for the one answering, in a clause after "with", is no party to the answer.
    pytest.param("Moscow dismissed the complaint, with Russian foreign ministry spokeswoman Maria "
                 "Zakharova calling it absurd.", "REJECT", id="with-clause-no-target"),
    # What a threat is conditioned on has not happened.
    pytest.param("Azerbaijan threatened to use force if Armenia did not withdraw its troops from "
                 "the heights.", "RETREAT", id="condition-not-an-act"),
    pytest.param("Uzbekistan warned it would halt gas deliveries if Kyrgyzstan seized the reservoir.",
                 "COERCE", id="conditioned-seizure"),
]


@pytest.mark.parametrize("text, wanted", CODED)
def test_coded(extractor, text, wanted):
    events = _found(extractor, text)
    for type_, source, target in wanted:
        assert _has(events, type_, source, target), events


@pytest.mark.parametrize("text, type_", NOT_CODED)
def test_not_coded(extractor, text, type_):
    events = _found(extractor, text)
    if type_ == "REJECT":   # the answer stays, aimed at no one of its own state
        assert not any(t == type_ and s & g for t, s, g in events), events
    else:
        assert events and not any(t == type_ for t, _, _ in events), events
