"""Occasions told by nouns, counted or in the passive: meetings counted ("twelve rounds of
talks took place between ..."), complaints, threats and refusals named as nouns, invitations
(AGREE planned), troop moves with no agent, and economic cuts.

Every sentence here is written for these tests (none is taken from an evaluation corpus).
"""

from __future__ import annotations

import pytest

from coded import found
from steppe.facts import Document

BOTH = "both"   # the parties on both sides: source and target are the same set


def _events(ex, text):
    facts = ex.extract(Document(id="t", text=text, date="2024-05-10"))
    return [(e.type, frozenset(a.code for a in e.source), frozenset(a.code for a in e.target), e.modality)
            for e in facts.events]


def _expected(type_, source, target, modality):
    source = frozenset(source.split("+"))
    target = source if target == BOTH else frozenset(target.split("+"))
    return (type_, source, target, modality)


@pytest.mark.parametrize("text, type_, source, target, modality", [
    # counted or passive meetings: the "between" phrase of the verb of their happening,
    # also through the noun that counts them or the verb's adjunct it is hung on
    ("More than 30 meetings were held at various levels between Kazakhstan and Azerbaijan last "
     "year, the ministry said.", "CONSULT", "KAZ+AZE", BOTH, "asserted"),
    ("Over the past year, twelve rounds of talks have taken place between Armenian and "
     "Azerbaijani delegations.", "CONSULT", "ARM+AZE", BOTH, "asserted"),
    ("Kazakhstan and China have held more than 40 rounds of consultations since 2015.",
     "CONSULT", "KAZ+CHN", BOTH, "asserted"),
    ("Talks were held in Ashgabat on Tuesday between the foreign ministers of Turkmenistan and Iran.",
     "CONSULT", "IRN", "TKM", "asserted"),
    ("Negotiations between India and Pakistan were held in Geneva last week.",
     "CONSULT", "IND+PAK", BOTH, "asserted"),
    ("A phone conversation took place between the presidents of Kyrgyzstan and Turkey on Monday.",
     "CONSULT", "KGZ+TUR", BOTH, "asserted"),
    ("Presidents Kassym-Jomart Tokayev and Recep Tayyip Erdogan held a phone call on Wednesday.",
     "CONSULT", "KAZ+TUR", BOTH, "asserted"),
    ("Shavkat Mirziyoyev and Vladimir Putin spoke by phone on Thursday to discuss energy supplies.",
     "CONSULT", "UZB+RUS", BOTH, "asserted"),
    ("The Tajik and Russian presidents held a telephone conversation on Sunday.",
     "CONSULT", "TJK+RUS", BOTH, "asserted"),
])
def test_meetings_counted_or_told_in_the_passive(extractor, text, type_, source, target, modality):
    assert _expected(type_, source, target, modality) in _events(extractor, text)


@pytest.mark.parametrize("text, type_, source, target", [
    # a thing said by one side that the other answers was said too (PLOVER 3.9, 3.10)
    ("Kyrgyzstan's accusations against Tajikistan were rejected by Dushanbe.", "ACCUSE", "KGZ", "TJK"),
    ("Kyrgyzstan's accusations against Tajikistan were rejected by Dushanbe.", "REJECT", "TJK", "KGZ"),
    ("Kyrgyz allegations that Uzbek guards had opened fire were dismissed by Tashkent.",
     "ACCUSE", "KGZ", "UZB"),
    ("Tajikistan's accusations against Kyrgyzstan were flung back at Dushanbe on Friday.",
     "ACCUSE", "TJK", "KGZ"),
    # a diplomatic note handed where the sender is (PLOVER 3.9.2)
    ("A note of protest was handed to the Uzbek ambassador at the Kyrgyz foreign ministry on Monday.",
     "ACCUSE", "KGZ", "UZB"),
    ("A note of protest was handed to the Estonian ambassador at the Russian foreign ministry on Monday.",
     "ACCUSE", "RUS", "EST"),
    ("A note of protest was handed to the Uzbek ambassador in Bishkek on Monday.", "ACCUSE", "KGZ", "UZB"),
    # a protest sent or handed to a party is a government's complaint, not a demonstration
    ("Georgia sent a protest to Moscow over the border fences on Tuesday.", "ACCUSE", "GEO", "RUS"),
    ("Kyrgyzstan handed a protest to the Uzbek ambassador on Monday.", "ACCUSE", "KGZ", "UZB"),
    ("China lodged a strong protest with Japan over the visit.", "ACCUSE", "CHN", "JPN"),
    ("The Tajik foreign ministry delivered a protest note to the Kyrgyz embassy.", "ACCUSE", "TJK", "KGZ"),
    # threats, refusals, complaints and denials named as nouns
    ("Moscow's threat to cut gas supplies to Moldova drew wide condemnation.", "THREATEN", "RUS", "MDA"),
    ("Turkmenistan's refusal to resume gas deliveries to Uzbekistan angered Tashkent.",
     "REJECT", "TKM", "UZB"),
    ("China's complaint against Vietnam over the islands was filed on Wednesday.", "ACCUSE", "CHN", "VNM"),
    ("Azerbaijan's denial of the Armenian claims came within hours.", "REJECT", "AZE", "ARM"),
])
def test_complaints_threats_and_refusals_named_by_nouns(extractor, text, type_, source, target):
    assert _expected(type_, source, target, "asserted") in _events(extractor, text)


