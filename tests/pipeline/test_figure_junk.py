"""Numbers a reader would call junk as figures: a number that is part of a name, counts of
people detained or of a market's population, the size of a thing read as a period's value or
a goal, and a one-state project's size given a second party. Invented sentences."""

from __future__ import annotations

import pytest

from steppe.facts import Document
from steppe.pipeline.quantities import find_quantities
from steppe.resources import load_units

UNITS = load_units()


def _figures(extractor, text: str, date: str = "2024-05-10"):
    return extractor.extract(Document(id="t", text=text, date=date)).figures


@pytest.mark.parametrize("text", [
    "The Naryn-3 scheme shows how far the two neighbours have come.",
    "Pilots trained on the MiG-29 fighters for a week.",
    "The C5+1 ministers will gather in the autumn.",
    "The Rogun-2 unit began turning on Monday.",
])
def test_number_joined_to_a_name_is_no_quantity(text):
    assert [q.text for q in find_quantities(text, units=UNITS)] == []


@pytest.mark.parametrize("text, value", [
    ("Exports rose 5-7% last year.", 7),                      # a range keeps its ends
    ("Trade reached $2.5 billion in the first half.", 2.5e9),
    ("Exports to Russia (+3.2%) led the list.", 3.2),        # a sign after a bracket is no name
])
def test_ranges_and_signs_stay_quantities(text, value):
    assert any(abs(q.value - value) < 1e-6 * value for q in find_quantities(text, units=UNITS))


def test_named_project_number_gives_no_figure(extractor):
    text = ("Kazakhstan and Kyrgyzstan discussed the Kulanak-2 hydropower scheme. "
            "The Kulanak-2 project opens a new chapter between the two neighbours.")
    assert _figures(extractor, text) == []


@pytest.mark.parametrize("text", [
    "Tajik police arrested 35 activists who protested against the border deal with Kyrgyzstan.",
    "Kyrgyz authorities jailed more than 12 opposition figures over the water treaty with Uzbekistan.",
    "Some 40 critics of the land swap with Kazakhstan were detained in Bishkek on Friday.",
])
def test_detainee_counts_are_no_figures(extractor, text):
    assert _figures(extractor, text) == []


def test_market_population_is_no_figure(extractor):
    text = ("Kyrgyz officials said Kyrgyzstan aims to win buyers in the Russian-led customs bloc, "
            "which covers some 190 million people.")
    assert _figures(extractor, text) == []


def test_people_counted_at_an_event_stay_a_figure(extractor):
    text = "About 250 people from Kazakhstan and Uzbekistan will take part in the joint trade fair."
    assert [f.value for f in _figures(extractor, text)] == [250]


def test_design_capacity_is_a_specification(extractor):
    text = ("Kazakhstan and China opened a new gas line on Monday. "
            "The line is designed to carry 20 billion cubic metres a year.")
    (fig,) = _figures(extractor, text)
    assert (fig.indicator, fig.value, fig.unit, fig.period, fig.kind) == \
        ("other:capacity", 20e9, "m3", None, "actual")
    assert fig.parties == ["CHN", "KAZ"]


def test_relative_clause_keeps_its_own_tense(extractor):
    # the frontier's length is a fact, not something the two countries "will" reach
    text = ("Under the accord Kazakhstan and Turkmenistan will fence their shared frontier, "
            "which runs for about 420 kilometres.")
    (fig,) = _figures(extractor, text)
    assert (fig.indicator, fig.value, fig.kind, fig.period) == ("other:length", 420, "actual", None)


def test_relative_clause_level_inside_a_goal(extractor):
    text = ("Uzbekistan and Tajikistan want to raise their trade, which reached $600 million last year, "
            "to $2 billion by 2030.")
    got = {(f.value, f.kind) for f in _figures(extractor, text)}
    assert (600e6, "actual") in got and (2e9, "target") in got


def test_planned_size_holds_for_no_period(extractor):
    text = ("The energy ministers of Kazakhstan, Kyrgyzstan and Uzbekistan signed a plan for a new dam "
            "last week. The plant, with a planned capacity of 900 megawatts, would supply all three.")
    (fig,) = _figures(extractor, text)
    assert (fig.value, fig.unit, fig.period) == (900, "MW", None)
    assert fig.parties == ["KAZ", "KGZ", "UZB"]      # the states the sentence before named


def test_one_state_project_size_is_no_figure(extractor):
    text = ("Turkmenistan and Afghanistan have argued about water for years.\n\n"
            "On Friday Tajikistan's president opened a new dam on the river. "
            "Its four turbines will give a combined capacity of 800 megawatts.")
    assert [f for f in _figures(extractor, text) if f.unit == "MW"] == []


def test_line_length_is_of_every_state_it_crosses(extractor):
    # a route is no party of a flow, but a line's length is the length across all it crosses
    text = ("The new railway will run for about 600 kilometres from China through Kyrgyzstan "
            "to Uzbekistan.")
    figs = [f for f in _figures(extractor, text) if f.unit == "km"]
    assert [(f.value, sorted(f.parties)) for f in figs] == [(600, ["CHN", "KGZ", "UZB"])]


@pytest.mark.parametrize("text", [
    "A Chilean delegation visiting Lima on July 8 told Peruvian officials it wanted closer ties.",
    "Trade talks between Peru and Chile resumed on May 21, officials in both capitals said.",
])
def test_the_day_of_a_date_is_no_count(extractor, text):
    # "July 8" is a date (the time grammar reads it), not eight of something.
    assert _figures(extractor, text) == []
