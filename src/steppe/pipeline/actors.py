"""Find actor mentions in a document and resolve them to coded actors.

A mention is built from pieces found by phrase matchers over the tokens:
  KB names (states, adjectives, capitals, organisations, people, places),
  role phrases ("prime minister") and generic agents ("border guards").
Adjacent pieces joined only by connectors ("of", "'s", "the", "Mr.") form one
mention: "Uzbek President Shavkat Mirziyoyev", "the President of Kyrgyzstan",
"Kazakhstan's Defense Minister Saken Zhasuzakov". A role without a name resolves
to whoever held it at the reference date (time-aware), a person to the state they
served at that date. Group phrases ("the two countries") stand for the document's
main parties, pronouns ("he") for the last person named. Names the knowledge base
lacks are matched fuzzily (transliteration) or reported as an explicit unknown.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace
from importlib.resources import files
from typing import Iterable

import yaml
from rapidfuzz import fuzz, process
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from steppe.facts import Actor
from steppe.kb.model import Entity, KnowledgeBase
from steppe.pipeline.quantities import names_currency

CENTRAL_ASIA = ("KAZ", "KGZ", "TJK", "TKM", "UZB")
UNKNOWN = "unknown"
FUZZY_CUTOFF = 86

# Tokens that may join the pieces of one mention.
_CONNECT = {"'s", "’s", "'", "’", "of", "the", "mr.", "mr", "mrs.", "ms.", "dr.", "mister", "h.e.",
            "in", "from"}
_HONORIFIC = {"mr.", "mr", "mrs.", "ms.", "dr.", "mister", "h.e.", "madam"}
_PRIORITY = {"person": 5, "igo": 4, "org": 3, "state": 2, "place": 1}
_PRONOUNS = {"he", "she", "him", "his", "her"}
_NOT_NAME = {"The", "A", "An", "In", "On", "At", "And", "But", "For", "With", "To", "Of",
             "By", "As", "It", "He", "She", "They", "This", "That", "Said", "Has", "Was",
             "Is", "Will", "Had", "Who", "Which"}


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


@dataclass
class Mention:
    """An actor mention: character span in the document and the actors it stands for."""

    start: int
    end: int
    text: str
    actors: list[Actor]
    kind: str
    weak: bool = False        # a bare adjective on a non-agent noun ("the Uzbek pavilion")
    location: bool = False    # a place that is not a seat of government
    head: str = ""            # what the mention is mostly about (person/role/state...)
    pieces: list[Piece] = field(default_factory=list, repr=False)

    @property
    def codes(self) -> list[str]:
        return [a.code for a in self.actors if a.code]


class ActorResolver:
    """Compiled matchers over a KnowledgeBase; cheap to call per document."""

    def __init__(self, kb: KnowledgeBase, nlp: Language) -> None:
        self.kb = kb
        self.nlp = nlp
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
        self._groups = _load_groups()
        self._fuzzy_people = {s: ids for s, ids in kb.aliases.items()
                              if any(kb.entities[i].kind == "person" for i, _ in ids)}
        self._fuzzy_states = {s: ids for s, ids in kb.aliases.items()
                              if any(kb.entities[i].kind in ("state", "igo") for i, _ in ids)}
        # Surnames of known people, for "President Bush" when the KB keeps no bare
        # surname alias (two presidents share it: the state is still certain).
        self._surnames: dict[str, set[str]] = {}
        for e in kb.entities.values():
            if e.kind == "person":
                self._surnames.setdefault(e.name.split()[-1], set()).add(e.id)

    # -- public --------------------------------------------------------------------

    def find(self, doc: Doc, *, date: str | None) -> list[Mention]:
        """All mentions in a tokenised document, resolved at `date` (the document's)."""
        pieces = self._pieces(doc)
        mentions = [self._mention(doc, group, date) for group in _chain(doc, pieces)]
        text = doc.text     # built from the tokens on each access: read it once
        # An agency's credit line is no actor; "US$ 5 million" names a currency, not a state.
        mentions = [m for m in mentions if m is not None and not _credit_line(text, m)
                    and not names_currency(text, m.end)]
        filed = dateline_end(text)
        for m in mentions:
            if m.start < filed:
                # Where the story was filed: a place that stands for no actor (kept, so
                # that the parser's names do not bring it back).
                m.actors, m.location = [], True
        _share_coordinated_sector(text, mentions)
        main = main_parties(mentions, text)
        groups = self._group_mentions(text, main, mentions)
        _first_person_groups(text, groups, mentions, main)
        mentions += groups
        mentions += _pronoun_mentions(doc, mentions)
        _definite_descriptions(mentions)
        mentions.sort(key=lambda m: (m.start, -m.end))
        return mentions

    def resolve_unknown(self, doc: Doc, offset: int, known: list[Mention],
                        date: str | None) -> list[Mention]:
        """Mentions for NER entities of a parsed sentence that no KB name covered."""
        out = []
        taken = [(m.start, m.end) for m in known]
        for ent in doc.ents:
            if ent.label_ not in ("PERSON", "ORG", "GPE", "NORP"):
                continue
            s, e = ent.start_char + offset, ent.end_char + offset
            if any(a < e and s < b for a, b in taken):
                continue
            text = ent.text
            m = self.fuzzy(text, ent.label_, date)
            if m is None:
                actor = Actor(code="", sector="", text=text, actor_id=UNKNOWN,
                              confidence=0.0, start=s, end=e)
                out.append(Mention(s, e, text, [actor], kind=UNKNOWN))
            else:
                out.append(replace(m, start=s, end=e,
                                   actors=[replace(a, start=s, end=e, text=text) for a in m.actors]))
        return out

    def fuzzy(self, text: str, label: str, date: str | None) -> Mention | None:
        """Best transliteration-tolerant match for a name, or None below the cutoff."""
        clean = re.sub(r"^(?:the|mr\.?|mrs\.?|ms\.?)\s+", "", text, flags=re.I).strip()
        if len(clean) < 5:
            return None
        # The statistical NER often calls a foreign name an ORG: people are tried too.
        tables = [self._fuzzy_people] if label == "PERSON" else [self._fuzzy_states, self._fuzzy_people]
        hit = None
        for table in tables:
            hit = process.extractOne(clean, list(table), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
            if hit is not None:
                break
        if hit is None:
            return None
        surface, score, _ = hit
        entity = self.kb.entities[_best(table[surface], self.kb)[0]]
        code, sector, conf = self._code_of(entity, date)
        actor = Actor(code=code, sector=sector, text=text, actor_id=entity.id,
                      confidence=round(conf * score / 100, 3))
        return Mention(0, 0, text, [actor], kind=entity.kind, head=entity.kind)

    # -- pieces ----------------------------------------------------------------------

    def _pieces(self, doc: Doc) -> list[Piece]:
        found: list[Piece] = []
        for _, s, e in self._names(doc):
            ids = self._surface.get(doc[s:e].text)
            if not ids:
                continue
            eid, how = _best(ids, self.kb)
            ent = self.kb.entities[eid]
            found.append(Piece(s, e, ent.kind, entity=ent, how=how, sector=ent.sector))
        for match_id, s, e in self._generic(doc):
            phrase = doc[s:e].text.lower()
            if self.nlp.vocab.strings[match_id] == "ROLE":
                role, sector = self.kb.role_phrases.get(phrase, ("", "GOV"))
                found.append(Piece(s, e, "role", role=role, sector=sector))
            else:
                found.append(Piece(s, e, "agent", sector=self.kb.agents.get(phrase, "")))
        # Longest match wins; on ties, names before generic words.
        found.sort(key=lambda p: (-(p.end - p.start), -_PRIORITY.get(p.kind, 0), p.start))
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

    # -- mentions --------------------------------------------------------------------

    def _mention(self, doc: Doc, group: list[Piece], date: str | None) -> Mention | None:
        start_tok, end_tok = group[0].start, group[-1].end
        person = next((p for p in group if p.kind == "person"), None)
        state = next((p for p in group if p.kind == "state"), None)
        igo = next((p for p in group if p.kind == "igo"), None)
        org = next((p for p in group if p.kind == "org"), None)
        place = next((p for p in group if p.kind == "place"), None)
        generic = [p for p in group if p.kind in ("role", "agent")]
        # A role followed by an unknown capitalised name: "Prime Minister Mahendra Chaudhry".
        name_end = _unknown_name(doc, end_tok) if generic and person is None and group[-1].kind in ("role", "agent") else None
        known = None
        conf = 1.0
        if name_end:
            known = self._by_surname(doc[name_end - 1].text, date)
            if known is None:
                # "President Kassym-Jomart Tokaiyev": a spelling the KB lacks.
                guess = self.fuzzy(doc[end_tok:name_end].text.lstrip(", "), "PERSON", date)
                if guess is not None:
                    a = guess.actors[0]
                    known = (a.code, a.sector, a.actor_id)
                    conf = a.confidence
            end_tok = name_end
        span = doc[start_tok:end_tok]
        text = span.text
        sector = generic[0].sector if generic else ""
        actor_id = ""
        kind = group[0].kind if len(group) == 1 else "role"
        code = ""
        if state is not None:
            code = state.entity.code
            actor_id = state.entity.id
        elif igo is not None:
            code, actor_id = "IGO", igo.entity.id
            sector = sector or igo.entity.sector
        if person is not None:
            pcode, psector, pconf = self._code_of(person.entity, date)
            code = code or pcode
            sector = sector or psector
            actor_id, conf, kind = person.entity.id, pconf, "person"
        elif generic and state is not None and generic[0].kind == "role" and generic[0].role:
            holders = self.kb.holders(state.entity.code, generic[0].role, date)
            if len(holders) == 1:
                actor_id = holders[0].id
        if known is not None and not code:
            code, ksector, actor_id = known
            sector = sector or ksector
            kind = "person"
        if org is not None and not code:
            _, org_sector, _ = self._code_of(org.entity, date)
            code, sector, actor_id = org.entity.code, sector or org_sector, org.entity.id
            kind = "org"
        location = False
        if place is not None and not code:
            ent = place.entity
            code = ent.code
            actor_id = ent.id
            location = True
            kind = "place"
        if igo is not None and igo.entity.id and actor_id == igo.entity.id:
            text_for_igo = igo.entity.name
        else:
            text_for_igo = None
        if not code and not generic:
            return None
        if not code:
            # A bare role or agent with no state: an actor only once the context says whose.
            kind = "generic"
        weak = (len(group) == 1 and state is not None and state.how in ("adjective",)
                and not _followed_by_agent_noun(doc, end_tok))
        if weak and _inside_title(doc, start_tok, end_tok):
            return None   # "the Turkish World 2040 Vision": part of a name, not an actor
        if state is not None and state.how == "capital" and len(group) == 1 and \
                span.text.isupper() and end_tok < len(doc) and doc[end_tok].text in (",", "(", "—", "-"):
            location = True   # a dateline ("BISHKEK, 6 May —") says where it was written
        actor = Actor(code=code, sector=sector, text=text_for_igo or text, actor_id=actor_id or
                      ("" if code else UNKNOWN), confidence=conf,
                      start=span.start_char, end=span.end_char)
        return Mention(span.start_char, span.end_char, text, [actor], kind=kind,
                       weak=weak, location=location, head=kind, pieces=group)

    def _by_surname(self, surname: str, date: str | None) -> tuple[str, str, str] | None:
        """(code, sector, actor id or "") when every known bearer of the surname shares a state."""
        ids = self._surnames.get(surname)
        if not ids:
            return None
        people = [self.kb.entities[i] for i in sorted(ids)]
        at_date = [p for p in people if p.roles_at(date)] or people
        codes = {self._code_of(p, date)[0] for p in at_date}
        if len(codes) != 1:
            return None
        code, sector, _ = self._code_of(at_date[0], date)
        return code, sector, at_date[0].id if len(at_date) == 1 else ""

    def _code_of(self, entity: Entity, date: str | None) -> tuple[str, str, float]:
        if entity.kind == "person":
            return self.kb.state_of(entity, date)
        if entity.kind == "igo":
            return "IGO", entity.sector, 1.0
        if entity.roles and date:
            held = entity.roles_at(date)
            if held:
                return entity.code, held[0].sector, 1.0
        return entity.code, entity.sector, 1.0

    def _group_mentions(self, text: str, main: list[str],
                        mentions: list[Mention]) -> list[Mention]:
        out = []
        # Characters already in a mention (a map, not a list of spans: the overlap test
        # must not grow with the number of mentions, limits.py).
        taken = bytearray(len(text))
        for m in mentions:
            if not m.weak:
                taken[m.start:m.end] = b"\x01" * (m.end - m.start)
        quotes = [(q.start(), q.end()) for q in _QUOTE.finditer(text)]
        # Every pattern's matches, longest first: "the countries of the region" wins over
        # the "the countries" inside it, whatever the order of the patterns in the file.
        found = [(m, group) for group in self._groups for m in group[0].finditer(text)]
        found.sort(key=lambda f: (f[0].start() - f[0].end(), f[0].start()))
        for m, (_, members, sector, weak, quoted) in found:
            s, e = m.start(), m.end()
            if taken.find(1, s, e) != -1:
                continue
            if quoted and not any(a <= s < b for a, b in quotes):
                continue
            here = list(CENTRAL_ASIA) if members == "central_asia" else list(main)
            if members == "main" and not weak:
                # "the U.S. ambassador to Uzbekistan announced that the two countries ...":
                # the pair named just before in the sentence, else the document's pair.
                here = _pair_before(text, s, mentions) or here
            if not here:
                continue
            actors = [Actor(code=c, sector=sector, text=m.group(0), actor_id=f"state:{c}",
                            confidence=0.8, start=s, end=e) for c in here]
            out.append(Mention(s, e, m.group(0), actors, kind="group", head="group", weak=weak))
            taken[s:e] = b"\x01" * (e - s)
        return sorted(out, key=lambda g: g.start)


# -- helpers ---------------------------------------------------------------------------

def _credit_line(text: str, m: Mention) -> bool:
    """'MOSCOW, March 27 (Xinhua) --': the agency that filed the story, not an actor in it."""
    return bool(m.actors) and all(a.sector == "JRN" for a in m.actors) and \
        text[max(0, m.start - 1):m.start] == "(" and text[m.end:m.end + 1] == ")"


# A sentence ends at . ! or ? before a capital, not after an initial ("the U.S. envoy").
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])[.!?][\"”»]?\s+(?=[A-Z\"“«])")


