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
from typing import Any, Callable

from spacy.language import Language
from spacy.tokens import Doc, Token

# Pattern attributes -> how a token's value is read (as an integer or a bool).
_READ: dict[str, Callable[[Token], Any]] = {
    "ORTH": lambda t: t.orth, "TEXT": lambda t: t.orth, "LOWER": lambda t: t.lower,
    "TAG": lambda t: t.tag, "DEP": lambda t: t.dep, "POS": lambda t: t.pos,
    "LEMMA": lambda t: t.lemma, "MORPH": lambda t: t.morph.key, "IS_SPACE": lambda t: t.is_space,
}
# Attributes with an open set of values (words): when the patterns only ever ask for
# given words ("LOWER": "but", or {"IN": [...]}), a word none of them names reads as "".
_WORDS: dict[str, Callable[[Token], str]] = {
    "ORTH": lambda t: t.text, "TEXT": lambda t: t.text, "LOWER": lambda t: t.lower_,
    "LEMMA": lambda t: t.lemma_,
}
# Attributes the ruler may set -> how to read and write them.
_WRITE: dict[str, tuple[Callable[[Token], Any], Callable[[Token, Any], None]]] = {
    "POS": (lambda t: t.pos, lambda t, v: setattr(t, "pos", v)),
    "TAG": (lambda t: t.tag, lambda t, v: setattr(t, "tag", v)),
    "DEP": (lambda t: t.dep, lambda t, v: setattr(t, "dep", v)),
    "LEMMA": (lambda t: t.lemma, lambda t, v: setattr(t, "lemma", v)),
    "MORPH": (lambda t: t.morph.key, lambda t, v: t.set_morph(v)),
}


class CachedAttributeRuler:
    """Called like the ruler it wraps; gives the same tokens."""

    def __init__(self, ruler: Any, reads: list[tuple[int, list[Callable[[Token], Any]]]],
                 writes: list[str]) -> None:
        self.ruler = ruler
        self.reads = reads                  # (offset from the token, attribute readers)
        self.get = [_WRITE[a][0] for a in writes]
        self.put = [_WRITE[a][1] for a in writes]
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
                    if not set(spec) <= set(_READ):
                        return None          # an operator or an attribute not read here
                    offsets.setdefault(j - index, set()).update(spec)
                    for a in set(spec) & set(_WORDS):
                        v = spec[a]
                        if isinstance(v, dict) and set(v) == {"IN"} and named[a] is not None:
                            named[a].update(v["IN"])
                        elif isinstance(v, dict) and set(v) == {"REGEX"}:
                            regexes[a].add(v["REGEX"])
                        elif isinstance(v, str) and named[a] is not None:
                            named[a].add(v)
                        else:
                            named[a] = None
        if not writes <= set(_WRITE):
            return None

        def reader(a: str) -> Callable[[Token], Any]:
            if a in _WORDS and named[a] is not None:
                word, known = _WORDS[a], frozenset(named[a])
                rx = [re.compile(r) for r in sorted(regexes[a])]
                return lambda t: ((w if (w := word(t)) in known else ""),
                                  tuple(bool(r.search(w)) for r in rx))
            return _READ[a]

        reads = [(o, [reader(a) for a in sorted(offsets[o])]) for o in sorted(offsets)]
        # The token's own values of what may be written are part of its key: the result
        # is then what the ruler gives, whatever ran before it.
        reads.append((0, [_READ[a] for a in sorted(writes)]))
        return cls(ruler, reads, sorted(writes))

    def _keys(self, doc: Doc) -> list[tuple]:
        n = len(doc)
        flags = (doc.has_annotation("TAG"), doc.has_annotation("DEP"))
        keys = []
        for i in range(n):
            key: list[Any] = [flags]
            for o, readers in self.reads:
                j = i + o
                key.append(tuple(r(doc[j]) for r in readers) if 0 <= j < n else None)
            keys.append(tuple(key))
        return keys

    def __call__(self, doc: Doc) -> Doc:
        keys = self._keys(doc)
        cache = self.cache
        if all(k in cache for k in keys):
            for tok, k in zip(doc, keys):
                for put, v in zip(self.put, cache[k]):
                    put(tok, v)
            return doc
        doc = self.ruler(doc)
        for tok, k in zip(doc, keys):
            cache[k] = tuple(get(tok) for get in self.get)
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
