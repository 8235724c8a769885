import re
from functools import cache

import pytest

from steppe.facts import Document
from steppe.pipeline.agreements import AgreementGrammar
from steppe.pipeline.agreements import extract_agreements as read
from steppe.pipeline.context import DocContext, context_for
from steppe.pipeline.nlp import split_sentences as pipeline_sentences
from steppe.pipeline.projects import ProjectGrammar, find_project_names
from steppe.resources import Resources


@cache
def grammars() -> tuple[AgreementGrammar, ProjectGrammar]:
    res = Resources.load()
    return AgreementGrammar.from_resources(res), ProjectGrammar.from_words(res.projects["en"], res.units)


def extract_agreements(ctx: DocContext):
    """The agreements stage on a context, after the projects stage's names."""
    agreements, projects = grammars()
    ctx.project_names = find_project_names(ctx.text, projects)
    return read(ctx, agreements)

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
    return extract_agreements(context_for(text, anchor=anchor, sentences=split_sentences(text),
                                          states=find_mentions(text), main_parties=main))


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
    # A story dated to the day reports a recent signing: it takes the report's date.
    ("The parties approved a road map for expanding trade, officials said.",
     "Road map for expanding trade", "roadmap", ["KGZ", "TJK"], "2023-05-10"),
    ("The Kazakh-Uzbek declaration on strategic partnership was signed in Tashkent in 2013.",
     "Kazakh-Uzbek declaration on strategic partnership", "declaration", ["KAZ", "UZB"],
     "2013"),
    ("Last year, SCO members adopted the Development Strategy of the organisation.",
     "Development Strategy of the organisation", "strategy", ["IGO:SCO", "KGZ", "TJK"], "2022"),
    # the capital where the ceremony took place hosts it: no party when two others sign
    ("In Tashkent, Kyrgyzstan and Tajikistan signed a memorandum on border crossings in 2021.",
     "Memorandum on border crossings", "memorandum", ["KGZ", "TJK"], "2021"),
    ("At the summit in the city of Astana, Uzbekistan and China concluded a memorandum on "
     "green energy in 2022.", "Memorandum on green energy", "memorandum", ["CHN", "UZB"], "2022"),
    # ... but one state signing in another's capital signs with its host
    ("In Beijing, Uzbekistan signed a memorandum on rail transit in 2022.",
     "Memorandum on rail transit", "memorandum", ["CHN", "UZB"], "2022"),
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
    "A Kazakh company signed a deal on grain supplies with a Chinese corporation.",
    "As set out in the Strategy for the Development of Kazakhstan, growth comes first.",
    "The Collective Security Treaty Organization met in Astana.",
    "Kazakhstan signed the Treaty in 2019.",        # which treaty? said before, or nowhere
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
    text = ("Construction of the Rogun Hydroelectric Power Plant is under way. "
            "In this regard, the ministers signed a road map.")
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


# -- the title grammar, lists, date inheritance, signatories, one record per agreement ------

def run_doc(text: str, anchor: str | None = "2023-05", main=("KGZ", "TJK")):
    """With the pipeline's own sentence splitter (line breaks end sentences)."""
    return extract_agreements(context_for(text, anchor=anchor, sentences=pipeline_sentences(text),
                                          states=find_mentions(text), main_parties=main))


def test_a_singular_title_keeps_its_lists_whole():
    text = ("Kazakhstan and Uzbekistan signed an Agreement on trade, economic, scientific and "
            "technical cooperation between Samarkand and Khujand.")
    assert [a.name for a in run_doc(text)] == [
        "Agreement on trade, economic, scientific and technical cooperation between "
        "Samarkand and Khujand"]


@pytest.mark.parametrize("text,names", [
    ("During the visit, agreements on transit, on water use and on customs were signed.",
     ["Agreement on transit", "Agreement on water use", "Agreement on customs"]),
    ("Agreements on visa-free travel, readmission and air transport were signed.",
     ["Agreement on visa-free travel", "Agreement on readmission", "Agreement on air transport"]),
    ("Road maps for cooperation between Osh and Khujand, Batken and Isfara were also signed.",
     ["Road map for cooperation between Osh and Khujand",
      "Road map for cooperation between Batken and Isfara"]),
    # Single words sharing the last noun are one thing, not three.
    ("Agreements on trade, economic and technical cooperation were signed.",
     ["Agreements on trade, economic and technical cooperation"]),
])
def test_a_plural_head_over_a_list_names_one_agreement_per_member(text, names):
    assert [a.name for a in run_doc(text)] == names


