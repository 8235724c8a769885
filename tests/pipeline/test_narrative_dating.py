"""Which date an act with no date of its own takes: the story told before it, only when it
goes on with that story; the occasion it names, the latest of that name; and a stretch of
time that ends at the report ("over the past decade", "in recent months").

Every sentence here is written for these tests (none is taken from an evaluation corpus).
"""

from __future__ import annotations

import pytest

from steppe.facts import Document
from steppe.pipeline.timex import TimeGrammar
from steppe.words import Grammar

REPORT = "2024-05-10"


def _dates(extractor, text: str, etype: str) -> list[tuple[str | None, str]]:
    facts = extractor.extract(Document(id="t", text=text, date=REPORT))
    return [(e.date, e.date_precision) for e in facts.events if e.type == etype]


# -- an earlier date frames an act only when the sentence goes on with its story ----------

_SWAPS = "Iran and Turkmenistan signed a gas swap deal on 4 March."


@pytest.mark.parametrize("text,date", [
    # Another pair of states, no word tying it to the swaps: the report's own news.
    (_SWAPS + " Kazakhstan accused Kyrgyzstan of closing the border.", "2024-05-10"),
    # "then" goes on with the story told just before, in the same paragraph ...
    (_SWAPS + " Kazakhstan then accused Kyrgyzstan of closing the border.", "2024-03-04"),
    # ... not across a paragraph break.
    (_SWAPS + "\nKazakhstan then accused Kyrgyzstan of closing the border.", "2024-05-10"),
    # A party of the dated sentence acts again: the same story.
    ("Kyrgyzstan closed the road to Kazakhstan on 4 March. Kazakhstan accused Kyrgyzstan "
     "of closing the border.", "2024-03-04"),
    # An occasion told before ("at the talks") dates what happened at it, whoever acted.
    ("Uzbek and Kyrgyz diplomats held talks in Osh on 4 March. At the talks, Tajikistan "
     "accused Kyrgyzstan of closing the border.", "2024-03-04"),
])
def test_an_earlier_date_frames_only_the_story_it_belongs_to(extractor, text, date):
    assert [d for d, _ in _dates(extractor, text, "ACCUSE")] == [date]


@pytest.mark.parametrize("first,second,date", [
    # A bare year of background does not date the news told after it, even of one party ...
    ("Kyrgyzstan nationalised the gold mine in 2022.", "Kyrgyzstan accused Canada of interference.",
     "2024-05-10"),
    # ... a month of the same party's story does ...
    ("Kyrgyzstan nationalised the gold mine in March.", "Kyrgyzstan accused Canada of interference.",
     "2024-03"),
    # ... and so does the year when the text says the story goes on.
    ("Kyrgyzstan nationalised the gold mine in 2022.", "Kyrgyzstan then accused Canada of "
     "interference.", "2022"),
])
def test_a_year_of_background_does_not_date_the_news(extractor, first, second, date):
    assert [d for d, _ in _dates(extractor, first + " " + second, "ACCUSE")] == [date]


# -- the occasion an act took place at ---------------------------------------------------

@pytest.mark.parametrize("visits", [
    "Mr Tokayev visited Tashkent on 2 May. He had visited Tashkent in December 2022.",
    "Mr Tokayev visited Tashkent in December 2022. He visited Tashkent again on 2 May.",
])
def test_during_the_visit_is_the_latest_visit_told(extractor, visits):
    # Whichever order the text tells them in, the visit a report's act took place at is its
    # news, the latest one; the older is background.
    text = visits + " During Mr Tokayev's visit, Kazakhstan and Uzbekistan signed a water agreement."
    assert _dates(extractor, text, "SUPPORT") == [("2024-05-02", "day")]


# -- a stretch of time that ends at the report ---------------------------------------------

@pytest.fixture(scope="module")
def grammar() -> TimeGrammar:
    return TimeGrammar.from_grammar(Grammar())


