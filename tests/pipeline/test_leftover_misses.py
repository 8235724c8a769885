"""Misses found on invented sentences and closed together: an accusation rejected as the
direct object, a border closed by a named state (as a noun too),
unnamed forces moved toward a border whose far side is the only state named, an invitation
someone is thanked for, growth told as a fraction in words.

Every sentence here is written for these tests (none is taken from an evaluation corpus).
"""

from __future__ import annotations

import pytest

from coded import found

from steppe.facts import Document


@pytest.mark.parametrize("text, rejecter, accuser", [
    ("Tashkent rejected the accusations made by Bishkek on Tuesday.", {"UZB"}, {"KGZ"}),
    ("Hanoi rejected the accusations from Beijing over the seized fishing boats.", {"VNM"}, {"CHN"}),
    ("Minsk dismissed the charges brought by Vilnius as groundless.", {"BLR"}, {"LTU"}),
    ("Ankara rejected Athens' allegations about the airspace violations.", {"TUR"}, {"GRC"}),
])
def test_a_rejected_accusation_is_coded_beside_the_rejection(extractor, text, rejecter, accuser):
    events = found(extractor, text)
    # PLOVER 3.9 ACCUSE: the accusation was made, against the one who rejects it
    assert ("REJECT", rejecter, accuser) in events
    assert ("ACCUSE", accuser, rejecter) in events


def test_a_rejected_accusation_of_no_one_else_stays_the_rejection(extractor):
    # no author other than the one rejecting: nothing was said by another state
    events = found(extractor, "Kazakhstan rejected the accusations, its foreign ministry said.")
    assert not any(t == "ACCUSE" for t, _, _ in events)


def test_a_rejected_demand_stays_the_rejections_content(extractor):
    # CAMEO 12 (reject request): the demand is what is rejected, not a second event here
    events = found(extractor, "Baku rejected the demand made by Yerevan to reopen the road.")
    assert ("REJECT", {"AZE"}, {"ARM"}) in events
    assert not any(t == "REQUEST" for t, _, _ in events)


@pytest.mark.parametrize("text, closer, other", [
    # the 'by' phrase of the noun is the agent, also where the parse hangs it on the crossing
    ("Kazakh and Kyrgyz officials met in Bishkek on Monday. The closing of the crossing by "
     "Kyrgyzstan lasted a week.", {"KGZ"}, {"KAZ"}),
    # an unqualified border is the one the story's pair shares (SANCTION, PLOVER 3.13)
    ("Tajik and Uzbek ministers held talks on water on Monday. The closure of the border by "
     "Uzbekistan came two days later.", {"UZB"}, {"TJK"}),
    ("Peru and Chile held talks in Lima on Monday. Chile closed the border on Friday.",
     {"CHL"}, {"PER"}),
    # the border's other side named in its own phrase
    ("The closing of the border with Benin by Niger hurt traders.", {"NER"}, {"BEN"}),
])
def test_closing_a_border_is_aimed_at_the_state_across_it(extractor, text, closer, other):
    assert ("SANCTION", closer, other) in found(extractor, text)


def test_a_closing_ceremony_closes_no_border(extractor):
    events = found(extractor, "The closing ceremony of the forum of Kazakhstan and China was held in Astana.")
    assert not any(t == "SANCTION" for t, _, _ in events)


@pytest.mark.parametrize("text, mover, across", [
    ("Troops were deployed along the border with Afghanistan, the Tajik defence ministry said.",
     {"TJK"}, {"AFG"}),
    ("Tanks were moved toward the border with Lebanon, the Israeli army said.", {"ISR"}, {"LBN"}),
    ("Soldiers were put on alert along the border with Azerbaijan, the Armenian ministry said.",
     {"ARM"}, {"AZE"}),
])
def test_unnamed_forces_at_a_border_are_the_reporters(extractor, text, mover, across):
    # PLOVER 3.14 MOBILIZE: the state across the border is where the move looks, not its agent
    assert ("MOBILIZE", mover, across) in found(extractor, text)


def test_forces_at_the_reporters_own_border_stay_its_own(extractor):
    events = found(extractor, "Troops were massed near the Armenian border, the Armenian ministry said.")
    assert all(src == {"ARM"} for t, src, _ in events if t == "MOBILIZE")


@pytest.mark.parametrize("text, inviter, invited", [
    ("Kazakhstan thanked Uzbekistan for the invitation.", {"UZB"}, {"KAZ"}),
    ("Japarov thanked Tokayev for the invitation to visit Astana in June.", {"KAZ"}, {"KGZ"}),
    ("Mongolia thanked China for the invitation to the trade fair.", {"CHN"}, {"MNG"}),
])
def test_an_invitation_thanked_for_was_extended_by_the_one_thanked(extractor, text, inviter, invited):
    events = found(extractor, text)
    # the thanks (PLOVER 3.3 SUPPORT) and the invitation itself (AGREE planned, 3.2)
    assert ("SUPPORT", invited, inviter) in events
    assert ("AGREE", inviter, invited) in events


def test_a_past_act_thanked_for_without_its_own_agent_stays_uncoded(extractor):
    # the intent of the grounds rule: the thanks alone does not code a past material act
    events = found(extractor, "Chile thanked Peru for the food aid sent in March.")
    assert ("SUPPORT", {"CHL"}, {"PER"}) in events
    assert not any(t == "AID" for t, _, _ in events)


@pytest.mark.parametrize("text, indicator, value", [
    ("Trade between Kazakhstan and China rose by a third in 2023.", "other:trade_growth", 33.3),
    ("Uzbek exports to Russia fell by half last year.", "other:exports_growth", -50),
    ("Trade between Turkey and Iran grew by a quarter in 2022.", "other:trade_growth", 25),
    ("Imports from Georgia to Armenia dropped by two thirds in 2021.", "other:imports_growth", -66.7),
])
def test_a_growth_told_as_a_fraction_is_a_percentage(extractor, text, indicator, value):
    figures = extractor.extract(Document(id="t", text=text, date="2024-03-10")).figures
    assert any(f.indicator == indicator and f.unit == "percent" and f.value == pytest.approx(value)
               for f in figures)


def test_a_fraction_without_a_change_is_no_growth(extractor):
    text = "Half of the trade between Kazakhstan and China went by rail in 2023."
    figures = extractor.extract(Document(id="t", text=text, date="2024-03-10")).figures
    assert not any(f.indicator.endswith("_growth") for f in figures)
