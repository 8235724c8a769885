"""`steppe ingest` on a folder of 200+ hostile and broken files beside good ones
(bench/hostile_corpus.py): every bad file is reported with a reason, nothing crashes or
hangs the batch, and every good file is stored."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[2] / "bench"))
from hostile_corpus import generate  # noqa: E402

STEPPE = Path(sys.executable).with_name("steppe")
WALL = 240          # seconds: the whole batch, model loading included


def _query(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        try:
            return conn.execute(sql).fetchall()
        except sqlite3.OperationalError:      # tables not created yet
            return []


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    corpus, db = root / "in", root / "store.db"
    manifest = generate(corpus, scale=0.1, good=20)
    started = time.monotonic()
    log = (root / "output.txt").open("w")       # a file, not a pipe nobody reads yet
    proc = subprocess.Popen([str(STEPPE), "ingest", str(corpus), "--db", f"sqlite:///{db}"],
                            stdout=log, stderr=subprocess.STDOUT, text=True,
                            env={**os.environ, "COLUMNS": "400"})
    # Delete one file once the first documents are stored: it was listed, then vanished.
    vanish = corpus / manifest["vanish"]
    while proc.poll() is None and time.monotonic() - started < WALL:
        if vanish.exists() and _query(db, "select count(*) from documents")[:1] not in ([], [(0,)]):
            vanish.unlink()
        time.sleep(0.05)
    try:
        proc.wait(timeout=max(1, WALL - (time.monotonic() - started)))
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        pytest.fail(f"steppe ingest did not finish within {WALL} s")
    finally:
        log.close()
    output = (root / "output.txt").read_text()
    return {"manifest": manifest, "root": corpus, "output": output, "code": proc.returncode,
            "seconds": time.monotonic() - started,
            "docs": _query(db, "select path, text from documents"),
            "skips": _query(db, "select path, reason from skips")}


def _reported(run, path: str) -> list[str]:
    """Reasons given for `path` (or anything under it): skips table, or the printed report."""
    reasons = [r for p, r in run["skips"] if p == path or p.startswith(path + "/")]
    reasons += [line for line in run["output"].splitlines()
                if line.startswith("skipped") and f" {path}" in line]
    return reasons


def test_the_batch_ends_without_a_crash(run):
    assert run["code"] in (0, 1), run["output"][-3000:]
    assert "Traceback" not in run["output"]
    bad = [e for e in run["manifest"]["files"] if e["kind"] != "good"]
    assert len(bad) >= 200


def test_every_good_file_is_stored(run):
    stored = {p for p, _ in run["docs"]}
    for entry in run["manifest"]["files"]:
        if entry["expect"] in ("store", "mixed"):
            path = str(run["root"] / entry["path"])
            assert path in stored, entry
            text = next(t for p, t in run["docs"] if p == path)
            if "contains" in entry:
                assert entry["contains"] in text, entry
            if "absent" in entry:
                assert entry["absent"] not in text, entry


def test_every_bad_file_is_reported_with_a_reason(run):
    stored = {p for p, _ in run["docs"]}
    for entry in run["manifest"]["files"]:
        path = str(run["root"] / entry["path"])
        reasons = _reported(run, path)
        if entry["expect"] in ("skip", "mixed"):
            assert reasons and all(r.strip() for r in reasons), entry
        if entry["expect"] in ("skip", "duplicate"):
            assert path not in stored, entry
        if entry["expect"] == "any":
            assert reasons or path in stored or any(p.startswith(path + "/") for p in stored), entry
