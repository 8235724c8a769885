"""A fetched article page as a Document: trafilatura's main text, with the title, date,
outlet and URL kept.

What the listing said wins over what the page's markup says for the date (a feed's
pubDate is the outlet's own statement) but not for the title (feeds shorten them).
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from steppe.errors import InputError
from steppe.facts import Document
from steppe.ingest.documents import make_document
from steppe.ingest.readers.common import SourceFile, decode_text
from steppe.ingest.readers.html import main_text  # read and dated as `steppe ingest` does
from steppe.watch.feeds import Entry, canonical_url
from steppe.watch.fetch import Response
from steppe.watch.sources import Source

HTML_TYPES = ("text/html", "application/xhtml+xml", "")


def page_document(response: Response, entry: Entry, source: Source) -> Document:
    """The Document of an article page; InputError (with a reason) when there is none."""
    if response.content_type not in HTML_TYPES:
        raise InputError(entry.url, f"not an HTML page ({response.content_type})")
    markup, encoding = decode_text(response.body, SourceFile(Path(), entry.url, entry.url))
    text, found = main_text(markup, entry.url, url=entry.url, empty="no article text in the page")
    meta = {"encoding": encoding, "feed": source.name, "fetched_at":
            datetime.now(timezone.utc).isoformat(timespec="seconds")}
    for key in ("sitename", "author"):
        if found.get(key):
            meta[key] = found[key]
    page_url = canonical_url(found.get("url") or "")
    if page_url and page_url != entry.url:
        meta["canonical_url"] = page_url
    given = {"title": found.get("title") or entry.title, "url": entry.url,
             "date": entry.published or found.get("date"),
             "source": source.name}
    doc = make_document(text, fallback_id=entry.url, given=given,
                        date_source="feed" if entry.published else "html-metadata", meta=meta)
    if source.language:
        doc.language = source.language
    return doc
