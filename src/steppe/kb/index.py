"""The knowledge base's names, indexed for finding them in text.

Phrase matchers over every alias (exact case), role phrase and generic agent (any case);
people's names by transliteration key (NameKey: "Zhaparov", "Japarov" and "Жапаров" are
one name, so the KB lists one spelling); tables of people's and states' names for
fuzzy matching of spellings no key covers; and people by surname, for "President Bush"
when no bare surname alias exists.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from anyascii import anyascii
from rapidfuzz import fuzz, process
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.attrs import ORTH
from spacy.tokens import Doc

from steppe.kb.model import Entity, KnowledgeBase, Transliteration

FUZZY_CUTOFF = 86
KEY_MIN_SURNAME = 4       # shorter surnames ("Xi", "Li") match only as written
# Which entity a name stands for when several share it (and which piece wins a tie).
PRIORITY = {"person": 5, "igo": 4, "org": 3, "state": 2, "place": 1}


@dataclass
class Piece:
    """A matched phrase: tokens [start, end) and what it is."""

    start: int
    end: int
    kind: str                 # state | igo | person | org | place | role | agent
    entity: Entity | None = None
    how: str = "name"         # name | adjective | demonym | capital (for states)
    role: str = ""
    sector: str = ""


class NameKey:
    """A name's spelling-independent key: the transliteration rules over its anyascii form
    ("Тоқаев", "Toqayev", "Tokaev" -> "tokaev"). `skeleton` drops the vowels too."""

    def __init__(self, rules: Transliteration) -> None:
        self._before = rules.before_ascii
        self._rules = [(re.compile(p), r) for p, r in rules.rules]
        self._vowels = re.compile(f"[{re.escape(rules.vowels)}]") if rules.vowels else None
        self._cache: dict[str, str] = {}

    def __call__(self, name: str) -> str:
        key = self._cache.get(name)
        if key is None:
            key = name
            for letter, replacement in self._before:
                key = key.replace(letter, replacement)
            key = anyascii(key).lower()
            for pattern, replacement in self._rules:
                key = pattern.sub(replacement, key)
            if len(self._cache) > 100_000:      # a long-running process reads endless names
                self._cache.clear()
            self._cache[name] = key
        return key

    def skeleton(self, name: str) -> str:
        return self.drop_vowels(self(name))

    def drop_vowels(self, key: str) -> str:
        return self._vowels.sub("", key) if self._vowels else key


@dataclass(frozen=True)
class _KeyedName:
    """A person's name as keys, one per token: matched in text from its last token."""

    keys: tuple[str, ...]
    skeletons: tuple[str, ...]
    ids: tuple[tuple[str, str], ...]


