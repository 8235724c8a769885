"""Normalised agreement names: one key for "Declaration on Allied Relations" and "the
declaration on allied relations signed in December 2021". Used by the pipeline
(de-duplication in a document), the store (the indexed `agreement_key` column) and
analysis (merging across documents).

`AgreementNames` holds the vocabulary (data/words/en.yaml `names`, the Russian glossary
of data/ru/agreements.yaml), built from a Grammar; the pipeline's agreement readers take
theirs from Resources (`AgreementGrammar.names`, the Russian `AgreementWords.names`).
The key the store indexes and analysis groups by is always made with the packaged
vocabulary: a key that changed with a user's configuration would split one agreement
between two runs, so that one copy is deliberate.
"""

from __future__ import annotations

import re
from functools import lru_cache

from steppe.words import Grammar

__all__ = ["AgreementNames", "agreement_key", "content_stems", "packaged_names"]

_CYRILLIC = re.compile("[а-яё]")
_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ed", "es", "s")


class AgreementNames:
    """Words that say nothing about which agreement it is, spelling variants of the head
    nouns, and the Russian glossary (longest keys first) with its stop words."""

    def __init__(self, grammar: Grammar, russian: dict | None = None) -> None:
        """`russian`: data/ru/agreements.yaml as Resources.russian read it (else the
        packaged file, read and checked the same way)."""
        if russian is None:
            from steppe.pipeline.ru.lexicon import RussianLexicon

            russian = RussianLexicon().agreements()
        names = grammar.words("en", "names")
        self.stopwords = names.set("stopwords")
        self.synonyms: dict[str, str] = names.table("synonyms")
        self._synonym_re = re.compile(r"\b(%s)\b" % "|".join(map(re.escape, self.synonyms)))
        self.glossary = sorted(russian["glossary"].items(), key=lambda kv: -len(kv[0]))
        self.russian_stopwords = frozenset(russian["stopwords"])

    def stems(self, name: str) -> frozenset[str]:
        """The words that tell this agreement from others, stemmed and spelled one way
        (Russian words put into English first, so both languages give the same stems)."""
        text = self._synonym_re.sub(lambda m: self.synonyms[m.group(1)], name.lower())
        found = self._in_english(re.findall(r"[^\W\d_]+", text))
        return frozenset(_stem(w) for w in found if len(w) >= 3 and w not in self.stopwords)

    def key(self, name: str) -> str:
        """Sorted content-word stems of an agreement name: a key for exact grouping."""
        return " ".join(sorted(self.stems(name)))

    def _in_english(self, found: list[str]) -> list[str]:
        if not any(_CYRILLIC.search(w) for w in found):
            return found
        out = []
        for w in found:
            w = w.replace("ё", "е")
            if not _CYRILLIC.search(w):
                out.append(w)
            elif w not in self.russian_stopwords:
                out.append(next((en for ru, en in self.glossary if w.startswith(ru)), w))
        return out


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word


@lru_cache(maxsize=1)
def packaged_names() -> AgreementNames:
    """The packaged vocabulary: what stored keys and cross-document grouping are made with."""
    return AgreementNames(Grammar())


def content_stems(name: str) -> frozenset[str]:
    """AgreementNames.stems with the packaged vocabulary (cross-document grouping)."""
    return packaged_names().stems(name)


def agreement_key(name: str) -> str:
    """AgreementNames.key with the packaged vocabulary: the key the store indexes."""
    return packaged_names().key(name)
