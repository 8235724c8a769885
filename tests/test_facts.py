"""The record types: what to_json writes, from_json reads back, for every type."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from steppe.facts import (
    FIGURE_KINDS,
    MODALITIES,
    PLOVER_TYPES,
    Actor,
    Agreement,
    Document,
    Event,
    Facts,
    Figure,
    Project,
    Span,
    dates_compatible,
)

text = st.text(max_size=40)
codes = st.sampled_from(["KAZ", "UZB", "KGZ", "IGO", "XVL", ""])
iso_dates = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()[: st_cut(d)]))


def st_cut(d) -> int:
    return 10 - 3 * (d.day % 3)          # day, month or year precision, deterministically


# Confidences are written with three decimals, so only those survive a round trip.
confidence = st.integers(0, 1000).map(lambda n: n / 1000)
values = st.one_of(st.none(), st.integers(-10**12, 10**12), st.floats(allow_nan=False,
                                                                     allow_infinity=False))
spans = st.builds(Span, start=st.integers(0, 10**6), end=st.integers(0, 10**6), text=text)
actors = st.builds(Actor, code=codes, sector=st.sampled_from(["", "GOV", "MIL", "ELI"]), text=text)
events = st.builds(
    Event, type=st.sampled_from(PLOVER_TYPES), source=st.lists(actors, max_size=3),
    target=st.lists(actors, max_size=3), evidence=spans, mode=st.sampled_from(["", "visit"]),
    date=iso_dates, date_precision=st.sampled_from(["day", "month", "year", "unknown"]),
    modality=st.sampled_from(MODALITIES), confidence=confidence, trigger=text,
    date_source=st.sampled_from(["text", "context", "document"]),
    score=st.one_of(st.none(), st.floats(-10, 10)), quad=st.one_of(st.none(), st.integers(1, 4)),
    cameo=st.one_of(st.none(), st.sampled_from(["05", "16"])))
figures = st.builds(
    Figure, indicator=st.sampled_from(["trade_turnover", "exports"]), value=values,
    unit=st.sampled_from(["USD", "count", "percent"]), parties=st.lists(codes, max_size=3),
    evidence=spans, direction=st.one_of(st.none(), st.fixed_dictionaries({"from": codes, "to": codes})),
    period=iso_dates, kind=st.sampled_from(FIGURE_KINDS), deadline=iso_dates,
    suspect=st.one_of(st.none(), text.filter(bool)), confidence=confidence)
agreements = st.builds(
    Agreement, name=text, parties=st.lists(codes, max_size=3), evidence=spans, date=iso_dates,
    kind=st.sampled_from(["treaty", "memorandum"]), signing_event=st.one_of(st.none(), st.integers(0, 9)))
projects = st.builds(
    Project, name=text, kind=st.sampled_from(["railway", "power_plant"]),
    parties=st.lists(codes, max_size=3), evidence=spans,
    status=st.lists(st.tuples(iso_dates, st.sampled_from(["planned", "opened"])), max_size=3),
    value=values, unit=st.sampled_from(["", "USD"]))
documents = st.builds(
    Document, id=text.filter(bool), text=text, date=iso_dates, title=st.one_of(st.none(), text),
    language=st.one_of(st.none(), st.sampled_from(["en", "ru"])),
    meta=st.dictionaries(st.sampled_from(["date_source", "feed"]), text.filter(bool)))
all_facts = st.builds(Facts, id=text, events=st.lists(events, max_size=2),
                      figures=st.lists(figures, max_size=2), agreements=st.lists(agreements, max_size=2),
                      projects=st.lists(projects, max_size=2))


def _through_json(record):
    """What a reader of `steppe extract` output gets: the record after JSON text."""
    return type(record).from_json(json.loads(json.dumps(record.to_json())))


@given(st.one_of(spans, actors, events, figures, agreements, projects, all_facts))
def test_every_record_survives_json(record):
    assert _through_json(record) == record


@given(documents)
def test_documents_survive_json_but_for_empty_fields(doc):
    again = _through_json(doc)
    assert again.to_json() == doc.to_json()
    assert (again.id, again.text) == (doc.id, doc.text)


@given(figures)
def test_whole_figure_values_are_written_as_integers(fig):
    value = fig.to_json()["value"]
    if isinstance(fig.value, float) and fig.value.is_integer():
        assert isinstance(value, int)


@pytest.mark.parametrize("a,b,window,expected", [
    ("2023-05", "2023-05-06", 0, True),          # the coarser precision decides
    ("2023", "2023-11-30", 0, True),
    ("2023-05-06", "2023-05-07", 0, False),      # within a document: the same day
    ("2023-05-06", "2023-05-09", 3, True),       # across documents: a few days off
    ("2023-05-06", "2023-05-10", 3, False),
    ("2023-04-30", "2023-05-02", 3, True),       # the window crosses months
    ("2022-05", "2023-05", 3, False),
    (None, "2023-05-06", 0, True),               # no date fits any
])
def test_dates_compatible(a, b, window, expected):
    assert dates_compatible(a, b, day_window=window) is expected
    assert dates_compatible(b, a, day_window=window) is expected
