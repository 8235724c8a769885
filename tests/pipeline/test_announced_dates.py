"""A plan dated only by the saying that reports it is dated by that announcement, told as
past ("..., the minister said on Tuesday": last Tuesday); a date in the plan's own clause is
still its time to come ("will visit on Thursday": next Thursday)."""

from __future__ import annotations

import pytest

from coded import events_in

REPORTED = "2024-05-10"     # a Friday


@pytest.mark.parametrize("text, date", [
    ("Kazakhstan intends to expand trade with Uzbekistan, the minister said on Tuesday.", "2024-05-07"),
    ("Kazakhstan said on Tuesday that it intends to expand trade with Uzbekistan.", "2024-05-07"),
    ("Tokayev will travel to Tashkent on Thursday, his office said.", "2024-05-16"),
    ("The ministry said Tokayev will travel to Tashkent on Thursday.", "2024-05-16"),
])
def test_the_date_of_a_plan(extractor, text, date):
    plans = [e for e in events_in(extractor, text, date=REPORTED) if e.modality == "planned"]
    assert [e.date for e in plans] == [date]


def test_hosting_the_next_meeting_is_a_plan(extractor):
    # a present tense with an occasion still to come ("the next summit") tells a plan
    text = ("Iceland's prime minister is expected to see Norway's again in the spring, when Denmark "
            "hosts the next summit of the Nordic Council.")
    events = events_in(extractor, text, date=REPORTED)
    assert events and all(e.modality == "planned" for e in events), events
    # a past narrative keeps it done, and so does a negation
    events = events_in(extractor, "Denmark hosted the next summit with Norway in 2019.", date=REPORTED)
    assert events and all(e.modality == "asserted" for e in events), events
    events = events_in(extractor, "Peru does not support the planned pipeline to Chile.", date=REPORTED)
    assert [(e.type, e.modality) for e in events] == [("SUPPORT", "negated")], events


@pytest.mark.parametrize("text, date", [
    # a future told in the past ("would") is still to come after the report
    ("Tokayev said he would travel to Tashkent in June.", "2024-06"),
    ("Tokayev will travel to Tashkent in mid-June.", "2024-06"),
    ("The ministry said Kazakhstan would send aid to Kyrgyzstan on Thursday.", "2024-05-16"),
])
def test_an_act_said_to_come_is_dated_forward(extractor, text, date):
    events = events_in(extractor, text, date=REPORTED)
    assert events and [e.date for e in events] == [date], events
