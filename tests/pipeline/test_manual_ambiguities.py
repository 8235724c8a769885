"""Acts the PLOVER manual's chapter 3 tells apart ("potential ambiguities"), and the actors
they need, on our own wire-style sentences (the coverage set holds more of them:
tests/data/plover_coverage.yaml)."""

from __future__ import annotations

import pytest

from coded import events_in, found


def _has(events, type_, source, target):
    return (type_, set(source), set(target)) in events


# -- 3.7.2 / 3.13.2: people fleeing are SANCTION expel, the causative agent the actor ------
@pytest.mark.parametrize("text, source, target", [
    # the act they fled "after" names who drove them out
    ("Thousands of ethnic Armenians fled Karabakh after the Azerbaijani offensive.", {"AZE"}, {"ARM"}),
    # the one who forced them to flee
    ("Azerbaijani shelling forced thousands of Armenian villagers to flee their homes.", {"AZE"}, {"ARM"}),
    # "to escape attacks by X"; no state for the civilians: the people of the place fled
    ("Tens of thousands of civilians fled Sudan's Darfur region to Chad to escape attacks by "
     "the Sudanese army.", {"SDN"}, {"SDN"}),
])
def test_fleeing_people_are_expelled_by_who_caused_it(extractor, text, source, target):
    assert _has(found(extractor, text), "SANCTION", source, target)


def test_what_people_flee_stays_an_act_of_its_own(extractor):
    events = found(extractor, "Hundreds of Uzbek families fled the fighting between Kyrgyz and "
                              "Tajik troops in Batken.")
    assert any(t == "SANCTION" and s == {"KGZ", "TJK"} for t, s, _ in events)
    assert any(t == "ASSAULT" and s | g == {"KGZ", "TJK"} for t, s, g in events)


def test_fleeing_with_no_cause_and_no_place_is_no_event(extractor):
    assert not [e for e in events_in(extractor, "Syrian refugees fled to Turkey.") if e.type == "SANCTION"]


# -- 3.6: goods or arms handed over as aid are AID --------------------------------------------
@pytest.mark.parametrize("text, source, target", [
    ("Turkey delivered armoured vehicles to Kyrgyzstan as military aid.", {"TUR"}, {"KGZ"}),
    ("Germany sent 50 tanks to Ukraine as part of a military assistance package.", {"DEU"}, {"UKR"}),
    ("The United States supplied radar equipment to Uzbekistan under a military aid programme.",
     {"USA"}, {"UZB"}),
])
def test_transfers_given_as_aid_are_aid(extractor, text, source, target):
    events = found(extractor, text)
    assert _has(events, "AID", source, target)
    assert not {t for t, _, _ in events} & {"COOPERATE", "MOBILIZE"}


def test_a_delivery_under_a_trade_deal_stays_cooperation(extractor):
    types = {t for t, _, _ in found(extractor, "Kazakhstan delivered 200,000 tonnes of wheat to "
                                               "Afghanistan under a trade agreement.")}
    assert "AID" not in types and "COOPERATE" in types


# -- 3.6.2 / 3.13.2: court orders and sentences -----------------------------------------------
def test_a_court_ordered_payment_has_the_winner_beside_the_court(extractor):
    # "the winner and court as actor and guilty party as recipient"
    assert _has(found(extractor, "An arbitration court ordered Tajikistan to pay $90 million to "
                                 "an Iranian contractor."), "SANCTION", {"IRN"}, {"TJK"})
    assert _has(found(extractor, "A Stockholm tribunal ordered a Turkmen gas company to pay "
                                 "$250 million to Azerbaijan."), "SANCTION", {"SWE", "AZE"}, {"TKM"})


@pytest.mark.parametrize("text, source, target", [
    ("A court in Moscow sentenced two Ukrainian sailors to six years in prison on Tuesday.",
     {"RUS"}, {"UKR"}),
    ("An Iranian court jailed a French tourist for five years on espionage charges.", {"IRN"}, {"FRA"}),
])
def test_a_prison_sentence_is_a_conviction_and_an_arrest(extractor, text, source, target):
    events = found(extractor, text)
    assert _has(events, "SANCTION", source, target) and _has(events, "COERCE", source, target)


def test_a_fine_is_no_arrest(extractor):
    types = {t for t, _, _ in found(extractor, "A Turkish court fined two Greek fishermen for fishing "
                                               "in its waters.")}
    assert types == {"SANCTION"}


# -- states named only in a place phrase -------------------------------------------------------
def test_both_sides_of_a_border_name_both_states(extractor):
    assert _has(found(extractor, "Troops were massed on both sides of the Indian-Pakistani frontier "
                                 "in May."), "MOBILIZE", {"IND", "PAK"}, {"IND", "PAK"})
    assert _has(found(extractor, "Clashes broke out on the Kyrgyz-Tajik border on Tuesday."),
                "ASSAULT", {"KGZ", "TJK"}, {"KGZ", "TJK"})


