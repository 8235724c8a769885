"""Actors of one-sentence reports (the shape of PLOVER's gold-standard records): the act's
recipient is not taken from a clause that tells another act, a refusal needs no recipient,
the partner of what an act is done to is its recipient.

Every sentence here is written for these tests (none is taken from an evaluation corpus).
"""

from __future__ import annotations

from coded import events_in, found


def test_recipient_not_taken_from_a_condition(extractor):
    # The state after "if" is where the other act (the war) happens: Jordan refuses no one.
    got = found(extractor, "Jordan says it will not admit any more refugees if war breaks out in Syria.")
    assert ("REJECT", {"JOR"}, set()) in got


def test_recipient_not_taken_from_a_clause_with_its_own_agent(extractor):
    # The students protest against another act: the state it names is not the target.
    got = found(extractor, "Egyptian police detained dozens of students who were protesting "
                           "against the deployment of troops to Libya.")
    assert got and all("LBY" not in t for _, _, t in got)


def test_recipient_of_a_request_for_someone_to_act(extractor):
    # "pushing for X to support": X is asked, though it is the subject of its own clause.
    got = found(extractor, "France is pressing hard for Germany to back its plan on migration.")
    assert any(t == "REQUEST" and s == {"FRA"} and tg == {"DEU"} for t, s, tg in got)


def test_clause_on_the_acts_own_noun_still_names_its_parties(extractor):
    got = found(extractor, "The mediator role taken on by Qatar during the talks between "
                           "Sudan and Chad in May 2023 was praised.")
    assert not any(tg == {"QAT"} for _, s, tg in got if s == {"QAT"})


def test_partner_of_what_is_suspended_is_the_recipient(extractor):
    # "a suspension of flights with Iran": Iran is whom the sanction hits, Spain imposes it.
    got = found(extractor, "Spain announced a suspension of flights with Iran on Monday.")
    assert ("SANCTION", {"ESP"}, {"IRN"}) in got


# -- a one-sentence report keeps its main act ------------------------------------------------

_BRIEF = "Turkmen police detained dozens of students in Ashgabat a day after Russia condemned Ukraine."


def test_one_sentence_report_keeps_its_domestic_main_act(extractor):
    got = found(extractor, _BRIEF)
    assert ("COERCE", {"TKM"}, {"TKM"}) in got
    assert ("ACCUSE", {"RUS"}, {"UKR"}) in got


def test_domestic_act_left_out_of_a_longer_story(extractor):
    got = found(extractor, _BRIEF + " Russia and Ukraine held talks in Minsk on Friday.")
    assert not any(t == "COERCE" for t, _, _ in got)
    assert ("ACCUSE", {"RUS"}, {"UKR"}) in got


def test_domestic_act_told_beside_the_main_interaction_is_left_out(extractor):
    got = found(extractor, "Russia condemned Ukraine after Ukrainian police detained dozens of students in Kyiv.")
    assert got == [("ACCUSE", {"RUS"}, {"UKR"})]


# -- a titled person the knowledge base lacks ------------------------------------------------

def test_titled_unknown_person_is_not_of_the_state_acted_on(extractor):
    # Nothing says the president is Sudanese: Sudan is whom he accuses.
    got = found(extractor, "President Isaias Afwerki accused Sudan of arming rebels on Monday.")
    assert got == [("ACCUSE", set(), {"SDN"})]


def test_titled_unknown_person_of_the_state_named_as_where(extractor):
    got = found(extractor, "President Prosper Avril declared a state of emergency in Haiti "
                           "and arrested opposition leaders.")
    assert got and all(s == {"HTI"} for _, s, _ in got)


def test_titled_unknown_person_of_the_state_whose_officials_are_acted_on(extractor):
    got = found(extractor, "Judge Ana Rivas opened an inquiry against 12 Peruvian officials.")
    assert ("ACCUSE", {"PER"}, {"PER"}) in got


# -- peoples ------------------------------------------------------------------------------

