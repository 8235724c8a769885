"""The model's attribute ruler, remembered.

en_core_web_sm's `attribute_ruler` maps the tagger's tags to parts of speech and
morphology (and fixes a few words) with 179 token patterns run through spaCy's Matcher on
every token: about a sixth of the parse of the candidate sentences. Its patterns are one
or two tokens long and test a few attributes (LOWER, TAG, DEP, IS_SPACE), so what it sets
on a token is a function of those attributes of the token and of its neighbours within
the patterns' reach. Each distinct combination is ruled once by the real ruler; then it is
looked up. A ruler with patterns outside that form (operators, other attributes) is left
as it is.
"""

from __future__ import annotations

import re
from typing import Any

import numpy
from spacy.attrs import IDS
from spacy.language import Language
from spacy.tokens import Doc

# Attributes the patterns may test, and those the ruler may set.
_READ = {"ORTH", "TEXT", "LOWER", "TAG", "DEP", "POS", "LEMMA", "MORPH", "IS_SPACE"}
_WRITE = {"POS", "TAG", "DEP", "LEMMA", "MORPH"}
# Attributes with an open set of values (words): when the patterns only ever ask for
# given words ("LOWER": "but", {"IN": [...]}, {"REGEX": ...}), a word none of them names
# reads as "" (with whether each regular expression matches it).
_WORDS = {"ORTH", "TEXT", "LOWER", "LEMMA"}


class CachedAttributeRuler:
    """Called like the ruler it wraps; gives the same tokens."""

    def __init__(self, ruler: Any, reads: list[tuple[int, list[int]]], writes: list[str],
                 words: dict[int, tuple[frozenset[str], list[re.Pattern]]]) -> None:
        self.ruler = ruler
        self.strings = ruler.vocab.strings
        self.columns = sorted({c for _, cols in reads for c in cols})
        where = {c: k for k, c in enumerate(self.columns)}
        self.reads = [(o, [where[c] for c in cols]) for o, cols in reads]  # (offset, columns)
        self.words = {where[c]: w for c, w in words.items()}       # column -> words named
        self.seen: dict[tuple[int, int], Any] = {}                 # (column, word) -> value
        self.writes = [IDS[a] for a in writes]
        self.cache: dict[tuple, tuple] = {}

    @classmethod
    def wrap(cls, ruler: Any) -> "CachedAttributeRuler | None":
        """The cached ruler, or None when a pattern is outside the form it can remember."""
        offsets: dict[int, set[str]] = {0: set()}
        writes: set[str] = set()
        named: dict[str, set[str] | None] = {a: set() for a in _WORDS}   # None: any word
        regexes: dict[str, set[str]] = {a: set() for a in _WORDS}
        for p in ruler.patterns:
            writes |= set(p["attrs"])
            for tokens in p["patterns"]:
                if not isinstance(tokens, list) or not tokens:
                    return None
                index = p.get("index", 0) % len(tokens)
                for j, spec in enumerate(tokens):
                    if not set(spec) <= _READ:
                        return None          # an operator or an attribute not read here
                    offsets.setdefault(j - index, set()).update(spec)
                    for a in set(spec) & _WORDS:
                        v = spec[a]
                        if isinstance(v, dict) and set(v) == {"IN"} and named[a] is not None:
                            named[a].update(v["IN"])
                        elif isinstance(v, dict) and set(v) == {"REGEX"}:
                            regexes[a].add(v["REGEX"])
                        elif isinstance(v, str) and named[a] is not None:
                            named[a].add(v)
                        else:
                            named[a] = None
        if not writes <= _WRITE:
            return None
        reads = [(o, [IDS[a] for a in sorted(offsets[o])]) for o in sorted(offsets)]
        # The token's own values of what may be written are part of its key: the result
        # is then what the ruler gives, whatever ran before it.
        reads.append((0, [IDS[a] for a in sorted(writes)]))
        words = {IDS[a]: (frozenset(named[a]), [re.compile(r) for r in sorted(regexes[a])])
                 for a in _WORDS if named[a] is not None and any(a in offsets[o] for o in offsets)}
        return cls(ruler, reads, sorted(writes), words)

    def _word(self, column: int, value: int) -> Any:
        """What the patterns can tell of a word: itself if they name it, else ""; and
        which of their regular expressions match it."""
        key = (column, value)
        if key not in self.seen:
            known, regexes = self.words[column]
            w = self.strings[value] if value else ""
            self.seen[key] = (w if w in known else "", tuple(bool(r.search(w)) for r in regexes))
        return self.seen[key]

    def _keys(self, doc: Doc) -> list[tuple]:
        rows = doc.to_array(self.columns).tolist()
        if self.words:
            for row in rows:
                for c in self.words:
                    row[c] = self._word(c, row[c])
        n = len(rows)
        flags = (doc.has_annotation("TAG"), doc.has_annotation("DEP"))
        return [(flags, *(tuple(rows[i + o][c] for c in cols) if 0 <= i + o < n else None
                          for o, cols in self.reads)) for i in range(n)]

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return self.ruler(doc)
        keys = self._keys(doc)
        cache = self.cache
        try:
            values = [cache[k] for k in keys]
        except KeyError:
            doc = self.ruler(doc)
            for k, v in zip(keys, doc.to_array(self.writes).tolist()):
                cache[k] = tuple(v)
            return doc
        doc.from_array(self.writes, numpy.array(values, dtype="uint64"))
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


@Language.factory("steppe_cached_attribute_ruler")
def _cached_attribute_ruler(nlp: Language, name: str) -> CachedAttributeRuler:
    """The pipeline's attribute ruler, wrapped (remember_attribute_rules adds it)."""
    cached = CachedAttributeRuler.wrap(nlp.get_pipe("attribute_ruler"))
    if cached is None:
        raise ValueError("this attribute ruler's patterns cannot be cached")
    return cached


def remember_attribute_rules(nlp: Language) -> None:
    """Put the cached form of the pipeline's attribute ruler in its place, under its name
    (when its patterns allow it)."""
    if "attribute_ruler" not in nlp.pipe_names or \
            CachedAttributeRuler.wrap(nlp.get_pipe("attribute_ruler")) is None:
        return
    nlp.add_pipe("steppe_cached_attribute_ruler", name="cached_attribute_ruler",
                 after="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")
    nlp.rename_pipe("cached_attribute_ruler", "attribute_ruler")
