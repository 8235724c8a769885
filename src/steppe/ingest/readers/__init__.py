"""One reader per format, and the registry that maps file extensions to them.

A reader is `read(data, source) -> Iterator[Document | Skipped]`: it raises InputError
when the whole file is unusable and yields Skipped for single bad records.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from steppe.ingest.readers import csv, html, jsonl, parquet, pdf, text
from steppe.ingest.readers.common import SourceFile
from steppe.ingest.results import Result

Reader = Callable[[bytes, SourceFile], Iterator[Result]]

READERS: dict[str, Reader] = {
    ".txt": text.read,
    ".md": text.read,
    ".html": html.read,
    ".htm": html.read,
    ".pdf": pdf.read,
    ".jsonl": jsonl.read,
    ".json": jsonl.read,
    ".csv": csv.read,
    ".parquet": parquet.read,
}


def reader_for(suffix: str) -> Reader | None:
    """Return the reader for a file extension (any case), or None when unsupported."""
    return READERS.get(suffix.lower())


__all__ = ["READERS", "Reader", "SourceFile", "reader_for"]