def test_a_protest_dispersed_is_no_complaint(extractor):
    text = "Thousands rallied in Bishkek against the new tax law, and police later dispersed the protest."
    assert not any(e[0] == "ACCUSE" for e in _events(extractor, text))


def test_a_proposal_rejected_is_left_to_the_rejection(extractor):
    # only things said (accusations, claims, demands) are kept beside the answer to them
    events = _events(extractor, "Kyrgyzstan rejected Tajikistan's proposal to hold talks in Dushanbe.")
    assert ("REJECT", frozenset({"KGZ"}), frozenset({"TJK"}), "asserted") in events
    assert not any(e[0] == "AGREE" for e in events)


@pytest.mark.parametrize("text, source, target", [
    # invitations to a visit are AGREE planned (PLOVER 3.2.1), extended, accepted or named
    ("Kassym-Jomart Tokayev invited Shavkat Mirziyoyev to visit Astana next year.", "KAZ", "UZB"),
    ("Japan invited the Turkmen president to pay a state visit to Tokyo.", "JPN", "TKM"),
    ("The Kyrgyz president accepted the invitation to visit China.", "KGZ", "CHN"),
    ("The Mongolian president has accepted an invitation from South Korea to visit Seoul in the autumn.",
     "MNG", "KOR"),
    ("An invitation to visit Washington was handed to President Tokayev by the U.S. ambassador.",
     "USA", "KAZ"),
])
def test_invitations_are_planned_agreements(extractor, text, source, target):
    assert _expected("AGREE", source, target, "planned") in _events(extractor, text)


def test_a_declined_invitation_is_a_rejection(extractor):
    events = _events(extractor, "The Kazakh president declined the invitation to visit Moscow.")
    assert ("REJECT", frozenset({"KAZ"}), frozenset({"RUS"}), "asserted") in events
    assert not any(e[0] == "AGREE" for e in events)


@pytest.mark.parametrize("text, type_, source, target", [
    ("Agreements have been reached between Uzbekistan and Kazakhstan to accelerate joint projects.",
     "AGREE", "UZB+KAZ", BOTH),
    ("Kyrgyz and Chinese officials met in Bishkek on Monday. The sides agreed to speed up the "
     "construction of the railway.", "AGREE", "KGZ+CHN", BOTH),
    ("An agreement was reached between Azerbaijan and Georgia to expand the transit corridor.",
     "AGREE", "AZE+GEO", BOTH),
])
def test_agreements_reached_on_a_plan(extractor, text, type_, source, target):
    assert _expected(type_, source, target, "asserted") in _events(extractor, text)


@pytest.mark.parametrize("text, source, target", [
    # unnamed forces: the side that reports its own move (PLOVER 3.14)
    ("Units were put on combat alert along the border with Afghanistan, the Tajik defence "
     "ministry said.", "TJK", "AFG"),
    # a move named by a noun on a border named by its two states: both sides'
    ("Troop build-ups were reported on both sides of the Kyrgyz-Tajik border.", "KGZ+TJK", BOTH),
    ("Kyrgyz army units were put on high alert near the Tajik border.", "KGZ", "TJK"),
    ("Thousands of Chinese troops were deployed along the border with India.", "CHN", "IND"),
    ("The deployment of Iranian forces near the Azerbaijani border alarmed Baku.", "IRN", "AZE"),
])
def test_troop_moves_with_their_sides(extractor, text, source, target):
    assert _expected("MOBILIZE", source, target, "asserted") in _events(extractor, text)


@pytest.mark.parametrize("text, source, target", [
    # curtailing commercial exchange is SANCTION discontinue (PLOVER 3.13.3)
    ("Uzbekistan reduced its purchases of Turkmen gas in March.", "UZB", "TKM"),
    ("Kazakhstan stopped buying Russian electricity in January.", "KAZ", "RUS"),
    ("Russia cut its imports of Tajik fruit by half.", "RUS", "TJK"),
    ("Beijing halted purchases of Australian coal in 2020.", "CHN", "AUS"),
    ("Uzbekistan halved its purchases of Kazakh grain last year.", "UZB", "KAZ"),
    ("Russia slashed imports of Tajik aluminium in 2023.", "RUS", "TJK"),
])
def test_economic_cuts_are_sanctions(extractor, text, source, target):
    assert _expected("SANCTION", source, target, "asserted") in _events(extractor, text)


def test_clashes_named_with_their_border_are_both_sides_whatever_they_did(extractor):
    # the subject of what the clashes brought about is still the clashes of the pair named
    events = _events(extractor, "Clashes on the Kyrgyz-Tajik border killed 49 people last week.")
    assert _expected("ASSAULT", "KGZ+TJK", BOTH, "asserted") in events


