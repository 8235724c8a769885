"""Dates an act must not take: a decade's act is undated, not the story's last date; a clause
that bounds the act's time ("since he was sworn in on 2 March", "after troops crossed the
border on 3 April") dates another act; an act told as before the story ("Under the late
President", "in the past", the past perfect) does not take the narrative's date; a past
weekday told before a plan is not read forward as next week's; a weekday counts from the
day the dateline gives when the page was published later or dated by its month only.

Every sentence here is written for these tests (none is taken from an evaluation corpus).
"""

from __future__ import annotations

import pytest

from steppe.facts import Document
from steppe.pipeline.timex import TimeGrammar
from steppe.words import Grammar

REPORT = "2024-05-10"     # a Friday


def _dates(extractor, text: str, etype: str, modality: str | None = None) -> list[str | None]:
    facts = extractor.extract(Document(id="t", text=text, date=REPORT))
    return [e.date for e in facts.events if e.type == etype and modality in (None, e.modality)]


# -- decades ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["in the 1990s", "the early 2000s", "in the late 1980s",
                                  "the mid-2010s", "since the 1970s"])
def test_a_decade_is_a_time_with_no_date(text):
    (t,) = TimeGrammar.from_grammar(Grammar()).find(text, anchor=REPORT)
    assert (t.kind, t.value, t.precision) == ("decade", None, "unknown")


def test_an_amount_is_no_decade():
    grammar = TimeGrammar.from_grammar(Grammar())
    assert grammar.find("the 2000s of tonnes shipped", anchor=REPORT) == []


def test_an_act_of_a_decade_is_undated_and_not_the_news(extractor):
    text = ("Kazakhstan and Uzbekistan signed a water-sharing accord on 7 May. The two countries "
            "signed a border treaty in the early 2000s.")
    assert _dates(extractor, text, "SUPPORT") == ["2024-05-07", None]


# -- a clause that bounds the act's time ----------------------------------------------------

@pytest.mark.parametrize("text,etype", [
    ("Kazakh President Tokayev paid a visit to Bishkek, his first trip abroad since he was "
     "sworn in on 2 March.", "CONSULT"),
    ("Kyrgyzstan accused Tajikistan of aggression after Tajik troops crossed the border on "
     "3 April.", "ACCUSE"),
])
def test_a_bounding_clause_dates_its_own_act_not_this_one(extractor, text, etype):
    assert _dates(extractor, text, etype) == [REPORT]


# -- an act told as before the story --------------------------------------------------------

_CLOSED = "Kyrgyzstan closed the road to Kazakhstan on 4 March. "


@pytest.mark.parametrize("second,etype,date", [
    ("Under the late President Niyazov, Turkmenistan refused to cooperate with Kazakhstan.",
     "REJECT", None),
    ("In the past, Uzbekistan criticised Kyrgyzstan over the dam.", "ACCUSE", None),
    # the past perfect lies before the story's time, by how much it does not say ...
    ("Kazakhstan had accused Kyrgyzstan of smuggling.", "ACCUSE", None),
    # ... while the simple past goes on with it
    ("Kazakhstan accused Kyrgyzstan of smuggling.", "ACCUSE", "2024-03-04"),
])
def test_background_does_not_take_the_story_date(extractor, second, etype, date):
    assert _dates(extractor, _CLOSED + second, etype) == [date]


# -- an occasion named again, told undated ------------------------------------------------

def test_an_occasion_told_undated_is_the_reports_news(extractor):
    text = ("BISHKEK, 10 May 2024 — Tokayev held talks with Japarov in Bishkek during a state visit. "
            "The two countries declared 2023 a year of Kyrgyz culture in Kazakhstan. Analysts said "
            "Tokayev's early visit to Kyrgyzstan signalled that Astana would keep its partnership "
            "with Bishkek among its priorities.")
    assert _dates(extractor, text, "CONSULT") == [REPORT]


# -- a plan after a weekday ----------------------------------------------------------------

def test_a_past_weekday_is_not_a_later_plans_day(extractor):
    text = ("Kyrgyz and Tajik delegations held border talks in Batken on Tuesday. The two sides "
            "will meet again to settle the remaining sections.")
    assert _dates(extractor, text, "AGREE", "planned") == ["2024"]


def test_a_weekday_told_as_a_plan_frames_the_next_plan(extractor):
    text = ("Tokayev will travel to Tashkent on Thursday. Kazakhstan then plans to send aid to "
            "Kyrgyzstan.")
    assert _dates(extractor, text, "AGREE", "planned") == ["2024-05-16", "2024-05-16"]


# -- a goal set at a dated occasion ----------------------------------------------------------

