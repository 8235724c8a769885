"""Read plain text and Markdown files, front matter included."""

from __future__ import annotations

from collections.abc import Iterator

from steppe.ingest.documents import make_document
from steppe.ingest.readers.common import SourceFile, decode_text
from steppe.ingest.results import Result


def read(data: bytes, source: SourceFile) -> Iterator[Result]:
    """Yield one Document holding the decoded text exactly as it is in the file."""
    text, encoding = decode_text(data, source)
    yield make_document(text, fallback_id=source.doc_id, path=source.shown, dates=source.dates,
                        meta={"encoding": encoding})
