"""Where an agreement's title ends: the venue, date, signers and occasion of the signing
that follow it are no part of it; places and prepositions that say what it is about are."""

import re
from functools import cache

import pytest

from steppe.facts import Document
from steppe.pipeline.agreements import AgreementGrammar, extract_agreements
from steppe.pipeline.context import context_for
from steppe.resources import Resources

# A few state names for the stand-in resolver (the venues come from the real knowledge base).
_NAMES = {
    "KAZ": r"Kazakhstan|Kazakh",
    "UZB": r"Uzbekistan|Uzbek",
    "KGZ": r"Kyrgyzstan|Kyrgyz",
    "TJK": r"Tajikistan|Tajik",
    "TKM": r"Turkmenistan",
    "RUS": r"Russia",
}


@cache
def grammar() -> AgreementGrammar:
    return AgreementGrammar.from_resources(Resources.load())


def names(text: str) -> list[str]:
    mentions = sorted((m.start(), m.end(), code) for code, pattern in _NAMES.items()
                      for m in re.finditer(rf"\b(?:{pattern})\b", text))
    sentences = [(m.start(), m.end()) for m in re.finditer(r"\S.*?(?:[.!?](?=\s|$)|$)", text)]
    ctx = context_for(text, anchor="2024-05-10", sentences=sentences, states=mentions,
                      main_parties=["KAZ", "KGZ"])
    return [a.name for a in extract_agreements(ctx, grammar())]


@pytest.mark.parametrize("text,name", [
    # venues: a capital or a town of the knowledge base, or "the <adjective> capital"
    ("On 9 March the foreign ministers of Kyrgyz and Kazakh ministers signed an Agreement on the "
     "Demarcation of the State Border in Astana.",
     "Agreement on the Demarcation of the State Border"),
    ("Kyrgyz and Kazakh ministers signed an Agreement on the Demarcation of the State Border in "
     "the Kazakh capital on Tuesday.",
     "Agreement on the Demarcation of the State Border"),
    ("Kyrgyz and Kazakh ministers signed an agreement on road transport in the southern city of "
     "Osh, officials said.",
     "Agreement on road transport"),
    ("Kazakhstan and Russia signed an agreement on the lease of the cosmodrome in the Kremlin.",
     "Agreement on the lease of the cosmodrome"),
    ("Uzbekistan and Kyrgyzstan signed the Treaty on the State Border between the Republic of "
     "Uzbekistan and the Kyrgyz Republic in Tashkent.",
     "Treaty on the State Border between the Republic of Uzbekistan and the Kyrgyz Republic"),
    ("Uzbekistan and Tajikistan signed an agreement on cooperation between Samarkand and "
     "Khujand in Dushanbe.",
     "Agreement on cooperation between Samarkand and Khujand"),
    # dates
    ("Kyrgyz and Kazakh ministers signed an agreement on water sharing last week.",
     "Agreement on water sharing"),
    ("Kazakhstan and Uzbekistan signed an agreement on rail transit in 2019.",
     "Agreement on rail transit"),
    ("Kazakhstan and Russia signed an agreement on oil transit in Moscow yesterday.",
     "Agreement on oil transit"),
    # signers
    ("A protocol on border delimitation was signed by Tokayev and Japarov.",
     "Protocol on border delimitation"),
    # occasions
    ("Kazakhstan and Uzbekistan signed an agreement on labour migration during the state visit.",
     "Agreement on labour migration"),
    ("Kyrgyz and Kazakh ministers signed an agreement on energy at the Astana summit.",
     "Agreement on energy"),
    ("Kazakhstan and Uzbekistan signed a memorandum on tourism within the framework of the "
     "business forum.",
     "Memorandum on tourism"),
    ("Kazakhstan and Uzbekistan signed a memorandum on tourism in the framework of the "
     "business forum.",
     "Memorandum on tourism"),
    ("Kazakhstan and Uzbekistan signed a protocol on customs cooperation following talks of "
     "the two ministers.",
     "Protocol on customs cooperation"),
    ("Kazakhstan and Uzbekistan signed an agreement on labour migration in the presence of "
     "the two presidents.",
     "Agreement on labour migration"),
    ("Kazakhstan and Uzbekistan signed an agreement on grain supplies on the sidelines of the "
     "regional summit.",
     "Agreement on grain supplies"),
    ("Kyrgyz and Kazakh ministers signed a protocol on customs in the course of the talks.",
     "Protocol on customs"),
    ("Kazakhstan and Turkmenistan signed an agreement on gas supplies in Ashgabat during the "
     "meeting of the two leaders.",
     "Agreement on gas supplies"),
])
def test_the_circumstances_of_the_signing_are_cut(text, name):
    assert names(text) == [name]


