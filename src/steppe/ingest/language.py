"""Guess a document's language with py3langid, which ships its own model."""

from __future__ import annotations

import py3langid

SAMPLE_CHARS = 2000
# Below this many letters langid's guesses are close to noise ("la", "it" for a name).
MIN_LETTERS = 20


def detect_language(text: str) -> str | None:
    """Return the ISO 639-1 code of `text` ("en", "ru", ...), or None when too short."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    code, _score = py3langid.classify(sample)
    return code