def test_items_of_a_list_of_signed_documents():
    text = ("The Kyrgyz president visited Dushanbe on 14 April 2023.\n"
            "The following documents were signed:\n"
            "- Agreement between the Government of Kyrgyzstan and the Government of "
            "Tajikistan on air transport;\n"
            "- Memorandum of understanding between the ministries of culture;\n"
            "- Programme of cooperation between the foreign ministries for 2023-2024.")
    got = [(a.name, a.parties, a.date) for a in run_doc(text)]
    assert got == [
        ("Agreement between the Government of Kyrgyzstan and the Government of Tajikistan "
         "on air transport", ["KGZ", "TJK"], "2023-04-14"),
        ("Memorandum of understanding between the ministries of culture", ["KGZ", "TJK"],
         "2023-04-14"),
        ("Programme of cooperation between the foreign ministries for 2023-2024",
         ["KGZ", "TJK"], "2023-04-14")]


def test_a_list_flattened_into_one_line_is_cut_at_each_title():
    text = ("The presidents signed a Treaty on Eternal Friendship on 2 June 2022.\n"
            "These documents were signed at the ceremony:\n"
            "Protocol on the state border between the two countries Agreement on air "
            "communication Memorandum of understanding on the water of the Isfara river")
    names = [a.name for a in run_doc(text, main=("KGZ", "UZB"))]
    assert names == ["Treaty on Eternal Friendship",
                     "Protocol on the state border between Kyrgyzstan and Uzbekistan",
                     "Agreement on air communication",
                     "Memorandum of understanding on the water of the Isfara river"]
    # Signed at one ceremony: the parties of the treaty reported just before the list.
    assert {tuple(a.parties) for a in run_doc(text, main=("KGZ", "UZB"))} == {("KGZ", "UZB")}


def test_a_title_after_a_signing_statement_is_concluded_despite_a_later_will():
    text = ("In total, twelve documents were signed by Kyrgyzstan and Tajikistan. "
            "Road maps for cooperation between Osh and Khujand, Batken and Isfara will help "
            "the border regions.")
    assert len(run_doc(text)) == 2


@pytest.mark.parametrize("text", [
    "Kyrgyzstan and Tajikistan will sign a treaty on the border next month.",
    "An agreement on water sharing between Kyrgyzstan and Tajikistan is expected to be signed.",
    "The treaty on the border between Kyrgyzstan and Tajikistan has not been signed yet.",
    "The sides discussed the draft agreement on transit between Kyrgyzstan and Tajikistan.",
    "Tajikistan refused to sign the Charter of the Kyrgyz-Tajik Water Commission.",
])
def test_planned_or_denied_signings_are_not_agreements(text):
    assert run_doc(text) == []


def test_a_signing_reported_as_news_takes_the_dateline_date():
    text = ("BISHKEK, 12 May 2023 — The leaders met in the capital.\n"
            "Kyrgyzstan and Tajikistan have signed an agreement on the joint use of pastures.")
    (agreement,) = run_doc(text, anchor="2023-05-13")
    assert agreement.date == "2023-05-12"


def test_a_story_dated_to_the_month_gives_no_date_to_an_undated_signing():
    text = "Kyrgyzstan and Tajikistan signed an agreement on the joint use of pastures."
    assert run_doc(text, anchor="2023-05")[0].date is None
    assert run_doc(text, anchor="2023-05-13")[0].date == "2023-05-13"


def test_an_agreement_in_force_keeps_only_its_own_date():
    text = ("Kazakhstan signed a statement on 3 May 2023. "
            "It called the move a violation of the water deal between Kazakhstan and Uzbekistan. "
            "Uzbekistan cited the 2015 agreement on transit with Kazakhstan.")
    got = [(a.name, a.parties, a.date) for a in run_doc(text, anchor="2023-05-10")]
    assert got == [("Water deal between Kazakhstan and Uzbekistan", ["KAZ", "UZB"], None),
                   ("Agreement on transit", ["KAZ", "UZB"], "2015")]


