"""Quantities and time expressions carry offsets that index the text they were read from."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from steppe.pipeline.quantities import find_quantities
from steppe.pipeline.timex import TimeGrammar
from steppe.resources import load_units
from steppe.words import Grammar

UNITS = load_units()
TIME = TimeGrammar.from_grammar(Grammar())

PIECES = [
    "$1.2 billion", "USD 250.5 million", "€4 million", "12 million tons", "1.5 billion kWh",
    "40 percent", "14.5%", "3.4 times", "2,310 enterprises", "almost four million people",
    "1,4 млрд долларов", "300 млн рублей",
    "3 April 2019", "April 2019", "in 2018", "by 2030", "next month", "last year",
    "on Monday", "the first half of 2021", "2019-2021", "two weeks ago", "since 2016",
    "15.03.2022", "spring 2020", "Q1 2023", "2023/24", "FY 2024", "9M 2023", "2022 (Jan-Sep)",
]
WORDS = ["Trade", "reached", "between", "the two", "Şahin", "ёлка", "🌍", "İstanbul", "and",
         "officials said", "—", "(", ")", ",", "."]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.sampled_from(WORDS), st.text(max_size=6)),
                 max_size=12).map(" ".join)


@settings(max_examples=300)
@given(text=texts, offset=st.integers(0, 500))
def test_quantity_offsets_index_the_text(text, offset):
    for q in find_quantities(text, units=UNITS, offset=offset):
        assert text[q.start - offset:q.end - offset] == q.text


@settings(max_examples=300)
@given(text=texts, offset=st.integers(0, 500),
       anchor=st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())))
def test_time_expression_offsets_index_the_text(text, offset, anchor):
    for t in TIME.find(text, anchor=anchor, offset=offset):
        assert text[t.start - offset:t.end - offset] == t.text
        assert t.precision in ("day", "month", "year", "unknown")
