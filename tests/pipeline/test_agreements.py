import re

import pytest

from steppe.pipeline.agreements import extract_agreements

# A tiny stand-in for the actor resolver: a few names, adjectives and capitals.
_NAMES = {
    "KAZ": r"Kazakhstan|Kazakh|Astana",
    "UZB": r"Uzbekistan|Uzbek|Tashkent",
    "KGZ": r"Kyrgyzstan|Kyrgyz|Bishkek",
    "TJK": r"Tajikistan|Tajik|Dushanbe",
    "CHN": r"China|Chinese|Beijing",
    "IGO:SCO": r"SCO|Shanghai Cooperation Organization",
}


def find_mentions(text: str) -> list[tuple[int, int, str]]:
    out = [(m.start(), m.end(), code) for code, pattern in _NAMES.items()
           for m in re.finditer(rf"\b(?:{pattern})\b", text)]
    return sorted(out)


def split_sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"\S.*?(?:[.!?](?=\s|$)|$)", text)]


def run(text: str, anchor: str | None = "2023-05-10", main=("KGZ", "TJK")):
    return extract_agreements(text, anchor=anchor, sentences=split_sentences(text),
                              mentions=find_mentions(text), main_parties=list(main))


@pytest.mark.parametrize("text,name,kind,parties,date", [
    ("Tajikistan and China signed the Treaty of Good Neighbourliness (2007).",
     "Treaty of Good Neighbourliness", "treaty", ["CHN", "TJK"], "2007"),
    ("In March 2022, Kyrgyzstan and Kazakhstan signed an agreement on the joint management "
     "of the Chu river, which will take effect next year.",
     "Agreement on the joint management of the Chu river", "agreement", ["KAZ", "KGZ"],
     "2022-03"),
    ("On 12 April 2021 the two governments adopted the Joint Action Plan for the Ferghana "
     "valley for 2021-2023.", "Joint Action Plan for the Ferghana valley for 2021-2023",
     "action_plan", ["KGZ", "TJK"], "2021-04-12"),
    ("Uzbekistan and Tajikistan concluded a memorandum of understanding on water sharing "
     "in 2018.", "Memorandum of understanding on water sharing", "memorandum",
     ["TJK", "UZB"], "2018"),
    ("The parties approved a road map for expanding trade, officials said.",
     "Road map for expanding trade", "roadmap", ["KGZ", "TJK"], None),
    ("The Kazakh-Uzbek declaration on strategic partnership was signed in Tashkent in 2013.",
     "Kazakh-Uzbek declaration on strategic partnership", "declaration", ["KAZ", "UZB"],
     "2013"),
    ("Last year, SCO members adopted the Development Strategy of the organisation.",
     "Development Strategy of the organisation", "strategy", ["IGO", "KGZ", "TJK"], "2022"),
])
def test_finds_concluded_agreements(text, name, kind, parties, date):
    (agreement,) = run(text)
    assert (agreement.name, agreement.kind, agreement.parties, agreement.date) == \
        (name, kind, parties, date)
    assert text[agreement.evidence.start:agreement.evidence.end] == agreement.evidence.text


@pytest.mark.parametrize("text", [
    "An agreement on the water sharing is expected to be signed later this year.",
    "Kyrgyzstan and Tajikistan will sign a treaty on the border next month.",
    "Cooperation agreements between the two countries are increasing.",
    "The agreements made after the visit were important.",
    "Key provisions of the declaration include a new council.",
    "The region needs an appropriate agreement on transit.",
    "Local companies signed 40 trade contracts worth $20 million.",
    "As set out in the Strategy for the Development of Kazakhstan, growth comes first.",
    "The Collective Security Treaty Organization met in Astana.",
])
def test_skips_planned_generic_and_domestic(text):
    assert run(text) == []


def test_undated_signing_takes_the_date_of_the_visit():
    text = ("The Kyrgyz president paid a state visit to Tajikistan on 3 March 2023. "
            "The talks went well. During the visit, a protocol on border crossings was signed.")
    (agreement,) = run(text)
    assert agreement.name == "Protocol on border crossings"
    assert agreement.date == "2023-03-03"
    assert agreement.parties == ["KGZ", "TJK"]


def test_latest_visit_wins_over_an_older_one():
    text = ("His first visit to Bishkek was in 2017. He visited Kyrgyzstan again on 5 May 2022. "
            "During the visit, the parties signed an agreement on transit.")
    (agreement,) = run(text, main=("KGZ", "UZB"))
    assert agreement.date == "2022-05-05"


def test_the_project_is_resolved_to_a_named_project():
    text = ("Work on the Rogun Hydroelectric Power Plant continues. "
            "A road map was signed by the parties in this regard.")
    (agreement,) = run(text)
    assert agreement.name == "Road map for the Rogun Hydroelectric Power Plant"


def test_two_treaties_in_one_sentence_take_their_own_years():
    text = ("Kyrgyzstan and Tajikistan are bound by the Treaty of Friendship (1996) and the "
            "Treaty on Alliance (2019).")
    got = [(a.name, a.date) for a in run(text)]
    assert got == [("Treaty of Friendship", "1996"), ("Treaty on Alliance", "2019")]


def test_range_in_the_name_is_not_the_signing_date():
    text = "The Strategy for Economic Cooperation for 2020-2025 was adopted by the two states."
    (agreement,) = run(text, anchor=None)
    assert agreement.name == "Strategy for Economic Cooperation for 2020-2025"
    assert agreement.date is None


def test_same_agreement_twice_is_reported_once():
    text = ("In 2019 Kyrgyzstan and Tajikistan signed the Treaty on Alliance. "
            "The Treaty on Alliance was ratified by both parliaments.")
    assert [a.name for a in run(text)] == ["Treaty on Alliance"]
