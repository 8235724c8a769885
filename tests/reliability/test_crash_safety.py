"""Crash safety, the CI-sized run of bench/crash_ingest.py: SIGKILL `steppe ingest` three
times mid-run, finish it, and two overlapping ingests at once; each store must equal an
uninterrupted run's (same documents and facts, none lost, none twice). SQLite always,
PostgreSQL too when STEPPE_TEST_PG_URL is set."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[2] / "bench"))
import crash_ingest  # noqa: E402

URLS = [None] + ([os.environ["STEPPE_TEST_PG_URL"]] if os.environ.get("STEPPE_TEST_PG_URL") else [])


@pytest.mark.parametrize("db", URLS, ids=lambda u: "postgresql" if u else "sqlite")
def test_killed_and_concurrent_ingests_end_with_the_same_store(tmp_path, db):
    result = crash_ingest.run(docs=40, kills=3, db=db, seed=7, workdir=tmp_path)
    assert result["problems"] == []
    assert result["kills"] >= 1
    assert result["lost"] == {"after kills": 0, "concurrent": 0}
    assert result["duplicates"] == {"after kills": 0, "concurrent": 0}
