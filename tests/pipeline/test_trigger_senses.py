"""Senses of trigger words the lexicon tells apart, and acts it had no words for, on our own
sentences (data/triggers/en.yaml)."""

from __future__ import annotations

import pytest

from coded import found, types as _types


# -- "meet": a partner, a commitment or a demand ----------------------------------------------
def test_a_commitment_met_is_no_meeting(extractor):
    events = found(extractor, "Kyrgyzstan and Tajikistan pledged last year to double their trade. "
                              "Bankers in both capitals say it is hard to tell whether that pledge is being met.")
    assert "CONSULT" not in _types(events)
    assert "AGREE" in _types(events)


def test_meeting_a_partner_or_a_demand(extractor):
    assert ("CONSULT", {"KAZ"}, {"UZB"}) in found(extractor, "Tokayev met Mirziyoyev in Samarkand on Monday.")
    assert ("CONCEDE", {"KGZ"}, {"TJK"}) in found(extractor, "Kyrgyzstan met Tajikistan's demands on the canal.")
    assert "REJECT" in _types(found(extractor, "Russia said it would not meet Georgia's demands on the border."))


# -- a diplomatic note is a protest only when it is one -------------------------------------------
def test_a_note_that_notifies_is_no_protest(extractor):
    events = found(extractor, "Ashgabat sent a formal note to the bloc's secretariat in late May.")
    assert "ACCUSE" not in _types(events)
    assert ("ACCUSE", {"TJK"}, {"RUS"}) in found(
        extractor, "Dushanbe handed a note of protest to the Russian ambassador on Monday.")


# -- joining a union or a bloc, opening a line between states, tightening checks -------------------
def test_joining_a_union_is_cooperation_with_it(extractor):
    assert ("COOPERATE", {"ARM"}, {"IGO"}) in found(extractor, "Armenia joined the Eurasian Economic Union in 2015.")
    assert ("COOPERATE", {"TJK"}, {"IGO"}) in found(
        extractor, "Tajikistan became a full member of the Shanghai Cooperation Organisation on Friday.")
    # joining talks or a crowd is not joining a body
    assert "COOPERATE" not in _types(found(extractor, "The Kazakh delegation joined the talks on Monday."))


def test_inaugurating_a_pipeline_between_states(extractor):
    events = found(extractor, "The presidents of Kazakhstan and China on Monday inaugurated an oil "
                              "pipeline running from Atyrau to Xinjiang.")
    assert any(t == "COOPERATE" and s | g == {"KAZ", "CHN"} for t, s, g in events)


def test_tightening_checks_at_a_border(extractor):
    assert ("SANCTION", {"UZB"}, {"TJK"}) in found(
        extractor, "Uzbek border guards tightened checks on Tajik trucks on Monday.")


def test_seeking_to_do_is_no_request(extractor):
    # "seek to" intends the act; "seek" with a thing sought asks for it.
    got = found(extractor, "Peru's new president said he would seek to restore warm relations with Chile.")
    assert not any(t == "REQUEST" for t, _, _ in got)
    assert ("REQUEST", {"PER"}, {"CHL"}) in found(extractor, "Peru sought clarification from Chile on Monday.")


def test_a_talk_show_is_no_talks(extractor):
    got = found(extractor, "Speaking on a Brazilian television talk show, a Brazilian senator said Argentina "
                           "owed its ports to Spain.")
    assert not any(t == "CONSULT" for t, _, _ in got)


def test_an_assurance_is_a_promise(extractor):
    # Assuring someone that one will (not) do something commits to it (PLOVER AGREE).
    assert ("AGREE", {"PER"}, {"CHL"}) in found(
        extractor, "Peru assured Chile that its territory would not be used against its neighbour.")
    assert ("AGREE", {"BRA"}, {"ARG"}) in found(
        extractor, "Argentina received assurances from Brazil that gas supplies would continue.")


@pytest.mark.parametrize("text", [
    "Some experts in Lima said Peru could hold a summit with Chile in May.",
    "Analysts expect Argentina to sign a gas deal with Chile next year.",
    "Argentina could sign a gas deal with Chile next year, said an energy analyst in Buenos Aires.",
])
def test_what_commentators_expect_is_no_event(extractor, text):
    # Analysis by commentators is not a report of an act (ANNOTATION.md rule 3).
    assert found(extractor, text) == []


def test_what_officials_say_still_is(extractor):
    assert found(extractor, "Peruvian officials said the summit with Chile would be held in May.")


