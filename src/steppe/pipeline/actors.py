"""Find actor mentions in a document and resolve them to coded actors.

A mention is built from pieces found by phrase matchers over the tokens:
  KB names (states, adjectives, capitals, organisations, people, places),
  role phrases ("prime minister") and generic agents ("border guards").
(kb/index.py). Adjacent pieces joined only by connectors ("of", "'s", "the", "Mr.") form
one mention: "Uzbek President Shavkat Mirziyoyev", "the President of Kyrgyzstan",
"Kazakhstan's Defense Minister Saken Zhasuzakov". A role without a name resolves
to whoever held it at the reference date (time-aware), a person to the state they
served at that date. Names the knowledge base lacks are matched fuzzily
(transliteration) or reported as an explicit unknown. Mentions that refer back to
these (groups, pronouns) are coref.py's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc

from steppe.facts import Actor
from steppe.kb.index import NameIndex, Piece
from steppe.kb.model import Entity, KnowledgeBase
from steppe.pipeline.coref import Coreference, CorefWords, GroupPattern
from steppe.pipeline.mentions import UNKNOWN, Mention, dateline, main_parties
from steppe.pipeline.quantities import names_currency
from steppe.words import Grammar

__all__ = ["ActorResolver", "ActorWords", "Mention", "Piece", "UNKNOWN", "dateline", "main_parties"]

@dataclass(frozen=True)
class ActorWords:
    """The word classes the actor stage reads (data/words/<language>.yaml, section actors)."""

    connect: frozenset[str]        # tokens that may join the pieces of one mention
    honorific: frozenset[str]
    not_name: frozenset[str]
    fuzzy_prefix: re.Pattern[str]
    name_heads: frozenset[str]     # head nouns of names that are things, not actors
    agent_nouns: frozenset[str]
    stance_prefixes: frozenset[str]   # "anti-", "pro-": the state is what a stance is about
    origin_suffixes: frozenset[str]   # "-owned", "-made": the state owns or made a thing
    successor_nouns: frozenset[str]   # "former Soviet [republics]": states that came out of it
    ending_nouns: frozenset[str]      # "the [collapse] of the Soviet Union": a time, not a party
    period_nouns: frozenset[str]      # "in Soviet [times]"
    people_preps: frozenset[str]      # "the Albanians of southern Serbia"
    people_markers: frozenset[str]    # "ethnic Albanians"
    compass: frozenset[str]
    leader_suffixes: frozenset[str] = frozenset()   # "-led" ...
    led_bodies: frozenset[str] = frozenset()        # ... "bloc": the body acts, not its leader

    @classmethod
    def from_grammar(cls, grammar: Grammar, language: str = "en") -> ActorWords:
        w = grammar.words(language, "actors")
        return cls(connect=w.set("connectors"), honorific=w.set("honorifics"),
                   not_name=w.set("not_names", lower=False),
                   fuzzy_prefix=re.compile(rf"^(?:{w.alternation('fuzzy_prefix_patterns')})\s+", re.I),
                   name_heads=w.set("thing_heads"), agent_nouns=w.set("agent_nouns"),
                   stance_prefixes=w.set("stance_prefixes"), origin_suffixes=w.set("origin_suffixes"),
                   successor_nouns=w.set("successor_nouns"), ending_nouns=w.set("ending_nouns"),
                   period_nouns=w.set("period_nouns"),
                   people_preps=w.set("people_preps"), people_markers=w.set("people_markers"),
                   compass=w.set("compass_words"),
                   leader_suffixes=w.set("leader_suffixes"), led_bodies=w.set("led_bodies"))


class ActorResolver:
    """Compiled matchers over a KnowledgeBase; cheap to call per document."""

    def __init__(self, kb: KnowledgeBase, nlp: Language, groups: list[GroupPattern],
                 grammar: Grammar) -> None:
        self.kb = kb
        self.nlp = nlp
        self.index = NameIndex(kb, nlp)
        self.words = ActorWords.from_grammar(grammar)
        members = {e.id: frozenset(e.members) for e in kb.entities.values() if e.kind == "igo"}
        self.coref = Coreference(groups, CorefWords.from_grammar(grammar), members)

    # -- public --------------------------------------------------------------------

    def find(self, doc: Doc, *, date: str | None) -> list[Mention]:
        """All mentions in a tokenised document, resolved at `date` (the document's): the
        names, then what refers back to them."""
        mentions = self.coref(doc, self.names(doc, date=date))
        mentions.sort(key=lambda m: (m.start, -m.end))
        return mentions

    def names(self, doc: Doc, *, date: str | None) -> list[Mention]:
        """The mentions of knowledge-base names in a tokenised document, resolved at `date`."""
        pieces = self.index.pieces(doc)
        mentions = [self._mention(doc, group, date) for group in _chain(doc, pieces, self.words)
                    for group in _split_stance(doc, group, self.words)]
        text = doc.text     # built from the tokens on each access: read it once
        # An agency's credit line is no actor; "US$ 5 million" names a currency, not a state.
        mentions = [m for m in mentions if m is not None and not _credit_line(text, m)
                    and not names_currency(text, m.end)]
        since, filed = dateline(text)
        for m in mentions:
            if since <= m.start < filed:
                # Where the story was filed: a place that stands for no actor (kept, so
                # that the parser's names do not bring it back).
                m.actors, m.location = [], True
        _share_coordinated_sector(text, mentions)
        return _peoples(text, mentions, self.words)

    def resolve_unknown(self, doc: Doc, offset: int, known: list[Mention],
                        date: str | None) -> list[Mention]:
        """Mentions for NER entities of a parsed sentence that no KB name covered."""
        out = []
        taken = [(m.start, m.end) for m in known]
        # Agents no state is named for: "Kurdish rebels", "Karen guerrillas" are rebels
        # whose state the context gives, not a second, unknown actor (whatever NER's label).
        agents = {m.start for m in known if m.kind == "generic" and not m.codes}
        for ent in doc.ents:
            if ent.label_ not in ("PERSON", "ORG", "GPE", "NORP"):
                continue
            s, e = ent.start_char + offset, ent.end_char + offset
            if any(a < e and s < b for a, b in taken):
                continue
            if e + 1 in agents and ent.doc.text[ent.end_char:ent.end_char + 1] == " ":
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
        clean = self.words.fuzzy_prefix.sub("", text).strip()
        if len(clean) < 5:
            return None
        hit = self.index.fuzzy(clean, label)
        if hit is None:
            return None
        entity, score = hit
        code, sector, conf = self._code_of(entity, date)
        actor = Actor(code=code, sector=sector, text=text, actor_id=entity.id,
                      confidence=round(conf * score / 100, 3))
        return Mention(0, 0, text, [actor], kind=entity.kind, head=entity.kind)

    # -- mentions --------------------------------------------------------------------

    def _mention(self, doc: Doc, group: list[Piece], date: str | None) -> Mention | None:
        if group[0].kind in ("state", "igo") and (_after_stance_prefix(doc, group[0].start, self.words)
                                                  or len(group) == 1 and _before_origin_suffix(doc, group[0].end, self.words)
                                                  or len(group) == 1 and _successors(doc, group[0], self.words)
                                                  or _names_a_time(doc, group[0], self.words)):
            # "an anti-Syria journalist": the state is what the stance is about, not who;
            # "a Saudi-owned weekly": whose the thing is; "the former Soviet republics":
            # the states that came out of it; "since the collapse of the Soviet Union", "in
            # Soviet times": a time (kept as places, so that the parser's names do not bring
            # them back).
            span = doc[group[0].start:group[0].end]
            return Mention(span.start_char, span.end_char, span.text, [], kind="place",
                           location=True, head="place", pieces=group[:1])
        start_tok, end_tok = group[0].start, group[-1].end
        person = next((p for p in group if p.kind == "person"), None)
        state = next((p for p in group if p.kind == "state"), None)
        igo = next((p for p in group if p.kind == "igo"), None)
        org = next((p for p in group if p.kind == "org"), None)
        place = next((p for p in group if p.kind == "place"), None)
        generic = [p for p in group if p.kind in ("role", "agent")]
        # A role followed by an unknown capitalised name: "Prime Minister Mahendra Chaudhry".
        name_end = _unknown_name(doc, end_tok, self.words, comma=group[-1].kind == "role") \
            if generic and person is None and group[-1].kind in ("role", "agent") else None
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
        if igo is not None and igo.entity.id and (actor_id == igo.entity.id or code == "IGO"):
            # (its officials too: "European Commission President X" is the EU for the scorer)
            text_for_igo = igo.entity.name
        elif person is not None and code == "IGO":
            # "von der Leyen": an organisation's official named alone is it too
            text_for_igo = self.kb.igo_of(person.entity, date) or None
        else:
            text_for_igo = None
        if not code and not generic:
            return None
        if not code:
            # A bare role or agent with no state: an actor only once the context says whose.
            kind = "generic"
        weak = (len(group) == 1 and state is not None and state.how in ("adjective",)
                and not _followed_by_agent_noun(doc, end_tok, self.words))
        if weak and _inside_title(doc, end_tok, self.words):
            return None   # "the Turkish World 2040 Vision": part of a name, not an actor
        if state is not None and state.how == "capital" and len(group) == 1 and \
                span.text.isupper() and end_tok < len(doc) and doc[end_tok].text in (",", "(", "—", "-"):
            location = True   # a dateline ("BISHKEK, 6 May —") says where it was written
        in_name = state is not None and state.how == "capital" and len(group) == 1 and \
            _inside_title(doc, end_tok, self.words)
        actor = Actor(code=code, sector=sector, text=text_for_igo or text, actor_id=actor_id or
                      ("" if code else UNKNOWN), confidence=conf,
                      start=span.start_char, end=span.end_char)
        if in_name:
            # "the Stockholm Chamber of Commerce": a city inside a name stands for no actor
            # (kept, so that the parser's names do not bring it back).
            return Mention(span.start_char, span.end_char, text, [], kind="place",
                           location=True, head="place", pieces=group)
        # "President Juvenal Habyarimana", a name the KB lacks: a person whose state only
        # the text can tell (agent_states.local_agents).
        head = "person" if name_end and not code else kind
        # A full name ("US Secretary of State John Kerry", "Kyrgyz Foreign Minister Almaz
        # Tursunov"): news writing calls the person by the surname alone afterwards (coref).
        surname = doc[name_end - 1].text if name_end else \
            doc[person.end - 1].text if person is not None and person.end - person.start >= 2 else ""
        return Mention(span.start_char, span.end_char, text, [actor], kind=kind,
                       weak=weak, location=location, head=head, pieces=group, surname=surname)

    def _by_surname(self, surname: str, date: str | None) -> tuple[str, str, str] | None:
        """(code, sector, actor id or "") when every known bearer of the surname shares a state."""
        people = self.index.people_named(surname)
        if not people:
            return None
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


# -- helpers ---------------------------------------------------------------------------

def _credit_line(text: str, m: Mention) -> bool:
    """'MOSCOW, March 27 (Xinhua) --': the agency that filed the story, not an actor in it."""
    return bool(m.actors) and all(a.sector == "JRN" for a in m.actors) and \
        text[max(0, m.start - 1):m.start] == "(" and text[m.end:m.end + 1] == ")"




def _chain(doc: Doc, pieces: list[Piece], words: ActorWords) -> Iterable[list[Piece]]:
    """Group adjacent pieces into one mention when only connectors stand between them."""
    group: list[Piece] = []
    for p in pieces:
        if group and _joins(doc, group, p, words):
            group.append(p)
            continue
        if group:
            yield group
        group = [p]
    if group:
        yield group


def _joins(doc: Doc, group: list[Piece], p: Piece, words: ActorWords) -> bool:
    prev = group[-1]
    gap = [t.text.lower() for t in doc[prev.end:p.start]]
    if len(gap) > 3 or any(g not in words.connect and g != "," for g in gap):
        return False
    kinds = {q.kind for q in group}
    if p.kind == "person":
        # "President Mirziyoyev", "Uzbek leader Mirziyoyev", "the secretary ..., Viktor
        # Makhmudov"; after a comma only a title's ("At the UN General Assembly, Biden met")
        return "person" not in kinds and prev.kind in ("role", "agent", "state", "igo") and \
            ("," not in gap or "role" in kinds) and \
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


def _unknown_name(doc: Doc, i: int, words: ActorWords, comma: bool = True) -> int | None:
    """End token of a capitalised name right after a role ("President Juvenal Habyarimana",
    with `comma` also "the secretary, Juvenal Habyarimana"; not "in the parliament,
    Macron said")."""
    j = i
    while j < len(doc) and (doc[j].text.lower() in words.honorific or comma and doc[j].text == ","):
        j += 1
    k = j
    while k < len(doc) and k - j < 6 and (doc[k].is_title and doc[k].is_alpha and doc[k].text not in words.not_name
                                          or doc[k].text == "-" and k > j and k + 1 < len(doc)
                                          and doc[k + 1].is_title and not doc[k].whitespace_):
        k += 1
    return k if k - j >= 1 and (k - j >= 2 or j == i) else None


def _inside_title(doc: Doc, end: int, words: ActorWords) -> bool:
    """An adjective inside the capitalised name of a document, project or event ("the
    Kazakh Green Economy 2050 Concept"): not an actor. In the name of a group
    ("the Palestinian Islamic Jihad movement") or before a title ("Uzbek President") it is."""
    for tok in doc[end:end + 7]:
        if not (tok.is_title or tok.like_num or tok.text == "-"):
            return False
        if tok.text.lower() in words.name_heads:
            return True
    return False


def _split_stance(doc: Doc, group: list[Piece], words: ActorWords) -> list[list[Piece]]:
    """'anti-Syria journalist': the state apart from the agent it would qualify."""
    if len(group) > 1 and group[0].kind in ("state", "igo") and \
            _after_stance_prefix(doc, group[0].start, words):
        return [group[:1], group[1:]]
    return [group]


def _after_stance_prefix(doc: Doc, start: int, words: ActorWords) -> bool:
    """'anti-Syria', 'pro-Western': a prefix joined to the name by a hyphen."""
    return start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ \
        and not doc[start - 1].whitespace_ and doc[start - 2].lower_ in words.stance_prefixes


def _before_origin_suffix(doc: Doc, end: int, words: ActorWords) -> bool:
    """'Saudi-owned', 'Russian-made': a participle joined to the name by a hyphen; or
    'Russian-led' before a body ("the Russian-led bloc")."""
    if not (end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_
            and not doc[end].whitespace_):
        return False
    suffix = doc[end + 1].lower_
    return suffix in words.origin_suffixes or suffix in words.leader_suffixes and any(
        t.lower_ in words.led_bodies for t in doc[end + 2:end + 5])


def _successors(doc: Doc, piece: Piece, words: ActorWords) -> bool:
    """'the former Soviet republics', 'ex-Yugoslav states': the states that came out of a
    former one, which is no party to what they do."""
    start, end = piece.start, piece.end
    return piece.how == "adjective" and start >= 1 and end < len(doc) and \
        doc[start - 1].lower_ in ("former", "ex", "-") and doc[end].lower_ in words.successor_nouns


def _names_a_time(doc: Doc, piece: Piece, words: ActorWords) -> bool:
    """'since the collapse of the Soviet Union', 'in Soviet times': a state named as a time
    (its end or its years) dates the story and is no party to it."""
    start, end = piece.start, piece.end
    if piece.how == "adjective":
        return end < len(doc) and doc[end].lower_ in words.period_nouns
    j = start - 1 - (start >= 1 and doc[start - 1].lower_ == "the")
    if j < 1 or doc[j].lower_ != "of":
        return False
    noun = doc[j - 1].lower_
    if noun == "up" and j >= 3 and doc[j - 2].text == "-":
        noun = doc[j - 3].lower_ + "-up"          # "break-up" is cut into three tokens
    return noun in words.ending_nouns


def _followed_by_agent_noun(doc: Doc, i: int, words: ActorWords) -> bool:
    """'Kazakh officials', 'a Colombian cargo ship': the noun after the adjective, or the one
    after a lower-case noun before it ("cargo" of "ship"), is an agent or a thing a state
    owns; in a list of adjectives ("Russian, Tajik and Uzbek troops"), the noun after the
    last. Read from the words: the names are found before any parse."""
    while i + 1 < len(doc) and doc[i].text in (",", "and") and doc[i + 1].text[:1].isupper() \
            and doc[i + 1].is_alpha:
        i += 2
    for j in range(i, min(i + 2, len(doc))):
        if doc[j].text.lower() in words.agent_nouns:
            return True
        if not doc[j].is_alpha or not doc[j].is_lower:
            return False
    return False


def _peoples(text: str, mentions: list[Mention], words: ActorWords) -> list[Mention]:
    """A people named by a state's demonym and the place it lives in stands for the state
    of that place (PLOVER codes an actor by the country it is associated with): "the
    Albanians of southern Serbia" are Serbia's, "Serbs in Croatia" Croatia's."""
    out: list[Mention] = []
    for prev, m, nxt in zip([None] + mentions[:-1], mentions, mentions[1:] + [None]):
        if _people(m) and nxt is not None and nxt.kind == "state" and nxt.actors and \
                _people_place(text[m.end:nxt.start], words):
            m = replace(m, weak=False, actors=[replace(a, code=b.code, actor_id=b.actor_id)
                                               for a in m.actors for b in nxt.actors[:1]])
        elif _people(m) and prev is not None and prev.kind == "state" and prev.codes and \
                prev.pieces[:1] and prev.pieces[0].how in ("adjective", "name") and \
                text[prev.end:m.start] == " " and set(prev.codes) != set(m.codes):
            # "Bosnian Serbs", "Kosovo Albanians": the adjective says where the people lives.
            m = replace(m, actors=[replace(a, code=b.code, actor_id=b.actor_id)
                                   for a in m.actors for b in prev.actors[:1]])
        elif _people(m) and text[max(0, m.start - 20):m.start].split()[-1:] and \
                text[max(0, m.start - 20):m.start].split()[-1].lower() in words.people_markers:
            # "ethnic Uzbeks": where they live is for the sentence to say (events).
            m = replace(m, people=True)
        out.append(m)
    return out


def _people(m: Mention) -> bool:
    """A mention that is a state's demonym alone ("Serbs", "Albanians")."""
    return m.kind == "state" and len(m.pieces) == 1 and m.pieces[0].how == "demonym"


def _people_place(gap: str, words: ActorWords) -> bool:
    """' of southern ', ' in the ': a preposition of place, then at most 'the' and a compass word."""
    tokens = gap.lower().split()
    if not tokens or tokens[0] not in words.people_preps:
        return False
    rest = [t for t in tokens[1:] if t != "the"]
    return len(rest) <= 1 and all(t in words.compass for t in rest)


def _share_coordinated_sector(text: str, mentions: list[Mention]) -> None:
    """'Kazakh and Uzbek officials', 'Russian, Tajik and Uzbek troops': an adjective takes
    the agent of the next (read from the last, so that the agent runs back the list)."""
    for a, b in reversed(list(zip(mentions, mentions[1:]))):
        between = text[a.end:b.start].strip().lower()
        if between not in ("and", ",", "or"):
            continue
        bare = a.weak or any(p.how == "adjective" for p in a.pieces) and not any(x.sector for x in a.actors)
        if bare and b.actors and b.actors[0].sector:
            a.weak = False
            a.actors = [replace(x, sector=b.actors[0].sector) for x in a.actors]
        elif a.weak and b.kind == "state" and not b.weak:
            a.weak = False   # "the Kazakh and Kyrgyz leaders": both adjectives name agents
        # "the presidents of Kazakhstan and Uzbekistan": the state after "and" shares the role.
        if between == "and" and a.kind == "role" and b.kind == "state" and a.actors[0].sector:
            b.actors = [replace(x, sector=a.actors[0].sector) for x in b.actors]

