"""Events that a sentence only frames: a meeting named as the occasion of an act to come,
acts told as a trend, organisations named as a setting.

Every sentence here is written for these tests (none is taken from an evaluation corpus).
"""

from __future__ import annotations

import pytest

from steppe.facts import Document

STORY = ("Kazakhstan and Kyrgyzstan signed a border treaty in Astana on Monday. "
         "Kazakhstan thanked Kyrgyzstan for its patience. ")


def _events(ex, sentence, story=STORY):
    facts = ex.extract(Document(id="t", text=story + sentence, date="2023-06-01"))
    return [e for e in facts.events if e.evidence.start >= len(story)]


# -- a meeting right before or after an act to come is to come as well (PLOVER 2.3, 3.1) ---

@pytest.mark.parametrize("sentence", [
    "Following the negotiations, Tokayev and Japarov will adopt a common communique.",
    "After the negotiations, the two presidents will adopt a declaration.",
])
def test_a_meeting_before_a_planned_act_is_planned_too(extractor, sentence):
    evs = _events(extractor, sentence)
    assert evs and all(e.modality == "planned" for e in evs), evs
    assert not any(e.type == "CONSULT" for e in evs), evs


def test_a_meeting_with_a_time_of_its_own_stays_asserted(extractor):
    evs = _events(extractor, "After last week's talks, the two presidents will sign a joint statement.")
    assert any(e.type == "CONSULT" and e.modality == "asserted" for e in evs), evs


def test_a_past_act_after_a_meeting_leaves_the_meeting_asserted(extractor):
    evs = _events(extractor, "Following the talks in Bishkek, Tokayev and Japarov adopted a declaration.")
    assert any(e.type == "CONSULT" and e.modality == "asserted" for e in evs), evs


# -- an organisation named as a setting or as the body of an office is no party ------------

def _parties(evs):
    return [sorted({a.code for a in e.source + e.target}) for e in evs]


@pytest.mark.parametrize("sentence", [
    "The envoys will discuss trade, bearing in mind the presidency of Tajikistan "
    "in the Shanghai Cooperation Organization.",
    "The delegations held consultations, noting the membership of Kyrgyzstan within the "
    "Collective Security Treaty Organization.",
    # "garner" misread as a noun: the role the election is for is still no party
    "Kazakhstan's proposals garner backing from Kyrgyzstan, seen in Bishkek's vote for "
    "Kazakhstan's bid as a member of the UN Security Council.",
])
def test_an_organisation_framing_a_membership_is_not_the_partner(extractor, sentence):
    assert not any("IGO" in p for p in _parties(_events(extractor, sentence))), \
        _parties(_events(extractor, sentence))


def test_an_organisation_met_is_still_a_party(extractor):
    evs = _events(extractor, "Tokayev met the Secretary General of the Shanghai Cooperation "
                             "Organization on Friday.")
    assert ["IGO", "KAZ"] in _parties(evs), evs


# -- modality read from the words that govern the act, not from a misparse ---------------

def test_a_sentence_with_a_full_stop_is_no_headline_future(extractor):
    # the parser reads "extended" as a participle: no finite verb, but no headline either
    evs = _events(extractor, "The attendance at the talks extended beyond ministers to "
                             "include scholars from both countries.")
    assert evs and not any(e.modality == "planned" for e in evs), evs


@pytest.mark.parametrize("sentence", [
    "The assistance provided by Kazakhstan to Kyrgyzstan aims at the development of the region.",
    "Kazakhstan's aid to Kyrgyzstan aims at stability in the region.",
])
def test_an_act_that_is_the_subject_of_a_verb_of_aiming_is_not_planned(extractor, sentence):
    evs = _events(extractor, sentence)
    assert evs and not any(e.modality == "planned" for e in evs), evs


def test_an_act_a_verb_of_planning_governs_is_planned(extractor):
    evs = _events(extractor, "Kazakhstan aims to support Kyrgyzstan in the region.")
    assert evs and all(e.modality == "planned" for e in evs), evs


# -- acts counted by a noun of a trend are no occurrence between the story's parties --------

@pytest.mark.parametrize("sentence", [
    "Since 2017, a sharp surge in visits and meetings among ministers has reshaped "
    "Kazakh-Kyrgyz ties.",
    "An increase in consultations at every level has strengthened Kazakh-Kyrgyz ties.",
])
def test_acts_counted_by_a_trend_borrow_no_parties(extractor, sentence):
    assert not [e for e in _events(extractor, sentence) if e.type == "CONSULT"]


