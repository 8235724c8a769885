"""What every reader shares: the file it is reading, and checked decoding."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from steppe.errors import InputError
from steppe.ingest.encoding import decode_bytes, looks_binary

if TYPE_CHECKING:
    from steppe.ingest.dating import DatePatterns


@dataclass(frozen=True)
class SourceFile:
    """The file being read: its path, the path as reported, the id its text gets, and the
    date patterns its documents are read with (built once per batch by read_paths: they
    cost more than reading a short file)."""

    path: Path
    shown: str
    doc_id: str
    dates: DatePatterns | None = None


def decode_text(data: bytes, source: SourceFile) -> tuple[str, str]:
    """Return (text, encoding); raise InputError for binary or blank content."""
    if looks_binary(data):
        raise InputError(source.shown, "binary content, not text")
    text, encoding = decode_bytes(data)
    if not text.strip():
        raise InputError(source.shown, "empty file")
    if "\x00" in text:     # past the start that looks_binary samples
        raise InputError(source.shown, "binary content (NUL bytes), not text")
    return text, encoding


def unstorable(text: str) -> str | None:
    """Why a decoded string cannot be stored as text (NULs, lone surrogates), or None."""
    if "\x00" in text:
        return "holds NUL characters"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "is not valid Unicode (lone surrogate)"
    return None
