"""Who does what to whom: the host of a meeting is its target, and a place, a possessive
or a bare adjective does not change the set of parties.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from steppe.facts import Document


def _events(extractor, text, etype):
    facts = extractor.extract(Document(id="t", text=text, date="2023-05-10"))
    return [(sorted({a.code for a in e.source}), sorted({a.code for a in e.target}))
            for e in facts.events if e.type == etype]


# -- the host of a meeting is its target (PLOVER: CONSULT visit) ----------------------------

@pytest.mark.parametrize("text,visitor,host", [
    # both named as the subject, the place names the host
    ("Japarov and Tokayev met in Astana on May 4 to discuss water.", "KGZ", "KAZ"),
    ("Tokayev and Japarov held talks in Bishkek on May 4.", "KAZ", "KGZ"),
    # the host is the grammatical subject
    ("Tokayev held talks with Japarov in Astana on May 4.", "KGZ", "KAZ"),
    # the place is attached to the participants
    ("The water deal followed the talks between the Kazakh and Kyrgyz leaders in Bishkek "
     "on May 4.", "KAZ", "KGZ"),
    # a fronted place
    ("On May 4, in Dushanbe, Rahmon and Mirziyoyev held talks on the border.", "UZB", "TJK"),
    # "visiting" marks the visitor
    ("Tajik President Rahmon met the visiting Uzbek foreign minister on May 4.", "UZB", "TJK"),
])
def test_host_of_a_meeting_is_the_target(extractor, text, visitor, host):
    assert ([visitor], [host]) in _events(extractor, text, "CONSULT")


def test_meeting_in_a_third_state_stays_mutual(extractor):
    text = "Tokayev and Japarov met in Moscow on May 4 on the sidelines of a summit."
    assert (["KAZ", "KGZ"], ["KAZ", "KGZ"]) in _events(extractor, text, "CONSULT")


def test_place_of_a_meeting_without_named_parties_names_no_host(extractor):
    # Two states the story is about, a forum "held in" a city of one: no one hosts alone.
    text = ("Kazakhstan and Uzbekistan are close partners. Kazakhstan buys Uzbek cotton and "
            "Uzbekistan buys Kazakh grain. A business forum was held in Samarkand on May 4.")
    found = _events(extractor, text, "CONSULT")
    assert (["UZB"], ["KAZ"]) not in found and (["KAZ"], ["UZB"]) not in found


# -- the set of parties -------------------------------------------------------------------

def test_coordinated_state_adjectives_both_name_agents(extractor):
    # "the Kazakh and Kyrgyz leaders": "Kazakh" borrows the agent noun of "Kyrgyz".
    text = "The talks between the Kazakh and Kyrgyz leaders lasted four hours."
    assert (["KAZ", "KGZ"], ["KAZ", "KGZ"]) in _events(extractor, text, "CONSULT")


def test_possessive_pronoun_beside_a_named_partner_is_not_a_party(extractor):
    # "his" is the host again, not a second party of the object.
    text = "Kazakh President Tokayev hosted his Uzbek counterpart in Astana on May 4."
    assert _events(extractor, text, "CONSULT") == [(["UZB"], ["KAZ"])]


def test_place_of_a_named_actor_is_not_a_party(extractor):
    text = "Russia sent humanitarian aid to Uzbek refugees in Afghanistan on May 4."
    found = _events(extractor, text, "AID")
    assert found and all("AFG" not in s + t for s, t in found)


# -- the first person of a quoted speaker -----------------------------------------------

@pytest.mark.parametrize("quote", [
    'Tokayev told reporters: "Our country is ready to supply more grain to Uzbekistan."',
    "Tokayev told reporters:\n— Our country is ready to supply more grain to Uzbekistan, — he added.",
    "— Our country is ready to supply more grain to Uzbekistan, Tokayev said.",
])
def test_our_country_is_the_speakers_state(extractor, quote):
    text = "Tokayev held talks with Mirziyoyev in Tashkent on May 4.\n\n" + quote
    assert (["KAZ"], ["UZB"]) in _events(extractor, text, "AGREE")


def test_we_beside_a_third_state_is_the_speakers_side(extractor):
    text = ("Tokayev held talks with Mirziyoyev in Tashkent on May 4.\n\n"
            '"We support the bid of Turkmenistan to host the games," Tokayev said.')
    assert _events(extractor, text, "SUPPORT") == [(["KAZ"], ["TKM"])]


def test_we_alone_is_the_speaker_and_the_partner(extractor):
    text = ("Tokayev held talks with Mirziyoyev in Tashkent on May 4.\n\n"
            '"We have agreed to build a new railway," Tokayev said.')
    assert (["KAZ", "UZB"], ["KAZ", "UZB"]) in _events(extractor, text, "AGREE")


def test_our_country_outside_a_quotation_is_no_one(extractor):
    text = "Our country supports the bid of Turkmenistan to host the games, the editorial says."
    assert _events(extractor, text, "SUPPORT") == []


def test_a_meeting_told_as_mutual_and_as_a_visit_takes_the_visit_direction():
    from steppe.facts import Actor, Event, Span
    from steppe.pipeline.lexicon import load_lexicon
    from steppe.pipeline.occurrences import merge_occurrences

    def consult(source, target, confidence, mode=""):
        return Event(type="CONSULT", mode=mode, source=[Actor(code=c) for c in source],
                     target=[Actor(code=c) for c in target], evidence=Span(0, 4, "text"),
                     date="2023-05-08", date_precision="day", confidence=confidence)

    merged = merge_occurrences([consult(["KAZ", "KGZ"], ["KAZ", "KGZ"], 0.9),
                                consult(["KGZ"], ["KAZ"], 0.5, "visit")],
                               load_lexicon("en").coding.reciprocal)
    assert [([a.code for a in e.source], [a.code for a in e.target]) for e in merged] == \
        [(["KGZ"], ["KAZ"])]


def test_a_place_before_an_act_with_no_agent_is_not_its_source(extractor):
    text = ("Two Chinese engineers working for a mining company in northern Kyrgyzstan have "
            "been killed in an attack, officials said.")
    assert all("KGZ" not in s for s, _ in _events(extractor, text, "ASSAULT"))


def test_the_two_countries_are_the_closest_pair_named_before(extractor):
    # The story's main parties are Kazakhstan and Russia; "the two countries" follows a
    # sentence about another pair, one sentence removed.
    text = ("Kazakhstan and Russia discussed energy on May 2. Kazakhstan sells oil to Russia and "
            "Russia sells gas to Kazakhstan.\n\nUzbekistan and Turkmenistan held border talks on "
            "May 4. The talks lasted five hours. The two countries agreed to reopen the crossing.")
    assert (["TKM", "UZB"], ["TKM", "UZB"]) in _events(extractor, text, "AGREE")


# -- what a patient feels about is not who the patient is ---------------------------------

@pytest.mark.parametrize("text, etype, actor, not_target", [
    ("Tajik police beat demonstrators angry over an Iranian film.", "ASSAULT", "TJK", "IRN"),
    ("Uzbek guards detained traders furious at Kazakh customs rules.", "COERCE", "UZB", "KAZ"),
])
def test_an_adjective_complement_names_no_party(extractor, text, etype, actor, not_target):
    found = _events(extractor, text, etype)
    assert found and all(src == [actor] and not_target not in tgt for src, tgt in found)


# -- a traveller's "from" is where the trip began; any town of the host receives him ---------

@pytest.mark.parametrize("text, visitor, host", [
    ("The Mongolian president arrived in Bukhara from Ashgabat on Monday.", "MNG", "UZB"),
    ("The Turkmen delegation flew to Baku from Tbilisi for talks.", "TKM", "AZE"),
])
def test_a_traveller_visits_where_he_arrives(extractor, text, visitor, host):
    assert ([visitor], [host]) in _events(extractor, text, "CONSULT")


# -- who calls a state a partner commends it (PLOVER SUPPORT: commend an actor) -------------

@pytest.mark.parametrize("text, appraiser, appraised", [
    ("Armenia regarded Georgia as a reliable partner.", "ARM", "GEO"),
    ("Japarov said Turkey was a brotherly nation and Kyrgyzstan's strategic partner.", "KGZ", "TUR"),
    ("Mongolia is a trusted partner for Japan.", "JPN", "MNG"),
])
def test_the_appraiser_of_a_partner(extractor, text, appraiser, appraised):
    assert ([appraiser], [appraised]) in _events(extractor, text, "SUPPORT")


# -- several states named one by one, acting toward no one named, act toward the story's
#    other party, not toward themselves; a pair named as a group acts mutually --------------

def test_joint_givers_act_toward_the_story_party(extractor):
    text = ("Mongolia's economy shrank sharply this spring. Mongolia asked its neighbours for help. "
            "Beijing and Tokyo have promised aid.")
    found = _events(extractor, text, "AGREE")
    assert (["CHN", "JPN"], ["MNG"]) in found


def test_a_pair_named_as_a_group_acts_mutually(extractor):
    text = ("Armenia and Azerbaijan resumed border talks in March. Georgia hosted one round. "
            "Officials from both countries have reported progress.")
    assert all(tgt != ["GEO"] for _, tgt in _events(extractor, text, "AGREE"))


# -- the leader of a body is no party to the body's acts; the leader of an act is its agent ---

def test_the_leader_of_a_bloc_is_no_party(extractor):
    text = "Armenia suspended its participation in the Collective Security Treaty Organization, the Russian-led bloc."
    found = _events(extractor, text, "SANCTION")
    assert found and all("RUS" not in tgt for _, tgt in found)


def test_the_leader_of_a_war_is_its_agent(extractor):
    text = "Georgia refused to give any support to the US-led war in Iraq."
    assert any("USA" in src + tgt for t in ("REJECT", "SUPPORT", "AGREE") for src, tgt in _events(extractor, text, t))


# -- a name given to something is not an act of whoever gives it ----------------------------

@pytest.mark.parametrize("text", [
    "Georgian officials called the explosion an act of sabotage.",
    "Officials in Yerevan describe the closure of the road by Azerbaijan as a blockade.",
])
def test_a_characterisation_is_not_the_speakers_act(extractor, text):
    facts = extractor.extract(Document(id="t", text=text, date="2023-05-10"))
    speaker = "GEO" if text.startswith("Georgian") else "ARM"
    assert not [e for e in facts.events if e.type in ("ASSAULT", "COERCE", "SANCTION")
                and {a.code for a in e.source} == {speaker}]


def test_a_town_naming_a_meeting_is_where_not_who(extractor):
    text = "Turkmenistan and Azerbaijan agreed at the Samarkand meeting to expand ferry traffic."
    found = [(src, tgt) for t in ("AGREE", "CONSULT") for src, tgt in _events(extractor, text, t)]
    assert found and all(set(src + tgt) <= {"AZE", "TKM"} for src, tgt in found)


# -- a promise is made to someone: in a story about a pair, to the other party -------------

def test_a_promise_to_no_one_named_is_made_to_the_other_party(extractor):
    text = ("Chile and Peru held talks on fishing rights in Lima on Monday. "
            "Santiago promised to double the number of licences next year.")
    assert (["CHL"], ["PER"]) in _events(extractor, text, "AGREE")


# -- a guest, a host or a counterpart named so alone is the one met ------------------------

@pytest.mark.parametrize("text,target", [
    ("Chile's president arrived in Lima on Thursday for talks with Peru's president. Peru's "
     "president thanked her guest.", "CHL"),
    ("Chile's president visited Lima on Thursday. The Chilean president thanked his hosts.", "PER"),
])
def test_a_guest_or_a_host_is_the_one_met(extractor, text, target):
    assert any(tgt == [target] for _, tgt in _events(extractor, text, "SUPPORT")), \
        _events(extractor, text, "SUPPORT")
