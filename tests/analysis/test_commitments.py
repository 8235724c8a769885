import datetime as dt

import pytest

from steppe.analysis.commitments import commitments
from steppe.facts import Figure, Span

EV = Span(0, 1, "x")
TODAY = dt.date(2025, 6, 1)


def target(value, deadline):
    return Figure("trade_turnover", value, "USD", ["KGZ", "TJK"], EV, kind="target", deadline=deadline)


def actual(value, period, parties=("KGZ", "TJK")):
    return Figure("trade_turnover", value, "USD", list(parties), EV, period=period)


@pytest.mark.parametrize("actuals,deadline,status", [
    ([actual(1.0e9, "2020"), actual(1.3e9, "2022")], "2022", "met"),
    ([actual(1.0e9, "2021"), actual(1.1e9, "2022")], "2022", "missed"),
    ([actual(1.0e9, "2021"), actual(1.2e9, "2024")], "2022", "missed"),
    ([actual(1.0e9, "2023"), actual(1.15e9, "2024")], "2026", "on_track"),
    ([actual(1.0e9, "2023"), actual(1.01e9, "2024")], "2026", "pending"),
    ([], "2026", "unknown"),
])
def test_status(actuals, deadline, status):
    figs = [("doc-t", target(1.25e9, deadline))] + [("doc-a", a) for a in actuals]
    (c,) = commitments(figs, today=TODAY)
    assert c.status == status, c.reason
    assert len(c.actuals) == len(actuals)


def test_other_parties_are_not_evidence():
    figs = [("d", target(1e9, "2022")), ("d", actual(2e9, "2021", parties=("KAZ", "KGZ")))]
    (c,) = commitments(figs, today=TODAY)
    assert (c.status, c.actuals) == ("unknown", [])


@pytest.mark.parametrize("figure,expected", [
    (target(1e9, "2026"), True),
    (Figure("other:base_rent", 5e6, "USD", ["KGZ", "RUS"], EV, kind="target"), True),
    (Figure("other:trade_growth", 20, "percent", ["KGZ", "TJK"], EV, kind="target"), True),
    # goods a deal provides for (indicators.yaml `supply_contract`)
    (Figure("other:supply_contract", 2.8e9, "m3", ["RUS", "UZB"], EV, kind="target"), True),
    # specifications of things and populations are no goals for relations
    (Figure("other:capacity", 1860, "MW", ["KGZ", "UZB"], EV, kind="target"), False),
    (Figure("other:length", 0.335, "km", ["TJK", "UZB"], EV, kind="target"), False),
    (Figure("other:people", 180e6, "count", ["KGZ", "RUS"], EV, kind="target"), False),
    (actual(1e9, "2022"), False),
])
def test_only_goals_for_relations_are_commitments(figure, expected):
    from steppe.analysis.commitments import is_commitment
    assert is_commitment(figure) is expected
    assert len(commitments([("d", figure)], today=TODAY)) == int(expected)