def test_the_two_countries_are_the_two_states_the_sentence_names():
    # The resolver gives "the two countries" the document's main parties (here KGZ, TJK).
    text = ("On 14 March the Kazakh ambassador to Uzbekistan announced that negotiators of the two "
            "countries had concluded an agreement on the use of the canal.")
    mentions = find_mentions(text) + [(text.index("the two"), text.index(" countries") + 10,
                                       c) for c in ("KGZ", "TJK")]
    (agreement,) = extract_agreements(context_for(text, anchor="2023-09-01", states=mentions,
                                                  main_parties=["KGZ", "TJK"]))
    assert agreement.parties == ["KAZ", "UZB"]


def test_short_and_full_names_of_one_agreement_are_one_record():
    text = ("Kyrgyzstan and Uzbekistan inked the strategic partnership agreement on 5 May. "
            "The Treaty of Strategic Partnership between Kyrgyzstan and Uzbekistan was "
            "signed by the presidents. They also reached an agreement on the border crossings. "
            "The ministers reached an agreement on this matter.")
    names = [a.name for a in run_doc(text, main=("KGZ", "UZB"))]
    assert names == ["Treaty of Strategic Partnership between Kyrgyzstan and Uzbekistan",
                     "Agreement on the border crossings"]


def test_the_declaration_told_again_completes_parties_and_date():
    text = ("The Samarkand Declaration was adopted at the summit. "
            "The declaration was signed by the presidents of Kazakhstan, Kyrgyzstan, "
            "Tajikistan and Uzbekistan on 14 September 2022.")
    (agreement,) = run_doc(text, main=("KAZ",))
    assert (agreement.name, agreement.parties, agreement.date) == \
        ("Samarkand Declaration", ["KAZ", "KGZ", "TJK", "UZB"], "2022-09-14")


def test_a_capitalised_title_goes_on_through_its_list_but_not_into_a_clause():
    text = ("Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan signed the Treaty on Friendship, "
            "Good-Neighbourliness and Cooperation in Central Asia. "
            "Kyrgyzstan and Tajikistan ratified the Treaty on Alliance, Bishkek said.")
    assert [a.name for a in run_doc(text)] == [
        "Treaty on Friendship, Good-Neighbourliness and Cooperation in Central Asia",
        "Treaty on Alliance"]


def test_an_agreement_reached_on_a_named_document_is_kept():
    text = "Kyrgyzstan and Tajikistan agreed on a road map for the joint use of pastures."
    (agreement,) = run_doc(text)
    assert agreement.name == "Road map for the joint use of pastures"


def test_an_item_of_a_list_is_a_document_whatever_its_head_noun():
    text = ("The following documents were signed in Bishkek on 3 March 2023:\n"
            "Regulations on the work of the joint border commission;\n"
            "An agreement on the joint use of pastures.")
    got = [(a.name, a.date) for a in run_doc(text)]
    assert got == [("Regulations on the work of the joint border commission", "2023-03-03"),
                   ("Agreement on the joint use of pastures", "2023-03-03")]


def test_unnamed_group_mentions_do_not_decide_the_parties():
    # "bilateral" and "the two countries" come from the resolver with the document's main
    # parties (KGZ, TJK); the sentence names Kazakhstan and Uzbekistan.
    text = ("Kazakhstan and Uzbekistan signed a bilateral agreement on the joint use of the "
            "two countries' pastures.")
    extra = [(text.index("bilateral"), text.index("bilateral") + 9, c) for c in ("KGZ", "TJK")]
    (agreement,) = extract_agreements(context_for(text, anchor="2023-05", states=find_mentions(text) + extra,
                                                  main_parties=["KGZ", "TJK"]))
    assert agreement.parties == ["KAZ", "UZB"]


def test_a_year_before_a_title_is_its_date_not_part_of_its_name():
    text = "Relations rest on the 1996 Treaty of Eternal Friendship between Kyrgyzstan and Tajikistan."
    (agreement,) = run_doc(text, anchor="2023-05-10")
    assert (agreement.name, agreement.date) == (
        "Treaty of Eternal Friendship between Kyrgyzstan and Tajikistan", "1996")


def test_premodifiers_stop_at_a_preposition():
    text = "Mirziyoyev in Bishkek as Kyrgyz-Uzbek border deal is sealed"      # a headline
    (agreement,) = run_doc(text, main=("KGZ", "UZB"))
    assert agreement.name == "Kyrgyz-Uzbek border deal"


