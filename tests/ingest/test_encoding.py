"""Bytes in regional encodings decode to the right text, and the encoding is recorded."""

from __future__ import annotations

import codecs

import pytest

from steppe.ingest import decode_bytes, read_file
from steppe.ingest.encoding import looks_binary

RUSSIAN = ("Президент Казахстана провёл переговоры с министром иностранных дел Узбекистана. "
           "Стороны обсудили водные ресурсы и торговлю.")
TURKISH = "Dışişleri Bakanı Astana'da Özbekistan heyetiyle görüştü; işbirliği güçlenecek."
FRENCH = "Le ministre a rencontré à Astana son homologue ouzbek; l'accord a été signé à midi."


@pytest.mark.parametrize("data, text, encoding", [
    (codecs.BOM_UTF8 + RUSSIAN.encode(), RUSSIAN, "utf-8-sig"),
    (codecs.BOM_UTF16_LE + RUSSIAN.encode("utf-16-le"), RUSSIAN, "utf-16-le"),
    (codecs.BOM_UTF16_BE + RUSSIAN.encode("utf-16-be"), RUSSIAN, "utf-16-be"),
    ("Water talks in Astana".encode("utf-16-le"), "Water talks in Astana", "utf-16-le"),
    (RUSSIAN.encode(), RUSSIAN, "utf-8"),
])
def test_boms_and_utf(data, text, encoding):
    assert decode_bytes(data) == (text, encoding)


def test_cp1251_russian_is_not_latin1_mojibake():
    text, encoding = decode_bytes(RUSSIAN.encode("cp1251"))
    assert text == RUSSIAN
    assert encoding == "cp1251"


def test_koi8r_russian():
    text, encoding = decode_bytes(RUSSIAN.encode("koi8_r"))
    assert text == RUSSIAN
    assert encoding == "koi8_r"


@pytest.mark.parametrize("sample, codec", [(FRENCH, "latin-1"), (TURKISH, "iso8859_9")])
def test_western_and_turkish_single_byte(sample, codec):
    text, _encoding = decode_bytes(sample.encode(codec))
    assert text == sample


@pytest.mark.parametrize("name, text, data, expected", [
    ("ru.txt", RUSSIAN, RUSSIAN.encode("cp1251"), "cp1251"),
    ("ru16.txt", RUSSIAN, codecs.BOM_UTF16_LE + RUSSIAN.encode("utf-16-le"), "utf-16-le"),
    # Latin-1 and cp1252 agree on every letter here; either name is right.
    ("fr.txt", FRENCH, FRENCH.encode("latin-1"), ("cp1252", "latin_1", "iso8859_9")),
])
def test_files_record_their_encoding(write, name, text, data, expected):
    [doc] = read_file(write(name, data))
    assert doc.text == text
    assert doc.meta["encoding"] in expected


@pytest.mark.parametrize("data, binary", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), True),
    (bytes(range(1, 32)) * 20, True),
    ("Water talks".encode("utf-16-le"), False),
    (RUSSIAN.encode("cp1251"), False),
])
def test_looks_binary(data, binary):
    assert looks_binary(data) is binary
