"""Read JSON Lines files, or JSON files holding one record or an array of them."""

from __future__ import annotations

import json
from collections.abc import Iterator

from steppe.errors import InputError
from steppe.ingest.readers.common import SourceFile, decode_text
from steppe.ingest.readers.records import record_to_document
from steppe.ingest.results import Result, Skipped


def read(data: bytes, source: SourceFile) -> Iterator[Result]:
    """Yield a Document per record with `id` and `text`, a Skipped per bad one."""
    text, encoding = decode_text(data, source)
    meta = {"encoding": encoding}
    try:
        whole = json.loads(text)
    except RecursionError as exc:
        raise InputError(source.shown, "JSON nested too deeply") from exc
    except json.JSONDecodeError as exc:
        if text.lstrip().startswith("["):
            raise InputError(source.shown, f"invalid JSON: {exc.msg}", exc.lineno) from exc
        yield from _read_lines(text, source, meta)
        return
    if isinstance(whole, dict):
        yield record_to_document(whole, source, line=1, meta=meta)
    elif isinstance(whole, list):
        for index, record in enumerate(whole, start=1):
            if not isinstance(record, dict):
                yield Skipped(source.shown, f"record {index} is not a JSON object")
                continue
            # An array has no useful line numbers; the record's position stands in.
            yield record_to_document(record, source, line=None, meta={**meta, "record": index})
    else:
        raise InputError(source.shown, "JSON is neither an object nor an array of objects")


def _read_lines(text: str, source: SourceFile, meta: dict) -> Iterator[Result]:
    """Yield one result per non-blank line of a JSON Lines text."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Skipped(source.shown, f"invalid JSON: {exc.msg} (column {exc.colno})", number)
            continue
        except RecursionError:
            yield Skipped(source.shown, "JSON nested too deeply", number)
            continue
        if not isinstance(record, dict):
            yield Skipped(source.shown, "record is not a JSON object", number)
            continue
        yield record_to_document(record, source, line=number, meta=meta)