def _pair_before(text: str, at: int, mentions: list[Mention]) -> list[str]:
    """The two states named earlier in the sentence that ends at `at`, if exactly two."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, max(0, at - 600), at)]
    start = max(ends[-1] if ends else 0, text.rfind("\n", 0, at) + 1)
    codes: list[str] = []
    for m in mentions:
        if start <= m.start < at and not m.location and m.kind not in ("group", "pronoun"):
            codes += [c for c in m.codes if c != "IGO" and c not in codes]
    return sorted(codes) if len(codes) == 2 else []


def _best(ids: list[tuple[str, str]], kb: KnowledgeBase) -> tuple[str, str]:
    return max(ids, key=lambda t: _PRIORITY.get(kb.entities[t[0]].kind, 0))


def _chain(doc: Doc, pieces: list[Piece]) -> Iterable[list[Piece]]:
    """Group adjacent pieces into one mention when only connectors stand between them."""
    group: list[Piece] = []
    for p in pieces:
        if group and _joins(doc, group, p):
            group.append(p)
            continue
        if group:
            yield group
        group = [p]
    if group:
        yield group


def _joins(doc: Doc, group: list[Piece], p: Piece) -> bool:
    prev = group[-1]
    gap = [t.text.lower() for t in doc[prev.end:p.start]]
    if len(gap) > 3 or any(g not in _CONNECT and g != "," for g in gap):
        return False
    kinds = {q.kind for q in group}
    if p.kind == "person":
        # "President Mirziyoyev", "Uzbek leader Mirziyoyev", "the secretary ..., Viktor Makhmudov"
        return "person" not in kinds and prev.kind in ("role", "agent", "state", "igo") and \
            (prev.kind != "state" or prev.how == "adjective" or not gap or "role" in kinds)
    if "," in gap:
        return False
    if p.kind in ("role", "agent"):
        # "Uzbek president", "Kazakhstan's defence minister", "secretary of the Security Council"
        if prev.kind in ("state", "igo"):
            return not gap or gap in (["'s"], ["’s"], ["'"], ["’"])
        return prev.kind in ("role", "agent") and gap in ([], ["of"], ["of", "the"])
    if p.kind in ("state", "igo"):
        # "the President of Uzbekistan", "head of the SCO", "rebels in the Ivory Coast"
        allowed = [["of"], ["of", "the"]]
        if prev.kind == "agent":
            allowed += [["in"], ["in", "the"], ["from"], ["from", "the"]]
        return prev.kind in ("role", "agent") and gap in allowed and \
            not any(q.kind in ("state", "igo") for q in group)
    if p.kind == "org":
        return prev.kind in ("state",) and prev.how == "adjective" and not gap
    return False


def _unknown_name(doc: Doc, i: int) -> int | None:
    """End token of a capitalised name right after a role ("President Juvenal Habyarimana")."""
    j = i
    while j < len(doc) and doc[j].text.lower() in _HONORIFIC | {","}:
        j += 1
    k = j
    while k < len(doc) and k - j < 6 and (doc[k].is_title and doc[k].is_alpha and doc[k].text not in _NOT_NAME
                                          or doc[k].text == "-" and k > j and k + 1 < len(doc)
                                          and doc[k + 1].is_title and not doc[k].whitespace_):
        k += 1
    return k if k - j >= 1 and (k - j >= 2 or j == i) else None


def _inside_title(doc: Doc, start: int, end: int) -> bool:
    """An adjective inside the capitalised name of a document, project or event ("the
    Turkish World 2040 Vision Strategic Document"): not an actor. In the name of a group
    ("the Palestinian Islamic Jihad movement") or before a title ("Uzbek President") it is."""
    for tok in doc[end:end + 7]:
        if not (tok.is_title or tok.like_num or tok.text == "-"):
            return False
        if tok.text.lower() in _NAME_HEADS:
            return True
    return False


# Head nouns of names that are things, not actors.
_NAME_HEADS = {"document", "vision", "strategy", "programme", "program", "agreement", "treaty",
               "declaration", "plan", "concept", "initiative", "project", "forum", "games",
               "expo", "exhibition", "festival", "corridor", "railway", "pipeline", "highway",
               "road", "university", "institute", "days", "week", "year", "prize", "award",
               "pavilion", "centre", "center", "house", "language", "cuisine", "dictionary"}


def _followed_by_agent_noun(doc: Doc, i: int) -> bool:
    return i < len(doc) and doc[i].text.lower() in {
        "officials", "official", "authorities", "side", "government", "leadership",
        "diplomats", "delegation", "troops", "forces", "guards", "army", "military",
        "police", "soldiers", "counterpart", "counterparts", "leader", "leaders",
        "negotiators", "lawmakers", "parliament", "ministry", "people", "citizens",
        "nationals", "workers", "migrants", "businessmen", "companies", "investors",
        "border", "capital", "partners", "colleagues", "experts", "specialists"}


def _share_coordinated_sector(text: str, mentions: list[Mention]) -> None:
    """'Kazakh and Uzbek officials': the first adjective takes the agent of the second."""
    for a, b in zip(mentions, mentions[1:]):
        between = text[a.end:b.start].strip().lower()
        if between in ("and", ",", "or") and a.weak and b.actors and b.actors[0].sector:
            a.weak = False
            a.actors = [replace(x, sector=b.actors[0].sector) for x in a.actors]
        # "the presidents of Kazakhstan and Uzbekistan": the state after "and" shares the role.
        if between == "and" and a.kind == "role" and b.kind == "state" and a.actors[0].sector:
            b.actors = [replace(x, sector=a.actors[0].sector) for x in b.actors]


def main_parties(mentions: list[Mention], text: str, *, size: int = 2) -> list[str]:
    """The document's main states: the most mentioned codes, the title counting double."""
    counts: Counter[str] = Counter()
    title_end = text.find("\n") if "\n" in text[:300] else 0
    # "Baku, Azerbaijan, Aug. 17" says where the story was filed: neither a title nor a party.
    skip = dateline_end(text)
    if skip >= title_end:
        title_end = 0
    for m in mentions:
        if m.kind in ("group", "pronoun") or m.location or m.start < skip:
            continue
        for a in m.actors:
            if a.code and a.code != "IGO":
                counts[a.code] += 2 if m.start < title_end else 1
    top = [c for c, n in counts.most_common(size) if n >= 2]
    return sorted(top)


_MONTH_DAY = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b"
                        r"|\b\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)", re.I)
