"""Breadth across the CAMEO codebook: one invented wire sentence per CAMEO code
(tests/data/cameo_coverage.yaml), scored as PLOVER gold-standard sentence records are by
scripts/cameo_coverage.py (type among the coded types, actor F1, sentences with no event).

The floors are regression floors at what the extractor reached when the set was written
(type accuracy 0.887 -> floor 0.88, actor F1 0.961 -> 0.95, 7 empty -> at most 7): raise them
when a change codes more of the set, never lower them to let a change through.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from coded import events_in
from steppe.schemas import PLOVER_TYPES

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "cameo_coverage.py"

TYPE_ACC_FLOOR = 0.88
ACTOR_F1_FLOOR = 0.95
MAX_EMPTY = 7


@pytest.fixture(scope="module")
def coverage():
    spec = importlib.util.spec_from_file_location("cameo_coverage", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_the_set_names_each_code_once_with_a_plover_type(coverage):
    records = coverage.load()
    codes = [r["code"] for r in records]
    assert len(codes) == len(set(codes))
    assert len(records) > 200
    assert all(r["type"] in PLOVER_TYPES and r["actors"] and r["text"] for r in records)
    # 01 and 02 (statements, appeals) have no PLOVER type: not in the set.
    assert not [c for c in codes if c[:2] in ("01", "02")]


def test_cameo_coverage_stays_above_its_floor(coverage, extractor):
    res = coverage.score(coverage.load(), lambda text: events_in(extractor, text))
    missed = [f"{r['code']} {r['type']} got {r['found']}" for r in res["rows"] if not r["hit"]]
    assert res["type_acc"] >= TYPE_ACC_FLOOR, missed
    assert res["actor_f1"] >= ACTOR_F1_FLOOR
    assert res["empty"] <= MAX_EMPTY, missed


def test_scoring_counts_a_type_among_several_and_the_chosen_events_actors(coverage):
    class A:
        def __init__(self, code):
            self.code = code

    class E:
        def __init__(self, type_, src, tgt):
            self.type, self.source, self.target = type_, [A(c) for c in src], [A(c) for c in tgt]

    records = [{"code": "1", "type": "AID", "actors": ["USA", "UKR"], "text": "a"},
               {"code": "2", "type": "ASSAULT", "actors": ["MLI"], "text": "b"}]
    found = {"a": [E("COOPERATE", ["USA"], ["RUS"]), E("AID", ["USA"], ["UKR"])], "b": []}
    res = coverage.score(records, lambda text: found[text])
    assert res["type_acc"] == 0.5 and res["empty"] == 1
    assert res["actor_f1"] == pytest.approx(2 * 1.0 * (2 / 3) / (1.0 + 2 / 3))