def test_ethnic_people_is_of_the_state_where_it_acts(extractor):
    got = found(extractor, "About 200 ethnic Uzbeks demonstrated on Friday in Kyrgyzstan, "
                           "Kazakh television said.")
    assert ("PROTEST", {"KGZ"}, {"KGZ"}) in got
    got = found(extractor, "Ethnic Tajiks protested in Uzbekistan on Monday against new language rules.")
    assert ("PROTEST", {"UZB"}, {"UZB"}) in got


def test_ethnic_people_with_no_place_keeps_its_name(extractor):
    got = found(extractor, "Ethnic Uzbeks attacked a police station near the Tajik border.")
    assert any(s == {"UZB"} for _, s, _ in got)


def test_people_named_with_the_state_it_lives_in(extractor):
    # "Bosnian Croats": Bosnia's, not Croatia's.
    got = found(extractor, "Bosnian Croats blocked roads near Mostar to protest against Serbia.")
    assert got and all("HRV" not in s and "BIH" in s for _, s, _ in got)


# -- who reports the sentence -------------------------------------------------------------

def test_reporter_is_no_party_and_lends_no_state(extractor):
    got = found(extractor, "The interim government of President Ahmad Ruslan imposed a curfew in "
                           "Kyrgyzstan on Monday, detaining dozens of opposition activists, a "
                           "spokesman for the Russian embassy said.")
    assert got and all(s == {"KGZ"} and "RUS" not in t for _, s, t in got)


def test_reporter_is_not_the_target_of_the_act_it_tells(extractor):
    got = found(extractor, "Rebels shelled the regional capital on Sunday, killing about 15 people, "
                           "aid workers in Turkey said on Monday.")
    assert all("TUR" not in s | t for _, s, t in got)


# -- a state as the owner or maker of a thing ----------------------------------------------

def test_owner_of_the_reporting_paper_is_no_party(extractor):
    got = found(extractor, "Iran has threatened to strike Israel, a Qatari-owned newspaper reported.")
    assert got == [("THREATEN", {"IRN"}, {"ISR"})]


def test_flag_and_make_of_things_name_no_party(extractor):
    got = found(extractor, "Kazakh authorities detained 40 Uzbek workers on a Turkish-registered ship.")
    assert ("COERCE", {"KAZ"}, {"UZB"}) in got
    got = found(extractor, "Tajik troops shelled Kyrgyz villages with Russian-made rockets.")
    assert ("ASSAULT", {"TJK"}, {"KGZ"}) in got


def test_participle_joined_to_a_passive_undergoes_the_act(extractor):
    # "were stormed and set on fire": the buildings are set on fire, they set nothing; the
    # story's other state (Russia, named before) is no target of an act no one did to it.
    got = found(extractor, "Russia's president spoke to Kazakhstan's leader on Friday. In Almaty, "
                           "government offices were stormed and set on fire.")
    assert not any("RUS" in tg and "KAZ" in s for _, s, tg in got)


def test_name_in_a_wire_dateline_is_no_actor(extractor):
    # The capital in capitals is where the story was filed; the parse may make it a subject.
    events = events_in(extractor, "ASTANA, 4 March 2019 - Soldiers from the border service took "
                                  "part in drills with Chinese units on Monday.")
    assert events and all(a.text != "ASTANA" for e in events for a in e.source + e.target)


def test_agent_sent_by_someone_is_theirs(extractor):
    # The troops belong to whoever sent them, not to the one state the sentence names.
    # (After a dateline, where the parse takes "sent" for a finite verb.)
    got = found(extractor, "YEREVAN, 10 January 2022 — Troops sent to Armenia by the Collective "
                           "Security Treaty Organization began to withdraw on Monday.")
    assert got and all("ARM" not in s for _, s, _ in got)


def test_brussels_is_the_european_union(extractor):
    # As "Tashkent" is Uzbekistan, "Brussels" in news of relations is the EU, not Belgium.
    got = found(extractor, "Brussels imposed new sanctions on Belarus on Monday.")
    assert ("SANCTION", {"IGO"}, {"BLR"}) in got


def test_a_denied_report_no_one_made_is_aimed_at_whom_it_is_about(extractor):
    # "media reports that Brazil sought ...": no one is named as making the claim.
    got = found(extractor, "Paraguay has dismissed media reports that Brazil sought to station troops there.")
    assert ("REJECT", {"PRY"}, {"BRA"}) in got