@pytest.mark.parametrize("text,value,end", [
    ("over the past decade", "2014", "2024"),
    ("over the last two decades", "2004", "2024"),
    ("in recent years", None, "2024"),
    ("in recent months", None, "2024"),
    ("over the past few weeks", None, "2024"),
])
def test_a_stretch_ending_at_the_report(grammar, text, value, end):
    (t,) = grammar.find(text, anchor=REPORT)
    assert (t.kind, t.value, t.end_value) == ("within", value, end)


def test_a_stretch_ahead_has_no_end_at_the_report(grammar):
    (t,) = grammar.find("in the coming years", anchor=REPORT)
    assert (t.kind, t.end_value) == ("within", None)


@pytest.mark.parametrize("second,date", [
    # Years of talks are no single occurrence: no date, not the report's day ...
    ("Over the past decade, Kazakhstan and Kyrgyzstan have held talks on water.", (None, "unknown")),
    ("In recent years, Kazakhstan and Kyrgyzstan have held talks on water.", (None, "unknown")),
    # ... months of them lie in the report's year.
    ("In recent months, Kazakhstan and Kyrgyzstan have held talks on water.", ("2024", "year")),
])
def test_an_act_over_a_stretch_is_not_one_days_occurrence(extractor, second, date):
    text = "Mongolia and Kazakhstan signed a rail deal on 2 May. " + second
    facts = extractor.extract(Document(id="t", text=text, date=REPORT))
    talks = [(e.date, e.date_precision) for e in facts.events
             if e.type == "CONSULT" and {a.code for a in e.source} == {"KAZ", "KGZ"}]
    assert talks == [date], [(e.type, e.date) for e in facts.events]


def test_a_figure_over_the_past_decade_covers_the_ten_years_to_the_report(extractor):
    text = ("Kazakhstan and Kyrgyzstan signed a rail deal in 2021. Trade between Kazakhstan "
            "and Kyrgyzstan grew by 30 percent over the past decade.")
    facts = extractor.extract(Document(id="t", text=text, date=REPORT))
    assert [(f.value, f.period) for f in facts.figures] == [(30, "2014/2024")]


# -- times that belong to something else in the sentence -----------------------------------------
def test_a_year_that_qualifies_a_noun_does_not_date_the_act(extractor):
    # "the 2015 deal" says when the deal was made, not when it was criticised ...
    text = "Peru accused Chile of breaking the 2015 fisheries deal."
    assert _dates(extractor, text, "ACCUSE") == [(REPORT, "day")]
    # ... but "in a 2019 interview" names the occasion of the act
    text = "In a 2019 interview, Peru's president accused Chile of breaking the fisheries deal."
    assert _dates(extractor, text, "ACCUSE") == [("2019", "year")]


def test_a_relative_clause_with_its_own_subject_tells_another_time(extractor):
    # the year is nearer the signing than its day, but told of another act
    text = ("On May 7, after two days of talks in Lima with the Chilean foreign minister and his "
            "delegation, the Peruvian and Chilean presidents signed a declaration on a strategic "
            "partnership, a step up from the partnership the countries proclaimed in 2014.")
    assert set(_dates(extractor, text, "SUPPORT")) == {("2024-05-07", "day")}


def test_a_day_told_as_past_is_the_last_such_day(extractor):
    # a report of 10 May: "on 20 June" of something done is last June, of a plan next June
    done = "Peru and Chile signed a fisheries accord on 20 June."
    assert _dates(extractor, done, "SUPPORT") == [("2023-06-20", "day")]
    planned = "Peru and Chile will sign a fisheries accord on 20 June."
    assert [d for d, _ in _dates(extractor, planned, "AGREE")] == ["2024-06-20"]
    # other days counted from the report or the story keep their value
    later = "Peru and Chile held talks in Lima on 2 May. Three days later, they signed a fisheries accord."
    assert ("2023-05-05", "day") not in _dates(extractor, later, "SUPPORT")


