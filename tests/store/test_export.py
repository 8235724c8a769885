"""Export in CSV, JSON Lines and Parquet, to paths and to streams."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from steppe.store import export, link_occurrences


@pytest.fixture
def linked(filled):
    link_occurrences(filled)
    return filled


def test_events_csv_flattens_actors(linked, tmp_path):
    out = tmp_path / "events.csv"
    assert export(linked, "events", "csv", out) == 4
    with out.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    support = next(r for r in rows if r["type"] == "SUPPORT")
    assert support["source"] == "KAZ;UZB" and support["target"] == "KAZ;UZB"
    assert support["evidence_text"] == "They signed the Treaty on Allied Relations"
    assert support["occurrence_id"] == "SUPPORT|KAZ,UZB|2024-08-08"


def test_events_jsonl_keeps_lists(linked):
    stream = io.BytesIO()
    export(linked, "events", "jsonl", stream)
    records = [json.loads(line) for line in stream.getvalue().decode().splitlines()]
    assert len(records) == 4
    support = next(r for r in records if r["type"] == "SUPPORT")
    assert [a["code"] for a in support["source"]] == ["KAZ", "UZB"]
    assert support["evidence"]["text"] == "They signed the Treaty on Allied Relations"


@pytest.mark.parametrize(("what", "count", "column", "value"), [
    ("events", 4, "target", "KAZ"),
    ("figures", 2, "parties", "UZB;KAZ"),
    ("agreements", 1, "parties", "KAZ;UZB"),
    ("documents", 2, "id", "doc-b"),
])
def test_parquet_reads_back(linked, tmp_path, what, count, column, value):
    out = tmp_path / f"{what}.parquet"
    assert export(linked, what, "parquet", out) == count
    table = pq.read_table(out)
    assert table.num_rows == count
    assert table.column(column).to_pylist()[0] == value


def test_parquet_to_stream_keeps_types(linked):
    stream = io.BytesIO()
    export(linked, "figures", "parquet", stream)
    table = pq.read_table(io.BytesIO(stream.getvalue()))
    assert str(table.schema.field("value").type) == "double"
    assert table.column("value").to_pylist() == [4.1e9, 1e10]
    assert table.column("deadline").to_pylist() == [None, "2030"]


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_empty_store_exports_no_records(memory_store, fmt):
    stream = io.BytesIO()
    assert export(memory_store, "events", fmt, stream) == 0
    assert not stream.closed


def test_csv_stream_stays_open_and_documents_have_no_text(linked):
    stream = io.BytesIO()
    export(linked, "documents", "csv", stream)
    assert not stream.closed
    header = stream.getvalue().decode().splitlines()[0].split(",")
    assert "text" not in header and "published" in header


@pytest.mark.parametrize(("what", "fmt"), [("actors", "csv"), ("events", "xlsx")])
def test_unknown_kind_or_format(memory_store, what, fmt):
    with pytest.raises(ValueError):
        export(memory_store, what, fmt, io.BytesIO())
