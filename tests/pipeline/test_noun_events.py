"""Acts named by nouns: their actors come from the noun's own phrase, or from the verb that
only says the act happened ("talks took place between X and Y").

Every sentence here is written for these tests (none is taken from an evaluation corpus).
"""

from __future__ import annotations

import pytest

from steppe.facts import Document


def _events(ex, text, type_):
    facts = ex.extract(Document(id="t", text=text, date="2024-03-15"))
    return [(e.mode, {a.code for a in e.source}, {a.code for a in e.target})
            for e in facts.events if e.type == type_]


@pytest.mark.parametrize("text, type_, mode, parties", [
    # the "between" phrase hangs on the verb of happening, not on the noun
    ("A telephone conversation took place between the presidents of Turkmenistan and Russia "
     "on Monday.", "CONSULT", "phone", {"TKM", "RUS"}),
    ("Fighting broke out between Kyrgyz and Tajik border guards on Thursday.",
     "ASSAULT", "", {"KGZ", "TJK"}),
    ("Clashes erupted on Thursday between Kyrgyzstan and Tajikistan.",
     "ASSAULT", "", {"KGZ", "TJK"}),
    # fire exchanged, named as a noun (PLOVER 3.16 firearms)
    ("An exchange of fire between Kyrgyz and Tajik troops left two dead on Sunday.",
     "ASSAULT", "firearms", {"KGZ", "TJK"}),
    # a signing named alone (PLOVER 3.3: sign, finalize an agreement)
    ("The signing ceremony was held in the presence of the presidents of Kazakhstan and China.",
     "SUPPORT", "", {"KAZ", "CHN"}),
])
def test_a_two_sided_act_named_by_a_noun_puts_both_parties_on_both_sides(extractor, text, type_,
                                                                          mode, parties):
    assert (mode, parties, parties) in _events(extractor, text, type_)


def test_the_between_phrase_of_another_verb_is_not_the_nouns(extractor):
    # "between" here says where the meeting was held from, not who met
    text = "The talks ended without a result, and the border between Kazakhstan and Uzbekistan stayed closed."
    assert not any(src == {"KAZ", "UZB"} for _, src, _ in _events(extractor, text, "CONSULT"))


def test_recognising_a_government_supports_it(extractor):
    # PLOVER 3.3: recognition of new governments is SUPPORT
    text = "Kazakhstan's recognition of the new government in Kabul came on Friday."
    assert ("", {"KAZ"}, {"AFG"}) in _events(extractor, text, "SUPPORT")


def test_a_shooting_alone_is_no_interstate_clash(extractor):
    text = "Police in Almaty investigated a shooting at a cafe on Friday, Kazakhstan's interior ministry said."
    assert not _events(extractor, text, "ASSAULT")


@pytest.mark.parametrize("text, type_, source, target", [
    ("The Tajik foreign ministry expressed concern over Russia's deportation of Tajik migrants.",
     "COERCE", {"RUS"}, {"TJK"}),
    ("Kyrgyzstan protested to Uzbekistan over the detention of Kyrgyz traders by Uzbek police.",
     "COERCE", {"UZB"}, {"KGZ"}),
])
def test_what_a_complaint_is_about_happened_too(extractor, text, type_, source, target):
    # the complaint is coded, and so is the act it is about, with that act's own actors
    assert _events(extractor, text, "ACCUSE")
    assert any(src == source and tgt == target for _, src, tgt in _events(extractor, text, type_))


@pytest.mark.parametrize("text, type_", [
    # an accusation alleges the act; it does not report that it happened
    ("Kazakhstan accused Kyrgyzstan of closing the border to Kazakh trucks.", "SANCTION"),
    # the act complained about has no agent of its own: the complainer is not its agent
    ("Uzbekistan thanked Kazakhstan for the humanitarian aid sent in May.", "AID"),
    # a complaint that is only hypothetical presupposes nothing
    ("Tajikistan could protest to Russia over the deportation of Tajik migrants.", "COERCE"),
])
def test_an_alleged_or_unowned_act_is_not_coded_from_the_complaint(extractor, text, type_):
    assert not _events(extractor, text, type_)


@pytest.mark.parametrize("text, type_, source, target", [
    ("The ban on Kazakh flour was lifted by Uzbekistan on Monday.", "CONCEDE", {"UZB"}, {"KAZ"}),
    ("The border with Uzbekistan was closed by Kazakhstan on Monday.", "SANCTION", {"KAZ"}, {"UZB"}),
    ("Gas supplies to Uzbekistan were cut by Turkmenistan in January.", "SANCTION", {"TKM"}, {"UZB"}),
])
def test_a_verb_and_object_phrase_is_read_in_the_passive(extractor, text, type_, source, target):
    assert any(src == source and tgt == target for _, src, tgt in _events(extractor, text, type_))


def test_a_lifted_ban_is_no_ban(extractor):
    # the passive phrase codes the act; the noun inside it is not an act of its own
    assert not _events(extractor, "The ban on Kazakh flour was lifted by Uzbekistan on Monday.", "SANCTION")


def test_an_act_named_by_the_passive_subject_keeps_its_own_parties(extractor):
    # "talks were held": the noun names the act (with its "between" phrase), not the verb
    # (held in Astana: Uzbekistan visits, Kazakhstan hosts)
    text = "Talks were held between Kazakhstan and Uzbekistan in Astana on Monday."
    assert ("", {"UZB"}, {"KAZ"}) in _events(extractor, text, "CONSULT")


def test_a_joint_briefing_is_a_meeting(extractor):
    text = "The Uzbek and Kazakh foreign ministers spoke at a joint briefing in Tashkent on Monday."
    assert any(src | tgt == {"UZB", "KAZ"} for _, src, tgt in _events(extractor, text, "CONSULT"))


@pytest.mark.parametrize("text, type_", [
    ("There were clashes on the Kyrgyz-Tajik border on Thursday.", "ASSAULT"),
    ("Sporadic gunfire was reported on the Kyrgyz-Tajik border on Sunday.", "ASSAULT"),
])
def test_a_hyphenated_pair_of_states_gives_a_mutual_act_its_two_sides(extractor, text, type_):
    assert any(src == tgt == {"KGZ", "TJK"} for _, src, tgt in _events(extractor, text, type_))


def test_a_hyphenated_pair_does_not_make_a_trend_an_event(extractor):
    text = "Political dialogue is deepening in Kazakhstan-Uzbekistan relations, the ministry said."
    assert not _events(extractor, text, "CONSULT")
