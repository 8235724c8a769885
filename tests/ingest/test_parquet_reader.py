"""Parquet files of documents are read row by row, like JSON Lines records."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq

from steppe.facts import Document
from steppe.ingest import Skipped, read_paths


def test_rows_become_documents_and_bad_rows_are_reported(tmp_path):
    path = tmp_path / "feed.parquet"
    pq.write_table(pa.Table.from_pylist([
        {"id": "a", "text": "Tajikistan and Kyrgyzstan reopened the border on 4 April 2024.",
         "date": "2024-04-04", "feed": "wire"},
        {"id": "b", "text": None, "date": None, "feed": "wire"},
    ]), path)
    first, second = read_paths(path)
    assert isinstance(first, Document)
    assert (first.id, first.date, first.meta["feed"], first.meta["line"]) == ("a", "2024-04-04", "wire", 1)
    assert isinstance(second, Skipped) and (second.line, second.reason) == (2, "record without 'text'")


def test_a_parquet_file_without_text_or_not_parquet_is_skipped(tmp_path):
    pq.write_table(pa.Table.from_pylist([{"id": "a", "body": "x"}]), tmp_path / "a.parquet")
    (tmp_path / "b.parquet").write_bytes(b"PAR1 but not really")
    reasons = sorted(r.reason for r in read_paths(tmp_path))
    assert reasons[0] == "Parquet without a 'text' column"
    assert reasons[1].startswith("invalid Parquet")
