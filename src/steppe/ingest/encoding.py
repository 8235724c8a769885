"""Turn file bytes into text: BOMs, then strict UTF-8, then a guess among regional encodings."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

# Encodings our sources actually use (Russian/Kazakh/Kyrgyz Cyrillic, Turkish, Western).
# Letting charset-normalizer pick from everything gives exotic answers (mac_cyrillic,
# cp1125) for short Russian texts; restricting it keeps the guess among plausible ones.
REGIONAL_ENCODINGS = ("cp1251", "koi8_r", "utf_16", "cp1252", "iso8859_9", "latin_1")

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control characters that do turn up in real text files (tab, newlines, form feed, escape...).
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\b\x1b\x0b")
_SNIFF_BYTES = 8192


def bom_encoding(data: bytes) -> str | None:
    """Return the encoding announced by a byte-order mark, or None."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def looks_utf16(data: bytes) -> bool:
    """Return True when NUL bytes sit on every other position, as in BOM-less UTF-16 text."""
    sample = data[:_SNIFF_BYTES]
    if len(sample) < 4:
        return False
    even, odd = sample[0::2], sample[1::2]
    # ASCII-range UTF-16 puts a NUL in every high byte; allow a few non-Latin characters.
    return max(even.count(0) / len(even), odd.count(0) / len(odd)) > 0.6


def looks_binary(data: bytes) -> bool:
    """Return True for bytes that are not text: NULs (outside UTF-16) or many control codes."""
    if bom_encoding(data) or looks_utf16(data):
        return False
    sample = data[:_SNIFF_BYTES]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 0x20 and b not in _TEXT_CONTROLS)
    return controls > 0.05 * max(len(sample), 1)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name); never fails, cp1252 being the last resort."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            # The BOM is not part of the text: offsets must start at the first real character.
            return data[len(bom):].decode(name.removesuffix("-sig"), errors="replace"), name
    if looks_utf16(data):
        # Before UTF-8: ASCII in UTF-16 is also valid UTF-8, NULs and all.
        little = data[1::2].count(0) >= data[0::2].count(0)
        name = "utf-16-le" if little else "utf-16-be"
        return data.decode(name, errors="replace"), name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=list(REGIONAL_ENCODINGS)).best()
    if best is not None:
        return str(best), best.encoding
    return data.decode("cp1252", errors="replace"), "cp1252"
