"""Prose figures take their periods from the document's time expressions, so every form the
time grammar reads for table headers dates a figure in a sentence as well."""

import pytest

from steppe.pipeline.context import context_for
from steppe.pipeline.figures import FigureWords, extract_figures
from steppe.resources import Resources

STATES = {"KGZ": "Kyrgyzstan", "TJK": "Tajikistan"}


@pytest.fixture(scope="module")
def resources():
    return Resources.load()


def figures(text, resources):
    states = [(text.index(name), text.index(name) + len(name), code) for code, name in STATES.items()]
    ctx = context_for(text, anchor="2025-03-01", sentences=[(0, len(text))], states=states,
                      main_parties=["KGZ", "TJK"])
    return extract_figures(ctx, resources, FigureWords.from_grammar(resources.grammar))


@pytest.mark.parametrize("text,indicator,period", [
    ("In Q1 2023, Kyrgyzstan exported goods worth $12 million to Tajikistan.", "exports", "2023-01/2023-03"),
    ("Trade between Kyrgyzstan and Tajikistan reached $80 million in H1 2024.", "trade_turnover",
     "2024-01/2024-06"),
    ("In the 2023/24 season Kyrgyzstan supplied 300 million kWh of electricity to Tajikistan.", "exports",
     "2023/2024"),
])
def test_prose_figures_are_dated_by_the_same_grammar(text, indicator, period, resources):
    (fig,) = figures(text, resources)
    assert (fig.indicator, fig.period) == (indicator, period)


def test_the_end_of_a_term_is_no_period(resources):
    # "until 2040" ends the lease; the yearly rent covers no period the text names
    text = "Kyrgyzstan leases the airfield to Tajikistan until 2040 for a yearly rent of $4 million."
    (fig,) = figures(text, resources)
    assert fig.period != "2040", fig