# -- a state named as the place of something else is not the act's partner -----------------

def test_the_place_of_a_clause_on_the_object_is_not_the_recipient(extractor):
    evs = _events(extractor, "Kazakhstan now backs the useful projects being run in Mongolia.",
                  story="")
    assert not any("MNG" in p for p in _parties(evs)), evs


def test_people_in_a_state_still_stand_for_it(extractor):
    evs = _events(extractor, "Kazakhstan sent aid to flood victims in Mongolia.", story="")
    assert ["KAZ", "MNG"] in _parties(evs), evs


# -- the author's analysis of what acts brought about borrows no parties (ANNOTATION rule 3) -

@pytest.mark.parametrize("sentence", [
    "One might say that the consultations organised at district level produced a friendly "
    "mood in Kazakh-Kyrgyz relations.",
    "The negotiations gave new impetus to Kazakh-Kyrgyz cooperation.",
    "Regular consultations are an important element of Kazakh-Kyrgyz ties.",
])
def test_what_unnamed_acts_brought_about_is_analysis(extractor, sentence):
    assert not [e for e in _events(extractor, sentence) if e.type == "CONSULT"]


@pytest.mark.parametrize("sentence", [
    "In 2018, a forum held in Osh resulted in sixteen Kazakh-Kyrgyz memorandums.",
    "The Kazakh minister noted that the yearly joint meetings had grown into a fine custom.",
    "The talks took place in a warm atmosphere, the Kazakh ministry said.",
])
def test_a_dated_reported_or_happening_act_still_takes_the_story_parties(extractor, sentence):
    evs = [e for e in _events(extractor, sentence) if e.type == "CONSULT"]
    assert any({a.code for a in e.source} == {"KAZ", "KGZ"} for e in evs), evs


# -- an act named as what a noun is about: intended, possible or denied (PLOVER 2.3, 3.1) ---

@pytest.mark.parametrize("text,modality", [
    ("Kazakhstan has no intention to close the border with Kyrgyzstan.", "negated"),
    ("Russia has no right to seize Kyrgyz assets.", "negated"),
    ("Kazakhstan has plans to close the border with Kyrgyzstan.", "planned"),
    ("Kazakhstan has the right to expel Kyrgyz diplomats.", "hypothetical"),
])
def test_the_infinitive_of_a_noun_takes_its_modality(extractor, text, modality):
    evs = _events(extractor, text, story="")
    assert evs and all(e.modality == modality for e in evs), evs


def test_readiness_to_help_is_an_agreement(extractor):
    evs = _events(extractor, "Kazakhstan reaffirmed its readiness to send medicines to Kyrgyzstan.",
                  story="")
    assert [e.type for e in evs] == ["AGREE"], evs


def test_the_infinitive_of_a_noun_shares_the_future_of_its_clause(extractor):
    evs = _events(extractor, "The Tajik reservoir will be filled in June and there will then be "
                             "more electricity to supply to Uzbekistan.", story="")
    assert evs and all(e.modality == "planned" for e in evs), evs


# -- "of" after an act done to someone names whom it is done to (PLOVER recipient) ----------

def test_the_object_of_criticism_is_not_its_author(extractor):
    evs = _events(extractor, "The vote may be a way to soften the criticism of Kyrgyzstan's "
                             "alignment with Russia.", story="")
    assert not any({a.code for a in e.source} & {"KGZ", "RUS"} for e in evs), evs


def test_criticism_voiced_by_a_state_goes_to_the_state_criticised(extractor):
    evs = _events(extractor, "Kazakh officials voiced sharp criticism of Kyrgyzstan on Monday.",
                  story="")
    assert any({a.code for a in e.source} == {"KAZ"} and {a.code for a in e.target} == {"KGZ"}
               for e in evs), evs


# -- an open question tells no act ------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The real test is whether Mongolia and China can agree on the pipeline route.",
    "Some analysts question whether Peru will sell more copper to Chile next year.",
])
def test_an_act_asked_about_with_whether_is_no_event(extractor, sentence):
    assert not _events(extractor, sentence)


def test_the_act_that_asks_whether_stays(extractor):
    evs = _events(extractor, "Peru asked the Andean Community to examine whether Chile's tariffs break its rules.")
    assert [e.type for e in evs] == ["REQUEST"], evs


def test_a_fact_told_in_a_clause_inside_the_question_stays(extractor):
    evs = _events(extractor, "Officials did not say whether Tokayev and Japarov discussed water "
                             "when they met in Osh on Monday.")
    assert any(e.type == "CONSULT" for e in evs), evs