@pytest.mark.parametrize("text,name", [
    ("Uzbekistan and Tajikistan signed an Agreement on trade, economic, scientific and technical "
     "cooperation between Samarkand and Khujand.",
     "Agreement on trade, economic, scientific and technical cooperation between Samarkand and "
     "Khujand"),
    ("Uzbekistan and Kazakhstan signed an Agreement on the joint use of water resources in the "
     "Syr Darya basin.",
     "Agreement on the joint use of water resources in the Syr Darya basin"),
    ("Uzbekistan and Kazakhstan signed a Memorandum on cooperation in the field of energy.",
     "Memorandum on cooperation in the field of energy"),
    ("Uzbekistan and Tajikistan adopted a Programme of cooperation in the humanitarian sphere "
     "for 2024-2026.",
     "Programme of cooperation in the humanitarian sphere for 2024-2026"),
    ("Kazakhstan and Uzbekistan signed a memorandum on cooperation in the field of capital "
     "markets.",
     "Memorandum on cooperation in the field of capital markets"),
    ("Kazakhstan and Uzbekistan signed an agreement on building a logistics centre "
     "in Tashkent region.",
     "Agreement on building a logistics centre in Tashkent region"),
    ("Kyrgyz and Kazakh ministers signed an agreement on the opening of consulates in Osh and "
     "Shymkent.",
     "Agreement on the opening of consulates in Osh and Shymkent"),
    ("Kazakhstan and Turkmenistan signed an agreement on fishing in the Caspian Sea.",
     "Agreement on fishing in the Caspian Sea"),
    ("Kyrgyz and Kazakh ministers signed an agreement on the protection of investments in "
     "Kazakhstan.",
     "Agreement on the protection of investments in Kazakhstan"),
    ("Kazakhstan and Kyrgyzstan adopted a Joint Statement on the results of the state visit.",
     "Joint Statement on the results of the state visit"),
    ("Kyrgyz and Kazakh ministers signed a memorandum on cooperation in the organisation of "
     "business forums.",
     "Memorandum on cooperation in the organisation of business forums"),
    ("Kyrgyzstan and Russia signed an agreement on the stationing of a Russian air base in "
     "Kyrgyzstan.",
     "Agreement on the stationing of a Russian air base in Kyrgyzstan"),
    ("Kyrgyz and Kazakh ministers signed a protocol on the following issues of border crossings.",
     "Protocol on the following issues of border crossings"),
])
def test_places_and_prepositions_of_the_title_stay(text, name):
    assert names(text) == [name]


def test_a_venue_between_the_head_and_its_complement_is_left_out():
    text = "Kyrgyz and Kazakh ministers signed an agreement in Astana on the demarcation of the border."
    assert names(text) == ["Agreement on the demarcation of the border"]


def test_the_short_name_told_again_is_the_same_agreement():
    text = ("On 9 March Kyrgyz and Kazakh ministers signed an Agreement on the Demarcation of the "
            "State Border in Astana. The demarcation agreement was ratified in May.")
    assert names(text) == ["Agreement on the Demarcation of the State Border"]


@pytest.mark.parametrize("text", [
    "On 9 March Kyrgyz and Kazakh ministers signed an Agreement on the Demarcation of the State "
    "Border in Astana. The demarcation deal was ratified in May.",
    "Kyrgyz and Kazakh ministers signed the border deal on 9 March. The Agreement on the "
    "Demarcation of the State Border was ratified in May.",
])
def test_a_short_name_under_another_head_noun_is_the_same_agreement(text):
    assert names(text) == ["Agreement on the Demarcation of the State Border"]


def test_two_agreements_on_different_subjects_stay_two():
    text = ("Kyrgyz and Kazakh ministers signed a reservoir deal on 9 March. The Agreement on the "
            "Demarcation of the State Border was ratified in May.")
    assert names(text) == ["Reservoir deal", "Agreement on the Demarcation of the State Border"]


# Who the sentence says did not sign is no party of what the others signed.
@pytest.mark.parametrize("text, parties", [
    ("In Baku, Azerbaijan, Georgia and Turkey signed a Declaration on Rail Transit, while Armenia "
     "and Iran did not sign it.", ["AZE", "GEO", "TUR"]),
    ("Mongolia and Japan signed a Memorandum on Mining Cooperation; China declined to join it.",
     ["JPN", "MNG"]),
])
def test_who_did_not_sign_is_no_party(extractor, text, parties):
    found = extractor.extract(Document(id="t", text=text, date="2024-06-01")).agreements
    assert [sorted(a.parties) for a in found] == [parties]
