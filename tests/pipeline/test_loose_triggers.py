"""Trigger words used for no act between parties (pipeline/trigger_checks.py), on our own
sentences: each case beside the real act the same words still code."""

from __future__ import annotations

import pytest

from coded import found, types as _types


# -- PLOVER 3.11: a warning is a threat only when it says the harm the warner would do -------
@pytest.mark.parametrize("text", [
    # a risk foreseen (CAMEO 012, a pessimistic comment), not a harm the speaker would do
    "Dushanbe shut the crossing in 2010, citing the threat of drug smuggling from Afghanistan.",
    "Kyrgyz officials said the country would buy more fuel from Russia, but warned that harvests could suffer.",
    "Economists in Astana warn that new Russian duties could hurt the transit of Chinese cars.",
])
def test_a_warning_of_a_risk_is_no_threat(extractor, text):
    assert "THREATEN" not in _types(found(extractor, text))


def test_what_a_warning_foresees_did_not_happen(extractor):
    events = found(extractor, "Tashkent warned in 2015 that quarrels over water could lead to war "
                              "between Uzbekistan and Tajikistan.")
    assert not _types(events) & {"THREATEN", "ASSAULT"}


@pytest.mark.parametrize("text, source, target", [
    # a harm of the warner's own, on a condition
    ("Ashgabat warned Tehran that it would halt gas exports to Iran if the debt was not paid.", "TKM", "IRN"),
    # the harm named by the threat noun's complement
    ("Moscow has issued a threat to cut oil supplies to Belarus.", "RUS", "BLR"),
    # the consequence named after the warning
    ("Uzbekistan warned Kyrgyzstan of serious consequences over the dam.", "UZB", "KGZ"),
    # a harm told with the warner's pronoun
    ("Azerbaijan warned that it would use force against Armenian units in the mountains.", "AZE", "ARM"),
])
def test_a_warning_of_ones_own_harm_stays_a_threat(extractor, text, source, target):
    assert ("THREATEN", {source}, {target}) in found(extractor, text)


# -- alternatives not taken and acts stopped --------------------------------------------------
def test_an_alternative_not_taken_is_not_done(extractor):
    events = found(extractor, "The two leaders said the new road would make the frontier a place of "
                              "trade rather than conflict between Kyrgyzstan and Tajikistan.")
    assert "ASSAULT" not in _types(events)
    # the act taken instead is still coded
    assert ("AGREE", {"USA"}, {"UZB"}) in found(
        extractor, "Rather than sanctions, Washington offered Tashkent new talks.")


def test_an_act_that_has_stopped_is_not_done(extractor):
    events = found(extractor, "Kazakh officials say traders will no longer face customs checks at the "
                              "Kyrgyz border.")
    assert "REJECT" not in _types(events)


# -- a multi-word trigger does not reach into another clause -----------------------------------
def test_a_phrase_does_not_cross_a_clause_subject(extractor):
    # "say ... no" is no refusal when "no" belongs to the next clause
    events = found(extractor, "Kyrgyz officials say exporters will no longer need permits to sell in Kazakhstan.")
    assert "REJECT" not in _types(events)


# -- mishaps --------------------------------------------------------------------------------
def test_a_mishap_is_no_ones_act(extractor):
    events = found(extractor, "A leak on the pipeline from Turkmenistan halted gas deliveries to China in March.")
    assert "SANCTION" not in _types(events)
    assert ("SANCTION", {"TKM"}, {"RUS"}) in found(
        extractor, "Turkmenistan halted gas deliveries to Russia in March.")


# -- nouns with no party of their own -----------------------------------------------------------
def test_a_headline_noun_with_no_party_names_background(extractor):
    events = found(extractor, "Tajik border guards leave Kyrgyz villages after spring unrest\n\n"
                              "BATKEN, 3 May 2024 - Tajik border guards left two Kyrgyz villages on Friday.")
    assert "PROTEST" not in _types(events)
    assert "RETREAT" in _types(events)


def test_a_headline_noun_with_its_own_parties_is_kept(extractor):
    events = found(extractor, "Uzbek-Kazakh talks open in Tashkent\n\n"
                              "TASHKENT, 3 May 2024 - The foreign ministers began work on a new transit deal.")
    assert any(t == "CONSULT" and s | g == {"KAZ", "UZB"} for t, s, g in events)


def test_an_agent_of_no_state_is_not_replaced_by_another(extractor):
    # the critics are no state: the police are not borrowed as their agent
    events = found(extractor, "Tajik police arrested three bloggers who had praised Kyrgyzstan, "
                              "prompting criticism from media watchdogs.")
    assert "ACCUSE" not in _types(events)
    assert "COERCE" in _types(events)


def test_protesters_and_a_states_criticism_are_still_coded(extractor):
    assert ("PROTEST", {"KGZ"}, {"CHN"}) in found(
        extractor, "Thousands of Kyrgyz protesters rallied outside the Chinese embassy in Bishkek on Friday.")
    assert ("ACCUSE", {"KAZ"}, {"RUS"}) in found(
        extractor, "Kazakhstan criticised Russia over the new export duties.")


def test_pressing_a_button_asks_nothing(extractor):
    # The leaders' ceremony that starts works is a cooperative act, not an appeal; pressing
    # a state to act still is one.
    got = found(extractor, "The presidents of Peru and Chile pressed a symbolic button to start "
                           "work on the new bridge.")
    assert not any(t == "REQUEST" for t, _, _ in got)
    assert ("COOPERATE", {"PER", "CHL"}, {"PER", "CHL"}) in got
    assert ("REQUEST", {"PER"}, {"CHL"}) in found(extractor, "Peru pressed Chile to reopen the border.")


# -- a war named as the backdrop of something else is no act the text reports ----------------
@pytest.mark.parametrize("text", [
    "Chilean exporters lost their market in Peru after the war between Peru and Ecuador began.",
    "Trade between Serbia and Hungary fell because of the war between Armenia and Azerbaijan.",
    "Georgia's wine sales grew despite Russia's invasion of Ukraine.",
])
def test_a_war_as_backdrop_is_no_assault(extractor, text):
    assert "ASSAULT" not in _types(found(extractor, text))


@pytest.mark.parametrize("text", [
    "Armenia and Azerbaijan fought a war in 2020.",
    # its own time makes it an event the text tells
    "Trade fell after the war between Russia and Georgia in August 2008.",
])
def test_a_war_the_text_tells_stays_an_assault(extractor, text):
    assert "ASSAULT" in _types(found(extractor, text))


@pytest.mark.parametrize("text", [
    # an idiom of striking is no blow
    "Chile and Peru struck a balance between fishing and conservation on Monday.",
    "Peru struck a conciliatory tone toward Chile on Monday.",
])
def test_a_strike_that_is_no_blow_is_no_assault(extractor, text):
    assert "ASSAULT" not in _types(found(extractor, text))


def test_a_strike_by_a_party_stays_an_assault(extractor):
    assert "ASSAULT" in _types(found(extractor, "Peruvian aircraft struck Chilean positions on Monday."))
