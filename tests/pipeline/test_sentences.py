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


@pytest.mark.parametrize("sentence,apparatus", [
    ("[4] Ministry of Energy of Valdoria, annual report, 2021.", True),
    ("12. \"Grain corridor opens\", Zerania Herald, Date of Access: 03.04.2022.", True),
    ("Valdoria's statistics office, retrieved 5 May 2023.", True),
    ("See https://example.org/report for the full table.", True),
    ("2019\t2020\t2021", True),
    ("| Exports | 120 | 140 |", True),
    ("Read also: Valdoria and Zerania discuss a new air service", True),
    ("READ MORE — Zerania bans Valdorian grain", True),
    ("Читайте также: Валдория и Зерания обсудили авиасообщение", True),
    ("Related news are expected from Zerania.", False),
    ("The ministers of Valdoria and Zerania met on 12 March.", False),
    ("In 2021, 12 agreements were signed between the two states.", False),
])
def test_footnotes_citations_and_table_rows_are_not_prose(sentence, apparatus):
    from steppe.pipeline.nlp import Apparatus
    from steppe.words import Grammar

    assert Apparatus(Grammar())(sentence) is apparatus