def test_one_side_of_a_border_names_neither_state_for_a_one_sided_act(extractor):
    events = found(extractor, "Uzbek troops were massed near the Turkmen-Uzbek border in May.")
    assert not any("TKM" in s for t, s, _ in events if t == "MOBILIZE")


def test_a_protest_named_in_a_place_is_by_that_states_people(extractor):
    assert _has(found(extractor, "Riots broke out in Dhaka after the arrest of the opposition leader."),
                "PROTEST", {"BGD"}, set())
    assert _has(found(extractor, "Rallies were held in Yerevan against the Azerbaijani blockade."),
                "PROTEST", {"ARM"}, {"AZE"})


def test_a_protest_named_in_a_place_is_aimed_at_no_one_the_story_names(extractor):
    text = ("Russia sent troops to Kazakhstan under a CSTO mandate on 6 January.\n\n"
            "Protests over a rise in fuel prices broke out in the town of Zhanaozen on 2 January.")
    assert not any(t == "PROTEST" and "RUS" in s | g for t, s, g in found(extractor, text))


def test_an_investigation_is_aimed_at_the_state_where_its_subject_happened(extractor):
    # PLOVER 3.9: "all investigations", of killings, war crimes, ...
    assert _has(found(extractor, "The UN launched an inquiry into the deaths of protesters in Bishkek."),
                "ACCUSE", {"IGO"}, {"KGZ"})
    assert _has(found(extractor, "The OSCE opened an investigation into abuses committed in Belarus."),
                "ACCUSE", {"IGO"}, {"BLR"})


# -- former states -----------------------------------------------------------------------------
@pytest.mark.parametrize("text, type_, codes", [
    ("The Soviet Union invaded Afghanistan in December 1979.", "ASSAULT", {"SUN", "AFG"}),
    ("Yugoslavia expelled two Albanian diplomats in 1981.", "SANCTION", {"YUG", "ALB"}),
    ("East Germany signed a trade agreement with Czechoslovakia in 1985.", "SUPPORT", {"DDR", "CSK"}),
    ("The USSR and China clashed on the Ussuri River in 1969.", "ASSAULT", {"SUN", "CHN"}),
])
def test_former_states_keep_their_own_codes(extractor, text, type_, codes):
    assert any(t == type_ and s | g == codes for t, s, g in found(extractor, text))


@pytest.mark.parametrize("text", [
    "Kyrgyzstan and Tajikistan, former Soviet republics, signed a border treaty on Friday.",
    "The post-Soviet border between Uzbekistan and Kyrgyzstan was demarcated in 2023.",
    "Uzbekistan and Kyrgyzstan agreed to demarcate the Soviet-era border, the ministry said.",
    "Armenia and Georgia signed a transit accord on Monday, their first since the collapse of "
    "the Soviet Union.",
    "Kyrgyzstan agreed on Friday to hand over to Uzbekistan a dam built in Soviet times.",
])
def test_a_former_state_named_as_a_period_or_a_past_is_no_actor(extractor, text):
    events = found(extractor, text)
    assert events and not any("SUN" in s | g for _, s, g in events)


def test_the_end_of_a_state_dates_a_story_without_making_it_a_party(extractor):
    text = "Slovenia and Croatia have disputed the bay since the break-up of Yugoslavia."
    assert not any("YUG" in s | g for _, s, g in found(extractor, text))


def test_the_owner_of_a_thing_named_with_a_noun_before_it_is_an_actor(extractor):
    # "a Colombian cargo ship": the ship is Colombia's, as "a Colombian ship" would be
    assert _has(found(extractor, "Ecuador seized a Peruvian fishing trawler off Guayaquil."),
                "COERCE", {"ECU"}, {"PER"})


@pytest.mark.parametrize("text", [
    "Iran said it wanted to avoid a war with Afghanistan.",
    "Kazakhstan fears a war between Russia and Ukraine.",
    "Analysts warned of the risk of clashes between Kyrgyzstan and Tajikistan.",
    "The talks helped prevent a conflict between Armenia and Azerbaijan.",
])
def test_an_act_feared_or_avoided_is_no_event(extractor, text):
    # a possibility kept off is no occurrence, and no threat either
    assert not any(t in ("ASSAULT", "THREATEN") for t, s, g in found(extractor, text)), found(extractor, text)


def test_an_act_that_happened_despite_fears_is_one(extractor):
    got = found(extractor, "Despite fears in Moscow, clashes broke out between Armenia and Azerbaijan on Monday.")
    assert any(t == "ASSAULT" and s | g == {"ARM", "AZE"} for t, s, g in got), got
    got = found(extractor, "The danger of the Russian invasion of Ukraine became clear in 2022.")
    assert any(t == "ASSAULT" and s | g == {"RUS", "UKR"} for t, s, g in got), got

