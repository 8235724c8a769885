"""When an event happened and whether it is one occurrence: the day a report speaks from,
tellings of one act on adjacent days, and acts dated by the occasion they took place at.

Every sentence here is written for these tests (none is taken from an evaluation corpus).
"""

from __future__ import annotations

import pytest

from steppe.facts import Actor, Document, Event, Span
from steppe.pipeline.lexicon import load_lexicon
from steppe.pipeline.occurrences import merge_occurrences

RECIPROCAL = load_lexicon("en").coding.reciprocal


def _facts(ex, text, date):
    return ex.extract(Document(id="t", text=text, date=date))


def _event(etype: str, date: str, *, modality: str = "asserted", source: str = "text") -> Event:
    sides = [Actor(code="KAZ"), Actor(code="UZB")]
    return Event(type=etype, source=sides, target=list(sides), evidence=Span(0, 4, "text"),
                 date=date, date_precision="day", modality=modality, date_source=source)


# -- the day a report speaks from --------------------------------------------------------

def test_a_report_dated_to_the_month_speaks_from_the_day_it_names(extractor):
    # The page shows only the month; the text names the day of its news. What it says
    # "has happened" happened by then, at day precision.
    text = ("The prime ministers of Kazakhstan and Kyrgyzstan met in Astana on 12 June. "
            "Kazakhstan and Kyrgyzstan have agreed to open a second rail crossing.")
    facts = _facts(extractor, text, "2024-06")
    agreed = [e for e in facts.events if e.type == "AGREE"]
    assert [(e.date, e.date_precision) for e in agreed] == [("2024-06-12", "day")], \
        [(e.type, e.date, e.date_source) for e in facts.events]


def test_today_in_a_report_dated_to_the_month_is_the_day_it_names(extractor):
    # "Today" read against a month-only page date gives only the month; the report names
    # its own day, and what it did "today" (and what the narrative continues) was that day.
    text = ("The presidents of Mongolia and Kazakhstan held talks in Ulaanbaatar on 9 October. "
            "\"Today we have signed an agreement on the railway,\" the Mongolian president said. "
            "Mongolia then thanked Kazakhstan for the grain it sent.")
    facts = _facts(extractor, text, "2024-10")
    got = {e.type: (e.date, e.date_precision) for e in facts.events}
    assert got.get("SUPPORT") == ("2024-10-09", "day"), got


def test_a_day_of_another_month_does_not_date_the_report(extractor):
    text = ("The prime ministers of Kazakhstan and Kyrgyzstan met in Astana on 12 May. "
            "Kazakhstan and Kyrgyzstan have agreed to open a second rail crossing.")
    facts = _facts(extractor, text, "2024-06")
    agreed = [e for e in facts.events if e.type == "AGREE"]
    assert [e.date for e in agreed] == ["2024-06"], [(e.type, e.date) for e in facts.events]


# -- one act told on adjacent days -----------------------------------------------------

def test_one_act_told_on_the_day_and_the_day_after_is_one_occurrence():
    merged = merge_occurrences([_event("CONSULT", "2023-05-08"),
                                _event("CONSULT", "2023-05-09", source="context")], RECIPROCAL)
    assert [(e.type, e.date) for e in merged] == [("CONSULT", "2023-05-08")]


def test_acts_of_one_type_days_apart_stay_two():
    merged = merge_occurrences([_event("CONSULT", "2023-05-08"), _event("CONSULT", "2023-05-11")],
                               RECIPROCAL)
    assert len(merged) == 2


def test_plans_on_adjacent_days_stay_two():
    # AGREE gathers every future act: a visit on one day and a signing the next are two plans.
    merged = merge_occurrences([_event("AGREE", "2023-05-08", modality="planned"),
                                _event("AGREE", "2023-05-09", modality="planned")], RECIPROCAL)
    assert len(merged) == 2


# -- an act dated by the occasion it took place at ---------------------------------------

_VISIT_THEN_ASIDE = ("The Uzbek president visited Kazakhstan on 6 December 2022. "
                     "Trade between the two countries grew sharply in March 2022. ")


def test_an_act_during_the_visit_takes_the_visits_date(extractor):
    text = _VISIT_THEN_ASIDE + "During the visit, Kazakhstan and Uzbekistan signed a treaty on alliance."
    facts = _facts(extractor, text, "2022-12-20")
    signed = [e for e in facts.events if e.type == "SUPPORT"]
    assert [e.date for e in signed] == ["2022-12-06"], [(e.type, e.date) for e in facts.events]


def test_an_act_at_a_new_meeting_is_not_dated_by_an_earlier_one(extractor):
    # "at a meeting" names another occasion: the narrative's last date frames it.
    text = _VISIT_THEN_ASIDE + "At a meeting, Kazakhstan and Uzbekistan signed a treaty on alliance."
    facts = _facts(extractor, text, "2022-12-20")
    signed = [e for e in facts.events if e.type == "SUPPORT" and e.trigger == "signed"]
    assert [e.date for e in signed] == ["2022-03"], [(e.type, e.date) for e in facts.events]


