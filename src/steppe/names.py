"""Normalised agreement names: one key for "Declaration on Allied Relations" and "the
declaration on allied relations signed in December 2021". Pure functions shared by the
pipeline (de-duplication in a document), the store (the indexed `agreement_key` column)
and analysis (merging across documents)."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

import yaml

from steppe.words import words

__all__ = ["STOPWORDS", "agreement_key", "content_stems"]

# Words that say nothing about which agreement it is, and spelling variants of the head
# nouns (data/words/en.yaml).
STOPWORDS = words("en", "names").set("stopwords")
_SYNONYMS: dict[str, str] = words("en", "names").table("synonyms")
_SYNONYM_RE = re.compile(r"\b(%s)\b" % "|".join(map(re.escape, _SYNONYMS)))
_CYRILLIC = re.compile("[а-яё]")
_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ed", "es", "s")


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word


def content_stems(name: str) -> frozenset[str]:
    """The words that tell this agreement from others, stemmed and spelled one way
    (Russian words put into English first, so both languages give the same stems)."""
    text = _SYNONYM_RE.sub(lambda m: _SYNONYMS[m.group(1)], name.lower())
    words = _in_english(re.findall(r"[^\W\d_]+", text))
    return frozenset(_stem(w) for w in words if len(w) >= 3 and w not in STOPWORDS)


@lru_cache(maxsize=1)
def _russian() -> tuple[list[tuple[str, str]], frozenset[str]]:
    """The glossary of data/ru/agreements.yaml, longest keys first, and its stop words."""
    data = yaml.safe_load((files("steppe.data") / "ru" / "agreements.yaml").read_text(encoding="utf-8"))
    glossary = sorted(data["glossary"].items(), key=lambda kv: -len(kv[0]))
    return glossary, frozenset(data["stopwords"])


def _in_english(words: list[str]) -> list[str]:
    if not any(_CYRILLIC.search(w) for w in words):
        return words
    glossary, stop = _russian()
    out = []
    for w in words:
        w = w.replace("ё", "е")
        if not _CYRILLIC.search(w):
            out.append(w)
        elif w not in stop:
            out.append(next((en for ru, en in glossary if w.startswith(ru)), w))
    return out


def agreement_key(name: str) -> str:
    """Sorted content-word stems of an agreement name: a key for exact grouping."""
    return " ".join(sorted(content_stems(name)))
