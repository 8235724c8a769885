"""Sentence splitting: what the parser is given."""

from __future__ import annotations

import pytest

from steppe.pipeline.nlp import MAX_SENTENCE, split_sentences


@pytest.mark.parametrize("text,expected", [
    ("Mr. Tokayev met Mr. Mirziyoyev. They signed a treaty.",
     ["Mr. Tokayev met Mr. Mirziyoyev.", "They signed a treaty."]),
    ("---\nid: a\ndate: 2020\n---\n# Title\n\nBISHKEK, 2 May — Text. More text.",
     ["# Title", "BISHKEK, 2 May — Text.", "More text."]),
    ("The war ended.[6] Talks began.", ["The war ended.[6]", "Talks began."]),
    ("A line that wraps\nonto the next one. Done.", ["A line that wraps\nonto the next one.", "Done."]),
])
def test_sentences(text, expected):
    assert [text[s:e] for s, e in split_sentences(text)] == expected


@pytest.mark.parametrize("text", ["word " * 5000, "x" * 9000])
def test_run_on_text_is_cut_so_no_parse_gets_more_than_max_sentence(text):
    spans = split_sentences(text)
    assert spans and all(e - s <= MAX_SENTENCE for s, e in spans)
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == text.replace(" ", "")