@pytest.mark.parametrize("text, source, target", [
    # the participle that imposes the ban, hung by the parse on what is banned
    ("The ban on Kyrgyz dairy products imposed by Russia remained in force on Monday.", "RUS", "KGZ"),
    ("The import ban on Kazakh wheat introduced by Uzbekistan hit farmers.", "UZB", "KAZ"),
    ("Moscow's ban on Georgian wine devastated the industry.", "RUS", "GEO"),
    # a flow from one state to another, halted: by the one it comes from (PLOVER 3.13.3)
    ("The halt in Turkmen gas supplies to Uzbekistan lasted three weeks.", "TKM", "UZB"),
    ("The suspension of Turkmen gas supplies to Uzbekistan lasted three weeks.", "TKM", "UZB"),
    ("The halt in Russian fuel exports to Kazakhstan was announced on Monday.", "RUS", "KAZ"),
    ("Kazakhstan's suspension of coal exports to Russia began on Friday.", "KAZ", "RUS"),
])
def test_bans_and_halts_named_by_nouns(extractor, text, source, target):
    assert _expected("SANCTION", source, target, "asserted") in _events(extractor, text)


@pytest.mark.parametrize("text, type_, source, target", [
    # leaving an organisation is SANCTION withdraw (PLOVER 3.13.3); forces leaving ground retreat
    ("Uzbekistan's withdrawal from the CSTO was announced in 2012.", "SANCTION", "UZB", "IGO"),
    ("Russia's withdrawal from the Council of Europe was completed in March.", "SANCTION", "RUS", "IGO"),
    ("The withdrawal of CSTO peacekeepers from Kazakhstan was completed on January 19.",
     "RETREAT", "IGO", "KAZ"),
])
def test_a_withdrawal_from_an_organisation_leaves_the_body(extractor, text, type_, source, target):
    assert _expected(type_, source, target, "asserted") in _events(extractor, text)


# An occasion looked forward to from the present or the future is still to come: a future
# visit or summit is AGREE planned (PLOVER 3.2.1). Told from the past, it may have happened.
@pytest.mark.parametrize("text, type_, source, target, modality", [
    ("Preparations are under way for the Azerbaijani President's official visit to Turkmenistan.",
     "AGREE", "AZE", "TKM", "planned"),
    ("Mongolia is preparing for the visit of the Kazakh foreign minister.", "AGREE", "KAZ", "MNG", "planned"),
    ("On the eve of the Turkish President's visit to Bishkek, officials say energy leads the agenda.",
     "AGREE", "TUR", "KGZ", "planned"),
    ("Before Japarov's trip to Ankara last autumn, the two ministries had agreed on a visa regime.",
     "CONSULT", "KGZ", "TUR", "asserted"),
])
def test_an_occasion_looked_forward_to(extractor, text, type_, source, target, modality):
    assert _expected(type_, source, target, modality) in _events(extractor, text)


# A meeting named in a frame of its own ("on the sidelines of", "as a result of") is an
# occasion, not the complement of the act the sentence reports (PLOVER 3.2: all meetings).
@pytest.mark.parametrize("text, parties", [
    ("As a result of the Azerbaijan-Turkmenistan summit in Ashgabat, the two presidents signed "
     "a memorandum on gas.", "AZE+TKM"),
    ("Within the framework of the Mongolia-Kyrgyzstan talks, the ministers signed a customs protocol.",
     "KGZ+MNG"),
])
def test_a_framed_meeting_is_an_occasion(extractor, text, parties):
    codes = frozenset(parties.split("+"))
    assert any(t == "CONSULT" and src | tgt == codes for t, src, tgt, _ in _events(extractor, text))


# The region as one side of a summit format is its five states.
@pytest.mark.parametrize("text, other", [
    ("The Central Asia - Japan summit took place in Tokyo on 4 May.", "JPN"),
    ("The summit of the heads of state of Central Asia and India was held in New Delhi on 4 May.", "IND"),
])
def test_the_region_in_a_summit_format(extractor, text, other):
    five = frozenset({"KAZ", "KGZ", "TJK", "TKM", "UZB"})
    assert any(t == "CONSULT" and src | tgt == five | {other} for t, src, tgt, _ in _events(extractor, text))


# A cooperative act expected or promised, told in the passive, is coded from its own noun:
# the visit to come is AGREE planned, by its visitor to its host (PLOVER 3.1, 3.2.1).
def test_an_expected_visit_is_planned_by_its_visitor(extractor):
    assert _expected("AGREE", "MNG", "KAZ", "planned") in _events(
        extractor, "A return visit by the Mongolian president to Kazakhstan is expected.")


def test_a_summit_to_be_held_is_planned_with_its_host(extractor):
    # "is to be held in X" arranges it as "will be held" does: a future summit, its host takes part.
    got = found(extractor, "The next summit of the Organization of American States is to be held in Peru in 2026.")
    assert any(t == "AGREE" and "PER" in s | g for t, s, g in got), got
