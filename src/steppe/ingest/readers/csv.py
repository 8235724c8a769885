"""Read CSV files with a `text` column, one Document per row."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from steppe.errors import InputError
from steppe.ingest.readers.common import SourceFile, decode_text
from steppe.ingest.readers.records import record_to_document
from steppe.ingest.results import Result, Skipped

_DELIMITERS = (",", ";", "\t")


def read(data: bytes, source: SourceFile) -> Iterator[Result]:
    """Yield a Document per row; ids default to "<file stem>-<row>", rows counted from 1."""
    text, encoding = decode_text(data, source)
    header = text.lstrip("\ufeff").split("\n", 1)[0]
    # Spreadsheets exported in Russian or Turkish locales use ";" since "," is the decimal mark.
    delimiter = max(_DELIMITERS, key=header.count)
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        columns = [name.strip().lower() for name in next(rows)]
    except (StopIteration, csv.Error) as exc:
        raise InputError(source.shown, "CSV without a header row") from exc
    if "text" not in columns:
        raise InputError(source.shown, "CSV without a 'text' column")
    stem = source.path.stem
    row_number, last_line = 0, -1
    while True:
        try:
            values = next(rows)
        except StopIteration:
            return
        except csv.Error as exc:
            row_number += 1
            yield Skipped(source.shown, f"invalid CSV row: {exc}", rows.line_num)
            if rows.line_num == last_line:   # the parser is stuck; give up on the rest
                return
            last_line = rows.line_num
            continue
        if not any(v.strip() for v in values):
            continue
        row_number += 1
        if len(values) > len(columns):
            yield Skipped(source.shown, "row has more cells than the header", rows.line_num)
            continue
        record = {name: value for name, value in zip(columns, values)
                  if value != "" or name == "text"}
        yield record_to_document(record, source, line=rows.line_num,
                                 fallback_id=f"{stem}-{row_number}", meta={"encoding": encoding})
