"""Read PDF files with pypdf, keeping where each page's text starts and ends."""

from __future__ import annotations

import io
from collections.abc import Iterator

from pypdf import PdfReader

from steppe.errors import InputError
from steppe.ingest.documents import make_document
from steppe.ingest.readers.common import SourceFile
from steppe.ingest.results import Result

PAGE_SEPARATOR = "\n\n"


def read(data: bytes, source: SourceFile) -> Iterator[Result]:
    """Yield one Document; meta["pages"] holds [start, end) offsets of each page's text."""
    pages = _page_texts(data, source)
    parts, offsets, position = [], [], 0
    for number, page in enumerate(pages):
        if number:
            parts.append(PAGE_SEPARATOR)
            position += len(PAGE_SEPARATOR)
        parts.append(page)
        offsets.append([position, position + len(page)])
        position += len(page)
    text = "".join(parts)
    if not text.strip():
        raise InputError(source.shown, "no extractable text in PDF (scanned images?)")
    yield make_document(text, fallback_id=source.doc_id, path=source.shown, dates=source.dates,
                        meta={"pages": offsets})


def _page_texts(data: bytes, source: SourceFile) -> list[str]:
    """Return the text of every page; raise InputError for a PDF pypdf cannot read."""
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(source.shown, "encrypted PDF")
        return [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except Exception as exc:
        # pypdf raises many types on damaged input (PdfReadError, but also KeyError,
        # ValueError, AttributeError...), and one bad file must not stop the batch.
        raise InputError(source.shown, f"corrupt PDF: {exc.__class__.__name__}: {exc}") from exc
