"""`steppe demo`, `actors resolve` and `contradictions` end to end, and --json output."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from steppe.cli.app import app

runner = CliRunner()
FICTION_KB = str(Path(__file__).parents[1] / "data" / "kb.yaml")


def _json_lines(stdout: str) -> list[dict]:
    """Every line of --json output is one whole JSON object (never wrapped to the terminal)."""
    return [json.loads(line) for line in stdout.splitlines()]


def test_demo_summary_matches_the_store(demo_dir):
    from steppe.store import open_store, summary

    folder, stdout = demo_dir
    corpus = Path(__file__).parents[2] / "src" / "steppe" / "data" / "corpus"
    n = len([p for p in corpus.glob("*.md") if p.name[0].isdigit()])
    assert f"{n} documents in sqlite:///steppe-demo.db ({n} added, 0 already there, 0 skipped)" \
        in " ".join(stdout.split())
    with open_store(f"sqlite:///{folder / 'steppe-demo.db'}") as store:
        s = summary(store)
    assert f"figures: {s['figures']}   agreements: {s['agreements']}" in stdout
    for type_, count in s["occurrences_by_type"].items():
        assert re.search(rf"│ {type_}\s+│\s+{count} │", stdout), type_


def test_demo_into_an_existing_store_adds_nothing_twice(demo_dir, monkeypatch):
    folder, first = demo_dir
    monkeypatch.chdir(folder)
    again = runner.invoke(app, ["demo", "--db", "sqlite:///steppe-demo.db"])
    assert again.exit_code == 0, again.output
    assert "(0 added, " in again.stdout and " already there, 0 skipped)" in " ".join(again.stdout.split())
    # The same store, the same summary.
    assert first.split("\n", 1)[1] == again.stdout.split("\n", 1)[1]


TEXT = ("The Valdorian president met Quell in Tovrin, while Brannoc Thewlis, whom no "
        "knowledge base knows, waited outside with a very long line of reporters.")


def test_actors_resolve_reads_roles_at_the_date(tmp_path):
    result = runner.invoke(app, ["actors", "resolve", TEXT, "--date", "2016-01-01",
                                 "--kb", FICTION_KB, "--json"])
    assert result.exit_code == 0, result.output
    rows = {r["mention"]: r for r in _json_lines(result.stdout)}
    assert rows["Valdorian president"]["name"] == "Mira Stellan"
    assert (rows["Quell"]["code"], rows["Quell"]["name"]) == ("XZR", "Dario Quell")
    assert (rows["Tovrin"]["code"], rows["Tovrin"]["kind"]) == ("XZR", "state")
    assert (rows["Brannoc Thewlis"]["code"], rows["Brannoc Thewlis"]["kind"]) == ("?", "unknown")
    for r in rows.values():
        assert TEXT[r["start"]:r["end"]] == r["mention"]


def test_actors_resolve_table_changes_with_the_date():
    early = runner.invoke(app, ["actors", "resolve", "The Valdorian president arrived.",
                                "--date", "2012-01-01", "--kb", FICTION_KB])
    late = runner.invoke(app, ["actors", "resolve", "The Valdorian president arrived.",
                               "--date", "2016-01-01", "--kb", FICTION_KB])
    assert "Orin Halvard" in early.stdout and "Mira Stellan" not in early.stdout
    assert "Mira Stellan" in late.stdout and "Orin Halvard" not in late.stdout


@pytest.fixture(scope="module")
def two_reports(tmp_path_factory):
    """Three reports of one year's trade: two agree within 5 %, the third does not."""
    tmp_path = tmp_path_factory.mktemp("contradictions")
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "ardel.txt").write_text(
        "ARDEL, 10 February 2018 — Trade between Valdoria and Zerania reached $2 billion in "
        "2017, the customs service said.", encoding="utf-8")
    (folder / "tovrin.txt").write_text(
        "TOVRIN, 12 February 2018 — Trade between Zerania and Valdoria totalled $2.3 billion "
        "in 2017, according to the statistics office.", encoding="utf-8")
    (folder / "osk.txt").write_text(
        "OSK, 14 February 2018 — Trade between Valdoria and Zerania reached $2.05 billion in "
        "2017, analysts said.", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'c.db'}"
    result = runner.invoke(app, ["ingest", str(folder), "--db", db, "--kb", FICTION_KB])
    assert result.exit_code == 0, result.output
    return db


def test_contradictions_pair_only_figures_that_disagree(two_reports):
    result = runner.invoke(app, ["contradictions", "--db", two_reports, "--json"])
    assert result.exit_code == 0, result.output
    found = _json_lines(result.stdout)
    pairs = sorted(sorted((a[0], b[0])) for a, b in ((c["a"], c["b"]) for c in found))
    assert pairs == [["reports/ardel", "reports/tovrin"], ["reports/osk", "reports/tovrin"]]
    for c in found:
        values = {c["a"][1]["value"], c["b"][1]["value"]}
        assert 2.3e9 in values
        assert c["rel_diff"] == pytest.approx(abs(min(values) - max(values)) / max(values), abs=1e-4)
        assert c["a"][1]["period"] == c["b"][1]["period"] == "2017"


def test_contradictions_table(two_reports):
    result = runner.invoke(app, ["contradictions", "--db", two_reports])
    assert result.exit_code == 0, result.output
    assert "2 contradictions" in result.stdout
    # One row per pair: period, the two values (scaled) and their relative difference.
    assert re.search(r"│ 2017\s+│ 2\.00 bn\s+│ 2\.30 bn\s+│ 13%", result.stdout)
    assert re.search(r"│ 2017\s+│ 2\.05 bn\s+│ 2\.30 bn\s+│ 11%", result.stdout)


def test_json_lines_are_never_wrapped(two_reports):
    result = runner.invoke(app, ["events", "--db", two_reports, "--json"], env={"COLUMNS": "30"})
    assert result.exit_code == 0
    for line in result.stdout.splitlines():
        json.loads(line)
