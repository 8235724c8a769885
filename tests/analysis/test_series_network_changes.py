"""Dyadic series, the network and change detection, on hand-built events."""

from __future__ import annotations

import pytest

from steppe.analysis.changes import detect_changes
from steppe.analysis.network import build_network
from steppe.analysis.series import dyad_series, period_of, periods_between
from steppe.facts import Actor, Span
from steppe.store.read import DyadActivity
from steppe.store.records import StoredEvent


def ev(id_: int, type_: str, src: str, tgt: str, date: str | None, score: float,
       quad: int, occurrence: str | None = None) -> StoredEvent:
    def side(label: str) -> list[Actor]:
        if label in ("CSTO", "SCO"):
            return [Actor("IGO", "", label, actor_id=f"igo:{label}")]
        return [Actor(label, "GOV", label)]

    return StoredEvent(type=type_, source=side(src), target=side(tgt), evidence=Span(0, 1, "x"),
                       date=date, score=score, quad=quad, id=id_, document_id=f"d{id_}",
                       occurrence_id=occurrence)


def test_periods():
    assert period_of("2024-08-09", "month") == "2024-08"
    assert period_of("2024-08", "quarter") == "2024-Q3"
    assert period_of("2024", "month") is None
    assert period_of("2024", "year") == "2024"
    assert period_of(None, "year") is None
    assert list(periods_between("2023-11", "2024-02", "month")) == \
        ["2023-11", "2023-12", "2024-01", "2024-02"]
    assert list(periods_between("2023-Q4", "2024-Q1", "quarter")) == ["2023-Q4", "2024-Q1"]


def test_series_counts_occurrences_not_reports():
    events = [
        # One meeting reported three times (one report dated only by month).
        ev(1, "CONSULT", "KAZ", "UZB", "2024-03-05", 1.0, 1, "m"),
        ev(2, "CONSULT", "KAZ", "UZB", "2024-03-06", 1.0, 1, "m"),
        ev(3, "CONSULT", "KAZ", "UZB", "2024-03", 1.0, 1, "m"),
        ev(4, "ACCUSE", "UZB", "KAZ", "2024-05-01", -3.0, 3),
        ev(5, "AGREE", "KAZ", "UZB", "2024", 2.5, 1),
        ev(6, "CONSULT", "KAZ", "KGZ", "2024-03-05", 1.0, 1),     # another dyad
    ]
    s = dyad_series(events, "KAZ", "UZB", by="month")
    assert [(p.period, p.occurrences, p.reports) for p in s.points] == \
        [("2024-03", 1, 3), ("2024-04", 0, 0), ("2024-05", 1, 1)]
    assert s.points[0].event_ids == [1, 2, 3]
    assert s.points[2].index_mean == -3.0 and s.points[2].by_quad == {3: 1}
    assert s.points[1].index_mean is None
    assert s.left_out == 1          # the AGREE dated only "2024"
    yearly = dyad_series(events, "KAZ", "UZB", by="year")
    assert yearly.points[0].occurrences == 3 and yearly.points[0].index_sum == 0.5
    forward = dyad_series(events, "KAZ", "UZB", by="year", direction="forward")
    assert forward.points[0].by_type == {"CONSULT": 1, "AGREE": 1}
    backward = dyad_series(events, "KAZ", "UZB", by="year", direction="backward")
    assert backward.points[0].by_type == {"ACCUSE": 1}


def test_series_fills_to_the_asked_window_and_rejects_bad_values():
    events = [ev(1, "CONSULT", "KAZ", "CSTO", "2021-06-01", 1.0, 1)]
    s = dyad_series(events, "KAZ", "CSTO", by="year", since="2019", until="2022")
    assert [p.period for p in s.points] == ["2019", "2020", "2021", "2022"]
    with pytest.raises(ValueError):
        dyad_series(events, "KAZ", "CSTO", by="week")
    with pytest.raises(ValueError):
        dyad_series(events, "KAZ", "CSTO", direction="sideways")


def test_changes_flag_a_sharp_turn_with_its_events():
    quiet = [ev(i, "CONSULT", "KGZ", "TJK", f"20{10 + i}-06-01", 1.0, 1) for i in range(6)]
    clash = [ev(20, "ASSAULT", "KGZ", "TJK", "2016-04-29", -10.0, 4),
             ev(21, "ASSAULT", "TJK", "KGZ", "2016-04-30", -10.0, 4)]
    s = dyad_series(quiet + clash, "KGZ", "TJK", by="year")
    found = detect_changes(s)
    assert [(c.period, c.direction, c.event_ids) for c in found] == \
        [("2016", "conflict", [20, 21])]
    assert found[0].z < -2 and found[0].baseline == 1.0
    # The same steady record has no change.
    assert detect_changes(dyad_series(quiet, "KGZ", "TJK", by="year")) == []


def test_network_merges_directions_and_scores_centrality():
    undirected = [DyadActivity("KAZ", "UZB", None, 5, 10.0, 5),
                  DyadActivity("KGZ", "UZB", None, 2, -6.0, 2),
                  DyadActivity("CSTO", "KAZ", None, 1, 3.5, 1)]
    directed = [DyadActivity("KAZ", "UZB", None, 3, 6.0, 3),
                DyadActivity("UZB", "KAZ", None, 2, 4.0, 2)]
    net = build_network(undirected, directed, {"CSTO": "igo", "KAZ": "state"})
    edge = net.edges[0]
    assert (edge.dyad, edge.occurrences, edge.forward, edge.backward, edge.index_mean) == \
        ("KAZ-UZB", 5, 3, 2, 2.0)
    nodes = {n.label: n for n in net.nodes}
    assert nodes["KAZ"].strength == 6 and nodes["CSTO"].kind == "igo"
    # UZB and KAZ sit between the others; the leaves do not.
    assert nodes["UZB"].betweenness > 0 and nodes["KAZ"].betweenness > 0
    assert nodes["CSTO"].betweenness == 0
    assert len(build_network(undirected, min_occurrences=2).edges) == 2
