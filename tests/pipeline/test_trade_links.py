"""Expanding trade or links with a partner is material cooperation (PLOVER 3.5, "initiate,
resume, improve, or expand economic exchange"); a rise in trade is a figure, not an act."""

from __future__ import annotations

from coded import found


def test_expanded_trade_links_are_cooperation(extractor):
    assert ("COOPERATE", {"KAZ", "UZB"}, {"KAZ", "UZB"}) in found(
        extractor, "Kazakhstan and Uzbekistan expanded trade links last year.")


def test_an_intention_to_expand_trade_is_an_agree(extractor):
    assert ("AGREE", {"KAZ"}, {"UZB"}) in found(
        extractor, "Kazakhstan intends to expand trade with Uzbekistan, the ministry said.")


def test_a_rise_in_trade_is_no_event(extractor):
    assert found(extractor, "Trade between Kazakhstan and Uzbekistan increased by 20 percent.") == []