class NameIndex:
    """Compiled matchers and lookup tables over a KnowledgeBase."""

    def __init__(self, kb: KnowledgeBase, nlp: Language) -> None:
        self.kb = kb
        self._vocab = nlp.vocab
        self._keyed_by_orth: dict[int, Sequence[_KeyedName]] = {}
        self._cue_patterns: dict[str, re.Pattern[str]] = {}
        self._names = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._generic = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._surface: dict[str, list[tuple[str, str]]] = {}
        names = []
        for surface, ids in kb.aliases.items():
            variants = {surface}
            if any(kb.entities[i].kind == "state" for i, _ in ids) and len(surface) > 3:
                variants.add(surface.upper())
            for v in variants:
                self._surface.setdefault(v, []).extend(ids)
                names.append(v)
        self._names.add("KB", list(nlp.tokenizer.pipe(sorted(set(names)))))
        self._generic.add("ROLE", list(nlp.tokenizer.pipe(sorted(kb.role_phrases))))
        self._generic.add("AGENT", list(nlp.tokenizer.pipe(sorted(kb.agents))))
        self.key = NameKey(kb.transliteration)
        # What a surname may follow: the last words of titles ("President", "Secretary-General")
        # and the words of people's given names, however spelled ("Kassym" of Kassym-Jomart)
        self._title_words = frozenset(p.split()[-1] for p in (*kb.role_phrases, *kb.agents) if p.split())
        self._given_keys = frozenset(self.key(w) for e in kb.entities.values() if e.kind == "person"
                                     for w in re.split(r"[\s-]+", e.name)[:-1] if w)
        self._keyed = self._keyed_people(nlp)
        # People by the key of each name: a spelling is compared with the KB's names
        # once the transliteration differences the key covers are gone.
        self._fuzzy_people: dict[str, list[tuple[str, str]]] = {}
        for s, ids in kb.aliases.items():
            if any(kb.entities[i].kind == "person" for i, _ in ids):
                known = self._fuzzy_people.setdefault(self.key(s), [])
                known.extend(t for t in ids if t not in known)
        self._fuzzy_states = {s: ids for s, ids in kb.aliases.items()
                              if any(kb.entities[i].kind in ("state", "igo") for i, _ in ids)}
        # Surnames of known people: two presidents may share one, the state is still certain.
        self._surnames: dict[str, set[str]] = {}
        for e in kb.entities.values():
            if e.kind == "person":
                self._surnames.setdefault(self.key(e.name.split()[-1]), set()).add(e.id)

    def _keyed_people(self, nlp: Language) -> dict[str, list[_KeyedName]]:
        """People's names that are all capitalised words, by the key of their last word.
        A key two people share decides nothing: they are found only as the KB writes them."""
        people = {s: [t for t in ids if self.kb.entities[t[0]].kind == "person"]
                  for s, ids in self.kb.aliases.items()}
        people = {s: ids for s, ids in people.items() if ids}
        by_keys: dict[tuple[str, ...], list[tuple[str, str]]] = {}
        for surface, tokens in zip(people, nlp.tokenizer.pipe(list(people))):
            words = [t.text for t in tokens]
            if all(w == "-" or _capitalised(w) for w in words) and words[-1] != "-" \
                    and len(words[-1]) >= KEY_MIN_SURNAME:
                ids = by_keys.setdefault(tuple(map(self.key, words)), [])
                ids.extend(t for t in people[surface] if t not in ids)
        out: dict[str, list[_KeyedName]] = {}
        for keys, ids in by_keys.items():
            if len({eid for eid, _ in ids}) == 1:
                skeletons = tuple(self.key.drop_vowels(k) for k in keys)
                out.setdefault(keys[-1], []).append(_KeyedName(keys, skeletons, tuple(ids)))
        return out

    def _by_key(self, doc: Doc) -> list[Piece]:
        """People's names written in another spelling than the KB's: every word with the
        key of a known name's word, except given names, where the consonants suffice
        ("Şevket Mirziyoyev" for "Shavkat Mirziyoyev")."""
        found = []
        # Word ids, not Token objects: making a Token for every word of every document cost
        # more than the matching; what a word's spelling keys to is kept by its id.
        for j, orth in enumerate(doc.to_array(ORTH).tolist()):
            keyed = self._keyed_by_orth.get(orth)
            if keyed is None:
                word = self._vocab.strings[orth]
                keyed = self._keyed.get(self.key(word), ()) \
                    if _capitalised(word) and len(word) >= KEY_MIN_SURNAME else ()
                if len(self._keyed_by_orth) > 100_000:   # a long-running process reads endless words
                    self._keyed_by_orth.clear()
                self._keyed_by_orth[orth] = keyed
            for named in keyed:
                start = j + 1 - len(named.keys)
                if start < 0 or not all(self._same_word(doc[start + i].text, named, i)
                                        for i in range(len(named.keys) - 1)):
                    continue
                if len(named.keys) == 1 and start > 0 and self._inside_name(doc[start - 1].text):
                    continue    # "the International Transport Route" is no "Rutte"
                eid, how = self.best(list(named.ids))
                ent = self.kb.entities[eid]
                found.append(Piece(start, j + 1, ent.kind, entity=ent, how=how, sector=ent.sector))
        return found

    def _inside_name(self, before: str) -> bool:
        """Whether a word after `before` is part of a longer name: a capitalised word
        that is no title ("President") goes before it. A one-word name in another
        spelling than the KB's is a person's only on its own or after a title."""
        return _capitalised(before) and before.lower() not in self._title_words \
            and self.key(before) not in self._given_keys

    def _same_word(self, word: str, named: _KeyedName, i: int) -> bool:
        if word == "-" or named.keys[i] == "-":
            return word == named.keys[i]
        return _capitalised(word) and (self.key(word) == named.keys[i]
                                       or self.key.skeleton(word) == named.skeletons[i])

    def pieces(self, doc: Doc) -> list[Piece]:
        """The names, roles and agents in a tokenised text, longest first where they overlap."""
        found: list[Piece] = []
        text = None         # the document's text, made only for a name two entries share
        cue_counts: dict[str, int] = {}     # each such entry's cue words in it, counted once
        for _, s, e in self._names(doc):
            ids = self._surface.get(doc[s:e].text)
            if not ids:
                continue
            if len(ids) > 1 and any(self.kb.entities[i].cues for i, _ in ids):
                text = doc.text if text is None else text
                ids = self._in_context(ids, text, cue_counts)
            eid, how = self.best(ids)
            ent = self.kb.entities[eid]
            found.append(Piece(s, e, ent.kind, entity=ent, how=how, sector=ent.sector))
        for match_id, s, e in self._generic(doc):
            phrase = doc[s:e].text.lower()
            if self._vocab.strings[match_id] == "ROLE":
                role, sector = self.kb.role_phrases.get(phrase, ("", "GOV"))
                found.append(Piece(s, e, "role", role=role, sector=sector))
            else:
                found.append(Piece(s, e, "agent", sector=self.kb.agents.get(phrase, "")))
        # Last, so that a name as the KB writes it wins a tie.
        found.extend(self._by_key(doc))
        # Longest match wins; on ties, names before generic words.
        found.sort(key=lambda p: (-(p.end - p.start), -PRIORITY.get(p.kind, 0), p.start))
        taken = [False] * len(doc)
        out = []
        for p in found:
            if any(taken[p.start:p.end]):
                continue
            if p.kind in ("role", "agent") and doc[p.start].is_upper and len(doc[p.start]) > 1 \
                    and p.end - p.start == 1 and doc[p.start].text.lower() not in self.kb.agents:
                continue
            for i in range(p.start, p.end):
                taken[i] = True
            out.append(p)
        return sorted(out, key=lambda p: p.start)

    def _in_context(self, ids: list[tuple[str, str]], text: str,
                    counts: dict[str, int]) -> list[tuple[str, str]]:
        """Of the entities a shared name stands for, those whose cue words the document
        holds most of ("CPC" with "crude" and "Novorossiysk" is the Caspian Pipeline
        Consortium). `counts` keeps each entity's count for the document."""
        for i, _ in ids:
            if i not in counts:
                counts[i] = len(self._cues(i).findall(text))
        score = {i: counts[i] for i, _ in ids}
        top = max(score.values())
        if top == 0:
            # no cue at all: the reading written without cues, else the first listed
            return [t for t in ids if not self.kb.entities[t[0]].cues] or ids[:1]
        return [t for t in ids if score[t[0]] == top]

    def _cues(self, eid: str) -> re.Pattern[str]:
        if eid not in self._cue_patterns:
            cues = self.kb.entities[eid].cues
            self._cue_patterns[eid] = re.compile(
                r"\b(?:%s)\b" % "|".join(map(re.escape, cues)) if cues else r"(?!)", re.I)
        return self._cue_patterns[eid]

    def best(self, ids: list[tuple[str, str]]) -> tuple[str, str]:
        """The (entity id, kind of name) a shared name stands for."""
        return max(ids, key=lambda t: PRIORITY.get(self.kb.entities[t[0]].kind, 0))

    def fuzzy(self, name: str, label: str) -> tuple[Entity, float] | None:
        """The entity whose name is closest to `name` (score 0-100), None below the cutoff.
        The statistical NER often calls a foreign name an ORG: people are tried too."""
        tables = [(self._fuzzy_people, self.key(name))]
        if label != "PERSON":
            tables.insert(0, (self._fuzzy_states, name))
        for table, query in tables:
            scorer = _word_by_word if table is self._fuzzy_states else fuzz.ratio
            hit = process.extractOne(query, list(table), scorer=scorer, score_cutoff=FUZZY_CUTOFF)
            if hit is not None:
                surface, score, _ = hit
                return self.kb.entities[self.best(table[surface])[0]], score
        return None

    def people_named(self, surname: str) -> list[Entity]:
        """Every known person with this surname, in id order."""
        return [self.kb.entities[i] for i in sorted(self._surnames.get(self.key(surname), ()))]


def _word_by_word(a: str, b: str, score_cutoff: float = 0, **_) -> float:
    """How alike two names are, word against word: a spelling varies within words, while
    another word makes another name ("Central Asians" is not "Central Africans", the
    Eurasian Economic Community not the European one)."""
    wa, wb = a.split(), b.split()
    if not wa or len(wa) != len(wb):
        return 0.0
    return min(fuzz.ratio(x, y) for x, y in zip(wa, wb))


def _capitalised(word: str) -> bool:
    """A word written as a name: capital first, not all capitals ("TOKAYEV" is a heading)."""
    return word[:1].isupper() and not (len(word) > 1 and word.isupper())