def test_troops_arriving_are_moved_not_visiting(extractor):
    # PLOVER 3.14: forces moved into another state are MOBILIZE; a minister's arrival is a visit.
    assert ("MOBILIZE", {"BRA"}, {"PRY"}) in found(extractor, "Brazilian troops arrived in Paraguay on Monday.")
    assert ("CONSULT", {"BRA"}, {"PRY"}) in found(extractor, "Brazil's defence minister arrived in Asuncion on Monday.")


def test_freeing_up_forces_releases_no_one(extractor):
    got = found(extractor, "Brazilian troops guarded the airports in Paraguay, freeing up Paraguayan police.")
    assert not any(t == "RETREAT" for t, _, _ in got)


# -- proposing: an offer, unless others are to act -------------------------------------------------
def test_proposing_that_others_act_asks_them_to(extractor):
    # (CAMEO's SUGGEST class is an appeal; the act proposed is not told as done)
    got = found(extractor, "Turkey proposed that Georgia lift its ban on Turkish fruit.")
    assert ("REQUEST", {"TUR"}, {"GEO"}) in got, got
    assert not any(t == "CONCEDE" for t, _, _ in got)
    assert ("REQUEST", {"CHL"}, {"PER"}) in found(
        extractor, "Chile recommended holding new talks with Peru on the maritime border.")


def test_proposing_to_act_oneself_is_an_offer(extractor):
    got = found(extractor, "Turkey proposed to host the next round of talks with Georgia.")
    assert any(t == "AGREE" and s == {"TUR"} for t, s, _ in got), got
    assert not any(t == "REQUEST" for t, _, _ in got)


def test_a_proposal_told_as_fact_is_no_request(extractor):
    # the same verb with a clause told as a fact, then as what is to be done
    got = found(extractor, "Turkish officials proposed that the delay at the Georgian crossing was deliberate.")
    assert not any(t == "REQUEST" for t, _, _ in got), got
    got = found(extractor, "Turkish officials proposed that Georgia open a second crossing.")
    assert ("REQUEST", {"TUR"}, {"GEO"}) in got, got


# -- words that attack or rebuke: criticism, not violence or trade ---------------------------------
@pytest.mark.parametrize("text", [
    "Peru's president used his speech to attack Chile over the fishing quotas.",
    "Peru's foreign minister attacked Chile in an interview on Friday.",
    "Peru's president delivered a sharp rebuke to Chile's leader on Friday.",
])
def test_an_attack_in_words_is_an_accusation(extractor, text):
    got = found(extractor, text)
    assert ("ACCUSE", {"PER"}, {"CHL"}) in got, got
    assert not any(t in ("ASSAULT", "COOPERATE") for t, _, _ in got)


@pytest.mark.parametrize("text, type_, not_type", [
    # words said are disapproved of ...
    ("Lima called the statements of the Chilean minister unacceptable.", "ACCUSE", "REJECT"),
    ("Peru's foreign ministry said the Chilean remarks were unacceptable.", "ACCUSE", "REJECT"),
    # ... a proposal, a draft statement or a letter's terms are rejected
    ("Peru's foreign ministry said the Chilean proposal was unacceptable.", "REJECT", "ACCUSE"),
    ("Peru said the draft joint statement proposed by Chile was unacceptable.", "REJECT", "ACCUSE"),
    ("Peru called the terms set out in the Chilean minister's letter unacceptable.", "REJECT", "ACCUSE"),
])
def test_what_is_judged_unacceptable(extractor, text, type_, not_type):
    got = found(extractor, text)
    assert (type_, {"PER"}, {"CHL"}) in got and not_type not in _types(got), got


@pytest.mark.parametrize("text", [
    "Peruvian aircraft attacked a Chilean patrol boat on Friday.",
    # a post on the border is a place, not something said
    "Peruvian militants attacked Chilean soldiers in a border post on Friday.",
])
def test_an_attack_in_arms_stays_one(extractor, text):
    assert "ASSAULT" in _types(found(extractor, text)), found(extractor, text)


def test_goods_sent_to_a_state_are_trade(extractor):
    got = found(extractor, "Chile sends most of its fruit exports to Peru and Bolivia.")
    assert any(t == "COOPERATE" and s == {"CHL"} and g == {"PER", "BOL"} for t, s, g in got), got
    # troops and notes sent are other acts
    assert "COOPERATE" not in _types(found(extractor, "Chile sent troops to the border with Peru."))


def test_an_apology_offered_is_a_concession(extractor):
    # PLOVER 3.4.2: regret or remorse is CONCEDE, however it is given
    assert ("CONCEDE", {"PER"}, {"CHL"}) in found(extractor, "Peru offered an apology to Chile for the incident.")
    assert ("CONCEDE", {"PER"}, {"CHL"}) in found(extractor, "Peru expressed regret to Chile over the incident.")


