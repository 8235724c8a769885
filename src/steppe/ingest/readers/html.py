"""Read HTML pages: main text, title and date through trafilatura."""

from __future__ import annotations

from collections.abc import Iterator

import trafilatura

from steppe.errors import InputError
from steppe.ingest.documents import make_document
from steppe.ingest.readers.common import SourceFile, decode_text
from steppe.ingest.results import Result

# Only dates the page states in its markup; htmldate's extensive search would take any
# date-like string in the page (a copyright year, a related link) as the publication date.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def main_text(markup: str, shown: str, *, url: str | None = None,
              empty: str = "no extractable text in HTML") -> tuple[str, dict]:
    """The page's main text and trafilatura's metadata (title, date, url, sitename,
    author); InputError naming `shown` when the page holds no text. Shared by
    `steppe ingest` and `steppe watch`, so both read pages and date them alike."""
    try:
        extracted = trafilatura.bare_extraction(markup, url=url, with_metadata=True,
                                                date_extraction_params=_DATE_PARAMS)
    except (ValueError, TypeError) as exc:   # lxml gives up on some malformed documents
        raise InputError(shown, f"malformed HTML: {exc}") from exc
    found = extracted.as_dict() if extracted is not None else {}
    text = (found.get("text") or "").strip()
    if not text:
        # Short pages fall under trafilatura's minimum size; its baseline keeps them.
        text = (trafilatura.html2txt(markup) or "").strip()
    if not text:
        raise InputError(shown, empty)
    return text, found


def read(data: bytes, source: SourceFile) -> Iterator[Result]:
    """Yield one Document with the page's main text; Document.text is that text."""
    markup, encoding = decode_text(data, source)
    text, found = main_text(markup, source.shown)
    given = {"title": found.get("title"), "date": found.get("date"), "url": found.get("url"),
             "source": found.get("sitename")}
    meta = {"encoding": encoding}
    if found.get("author"):
        meta["author"] = found["author"]
    yield make_document(text, fallback_id=source.doc_id, path=source.shown, given=given,
                        dates=source.dates, date_source="html-metadata", meta=meta)