def test_a_relative_clauses_time_frames_no_later_sentence(extractor):
    # July dates his taking office, not the talks the next sentence tells
    text = ("Peru's president, who took office in July, was in Santiago for a regional forum. "
            "He also held talks with Bolivia's president.")
    facts = extractor.extract(Document(id="t", text=text, date=REPORT))
    talks = [e.date for e in facts.events if any(a.code == "BOL" for a in e.source + e.target)]
    assert talks and "2023-07" not in talks, talks
    # nor the act of its own sentence, told of the clause's subject
    assert all(e.date != "2023-07" for e in facts.events), [(e.type, e.date) for e in facts.events]


def test_a_participles_time_frames_no_later_sentence(extractor):
    # "set ... in January 2023" dates the goal, not the proposal the next sentence tells
    text = ("Leaders of Peru, Chile and Bolivia met in Lima on Thursday for a summit. Peru's president recalled "
            "the goal of doubling trade, set by the three presidents at a summit in January 2023. "
            "Bolivia's president called for a joint fund for border roads.")
    facts = extractor.extract(Document(id="t", text=text, date=REPORT))
    proposal = [e.date for e in facts.events if e.type == "REQUEST"]
    assert proposal and "2023-01" not in proposal, [(e.type, e.date) for e in facts.events]


def test_what_one_at_a_summit_says_to_no_one_named_is_said_to_the_others(extractor):
    text = ("The presidents of Peru, Chile, Colombia and Ecuador met in Lima on Monday for a summit "
            "on the Pacific coast. Ecuador's president called for closer cooperation on fisheries.")
    facts = extractor.extract(Document(id="t", text=text, date=REPORT))
    asked = [({a.code for a in e.source}, {a.code for a in e.target})
             for e in facts.events if e.type == "REQUEST"]
    assert ({"ECU"}, {"PER", "CHL", "COL"}) in asked, asked
    # a pair that accuses each other is no speaker among many: mutual, as before
    text += " Peru and Chile accused each other of overfishing."
    facts = extractor.extract(Document(id="t", text=text, date=REPORT))
    accused = [e.codes() for e in facts.events if e.type == "ACCUSE"]
    assert accused and all(c == {"PER", "CHL"} for c in accused), accused


@pytest.mark.parametrize("quote, date", [
    # a stretch or a year the speaker names is of what is said ...
    ('"Over the past year our two countries have done more than in a decade,"', "2024-05-10"),
    ('"In 2019 we could not even agree on a border post,"', "2024-05-10"),
    # ... but the speaker's "today" is the moment of the thanks
    ('"Today we open a new page,"', "2024-05-10"),
])
def test_a_quotations_time_does_not_date_the_act_told_around_it(extractor, quote, date):
    text = quote + " the Mongolian president said, thanking the Chinese premier."
    assert [d for d, _ in _dates(extractor, text, "SUPPORT")] == [date]


def test_what_a_verb_of_saying_reports_does_not_date_the_act_around_it(extractor):
    # the cuts of January are what the thanks are about, not when they were given
    text = ("The Mongolian president thanked the Chinese premier, saying the coal would help "
            "Mongolia avoid the blackouts of January.")
    assert [d for d, _ in _dates(extractor, text, "SUPPORT")] == [REPORT]
    # an act inside what is said keeps the time said with it
    told = "The Mongolian president said on Monday that Mongolia had signed a coal deal with China in March."
    assert [d for d, _ in _dates(extractor, told, "SUPPORT")] == ["2024-03"]


def test_a_phrase_quoted_in_the_acts_own_words_still_dates_it(extractor):
    text = 'Mongolia\'s president will visit Beijing "in early June", his office said on Monday.'
    assert [d for d, _ in _dates(extractor, text, "AGREE")] == ["2024-06"]


def test_what_the_reporter_of_an_act_adds_about_it_still_dates_it(extractor):
    text = ("Mongolia and China signed a water agreement, the ministry said, noting that the "
            "document was signed in Ulaanbaatar on 3 May.")
    assert _dates(extractor, text, "SUPPORT") == [("2024-05-03", "day")]
