"""Actor mentions in Russian text, resolved through the shared knowledge base.

Every Cyrillic name of the KB (data/kb/*.yaml and the Russian names of data/kb/ru/) is
indexed by the lemmas of its words. A text word matches a name word when one of its
lemmas is that word's lemma, or when it is the name plus a case ending: pymorphy3 does not
know most Central Asian surnames, but "Токаевым", "Мирзиёева", "Жапарову" are the name and
an ending. Adjacent pieces (role, agent, state, person) form one mention:
"Президент Казахстана Касым-Жомарт Токаев", "МИД Таджикистана", "кыргызской стороне".
Compound adjectives name several states: "кыргызско-таджикский" -> KGZ, TJK.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from steppe.facts import Actor
from steppe.kb.model import Entity, KnowledgeBase
from steppe.pipeline.ru.text import Word, analyse, fold
from steppe.words import Grammar

_CYRILLIC = re.compile(r"[А-Яа-яЁё]")


@dataclass(frozen=True)
class ActorWords:
    """The word classes of data/words/ru.yaml the resolver reads mentions with."""

    endings: tuple[str, ...]          # case endings after a name in the nominative, in order
    locative: frozenset[str]          # prepositions of a place: "в Ташкенте"
    topic: frozenset[str]             # prepositions of a topic: "о Казахстане"
    currency: tuple[str, ...]         # "долларов США": a currency, not an actor

    @classmethod
    def from_grammar(cls, grammar: Grammar) -> "ActorWords":
        w = grammar.words("ru", "actors")
        return cls(tuple(w.list("case_endings")), w.set("locative_prepositions"),
                   w.set("topic_prepositions"), tuple(w.list("currency_words")))


@dataclass
class Piece:
    start: int                    # word indexes [start, end)
    end: int
    kind: str                     # state | igo | person | org | place | role | agent
    entity: Entity | None = None
    how: str = "name"
    role: str = ""
    sector: str = ""
    codes: tuple[str, ...] = ()   # compound adjectives name several states
    cases: frozenset[str] = frozenset()   # for names: the cases their ending shows


@dataclass
class RuMention:
    start: int                    # word indexes [start, end)
    end: int
    char_start: int
    char_end: int
    text: str
    actors: list[Actor]
    kind: str                     # what it mostly is: person, role, agent, state, igo, place
    cases: frozenset[str] = frozenset()
    prep: str = ""                # the preposition right before it, folded ("с", "в", "из"), or ""
    location: bool = False        # a place or capital after в/на: where, not who
    pieces: list[Piece] = field(default_factory=list, repr=False)
    topic: bool = False           # after a preposition of a topic ("о России", "по России")

    @property
    def codes(self) -> list[str]:
        return [a.code for a in self.actors if a.code]

    @property
    def participant(self) -> bool:
        """Not a place, not a topic or an area ("о России", "директор по России")."""
        return not self.location and not self.topic


# What a case ending on a name says (pymorphy3 guesses unknown surnames poorly).
_NAME_CASES = {"": {"nomn"}, "а": {"gent", "accs"}, "у": {"datv"}, "ым": {"ablt"}, "ом": {"ablt"},
               "е": {"loct"}, "ой": {"gent", "datv", "ablt", "loct"}, "ы": {"gent"}, "ю": {"accs"}}


def _name_cases(word: str, keys: frozenset[str]) -> frozenset[str]:
    low = fold(word)
    for ending, cases in _NAME_CASES.items():
        if (low[: len(low) - len(ending)] if ending else low) in keys and low.endswith(ending):
            return frozenset(cases)
    return analyse(word).cases


def _keys(word: str, endings: tuple[str, ...]) -> set[str]:
    """Keys a text word may be looked up by: its lemmas, and its stem without a case ending."""
    low = fold(word)
    keys = set(analyse(word).lemmas)
    for e in endings:
        if low.endswith(e) and len(low) - len(e) >= 3:
            keys.add(low[: -len(e)])
            keys.add(low[: -len(e)] + "а")      # Отунбаевой -> отунбаева
            keys.add(low[: -len(e)] + "я")      # Киргизии -> киргизия
    return keys


def _name_keys(word: str) -> frozenset[str]:
    """Keys of a name word written in the nominative: itself (names pymorphy3 does not
    know) and its lemma (common words: "Шанхайская" -> шанхайский)."""
    return frozenset({fold(word), analyse(word).lemma})


class RuActorResolver:
    """Finds mentions in a list of words; built once from the knowledge base."""

    def __init__(self, kb: KnowledgeBase, words: ActorWords) -> None:
        self.kb = kb
        self.words = words
        # first word key -> [(keys of every word, exact surface or "", entity id, how)]
        self.index: dict[str, list[tuple[tuple[frozenset[str], ...], str, str, str]]] = {}
        for surface, targets in kb.aliases.items():
            if _CYRILLIC.search(surface):
                for eid, how in targets:
                    self._add(surface, ("entity", eid, how))
        for phrase, (role, sector) in kb.role_phrases.items():
            if _CYRILLIC.search(phrase):
                self._add(phrase, ("role", role, sector))
        for phrase, sector in kb.agents.items():
            if _CYRILLIC.search(phrase):
                self._add(phrase, ("agent", "", sector))

    def _add(self, surface: str, target: tuple[str, str, str]) -> None:
        parts = [p for p in re.split(r"\s+", surface.strip()) if p]
        if not parts:
            return
        exact = surface if surface.isupper() and len(surface) <= 5 else ""   # acronyms: as written
        keys = tuple(_name_keys(p) for p in parts)
        entry = (keys, exact, target)
        for k in keys[0]:
            self.index.setdefault(k, []).append(entry)

    # -- finding -----------------------------------------------------------------------

    def pieces(self, words: list[Word], date: str | None) -> list[Piece]:
        found: list[Piece] = []
        i = 0
        while i < len(words):
            best = self._longest(words, i, date)
            prev = [w for w in words[max(0, i - 2):i] if w.text != "."][-1:]
            if best and prev and prev[0].is_(*self.words.currency):
                best = None                       # "долларов США": a currency, not an actor
            if best:
                found.append(best)
                i = best.end
            else:
                compound = self._compound(words[i], i)
                if compound:
                    found.append(compound)
                i += 1
        return found

    def _longest(self, words: list[Word], i: int, date: str | None) -> Piece | None:
        best: Piece | None = None
        wkeys = _keys(words[i].text, self.words.endings)
        seen = set()
        for k in wkeys:
            for keys, exact, target in self.index.get(k, ()):
                if id(keys) in seen:
                    continue
                seen.add(id(keys))
                n = len(keys)
                if i + n > len(words):
                    continue
                if exact:
                    if words[i].text != exact:
                        continue
                elif not all(keys[j] & _keys(words[i + j].text, self.words.endings) for j in range(n)):
                    continue
                if not exact and n == 1 and not words[i].text[:1].isupper() and target[0] == "entity" \
                        and self.kb.entities[target[1]].kind in ("person", "igo"):
                    continue                      # names are capitalised
                piece = self._piece(i, i + n, target, date)
                if piece and piece.kind == "person":
                    piece.cases = _name_cases(words[i + n - 1].text, keys[-1])
                if piece and (best is None or piece.end > best.end
                              or (piece.end == best.end and _rank(piece) > _rank(best))):
                    best = piece
        return best

    def _piece(self, start: int, end: int, target: tuple[str, str, str], date: str | None) -> Piece | None:
        kind, ref, extra = target
        if kind == "role":
            return Piece(start, end, "role", role=ref, sector=extra)
        if kind == "agent":
            return Piece(start, end, "agent", sector=extra)
        e = self.kb.entities.get(ref)
        if e is None:
            return None
        if e.kind == "state":
            return Piece(start, end, "state", e, how=extra, codes=(e.code,))
        if e.kind == "igo":
            return Piece(start, end, "igo", e, codes=("IGO",), sector=e.sector)
        if e.kind == "person":
            code, sector, _ = self.kb.state_of(e, date)
            return Piece(start, end, "person", e, codes=(code,) if code else (), sector=sector)
        if e.sector == "JRN":
            return None                       # "передает ТАСС": who reports, not who acts
        if e.kind == "place":
            return Piece(start, end, "place", e, codes=(e.code,) if e.code else ())
        return Piece(start, end, e.kind, e, codes=(e.code,) if e.code else (), sector=e.sector)

    def _compound(self, w: Word, i: int) -> Piece | None:
        """"узбекско-российский": each part names a state."""
        if "-" not in w.text:
            return None
        codes = []
        parts = fold(w.text).split("-")
        for n, part in enumerate(parts):
            if n < len(parts) - 1 and part.endswith("ско"):
                part = part[:-1] + "ий"
            for k in _keys(part, self.words.endings):
                hit = next((t for keys, _, t in self.index.get(k, ()) if len(keys) == 1
                            and t[0] == "entity" and t[1].startswith("state:")), None)
                if hit:
                    codes.append(hit[1][6:])
                    break
        codes = list(dict.fromkeys(codes))
        if len(codes) >= 2:
            return Piece(i, i + 1, "state", None, how="adjective", codes=tuple(codes))
        return None

    # -- mentions ----------------------------------------------------------------------

    def find(self, words: list[Word], date: str | None, text: str = "") -> list[RuMention]:
        """Mentions: adjacent pieces grouped (within a line of `text`), resolved to actors."""
        pieces = self.pieces(words, date)
        groups: list[list[Piece]] = []
        for p in pieces:
            last = groups[-1][-1] if groups else None
            if last is not None and last.end == p.start and _joins(groups[-1], p) \
                    and words[p.start].start - words[last.end - 1].end <= 1 \
                    and "\n" not in text[words[last.end - 1].end:words[p.start].start] \
                    and words[p.start].text[:1] not in "«\"":
                groups[-1].append(p)
            else:
                groups.append([p])
        out = []
        for g in groups:
            m = self._mention(words, g, date)
            if m is not None:
                out.append(m)
        return out

    def _mention(self, words: list[Word], g: list[Piece], date: str | None) -> RuMention | None:
        person = next((p for p in g if p.kind == "person"), None)
        state = next((p for p in g if p.kind in ("state", "igo")), None) or \
            next((p for p in g if p.kind == "org" and p.codes), None)
        role = next((p for p in g if p.kind in ("role", "agent")), None)
        place = next((p for p in g if p.kind in ("place", "org")), None)
        sector = (role.sector if role else "") or (person.sector if person else "")
        if person and person.codes:
            codes, kind = person.codes, "person"
        elif state:
            codes, kind = state.codes, ("role" if role else state.kind)
            if role and role.kind == "role" and state.kind == "state":
                holders = self.kb.holders(state.codes[0], role.role, date)
                sector = sector or (holders[0].sector if holders else "")
        elif place and place.codes:
            codes, kind = place.codes, "place"
        else:
            return None                       # a role or agent with no state: unresolved
        s, e = g[0].start, g[-1].end
        cs, ce = words[s].start, words[e - 1].end
        text = " ".join(w.text for w in words[s:e])
        actors = []
        for c in codes:
            if c == "IGO" and state is not None and state.entity is not None:
                actors.append(Actor(code="IGO", sector=sector, text=state.entity.name,
                                    actor_id=state.entity.id, start=cs, end=ce))
            else:
                eid = (person.entity.id if person and person.entity else f"state:{c}")
                actors.append(Actor(code=c, sector=sector, text=text, actor_id=eid, start=cs, end=ce))
        prep = words[s - 1].low if s > 0 and words[s - 1].a.pos == "PREP" else ""
        head = words[s]
        capital = state is not None and state.how == "capital" and len(g) == 1
        # a place, a capital or a state after в/на in the locative says where, not who
        location = (kind in ("place", "state") or capital) and prep in self.words.locative and \
            ("loct" in head.a.cases or kind == "place")
        if capital and s + 1 < len(words) and words[s + 1].text == "," and \
                (s == 0 or words[s - 1].text in "\n."):
            location = True                   # a dateline: "ТАШКЕНТ, 16 февраля"
        cases = g[0].cases or head.a.cases
        if head.a.pos == "ADJF" and e - s > 1 and words[s + 1].a.pos == "NOUN":
            # an adjective agrees with its noun: "кыргызской стороне" is dative (or locative),
            # not the genitive "кыргызской" alone may be
            cases = (cases & words[s + 1].a.cases) or cases
        return RuMention(s, e, cs, ce, text, actors, kind, cases, prep, location, g,
                         topic=prep in self.words.topic)


def _joins(group: list[Piece], p: Piece) -> bool:
    """Pieces that describe one actor: a role or agent with its state, a person with role."""
    kinds = {q.kind for q in group}
    if p.kind == "person":
        return "person" not in kinds
    if p.kind in ("state", "igo", "org"):
        return not kinds & {"state", "igo", "org"} and bool(kinds & {"role", "agent"}) or \
            (kinds == {"state"} and group[-1].how == "adjective")
    if p.kind in ("role", "agent"):
        # a state before a role qualifies it only as an adjective ("казахстанский министр");
        # a noun ("в Бишкек министр ...") ends the phrase before
        adjective = any(q.kind == "state" and q.how == "adjective" for q in group)
        return (bool(kinds & {"role", "agent"}) or adjective) and "person" not in kinds
    return False


def _rank(p: Piece) -> int:
    return {"person": 5, "igo": 4, "state": 3, "role": 2, "agent": 2, "org": 1, "place": 1}.get(p.kind, 0)
