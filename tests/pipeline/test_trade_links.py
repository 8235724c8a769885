"""Expanding trade or links with a partner is material cooperation (PLOVER 3.5, "initiate,
resume, improve, or expand economic exchange"); a rise in trade is a figure, not an act."""

from __future__ import annotations

import pytest
from coded import found

from steppe.facts import Document


def test_expanded_trade_links_are_cooperation(extractor):
    assert ("COOPERATE", {"KAZ", "UZB"}, {"KAZ", "UZB"}) in found(
        extractor, "Kazakhstan and Uzbekistan expanded trade links last year.")


def test_an_intention_to_expand_trade_is_an_agree(extractor):
    assert ("AGREE", {"KAZ"}, {"UZB"}) in found(
        extractor, "Kazakhstan intends to expand trade with Uzbekistan, the ministry said.")


def test_a_rise_in_trade_is_no_event(extractor):
    assert found(extractor, "Trade between Kazakhstan and Uzbekistan increased by 20 percent.") == []


def _agreed(extractor, text):
    evs = extractor.extract(Document(id="t", text=text, date="2025-04-02")).events
    return [(e.type, {a.code for a in e.source}, {a.code for a in e.target}, e.date, e.modality)
            for e in evs]


# A goal the parties set for their trade is a commitment to expand an exchange (PLOVER 3.1,
# 3.5): an AGREE made when it is told, whatever its deadline.
@pytest.mark.parametrize("text, parties", [
    ("Tajikistan and Turkmenistan intend to raise bilateral trade to $1 billion by 2030.", {"TJK", "TKM"}),
    ("Georgia and Kazakhstan expect to bring their trade turnover to $2 billion in the coming years.",
     {"GEO", "KAZ"}),
    ("Kyrgyzstan is interested in increasing trade with Azerbaijan to $500 million.", {"AZE", "KGZ"}),
])
def test_a_trade_goal_set_is_an_agree_when_told(extractor, text, parties):
    assert ("AGREE", "2025-04-02", "asserted") in [
        (t, d, m) for t, src, tgt, d, m in _agreed(extractor, text) if src | tgt == parties]


@pytest.mark.parametrize("text", [
    # a level reached
    "Trade between Tajikistan and Turkmenistan rose to $1 billion last year.",
    # a goal that nobody in the sentence sets
    "Bilateral trade between Georgia and Kazakhstan grew by 9%, with the plan to bring it to $2 billion.",
    # a need spoken of is no goal set
    "The minister stressed the need to increase trade with Azerbaijan to $500 million.",
])
def test_a_trade_level_or_a_need_is_no_agree(extractor, text):
    assert "AGREE" not in [t for t, *_ in _agreed(extractor, text)]
