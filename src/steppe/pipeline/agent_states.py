"""The state of an agent the sentence names no state for, settled before its events are
coded: a people stands for the state where it acts, an unnamed agent belongs to the one
state its sentence (or story) names, unless it acts on that state."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from steppe.facts import Actor
from steppe.pipeline.mentions import Mention
from steppe.pipeline.roles import pobj_actors
from steppe.pipeline.story_parties import other_of_pair

__all__ = ["bound_pronouns", "local_agents", "peoples_placed"]


def local_agents(sent: SpacySpan, mentions: list[Mention], tm: dict[int, Mention],
                  main: list[str], reporting: frozenset[str] = frozenset(),
                  told: list[str] = (), border_nouns: frozenset[str] = frozenset(),
                  foreign: frozenset[str] = frozenset()) -> dict[int, Mention]:
    """'The military government declared a state of siege in Haiti': an agent or an unknown
    name that no state is named for belongs to the one state the sentence names, if it
    names only one; in a sentence that names no state, to the document's one main state
    ("Police arrested 30 protesters" in a story about Kenya). Who reports the sentence
    ("..., a spokeswoman for the US embassy said") names no state of its acts. An agent
    whose act is aimed at that one state ("The Foreign Ministry accused Russia") is the
    other state of the pair the story tells of (`told`, else the main pair). A state named
    only as the far side of a border ("troops were deployed along the border with
    Afghanistan, the Tajik ministry said") is where the move looks, not whose it is: the
    reporter's state is."""
    tm = _sent_by(sent, tm)
    told_by = _reporter_span(sent, reporting)
    codes = {c for m in mentions if sent.start_char <= m.start < sent.end_char
             and not told_by[0] <= m.start < told_by[1]
             for c in m.codes if c != "IGO"}
    if not codes and len(main) == 1:
        codes = {main[0]}
    if len(codes) != 1:
        return tm
    code = codes.pop()
    reporters = {c for m in mentions if told_by[0] <= m.start < told_by[1] for c in m.codes if c != "IGO"}
    if len(reporters) == 1 and code not in reporters and _across_border(sent, tm, code, border_nouns):
        code = reporters.pop()
    # "President Isaias Afwerki accused Sudan": a titled person the KB lacks is not of the
    # state the sentence names as someone acted on, only of one named as where.
    where = None        # read only if a titled person needs it (most sentences have none)
    out = dict(tm)
    fixed: dict[int, Mention] = {}
    for i, m in tm.items():
        if m.head == "person":
            if where is None:
                where = _named_as_place(sent, mentions, code)
            if not where:
                continue
        if m.kind in ("generic", "unknown") and m.actors and not m.codes and \
                not _foreign(sent.doc, min(j for j, n in tm.items() if n is m), foreign):
            if id(m) not in fixed:
                fixed[id(m)] = _given_state(m, _own_state(sent.doc[i], code, tm, told, main))
            out[i] = fixed[id(m)]
    return out


def _own_state(agent: Token, code: str, tm: dict[int, Mention], told: list[str],
               main: list[str]) -> str | None:
    """The state of an agent the sentence's one state `code` would be given: that state,
    unless the agent acts on it or is acted on by it (then the story's other party; one
    acted on stays unknown when no pair tells)."""
    acted_on = _acted_on(agent, code, tm)
    if not (acted_on or _acts_on(agent, code, tm)):
        return code
    other = other_of_pair([Actor(code=code, text=code)], list(told)) or \
        other_of_pair([Actor(code=code, text=code)], main)
    if other:
        return other[0].code
    return None if acted_on else code


def _given_state(m: Mention, code: str | None) -> Mention:
    """The mention with its actors given `code` (less sure of them), or as it is for none."""
    if code is None:
        return m
    return replace(m, actors=[replace(a, code=code, confidence=0.5 * a.confidence) for a in m.actors])


def _sent_by(sent: SpacySpan, tm: dict[int, Mention]) -> dict[int, Mention]:
    """'troops sent to Kazakhstan by the CSTO', 'forces deployed by Russia': an agent with
    no state, qualified by a participle whose agent is named, is that agent's."""
    out = tm
    for i, m in tm.items():
        if m.kind not in ("generic", "unknown") or not m.actors or m.codes:
            continue
        tok = sent.doc[i]
        givers = [a for c in tok.children if c.dep_ == "acl"
                  for g in c.children if g.dep_ == "agent" for a in pobj_actors(g, tm) if a.code]
        if givers:
            if out is tm:
                out = dict(tm)
            own = replace(m, actors=[replace(a, start=m.start, end=m.end) for a in givers])
            out.update({j: own for j, n in tm.items() if n is m})
    return out


def _foreign(doc, first: int, foreign: frozenset[str]) -> bool:
    """Whether the agent whose mention begins at token `first` is told as foreign: "[foreign]
    military forces", a word before the mention that qualifies it ("the Foreign Ministry" is
    the mention itself)."""
    word = doc[first - 1] if first > 0 else None
    return word is not None and word.lower_ in foreign and word.dep_ == "amod" and word.head.i >= first


def _across_border(sent: SpacySpan, tm: dict[int, Mention], code: str,
                   border_nouns: frozenset[str]) -> bool:
    """Whether every naming of `code` in the sentence is a border's other side: "the border
    with Afghanistan" (the parse may hang "with" on the verb), "the Afghan border"."""
    doc = sent.doc
    named = [t for t in sent if t.i in tm and code in tm[t.i].codes]

    def across(t: Token) -> bool:
        if t.dep_ in ("amod", "compound") and t.head.lemma_.lower() in border_nouns:
            return True
        prep = t.head
        return t.dep_ == "pobj" and prep.lower_ == "with" and prep.i > 0 and \
            (prep.head.lemma_.lower() in border_nouns or doc[prep.i - 1].lemma_.lower() in border_nouns)
    return bool(named) and all(across(t) for t in named)


def _acted_on(agent: Token, code: str, tm: dict[int, Mention]) -> bool:
    """Whether `agent` is the object of a verb ("Putin received Aliyev", "promised Aliyev")
    or its complement ("met with Aliyev") whose subject names the state `code`: the one a
    state's official acts on is, like the one who acts on a state, of another state."""
    if agent.dep_ not in ("dobj", "dative", "pobj"):
        return False
    verb = agent.head.head if agent.dep_ == "pobj" and agent.head.lower_ != "in" else agent.head
    return any(c.dep_ == "nsubj" and code in (tm[c.i].codes if c.i in tm else ()) for c in verb.children)


def _acts_on(agent: Token, code: str, tm: dict[int, Mention]) -> bool:
    """Whether `agent` is the subject of a verb whose object ("accused Russia") or
    prepositional complement ("protested to Minsk"; not a place "in" it) names the state
    `code`: then the agent is not of that state. What a reported clause names is not its
    object ("officials said Russia ...")."""
    subj = agent
    while subj.dep_ not in ("nsubj", "nsubjpass") and subj.head.i != subj.i and \
            subj.dep_ in ("compound", "amod", "det", "poss", "pobj", "prep", "appos"):
        subj = subj.head
    if subj.dep_ != "nsubj":
        return False
    objects = [c for c in subj.head.children if c.dep_ in ("dobj", "dative")
               or c.dep_ == "prep" and c.lower_ != "in"]
    stack = list(objects)
    while stack:
        t = stack.pop()
        m = tm.get(t.i)
        if m is not None and code in m.codes and not m.location:
            return True
        stack += [c for c in t.children if c.dep_ not in _CLAUSES
                  and not (c.dep_ == "prep" and c.lower_ == "in")]
    return False


_CLAUSES = {"ccomp", "xcomp", "advcl", "relcl", "acl", "parataxis", "conj"}


def _reporter_span(sent: SpacySpan, reporting: frozenset[str]) -> tuple[int, int]:
    """Characters of the subject of the sentence's root when it is a verb of saying that
    comes after what it reports ("Police arrested ..., [Thai officials] said"), else (0, 0)."""
    root = sent.root
    if root.lemma_.lower() not in reporting or not any(c.dep_ == "ccomp" and c.i < root.i
                                                       for c in root.children):
        return (0, 0)
    for c in root.children:
        if c.dep_ == "nsubj":
            return (c.left_edge.idx, c.right_edge.idx + len(c.right_edge))
    return (0, 0)


def peoples_placed(sent: SpacySpan, mentions: list[Mention],
                    tm: dict[int, Mention]) -> tuple[list[Mention], dict[int, Mention]]:
    """'ethnic Albanians demonstrated in Serbia': a people stands for the state where it
    lives (PLOVER codes an actor by the country it belongs to): the state its verb happens
    "in"; else its name's state stays."""
    if not any(m.people for m in mentions):
        return mentions, tm
    out = dict(tm)
    placed_at: dict[int, str] = {}     # character (in the sentence) of a people placed -> code
    for i, m in tm.items():
        if not m.people or out[i] is not m:
            continue
        tok = sent.doc[i]
        own = set(m.codes)
        # its verb: "Uzbeks [protested]", or the participle on it the parse may make of it
        verbs = [tok.head] if tok.dep_ in ("nsubj", "nsubjpass") else []
        verbs += [c for c in tok.children if c.dep_ in ("acl", "relcl")]
        where = {c for v in verbs for p in v.children if p.dep_ == "prep" and p.lower_ == "in"
                 for o in p.children if o.dep_ == "pobj" and o.i in tm for c in tm[o.i].codes} - own
        if len(where) != 1:
            continue
        code = where.pop()
        placed = _of_state(m, code)
        for j, n in tm.items():
            if n is m:
                out[j] = placed
                placed_at[sent.doc[j].idx] = code
    # The sentence's mentions are copies of the tokens' ones (offsets in the sentence).
    return [_of_state(m, placed_at[m.start]) if m.people and m.start in placed_at else m
            for m in mentions], out


def _of_state(m: Mention, code: str) -> Mention:
    return replace(m, people=False, actors=[replace(a, code=code, actor_id=f"state:{code}")
                                            for a in m.actors])


def _named_as_place(sent: SpacySpan, mentions: list[Mention], code: str) -> bool:
    """Whether the sentence names the state `code` otherwise than by itself as someone
    acted on: as a place ("in Haiti", "highways near the capital of Bolivia"), by its
    people or agents ("investigations against 28 Chilean officials"), or not at all (the
    story's state)."""
    named = [m for m in mentions if sent.start_char <= m.start < sent.end_char and code in m.codes]
    if not named:
        return True
    for m in named:
        if m.location or m.kind != "state" or any(p.how in ("adjective", "demonym") for p in m.pieces):
            return True
        toks = [t for t in sent if m.start <= t.idx < m.end]
        if any(a.dep_ == "prep" and a.lower_ == "in" for t in toks for a in t.ancestors):
            return True
    return False


def bound_pronouns(sent: SpacySpan, tm: dict[int, Mention]) -> dict[int, Mention]:
    """'The Kyrgyz ministry said it would seek talks with Moscow', 'Dushanbe does not want
    war, but it cannot ignore the threat': a pronoun that is the subject of a clause said
    by, or joined to, a clause whose subject is named stands for that subject, as the
    reader takes it, whatever was named last before it (coref's guess). Person, number
    and gender must agree: "he" a person, "it" one state or body, "they" several."""
    out = None
    for tok in sent:
        m = tm.get(tok.i)
        if m is None or m.kind != "pronoun" or tok.dep_ not in ("nsubj", "nsubjpass") \
                or tok.head.dep_ not in ("ccomp", "conj"):
            continue
        governing = tok.head.head
        if any(c.dep_ in ("dobj", "dative", "iobj") for c in governing.children):
            continue    # "Washington told Tashkent that it must ...": told whom, it may be either
        subj = next((c for c in governing.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        named = _named_by(subj, tm) if subj is not None else None
        if named is None or named.kind == "pronoun" or not named.codes or named.location \
                or set(named.codes) == set(m.codes) or not _agrees(tok, subj, named):
            continue
        at = m.actors[0] if m.actors else None
        actors = [replace(a, text=tok.text, start=at.start if at else -1, end=at.end if at else -1,
                          confidence=a.confidence * 0.8) for a in named.actors]
        out = out if out is not None else dict(tm)
        out[tok.i] = replace(m, actors=actors, head=named.head)
    return out if out is not None else tm


def _named_by(subj: Token, tm: dict[int, Mention]) -> Mention | None:
    """The mention a subject phrase names: its head's, else its modifier's ("the Kyrgyz
    Economy Ministry")."""
    if subj.i in tm:
        return tm[subj.i]
    return next((tm[c.i] for c in subj.children if c.i in tm and c.dep_ in ("compound", "amod", "poss")), None)


def _agrees(pronoun: Token, subj: Token, named: Mention) -> bool:
    """Whether a third-person pronoun can stand for the subject `subj` naming `named`."""
    number = pronoun.morph.get("Number")
    if number == ["Plur"]:
        return len(set(named.codes)) >= 2 or subj.tag_ in ("NNS", "NNPS")
    if len(set(named.codes)) != 1 or subj.tag_ in ("NNS", "NNPS"):
        return False
    person = named.kind == "person" or any(p.kind in ("person", "role") for p in named.pieces)
    # "it" a state or a body ("the ministry"), "he" or "she" a person or an office's holder
    return not person if pronoun.morph.get("Gender") == ["Neut"] else person