@pytest.mark.parametrize("text", [
    "Peru's president thanked Chile for the support it gave during the unrest that shook Peru in January.",
    "Peru's president thanked Chile for its support during the January unrest.",
])
def test_unrest_named_as_an_occasion_is_no_protest_of_the_acts_parties(extractor, text):
    # the unrest is the occasion of the thanks: its protesters are neither Peru's president nor Chile
    got = found(extractor, text)
    assert ("SUPPORT", {"PER"}, {"CHL"}) in got and not any(t == "PROTEST" for t, _, _ in got), got


def test_protests_with_a_target_of_their_own_stay(extractor):
    got = found(extractor, "Protests against Chilean investment broke out in Lima on Friday.")
    assert any(t == "PROTEST" and g == {"CHL"} for t, s, g in got), got


@pytest.mark.parametrize("text", [
    "Peru put forward a plan to create a fisheries council with Chile.",
    "The idea of a fisheries council with Chile was put forward by Peru in March.",
])
def test_putting_forward_an_idea_offers_it(extractor, text):
    # CAMEO 03: an initiative put forward is an offer, not the meeting it proposes
    got = found(extractor, text)
    assert any(t == "AGREE" and s == {"PER"} for t, s, _ in got), got


def test_insisting_on_a_fact_is_no_demand(extractor):
    got = found(extractor, "Peru insisted that the Chilean troops had taken no part in the raid.")
    assert not any(t == "REQUEST" for t, _, _ in got), got
    assert ("REQUEST", {"PER"}, {"CHL"}) in found(extractor, "Peru insisted that Chile withdraw its troops from the border.")


def test_a_call_up_of_reservists_is_mobilisation(extractor):
    # a "call-up" mobilises forces (PLOVER 3.14); it is no call on anyone
    got = found(extractor, "Peru ordered a call-up of 10,000 reservists to reinforce its border with Chile.")
    assert any(t == "MOBILIZE" and s == {"PER"} for t, s, _ in got), got
    assert "REQUEST" not in _types(got)


@pytest.mark.parametrize("text, asked", [
    # the market's demand is no one's request
    ("Chilean officials said more Peruvian gas could be sold if prices and domestic demand allow.", False),
    ("Peru expects Chilean demand for electricity to grow.", False),
    ("Peru's demand that Chile reopen the border crossing was ignored.", True),
])
def test_a_demand_of_buyers_is_no_request(extractor, text, asked):
    assert ("REQUEST" in _types(found(extractor, text))) == asked, found(extractor, text)


# -- "push": asking someone, or promoting one's own plan -------------------------------------------
@pytest.mark.parametrize("text, asks", [
    ("Chile pressed Peru to reopen the border crossing.", True),
    ("Chile pushed for talks with Bolivia on the port.", True),
    ("Brazil used the summit in Lima to push its infrastructure agenda in Peru.", False),
    ("Bolivia said it would keep pushing the railway to the Chilean coast.", False),
])
def test_pushing_a_plan_asks_no_one(extractor, text, asks):
    assert ("REQUEST" in _types(found(extractor, text))) is asks


# -- "insist": on something asks for it; that something is so asks no one --------------------
@pytest.mark.parametrize("text, asks", [
    ("Chile insisted on the withdrawal of Peruvian troops from the border.", True),
    ("Chilean officials insist that demand in Peru will keep growing.", False),
])
def test_insisting_that_something_is_so_asks_no_one(extractor, text, asks):
    assert ("REQUEST" in _types(found(extractor, text))) is asks


def test_ratifying_it_is_ratifying_the_document_told_before(extractor):
    text = ("Peru and Chile signed a maritime border treaty on 3 March. "
            "The parliaments of both countries have since ratified it.")
    got = found(extractor, text)
    assert [g for g in got if g[0] == "SUPPORT"].count(("SUPPORT", {"PER", "CHL"}, {"PER", "CHL"})) == 2, got


# -- a base kept in another state is military cooperation ------------------------------------------
@pytest.mark.parametrize("text, cooperates", [
    ("France keeps its largest foreign military base in Djibouti.", True),
    ("The United States maintains an air base in Qatar.", True),
    ("France keeps a close eye on Djibouti.", False),
])
def test_a_base_kept_abroad_is_cooperation(extractor, text, cooperates):
    assert ("COOPERATE" in _types(found(extractor, text))) is cooperates
