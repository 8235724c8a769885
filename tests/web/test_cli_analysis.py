"""`steppe series`, `network`, `changes` and `serve --help`, at 80 columns."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner
from web_corpus import fill

from steppe.cli.app import app
from steppe.store import open_store

runner = CliRunner()


@pytest.fixture
def db(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    with open_store(url) as store:
        fill(store)
    return url


def run(*args: str) -> str:
    result = runner.invoke(app, list(args), env={"COLUMNS": "80"}, terminal_width=80)
    assert result.exit_code == 0, result.output
    return result.output


def test_series_table_fits_80_columns(db):
    text = run("series", "KAZ-UZB", "--by", "year", "--db", db)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 80
    row = next(line for line in lines if line.startswith("│ 2021"))
    assert "│    2 │" in row and "+4.5" in row
    assert any(line.startswith("│ 2022") and "│    0 │" in line for line in lines)


def test_series_json_and_directions(db):
    points = [json.loads(line) for line in run("series", "UZB-KGZ", "--by", "quarter",
                                               "--direction", "forward", "--json",
                                               "--db", db).splitlines()]
    assert [(p["period"], p["by_type"]) for p in points] == [("2022-Q2", {"REJECT": 1})]
    planned = run("series", "KAZ-KGZ", "--all-modalities", "--json", "--db", db)
    assert json.loads(planned.splitlines()[0])["by_type"] == {"AGREE": 1}


def test_network_tables(db):
    text = run("network", "--db", db)
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "│ KAZ-UZB " in text and "│ CSTO " in text
    net = json.loads(run("network", "--json", "--db", db))
    assert net["edges"][0]["dyad"] == "KAZ-UZB"


def test_changes_lists_events_behind_each_change(db):
    text = run("changes", "KAZ-UZB", "--by", "month", "--window", "2", "--db", db)
    assert max(len(line) for line in text.splitlines()) <= 80
    changes = [json.loads(line) for line in run("changes", "KAZ-UZB", "--by", "month",
                                                "--window", "2", "--json", "--db", db).splitlines()]
    assert changes and all(c["event_ids"] for c in changes)


def test_bad_dyad_is_a_usage_error(db):
    result = runner.invoke(app, ["series", "KAZ", "--db", db])
    assert result.exit_code == 2 and "two actors" in result.output


def test_serve_help():
    assert "--port" in run("serve", "--help")


def test_events_table_keeps_its_key_columns_at_80(db):
    text = run("events", "--dyad", "KAZ-UZB", "--db", db)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 80
    row = next(line for line in lines if line.startswith("│ 2021-03-06"))
    assert "CONSULT" in row and "KAZ/GOV → UZB/GOV" in row and "visit-2021: Tokayev" in row
    assert any("(planned)" in line for line in run("events", "--db", db).splitlines())
