"""Export stored facts as CSV, JSON Lines or Parquet.

JSON Lines keeps the nested shape of `read.py` (actors and parties as lists). CSV and
Parquet are flat: one column per field, lists joined by ";" ("KAZ;UZB"), evidence as
`evidence_start`/`evidence_end`/`evidence_text`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, Literal

from steppe.jsonl import json_line
from steppe.store import read
from steppe.store.engine import Store

What = Literal["events", "figures", "agreements", "documents"]
Format = Literal["csv", "jsonl", "parquet"]

# Flat columns per record kind with their Parquet type names (see _ARROW_TYPES).
_COLUMNS: dict[str, list[tuple[str, str]]] = {
    "events": [
        ("id", "int"), ("document_id", "str"), ("occurrence_id", "str"), ("type", "str"),
        ("mode", "str"), ("source", "str"), ("source_sectors", "str"), ("source_text", "str"),
        ("target", "str"), ("target_sectors", "str"), ("target_text", "str"),
        ("date", "str"), ("date_precision", "str"), ("date_source", "str"), ("modality", "str"),
        ("confidence", "float"), ("trigger", "str"), ("score", "float"), ("quad", "int"),
        ("cameo", "str"), ("evidence_start", "int"), ("evidence_end", "int"),
        ("evidence_text", "str"),
    ],
    "figures": [
        ("id", "int"), ("document_id", "str"), ("indicator", "str"), ("value", "float"),
        ("unit", "str"), ("parties", "str"), ("dyad", "str"), ("direction_from", "str"),
        ("direction_to", "str"), ("period", "str"), ("kind", "str"), ("deadline", "str"),
        ("suspect", "str"), ("confidence", "float"), ("evidence_start", "int"),
        ("evidence_end", "int"), ("evidence_text", "str"),
    ],
    "agreements": [
        ("id", "int"), ("document_id", "str"), ("name", "str"), ("kind", "str"),
        ("parties", "str"), ("date", "str"), ("key", "str"), ("event_id", "int"),
        ("evidence_start", "int"),
        ("evidence_end", "int"), ("evidence_text", "str"),
    ],
    "documents": [
        ("id", "str"), ("content_hash", "str"), ("title", "str"), ("source", "str"),
        ("url", "str"), ("published", "str"), ("language", "str"), ("path", "str"),
        ("ingested_at", "str"),
    ],
}

_SEP = ";"


def export(store: Store, what: What, fmt: Format, out: str | Path | IO[bytes]) -> int:
    """Write every stored record of kind `what` to `out` (a path or binary stream).

    Returns the number of records written.
    """
    if what not in _COLUMNS:
        raise ValueError(f"cannot export {what!r}; choose one of {', '.join(_COLUMNS)}")
    writers: dict[str, Callable[[list[dict[str, Any]], str, IO[bytes]], None]] = {
        "csv": _write_csv, "jsonl": _write_jsonl, "parquet": _write_parquet,
    }
    if fmt not in writers:
        raise ValueError(f"unknown export format {fmt!r}; choose csv, jsonl or parquet")
    records = _records(store, what)
    if isinstance(out, (str, Path)):
        with open(out, "wb") as stream:
            writers[fmt](records, what, stream)
    else:
        writers[fmt](records, what, out)
    return len(records)


def _records(store: Store, what: str) -> list[dict[str, Any]]:
    if what == "events":
        return read.query_events(store)
    if what == "figures":
        return read.query_figures(store)
    if what == "agreements":
        return read.query_agreements(store)
    return _all_documents(store)


def _all_documents(store: Store) -> list[dict[str, Any]]:
    # list_documents pages (the API wants pages); walk all of them.
    out: list[dict[str, Any]] = []
    page = 1000
    while batch := read.list_documents(store, limit=page, offset=len(out)):
        out.extend(batch)
        if len(batch) < page:
            break
    return out


def flatten(record: dict[str, Any], what: str) -> dict[str, Any]:
    """Return the record as one flat row of the `what` columns."""
    row = dict(record)
    evidence = row.pop("evidence", None)
    if evidence is not None:
        row["evidence_start"] = evidence["start"]
        row["evidence_end"] = evidence["end"]
        row["evidence_text"] = evidence["text"]
    if what == "events":
        for side in ("source", "target"):
            actors = row.pop(side)
            row[side] = _SEP.join(a["code"] for a in actors)
            row[f"{side}_sectors"] = _SEP.join(a["sector"] for a in actors)
            row[f"{side}_text"] = _SEP.join(a["text"] for a in actors)
    if "parties" in row:
        row["parties"] = _SEP.join(row["parties"])
    if what == "figures":
        direction = row.pop("direction") or {}
        row["direction_from"] = direction.get("from")
        row["direction_to"] = direction.get("to")
    if row.get("ingested_at") is not None:
        row["ingested_at"] = _iso(row["ingested_at"])
    return {name: row.get(name) for name, _ in _COLUMNS[what]}


def _iso(value: Any) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _write_csv(records: list[dict[str, Any]], what: str, stream: IO[bytes]) -> None:
    # newline="" because the csv module writes its own \r\n line ends.
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="")
    try:
        writer = csv.DictWriter(text, fieldnames=[name for name, _ in _COLUMNS[what]])
        writer.writeheader()
        for record in records:
            writer.writerow(flatten(record, what))
        text.flush()
    finally:
        # Hand the caller's stream back open.
        text.detach()


def _write_jsonl(records: list[dict[str, Any]], what: str, stream: IO[bytes]) -> None:
    for record in records:
        stream.write(json_line(record).encode("utf-8") + b"\n")


def _write_parquet(records: list[dict[str, Any]], what: str, stream: IO[bytes]) -> None:
    # Imported here: pyarrow is large and only this format needs it.
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"int": pa.int64(), "float": pa.float64(), "str": pa.string()}
    schema = pa.schema([(name, types[kind]) for name, kind in _COLUMNS[what]])
    rows = [flatten(record, what) for record in records]
    table = pa.Table.from_pylist(rows, schema=schema)
    pq.write_table(table, stream)
