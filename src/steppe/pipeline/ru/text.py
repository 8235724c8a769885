"""Sentences and words of a Russian text, each word with its lemmas and grammatical cases.

razdel splits (rule-based, no model); pymorphy3 analyses each word out of context, so a
word keeps every lemma and case it may have ("Киргизии": gent, datv, loct) and later
stages pick what fits. ё is folded into е everywhere: writers use both.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pymorphy3
from razdel import sentenize, tokenize

_MORPH: pymorphy3.MorphAnalyzer | None = None


def morph() -> pymorphy3.MorphAnalyzer:
    """The analyser, loaded once (its dictionaries ship in pymorphy3-dicts-ru)."""
    global _MORPH
    if _MORPH is None:
        _MORPH = pymorphy3.MorphAnalyzer()
    return _MORPH


def fold(word: str) -> str:
    return word.lower().replace("ё", "е")


@dataclass(frozen=True)
class Analysis:
    lemmas: frozenset[str]       # every normal form, folded, plus the folded word itself
    lemma: str                   # the most likely normal form
    cases: frozenset[str]        # nomn, gent, datv, accs, ablt, loct
    pos: str                     # most likely part of speech (VERB, NOUN, ADJF, PRTS, ...)
    tense: str                   # past, pres, futr or ""
    aspect: str                  # perf, impf or ""


@lru_cache(maxsize=200_000)
def analyse(word: str) -> Analysis:
    parses = morph().parse(word)
    first = parses[0]
    lemmas = {fold(p.normal_form) for p in parses[:4]} | {fold(word)}
    cases = {p.tag.case for p in parses[:4] if p.tag.case}
    return Analysis(frozenset(lemmas), fold(first.normal_form), frozenset(cases),
                    str(first.tag.POS or ""), str(first.tag.tense or ""), str(first.tag.aspect or ""))


@dataclass(frozen=True)
class Word:
    start: int                   # character offsets in the document
    end: int
    text: str
    a: Analysis

    @property
    def low(self) -> str:
        return fold(self.text)

    def is_(self, *lemmas: str) -> bool:
        return any(l in self.a.lemmas for l in lemmas)


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans; razdel's, also cut at line breaks (titles, captions, page junk)."""
    out = []
    for s in sentenize(text):
        start = s.start
        for line in text[s.start:s.stop].split("\n"):
            end = start + len(line)
            if line.strip():
                lead = len(line) - len(line.lstrip())
                out.append((start + lead, end))
            start = end + 1
    return out


def words(text: str, offset: int = 0) -> list[Word]:
    return [Word(t.start + offset, t.stop + offset, t.text, analyse(t.text)) for t in tokenize(text)]