# "ASHGABAT (TCA) —", "Tashkent, Uzbekistan (UzDaily.com) —": capitalised place words, an
# optional agency, a dash.
_INLINE_DATELINE = re.compile(r"\s*[A-Z][\w’'.-]*(?:,? [A-Z][\w’'.-]*){0,3}\s*(?:\([^)\n]{1,30}\))?\s*(?:—|--|–)\s")


def dateline_end(text: str) -> int:
    """Where the dateline that opens a story ends (0 if none): it says where the story was
    filed ("Baku, Azerbaijan, Aug. 17"), so the states it names are not the story's parties."""
    first = re.match(r"\s*([^\n]{1,50})\n", text)
    if first and _MONTH_DAY.search(first.group(1)):
        return first.end()
    inline = _INLINE_DATELINE.match(text)
    return inline.end() if inline else 0


_QUOTE = re.compile(r"“[^”]{1,2000}”|\"[^\"\n]{1,2000}\"|«[^»]{1,2000}»")


def _first_person_groups(text: str, groups: list[Mention], mentions: list[Mention],
                         main: list[str]) -> None:
    """'our countries' inside a quotation: the speaker's state and its partner, not simply
    the document's two main parties."""
    quotes = [(m.start(), m.end()) for m in _QUOTE.finditer(text)]
    if not quotes:
        return
    people = [m for m in mentions if m.kind in ("person", "role") and m.codes
              and not any(a <= m.start < b for a, b in quotes)]
    for g in groups:
        if not re.match(r"(?:our|we)\b", g.text, re.I):
            continue
        quote = next(((a, b) for a, b in quotes if a <= g.start < b), None)
        if quote is None:
            continue
        lo, hi = text.rfind("\n\n", 0, quote[0]), text.find("\n\n", quote[1])
        near = [m for m in people if lo <= m.start and (hi < 0 or m.start < hi)]
        if not near:
            continue
        speaker = min(near, key=lambda m: min(abs(m.start - quote[1]), abs(quote[0] - m.end)))
        code = speaker.codes[0]
        # The partner is the state most named around the quote (this and the previous paragraph).
        lo2 = text.rfind("\n\n", 0, max(lo, 0)) if lo > 0 else 0
        around = Counter(c for m in mentions if max(lo2, 0) <= m.start and (hi < 0 or m.start < hi)
                         and m.kind not in ("group", "pronoun") for c in m.codes
                         if c not in (code, "IGO"))
        partner = [c for c, _ in around.most_common(1)] or [c for c in main if c != code][:1]
        sector = g.actors[0].sector if g.actors else ""
        g.actors = [Actor(code=c, sector=sector, text=g.text, actor_id=f"state:{c}",
                          confidence=0.7, start=g.start, end=g.end) for c in [code] + partner]