def test_several_titles_in_one_sentence_keep_apart_and_share_no_plan_period():
    text = ("On 4 May 2023 Kyrgyzstan and Tajikistan signed 27 documents, including agreements on "
            "visa-free travel and on pastures. The presidents adopted the Joint Statement on the "
            "results of the visit and witnessed the signing of a strategic partnership treaty "
            "and an action plan for 2024-2026.")
    got = [(a.name, a.date) for a in run_doc(text, anchor="2023-05")]
    assert got == [("Agreement on visa-free travel", "2023-05-04"),
                   ("Agreement on pastures", "2023-05-04"),
                   ("Joint Statement on the results of the visit", "2023-05-04"),
                   ("Strategic partnership treaty", "2023-05-04"),
                   ("Action plan for 2024-2026", "2023-05-04")]


def test_an_agreed_ceasefire_is_an_agreement_and_its_later_mentions_fold_into_it():
    text = ("Tajikistan and Uzbekistan agreed what they called a lasting ceasefire on 9 November. "
            "Beijing asked both sides to respect the ceasefire agreement.")
    got = [(a.name, a.parties, a.date) for a in run_doc(text, anchor="2020-11-12")]
    assert got == [("Agreement on a lasting ceasefire", ["TJK", "UZB"], "2020-11-09")]


@pytest.mark.parametrize("text", [
    "Kyrgyzstan and Tajikistan failed to agree on a ceasefire.",
    "Kyrgyzstan and Tajikistan will agree a truce next week.",
    "Kyrgyzstan and Tajikistan agreed to hold talks.",
])
def test_no_ceasefire_agreement_when_none_was_agreed(text):
    assert run_doc(text) == []


def test_a_date_between_head_and_complement_and_a_period_after_for():
    text = ("Kazakhstan and Uzbekistan signed a road map on Tuesday to expand gas transit. "
            "In December 2021 Kyrgyzstan and Tajikistan signed an agreement on the supply of "
            "electricity for 2022.")
    got = [(a.name, a.date) for a in run_doc(text, anchor="2022-03-10")]
    assert got == [("Road map to expand gas transit", "2022-03-08"),
                   ("Agreement on the supply of electricity", "2021-12")]


def test_a_state_of_a_user_knowledge_base_is_a_party_and_named_by_its_usual_name(fiction):
    # Valdoria (XVL) and Zerania (XZR) exist only in tests/data/kb.yaml, given as --kb.
    text = ("ARDEL, 4 March 2021. Valdoria and Zerania signed an agreement between the two "
            "countries on the joint use of the Tesk river.")
    facts = fiction.extract(Document(id="x", text=text, date="2021-03-04"))
    (agreement,) = facts.agreements
    assert agreement.parties == ["XVL", "XZR"]
    assert agreement.name == "Agreement between Valdoria and Zerania on the joint use of the Tesk river"
    assert agreement.date == "2021-03-04"


@pytest.mark.parametrize("text,parties", [
    # the talks just before produced it; the pair the story turns to next did not
    ("Tajik and Uzbek delegations held talks in Dushanbe on Friday. Agreements were reached "
     "to speed up joint projects in agriculture, officials said. Kyrgyzstan and Tajikistan "
     "resumed talks on the border.", ["TJK", "UZB"]),
    # a sentence naming one state between them does not break the chain back to the talks
    ("Kazakhstan and China held consultations in Astana. The Chinese side praised the host. "
     "A road map on grain exports was signed. Uzbekistan and Kyrgyzstan met later.",
     ["CHN", "KAZ"]),
    # the one state the sentence names belongs to the pair
    ("Kyrgyzstan and China discussed the railway. Tajikistan and Uzbekistan discussed water. "
     "Kyrgyzstan also signed a memorandum on the feasibility study of the railway.",
     ["CHN", "KGZ"]),
    # nothing named before: the sentence after
    ("A memorandum on joint customs posts was signed on Monday. Kazakhstan and Uzbekistan "
     "will open the posts in June.", ["KAZ", "UZB"]),
])
def test_an_agreement_naming_no_pair_takes_the_nearest_pair_not_the_union(text, parties):
    (agreement,) = run_doc(text, main=("KAZ", "KGZ"))
    assert agreement.parties == parties


def test_an_agreement_with_no_pair_nearby_takes_the_document_parties():
    text = "A memorandum on joint customs posts was signed on Monday, the ministry said."
    (agreement,) = run_doc(text, main=("KAZ", "UZB"))
    assert agreement.parties == ["KAZ", "UZB"]
