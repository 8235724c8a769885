"""NFC normalisation maps spans back to the original text; hashes ignore form and spacing."""

from __future__ import annotations

import pytest

from steppe.ingest import content_hash, normalize, read_paths

DECOMPOSED = "Cafe\u0301 in Tu\u0308rkistan: и\u0306 краи\u0306 Ёлка-е\u0308\u0301 end"


@pytest.mark.parametrize("word", ["Café", "Türkistan", "край", "end"])
def test_span_maps_back_to_original(word):
    norm = normalize(DECOMPOSED)
    start = norm.text.index(word)
    o_start, o_end = norm.to_original(start, start + len(word))
    original = DECOMPOSED[o_start:o_end]
    assert normalize(original).text == word


def test_normalised_text_is_nfc():
    norm = normalize(DECOMPOSED)
    assert "\u0301" not in norm.text.replace("ё\u0301", "")
    assert norm.text.startswith("Café in Türkistan: й край")
    assert norm.to_original(0, len(norm.text)) == (0, len(DECOMPOSED))


def test_already_nfc_text_maps_to_itself():
    norm = normalize("Астана, 2021")
    assert norm.text == "Астана, 2021"
    assert norm.to_original(3, 7) == (3, 7)


def test_hash_ignores_normal_form_and_whitespace():
    assert content_hash("Café  talks\n\nin Astana ") == content_hash("Cafe\u0301 talks in\tAstana")
    assert content_hash("Café talks") != content_hash("Cafe talks")


def test_same_content_same_hash_across_files(write):
    paths = [write("a.txt", "Same text here.\n"), write("b.md", "Same  text here.")]
    docs = list(read_paths(paths))
    assert docs[0].content_hash == docs[1].content_hash