def test_a_state_since_a_year_sets_no_reference_time(extractor):
    # "has bought ... since 2009" lasts to the report's time: the accusation told next is
    # not dated 2009 but by the report.
    text = ("Kyrgyzstan has bought electricity from Kazakhstan since 2009. "
            "Kazakhstan accused Kyrgyzstan of late payments.")
    facts = _facts(extractor, text, "2023-05-03")
    accusations = [e for e in facts.events if e.type == "ACCUSE"]
    assert [e.date for e in accusations] == ["2023-05-03"], [(e.type, e.date) for e in facts.events]


def test_an_agreement_made_and_a_visit_to_come_are_two_occurrences(extractor):
    # one sentence, one type, the same two states: the agreement is made now, the visit is
    # still to come (AGREE asserted and AGREE planned)
    text = ("Peru and Chile agreed on Tuesday to keep in close contact, and a Chilean delegation "
            "is expected to travel to Lima next month.")
    agree = {(e.modality, e.date) for e in _facts(extractor, text, "2024-05-10").events if e.type == "AGREE"}
    assert ("asserted", "2024-05-07") in agree and any(m == "planned" for m, _ in agree), agree


def _summit(codes: list[str], date: str, mode: str = "multilateral", igo: str = "") -> Event:
    sides = [Actor(code=c) for c in codes] + ([Actor(code="IGO", text=igo)] if igo else [])
    return Event(type="CONSULT", mode=mode, source=sides, target=list(sides),
                 evidence=Span(0, 4, "text"), date=date, date_precision="day", date_source="text")


def test_a_summit_told_again_with_fewer_of_those_at_it_is_one_summit():
    # "Leaders of the Commonwealth met in Dushanbe on Friday ... Friday's summit, chaired by
    # the host": the second telling names the organisation and the host only
    whole = _summit(["KAZ", "KGZ", "RUS", "TJK"], "2025-10-10", igo="CIS")
    again = _summit(["TJK"], "2025-10-10", igo="CIS")
    assert merge_occurrences([whole, again], RECIPROCAL) == [whole]
    # another organisation's, another day's or a bilateral meeting at it stays an event
    for other in (_summit(["TJK"], "2025-10-10", igo="SCO"), _summit(["KAZ", "RUS"], "2025-06-10"),
                  _summit(["KAZ", "RUS"], "2025-10-10", mode="")):
        assert len(merge_occurrences([whole, other], RECIPROCAL)) == 2, other


def test_a_separate_meeting_at_a_summit_stays_an_event(extractor):
    text = ("The presidents of Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan met in "
            "Astana on Friday for a summit. On the same day Tokayev, Mirziyoyev and Japarov held a "
            "separate trilateral meeting on water.")
    meetings = [e.codes() for e in _facts(extractor, text, "2024-03-10").events if e.type == "CONSULT"]
    assert {"KAZ", "KGZ", "UZB"} in meetings, meetings


# -- those told as attending were at the gathering told before ------------------------------

def test_those_who_attended_join_the_gathering_told_before(extractor):
    text = ("Leaders of Mercosur met in Montevideo on Friday for their summit. The presidents of "
            "Chile and Bolivia also attended. Leaders of Brazil, Argentina, Paraguay and Uruguay took part.")
    consults = [e for e in _facts(extractor, text, "2024-12-07").events if e.type == "CONSULT"]
    assert len(consults) == 1, consults
    assert {"CHL", "BOL", "BRA", "ARG", "PRY", "URY"} <= consults[0].codes()


def test_an_invitation_to_attend_is_no_attendance(extractor):
    text = ("Leaders of Brazil and Argentina met in Brasilia on Friday. Brazil invited the "
            "president of Chile to attend next year.")
    consults = [e for e in _facts(extractor, text, "2024-12-07").events if e.type == "CONSULT"]
    assert all("CHL" not in e.codes() for e in consults), consults


@pytest.mark.parametrize("second", [
    "Narendra Modi never attended.",                                  # denied
    "Protesters from Ukraine also took part.",                        # no state's people
    "On Wednesday, Narendra Modi also attended.",                     # a time of its own
    "The Russian and Chinese navies then began joint drills. Iran also took part.",  # another act
])
def test_only_an_attendance_told_right_after_a_meeting_joins_it(extractor, second):
    text = "Xi Jinping met Vladimir Putin in Moscow on Monday. " + second
    consults = [e for e in _facts(extractor, text, "2024-05-10").events if e.type == "CONSULT"]
    assert consults and consults[0].codes() == {"CHN", "RUS"}, consults