def _pronoun_mentions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """'he' / 'his' -> the last person (or person-like role) named before, within ~60 tokens."""
    people = sorted((m for m in mentions if m.kind in ("person", "role") and m.actors
                     and m.actors[0].code and m.actors[0].sector in ("GOV", "MIL", "")),
                    key=lambda m: m.end)
    ends = [m.end for m in people]
    out = []
    for tok in doc:
        if tok.text.lower() not in _PRONOUNS:
            continue
        i = bisect_right(ends, tok.idx)
        if i == 0 or tok.idx - ends[i - 1] >= 400:
            continue
        ref = people[i - 1]
        actors = [replace(a, text=tok.text, start=tok.idx, end=tok.idx + len(tok),
                          confidence=a.confidence * 0.8) for a in ref.actors]
        out.append(Mention(tok.idx, tok.idx + len(tok), tok.text, actors, kind="pronoun",
                           head=ref.head))
    return out + _thing_pronouns(doc, mentions)


# Possessives ("opened its borders", "their troops") mostly point back at the clause's own
# subject, which is already its source: only the pronouns that stand for an actor count.
def _definite_descriptions(mentions: list[Mention]) -> None:
    """'the ministry', 'the bank', 'the president' with no state: the last actor named
    before with the same head word ("the Ministry of Foreign Affairs of Tajikistan")."""
    named = [m for m in mentions if m.codes and m.kind not in ("group", "pronoun")]
    for m in mentions:
        if m.kind != "generic" or m.codes or not m.actors:
            continue
        head = m.text.lower().split()[-1] if m.text.split() else ""
        if not head:
            continue
        earlier = [n for n in named if n.end <= m.start and m.start - n.end < 1500
                   and head in n.text.lower().split()]
        if earlier:
            ref = max(earlier, key=lambda n: n.end)
            m.actors = [replace(a, text=m.text, start=m.start, end=m.end,
                                confidence=a.confidence * 0.8) for a in ref.actors]


