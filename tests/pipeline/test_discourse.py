"""The nearest earlier pair of states, as coreference, events and agreements look for it.

Every sentence here is written for these tests (none is taken from an evaluation corpus).
"""

from __future__ import annotations

import re

import pytest

from steppe.pipeline.discourse import nearest_pair, states_by_sentence

TEXT = ("Kazakhstan and Kyrgyzstan opened a border post. The OSCE welcomed it. "
        "Uzbekistan sent a delegation to Bishkek.")
# The states each sentence of a story names.
STORY = [{"KAZ", "KGZ"}, set(), {"UZB"}, {"KAZ", "KGZ", "TJK"}, {"TJK"}, set()]


def _spans(text):
    return [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", text)]


def _at(word, code):
    s = TEXT.index(word)
    return (s, s + len(word), code)


def test_each_sentence_names_the_states_that_start_in_it_without_igos():
    states = [_at("Kazakhstan", "KAZ"), _at("Kyrgyzstan", "KGZ"), _at("OSCE", "IGO"),
              _at("Uzbekistan", "UZB")]
    assert states_by_sentence(states, _spans(TEXT)) == [{"KAZ", "KGZ"}, set(), {"UZB"}]


def test_wholly_leaves_out_a_mention_that_runs_past_its_sentence():
    spans = _spans(TEXT)
    across = [(spans[0][1] - 4, spans[1][0] + 3, "KAZ")]
    assert states_by_sentence(across, spans) == [{"KAZ"}, set(), set()]
    assert states_by_sentence(across, spans, wholly=True) == [set(), set(), set()]


@pytest.mark.parametrize("i, back, pair", [
    (2, 3, ["KAZ", "KGZ"]),     # the nearest sentence naming two, over one naming none
    (2, 1, []),                 # out of reach
    (4, 3, []),                 # the nearest names three: no pair, not an earlier one
])
def test_the_pair_of_the_nearest_sentence_before(i, back, pair):
    assert nearest_pair(STORY, i, back=back) == pair


def test_more_gives_every_state_of_a_sentence_naming_more_than_two():
    assert nearest_pair(STORY, 4, back=3, more=True) == ["KAZ", "KGZ", "TJK"]


@pytest.mark.parametrize("named, pair", [
    ([{"KAZ", "UZB"}, {"KAZ", "KGZ"}, {"KGZ"}], ["KAZ", "KGZ"]),   # holds this one's KGZ
    ([{"KAZ", "KGZ"}, {"KAZ", "UZB"}, {"KGZ"}], ["KAZ", "KGZ"]),   # skips the nearer one
    ([{"KAZ", "UZB"}, set(), {"KGZ"}, {"KGZ", "TJK"}], []),        # the one after: not looked at
])
def test_holding_keeps_the_state_the_sentence_names(named, pair):
    assert nearest_pair(named, 2, back=6, holding=True, more=True) == pair


def test_after_tries_the_sentence_after_last():
    named = [{"KAZ", "UZB"}, set(), {"KGZ"}, {"KGZ", "TJK"}]
    assert nearest_pair(named, 2, back=6, holding=True, more=True, after=True) == ["KGZ", "TJK"]


@pytest.mark.parametrize("named, pair", [
    ([{"TJK"}, {"KGZ"}], ["KGZ", "TJK"]),               # one here, one before: they add up
    ([{"KGZ"}, set(), {"TJK"}], ["KGZ", "TJK"]),        # this sentence and two before
    ([{"KAZ", "UZB"}, {"KGZ"}], ["KAZ", "UZB"]),        # past two: the pair that took it past
    ([{"TJK"}, {"KAZ", "UZB"}, {"KGZ"}], ["KAZ", "UZB"]),
    ([{"KAZ", "UZB", "TJK"}, {"KGZ"}], []),             # past two, and no pair of its own
    ([{"KAZ", "KGZ", "UZB"}], []),                      # this sentence names three
])
def test_adding_sums_this_sentence_and_those_before(named, pair):
    last = len(named) - 1
    assert nearest_pair(named, last, back=last, adding=True) == pair
