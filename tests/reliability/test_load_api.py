"""The CI-sized run of bench/load_api.py: `steppe serve` on a small store, 3 s of load
from 4 client threads on the event explorer and the dyad series, not one failed request."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[2] / "bench"))
import load_api  # noqa: E402


def test_the_api_serves_a_steady_load_without_errors(tmp_path):
    db = f"sqlite:///{tmp_path / 'load.db'}"
    result = load_api.run(db, events=500, duration=3, connections=4, threads=1, rounds=1,
                          generator="python")
    assert result["events"] == 500
    assert result["failed"] == 0, result["load"]["errors"]
    assert result["load"]["requests"] > len(load_api.PATHS)
    assert result["load"]["p95_ms"] > 0 and result["p95_ratio"] > 0
