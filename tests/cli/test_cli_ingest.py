"""The ingest, extract and query commands end to end, on small files we write here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from steppe.cli.app import app

runner = CliRunner()

ARTICLE = (
    "ASTANA, 6 December 2021 — Uzbek President Shavkat Mirziyoyev paid a state visit to "
    "Kazakhstan on 6 December 2021. Kazakhstan and Uzbekistan signed a Declaration on Allied "
    "Relations. Mutual trade reached $3 billion in 2021, and the leaders set a target of "
    "$5 billion by 2025.\n"
)


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "russian.txt").write_bytes(
        "Президент Узбекистана Шавкат Мирзиёев посетил Казахстан.".encode("cp1251"))
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 200)
    (folder / "broken.jsonl").write_text(
        json.dumps({"id": "j1", "text": "Kyrgyzstan accused Tajikistan of shelling border villages."})
        + "\n{not json\n", encoding="utf-8")
    (folder / "corrupt.pdf").write_bytes(b"%PDF-1.4 garbage")
    return folder


def test_ingest_reports_bad_files_and_stores_good_ones(batch: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'a.db'}"
    result = runner.invoke(app, ["ingest", str(batch), "--db", db])
    assert result.exit_code == 1, result.output
    for name in ("empty.txt", "binary.txt", "corrupt.pdf", "broken.jsonl:2"):
        assert name in result.output
    from steppe.store import count_documents, open_store

    with open_store(db) as store:
        assert count_documents(store) == 3          # good.txt, russian.txt (cp1251), j1
    again = runner.invoke(app, ["ingest", str(batch / "good.txt"), "--db", db])
    assert again.exit_code == 0
    with open_store(db) as store:
        assert count_documents(store) == 3          # re-ingesting adds nothing


def test_events_and_export_read_the_store(batch: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'b.db'}"
    runner.invoke(app, ["ingest", str(batch / "good.txt"), "--db", db])
    result = runner.invoke(app, ["events", "--db", db, "--dyad", "KAZ-UZB", "--json"])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert any(r["type"] == "CONSULT" for r in rows)
    out = tmp_path / "figures.csv"
    exported = runner.invoke(app, ["export", "figures", "--format", "csv", "--output", str(out), "--db", db])
    assert exported.exit_code == 0
    assert "trade_turnover" in out.read_text(encoding="utf-8")


def test_extract_prints_annotation_format(tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    docs.write_text(json.dumps({"id": "d1", "date": "2021-12-07", "text": ARTICLE}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", "--input", str(docs)])
    assert result.exit_code == 0, result.output
    facts = json.loads(result.stdout.strip().splitlines()[-1])
    assert facts["id"] == "d1"
    assert set(facts) >= {"events", "figures", "agreements"}
    for ev in facts["events"]:
        span = ev["evidence"]
        assert ARTICLE[span["start"]:span["end"]] == span["text"]


def test_extract_to_a_missing_folder_names_the_path(tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    docs.write_text(json.dumps({"id": "d1", "text": ARTICLE}) + "\n", encoding="utf-8")
    target = tmp_path / "no-such-folder" / "facts.jsonl"
    result = runner.invoke(app, ["extract", "--input", str(docs), "--output", str(target)])
    assert result.exit_code == 2
    assert "facts.jsonl" in result.output and "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_usage_error_exits_2() -> None:
    assert runner.invoke(app, ["extract"]).exit_code == 2
    assert runner.invoke(app, ["events", "--no-such-flag"]).exit_code == 2


def test_agreements_named_two_ways_are_one_and_commitments_are_judged(tmp_path: Path) -> None:
    folder = tmp_path / "two"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "ASTANA, 7 December 2021 — Kazakhstan and Uzbekistan signed the Declaration on Allied "
        "Relations on 6 December 2021. The leaders set a goal of raising mutual trade to "
        "$5 billion by 2023.\n", encoding="utf-8")
    (folder / "b.txt").write_text(
        "TASHKENT, 10 March 2024 — The declaration on allied relations, which Uzbekistan and "
        "Kazakhstan signed in December 2021, has been put into practice. Mutual trade between "
        "Kazakhstan and Uzbekistan reached $5.4 billion in 2023.\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'c.db'}"
    assert runner.invoke(app, ["ingest", str(folder), "--db", db]).exit_code == 0
    result = runner.invoke(app, ["agreements", "--db", db, "--json"])
    clusters = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    allied = [c for c in clusters if "allied" in c["name"].lower()]
    assert len(allied) == 1 and len(allied[0]["reports"]) == 2
    result = runner.invoke(app, ["commitments", "--db", db, "--dyad", "KAZ-UZB", "--json"])
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert [r["status"] for r in rows if r["target"][1]["indicator"] == "trade_turnover"] == ["met"]


def test_stored_agreement_points_at_its_signing_event(tmp_path: Path) -> None:
    doc = tmp_path / "sign.txt"
    doc.write_text(ARTICLE, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'd.db'}"
    runner.invoke(app, ["ingest", str(doc), "--db", db])
    from steppe.store import open_store, query_agreements, query_events

    with open_store(db) as store:
        (agreement,) = [a for a in query_agreements(store) if "Allied" in a["name"]]
        events = {e["id"]: e for e in query_events(store)}
    signing = events[agreement["event_id"]]
    assert signing["type"] == "SUPPORT"
    assert {a["code"] for a in signing["source"]} == {"KAZ", "UZB"}