def test_a_goal_set_at_an_occasion_is_dated_by_the_occasion_not_its_horizon(extractor):
    text = ("During Japarov's state visit to Astana in March 2023, Kyrgyzstan and Kazakhstan set "
            "the goal of raising their trade to $3 billion within three years.")
    assert _dates(extractor, text, "AGREE") == ["2023-03"]


def test_a_russian_bounding_phrase_dates_its_own_act(extractor):
    text = ("Президент Кыргызстана Садыр Жапаров прибыл в Астану с первым официальным визитом "
            "после избрания на пост президента 10 января.")
    facts = extractor.extract(Document(id="ru", text=text, date=REPORT, language="ru"))
    assert [e.date for e in facts.events if e.type == "CONSULT"] == [REPORT]


# -- "since" starts the state of its own clause -------------------------------------------

@pytest.mark.parametrize("text,etype,date", [
    # the praise is another clause's act, told from the report's time ...
    ("Since March, Russian engineers have been repairing a dam in Tajikistan, and Tajik "
     "officials have praised Moscow's help.", "SUPPORT", REPORT),
    # ... while the ban is the state that began then
    ("Since March, Kazakhstan has banned grain exports to Kyrgyzstan.", "SANCTION", "2024-03"),
])
def test_since_dates_only_its_own_clause(extractor, text, etype, date):
    assert _dates(extractor, text, etype) == [date]


def test_since_a_month_runs_to_the_report():
    (t,) = TimeGrammar.from_grammar(Grammar()).find("Since March, troops have used it", anchor=REPORT)
    assert (t.kind, t.value, t.end_value) == ("since", "2024-03", "2024-05")


def test_a_coordinated_verbs_date_is_its_own(extractor):
    # "left ... in 2009" dates the leaving (no event of ours), "joined ... in 2015" the joining
    text = "Armenia left the customs pact in 2009, joined the Eurasian Economic Union in 2015 and stayed."
    assert _dates(extractor, text, "COOPERATE") == ["2015"]


# -- the dateline's day ------------------------------------------------------------------

@pytest.mark.parametrize("published", ["2023-06-22", "2023-06"])
@pytest.mark.parametrize("dateline", ["BISHKEK, 15 June 2023 — ", "BISHKEK, June 15 (Reuters) - "])
def test_a_weekday_counts_from_the_datelines_day(extractor, published, dateline):
    # A wire story an aggregator put online a week later, or a page dated by its month:
    # "on Tuesday" is the Tuesday before the day the story was filed (15 June 2023, a Thursday).
    text = dateline + "Kyrgyz President Sadyr Japarov received the Chinese foreign minister on Tuesday."
    facts = extractor.extract(Document(id="t", text=text, date=published))
    assert [e.date for e in facts.events if e.type == "CONSULT"] == ["2023-06-13"]


def test_a_dateline_long_before_publication_is_not_the_present(extractor):
    # An archive page published years after the story: the dateline alone is too far to trust.
    text = "BISHKEK, 15 June 2023 — Kyrgyz President Sadyr Japarov received the Chinese foreign minister on Tuesday."
    facts = extractor.extract(Document(id="t", text=text, date="2024-05-10"))
    assert [e.date for e in facts.events if e.type == "CONSULT"] != ["2023-06-13"]


def test_a_past_perfect_time_frames_nothing_after_it(extractor):
    # The signing told in the past perfect lies before the story; the thanks that follow
    # are the story's (the report's day), not September's, though they name the visit.
    text = ("HAVANA, 10 May 2024 — Brazil's president began a visit to Cuba on Friday. A trade "
            "accord had been signed in September. The Cuban president, for his part, thanked "
            "Brazil for its support and said the visit opened a new stage in relations.")
    facts = extractor.extract(Document(id="t", text=text, date=REPORT))
    assert [e.date for e in facts.events if e.type == "SUPPORT" and "support" in e.evidence.text] == ["2024-05-10"]


@pytest.mark.parametrize("text, value", [
    ("in April last year", "2023-04"), ("in November of last year", "2023-11"),
    ("in early July last year", "2023-07"), ("in March this year", "2024-03"),
    ("in June next year", "2025-06"), ("in May of the previous year", "2023-05"),
])
def test_a_month_of_a_year_named_relative_to_the_report(text, value):
    # One expression: the month of that year (the report is of May 2024), not the last
    # such month and a separate year.
    (t,) = TimeGrammar.from_grammar(Grammar()).find(text, anchor=REPORT)
    assert (t.value, t.precision) == (value, "month")


def test_a_clause_on_the_agent_does_not_date_the_act(extractor):
    # "who took office in March" tells of the agent; the visit is the report's.
    text = "Chile's president, who took office in March, paid his first visit to Peru."
    facts = extractor.extract(Document(id="t", text=text, date=REPORT))
    assert [e.date for e in facts.events if e.type == "CONSULT"] == [REPORT]
