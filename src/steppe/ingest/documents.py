"""Assemble a Document from a text and what its reader knew, filling in the rest."""

from __future__ import annotations

import hashlib
from typing import Any

from steppe.facts import Document
from steppe.ingest.dating import DatePatterns, detect_date, detect_title, parse_date
from steppe.ingest.frontmatter import split_front_matter
from steppe.ingest.language import detect_language
from steppe.ingest.normalize import content_hash
from steppe.words import Grammar

FIELDS = ("id", "title", "date", "source", "url")


def make_document(
    text: str,
    *,
    fallback_id: str,
    path: str | None = None,
    given: dict[str, Any] | None = None,
    date_source: str = "record",
    meta: dict[str, Any] | None = None,
    dates: DatePatterns | None = None,
) -> Document:
    """Return a Document for `text`; `given` fields win over front matter, then detection.

    `text` is stored unchanged so that evidence offsets index it; front matter stays in it.
    `dates`: the date patterns of the caller's grammar (else the packaged time words).
    """
    dates = dates if dates is not None else DatePatterns(Grammar())
    given = {k: v for k, v in (given or {}).items() if v not in (None, "")}
    meta = dict(meta or {})
    front = split_front_matter(text)       # read once, here, for the date and title too
    if front.error:
        meta["front_matter_error"] = front.error
    for key, value in front.fields.items():
        if key not in FIELDS:
            meta.setdefault(key, value)
    fields = {k: front.fields[k] for k in FIELDS if front.fields.get(k) not in (None, "")}
    sources = {"date": "front-matter"} if "date" in fields else {}
    fields.update(given)
    if "date" in given:
        sources["date"] = date_source

    date, precision = _given_date(fields.get("date"), meta, dates)
    if date is not None:
        meta["date_source"] = sources["date"]
    else:
        guess = detect_date(text, front, dates)
        if guess is not None:
            date, precision = guess.value, guess.precision
            meta["date_source"] = guess.source
            if guess.partial:
                meta["date_partial"] = guess.partial
            if guess.upper_bound:
                meta["date_upper_bound"] = guess.upper_bound
    if date is not None:
        meta["date_precision"] = precision

    return Document(
        id=str(fields.get("id") or fallback_id or _hash_id(text)),
        text=text,
        date=date,
        title=_text_or_none(fields.get("title")) or detect_title(text, front, dates),
        source=_text_or_none(fields.get("source")),
        url=_text_or_none(fields.get("url")),
        language=detect_language(text),
        path=path,
        content_hash=content_hash(text),
        meta=meta,
    )


def _given_date(value: Any, meta: dict[str, Any], dates: DatePatterns) -> tuple[str | None, str]:
    """Return (date, precision) for a date someone gave us; keep it raw when unreadable."""
    if value is None:
        return None, "unknown"
    found = parse_date(str(value), dates)
    if found is None:
        meta["date_raw"] = str(value)
        return None, "unknown"
    return found


def _text_or_none(value: Any) -> str | None:
    return str(value).strip() or None if value is not None else None


def _hash_id(text: str) -> str:
    """Return an id from the content, for the rare record with nothing else to go by."""
    return "doc-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
