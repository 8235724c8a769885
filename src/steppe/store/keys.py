"""Normalised keys that let facts from different documents be compared and merged."""

from __future__ import annotations

import re
from collections.abc import Iterable

from steppe.names import agreement_key  # noqa: F401  (the store indexes agreements by it)


def dyad_key(codes: Iterable[str]) -> str:
    """Return the sorted, distinct codes joined by "-": ["UZB", "KAZ"] -> "KAZ-UZB"."""
    return "-".join(sorted({c.strip().upper() for c in codes if c and c.strip()}))


def parse_dyad(dyad: str) -> tuple[str, str]:
    """Split "KAZ-UZB" (or "KAZ/UZB", "KAZ,UZB") into its two codes, in the given order."""
    parts = [p for p in re.split(r"[-/,;\s]+", dyad.strip().upper()) if p]
    if len(parts) != 2:
        raise ValueError(f"a dyad names two actors, like 'KAZ-UZB'; got {dyad!r}")
    return parts[0], parts[1]


def type_family(event_type: str) -> str:
    """Return the family events of this type are merged under.

    Each PLOVER type is its own family for now; the seam is here so that, say, a
    planned CONSULT and an AGREE could later be merged without touching callers.
    """
    return event_type.upper()


def date_at_precision(date: str | None, precision: str) -> str:
    """Cut `date` to its stated precision; "unknown" when there is no usable date."""
    if not date or precision == "unknown":
        return "unknown"
    width = {"day": 10, "month": 7, "year": 4}.get(precision, len(date))
    return date[:width]


def actor_key(code: str, text: str = "") -> str:
    """Return the code that identifies an actor in keys; IGOs are told apart by name.

    Every organisation has the code "IGO", so "IGO:SCO" and "IGO:CSTO" keep the SCO and
    the CSTO apart (ANNOTATION.md: the scorer compares IGO actors by their short name).
    """
    code = code.strip().upper()
    if code == "IGO" and text.strip():
        return f"IGO:{text.strip().upper()}"
    return code

