"""The knowledge base's names, indexed for finding them in text.

Phrase matchers over every alias (exact case), role phrase and generic agent (any case);
tables of people's and states' names for transliteration-tolerant (fuzzy) matching; and
people by surname, for "President Bush" when no bare surname alias exists.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from steppe.kb.model import Entity, KnowledgeBase

FUZZY_CUTOFF = 86
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


class NameIndex:
    """Compiled matchers and lookup tables over a KnowledgeBase."""

    def __init__(self, kb: KnowledgeBase, nlp: Language) -> None:
        self.kb = kb
        self._vocab = nlp.vocab
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
        self._fuzzy_people = {s: ids for s, ids in kb.aliases.items()
                              if any(kb.entities[i].kind == "person" for i, _ in ids)}
        self._fuzzy_states = {s: ids for s, ids in kb.aliases.items()
                              if any(kb.entities[i].kind in ("state", "igo") for i, _ in ids)}
        # Surnames of known people: two presidents may share one, the state is still certain.
        self._surnames: dict[str, set[str]] = {}
        for e in kb.entities.values():
            if e.kind == "person":
                self._surnames.setdefault(e.name.split()[-1], set()).add(e.id)

    def pieces(self, doc: Doc) -> list[Piece]:
        """The names, roles and agents in a tokenised text, longest first where they overlap."""
        found: list[Piece] = []
        for _, s, e in self._names(doc):
            ids = self._surface.get(doc[s:e].text)
            if not ids:
                continue
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

    def best(self, ids: list[tuple[str, str]]) -> tuple[str, str]:
        """The (entity id, kind of name) a shared name stands for."""
        return max(ids, key=lambda t: PRIORITY.get(self.kb.entities[t[0]].kind, 0))

    def fuzzy(self, name: str, label: str) -> tuple[Entity, float] | None:
        """The entity whose name is closest to `name` (score 0-100), None below the cutoff.
        The statistical NER often calls a foreign name an ORG: people are tried too."""
        tables = [self._fuzzy_people] if label == "PERSON" else [self._fuzzy_states, self._fuzzy_people]
        for table in tables:
            hit = process.extractOne(name, list(table), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
            if hit is not None:
                surface, score, _ = hit
                return self.kb.entities[self.best(table[surface])[0]], score
        return None

    def people_named(self, surname: str) -> list[Entity]:
        """Every known person with this surname, in id order."""
        return [self.kb.entities[i] for i in sorted(self._surnames.get(surname, ()))]
