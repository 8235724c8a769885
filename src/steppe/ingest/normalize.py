"""Unicode NFC with a map back to the original offsets, and the content hash."""

from __future__ import annotations

import unicodedata
from array import array
from dataclasses import dataclass

from steppe.facts import content_hash  # noqa: F401  (re-exported: ingestion computes it)


@dataclass(frozen=True)
class Normalized:
    """NFC text plus, for every position in it, where that position falls in the original.

    `starts[i]` is the original offset a span starting at i maps to, `ends[i]` the one a
    span ending at i maps to; they differ only inside a character that NFC composed or
    reordered, where a span is widened to the whole original cluster.
    """

    text: str
    starts: array
    ends: array

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Return the original [start, end) for the normalised span [start, end)."""
        return self.starts[start], self.ends[end]


def normalize(text: str) -> Normalized:
    """Return the NFC form of `text` with its offset map."""
    if unicodedata.is_normalized("NFC", text):
        identity = array("q", range(len(text) + 1))
        return Normalized(text, identity, identity)
    parts: list[str] = []
    starts, ends = array("q"), array("q")
    for seg_start, seg_end in _segments(text):
        original = text[seg_start:seg_end]
        composed = unicodedata.normalize("NFC", original)
        parts.append(composed)
        if composed == original:
            starts.extend(range(seg_start, seg_end))
            ends.extend(range(seg_start, seg_end))
        else:
            # Inside a composed cluster no finer mapping exists: starts snap to the
            # cluster's start, ends to its end, so a span never cuts a character in two.
            starts.extend([seg_start] * len(composed))
            ends.append(seg_start)
            ends.extend([seg_end] * (len(composed) - 1))
    starts.append(len(text))
    ends.append(len(text))
    return Normalized("".join(parts), starts, ends)


def _segments(text: str) -> list[tuple[int, int]]:
    """Split `text` where NFC cannot act across the cut, so each piece normalises alone.

    A character with combining class 0 blocks composition of anything after it with
    anything before it (UAX #15, canonical composition), so the only question is
    whether that character itself combines with what precedes: we test exactly that.
    """
    cuts = [0]
    for i in range(1, len(text)):
        ch = text[i]
        if ch < "\u0300":
            # Nothing below U+0300 combines with a preceding character.
            cuts.append(i)
        elif unicodedata.combining(ch) == 0:
            head = text[cuts[-1]:i]
            alone = unicodedata.normalize("NFC", head) + unicodedata.normalize("NFC", ch)
            if unicodedata.normalize("NFC", head + ch) == alone:
                cuts.append(i)
    cuts.append(len(text))
    return [(cuts[k], cuts[k + 1]) for k in range(len(cuts) - 1) if cuts[k] < cuts[k + 1]]


