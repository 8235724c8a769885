"""Turn one record (a JSON object, a CSV row) into a Document or a Skipped."""

from __future__ import annotations

from typing import Any

from steppe.ingest.documents import FIELDS, make_document
from steppe.ingest.readers.common import SourceFile, unstorable
from steppe.ingest.results import Result, Skipped


def record_to_document(record: dict[str, Any], source: SourceFile, *, line: int | None,
                       fallback_id: str | None = None, meta: dict[str, Any] | None = None
                       ) -> Result:
    """Return a Document for a record with `text` (and `id`, unless a fallback is given)."""
    text = record.get("text")
    record_id = record.get("id")
    if record_id in (None, "") and fallback_id is None:
        return Skipped(source.shown, "record without 'id'", line)
    if not isinstance(text, str):
        return Skipped(source.shown, "record without 'text'", line)
    if not text.strip():
        return Skipped(source.shown, "record with empty 'text'", line)
    for name, value in [("text", text)] + [(k, record.get(k)) for k in FIELDS]:
        problem = unstorable(value) if isinstance(value, str) else None
        if problem:
            return Skipped(source.shown, f"record's '{name}' {problem}", line)
    given = {k: record.get(k) for k in FIELDS}
    given["id"] = str(record_id) if record_id not in (None, "") else fallback_id
    extra = {k: v for k, v in record.items() if k not in FIELDS and k != "text"}
    meta = {**extra, **(meta or {})}
    if line is not None:
        meta["line"] = line
    return make_document(text, fallback_id=given["id"], path=source.shown, given=given,
                         dates=source.dates, meta=meta)