_IT = {"it"}
_THEY = {"they", "them"}


def _thing_pronouns(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """'it' -> the last state, organisation or company named before; 'they' / 'them' ->
    the last pair or group of states ("Kyrgyzstan and Tajikistan",
    "the two countries"), within ~300 characters."""
    named = sorted((m for m in mentions if m.codes and not m.location and not m.weak
                    and m.kind in ("state", "igo", "org", "group")), key=lambda m: m.end)
    ends = [m.end for m in named]
    text = doc.text
    out = []
    for tok in doc:
        low = tok.text.lower()
        if low not in _IT and low not in _THEY:
            continue
        i = bisect_right(ends, tok.idx)
        if i == 0 or tok.idx - ends[i - 1] >= 300:
            continue
        last = named[i - 1]
        if low in _IT:
            if last.kind == "group" or len(last.codes) != 1:
                continue
            refs = [last]
        elif len(set(last.codes)) >= 2:
            refs = [last]
        elif i >= 2 and text[named[i - 2].end:last.start].strip() in ("and", ",", ", and"):
            refs = [named[i - 2], last]     # "Kyrgyzstan and Tajikistan ... they"
        else:
            continue
        actors = [replace(a, text=tok.text, start=tok.idx, end=tok.idx + len(tok),
                          confidence=a.confidence * 0.7) for r in refs for a in r.actors]
        out.append(Mention(tok.idx, tok.idx + len(tok), tok.text, actors, kind="pronoun",
                           head=refs[-1].head))
    return out


def _load_groups() -> list[tuple[re.Pattern[str], str, str, bool, bool]]:
    data = yaml.safe_load((files("steppe.data") / "groups.yaml").read_text(encoding="utf-8"))
    return [(re.compile(g["pattern"], re.I), g["members"], g.get("sector") or "", bool(g.get("weak")),
             bool(g.get("quoted"))) for g in data]
