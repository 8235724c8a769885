"""The parties an act borrows from the story when its sentence leaves a side unnamed: the
pair of states the story is telling of, or the other of that pair; and the acts that
borrow none (a trend, the author's analysis, an act on people who are no actor)."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from steppe.facts import Actor
from steppe.pipeline.discourse import nearest_pair, states_by_sentence
from steppe.pipeline.lexicon import Cues
from steppe.pipeline.mentions import Mention
from steppe.pipeline.roles import RoleWords, codes_of, subject_actors

__all__ = ["analysis", "at_border", "joint_subject", "on_border", "other_of_pair", "pairs_before",
           "people_object", "story_pair", "trend"]


def story_pair(sent: SpacySpan, mentions: list[Mention], main: list[str],
                before: list[str], own: bool = False) -> list[Actor]:
    """'more than 50 meetings were held', 'border clashes that killed 49': a reciprocal act
    named by a noun with no one attached is between the pair of states the story is telling
    of: the pair of the nearest sentence before that names two (a story moves from one
    pair to another), else the story's two main parties; unless the sentence names someone
    else. With `own`, a sentence naming two states is about them ("A and B agreed ...
    after the intergovernmental commission met")."""
    named = {c for m in mentions if sent.start_char <= m.start < sent.end_char and not m.location
             for c in m.codes}
    pair = before if len(before) == 2 and named <= set(before) else main
    if own and len(named) == 2:
        pair = sorted(named)
    if len(pair) != 2 or named - set(pair):
        return []
    return [Actor(code=c, text=c, actor_id=f"state:{c}", confidence=0.6) for c in pair]


def pairs_before(states: list[tuple[int, int, str]], sentences: list[tuple[int, int]],
                 back: int = 3) -> list[list[str]]:
    """For each sentence, the two states of the nearest of the `back` sentences before it
    that names two or more ([] when that one names more): whom the story is telling of."""
    named = states_by_sentence(states, sentences)
    return [nearest_pair(named, i, back=back) for i in range(len(sentences))]


def trend(tok: Token, trend_nouns: frozenset[str]) -> bool:
    """'political dialogue is deepening', 'cooperation has been growing', 'a surge in
    visits': an act named as the subject of a clause in the progressive, or counted by a
    noun of a trend, describes a tendency, not one occurrence, and PLOVER codes
    occurrences; so it borrows no parties from the story."""
    cur = tok
    while cur.dep_ == "conj" and cur.head.i != cur.i:
        cur = cur.head              # "a surge in visits and [meetings]"
    if cur.dep_ == "pobj" and cur.head.head.lemma_.lower() in trend_nouns:
        return True
    if tok.dep_ != "nsubj" or tok.head.tag_ != "VBG":
        return False
    return any(c.dep_ == "aux" and c.lemma_ == "be" for c in tok.head.children)


def analysis(tok: Token, tm: dict[int, Mention], words: RoleWords, cues: Cues) -> bool:
    """'the talks created a warm climate', 'the negotiations gave new impetus to trade',
    'consultations are an element of the ties': an act no one is named for, as the
    subject of a clause that says what it brought about or what it is, is the author's
    analysis (ANNOTATION.md rule 3), not the report of one occurrence; so it borrows no
    parties from the story. A clause that happens at a time it names ("in 2019 a forum
    held in Osh led to ...") or that someone is reported saying is a report."""
    if tok.dep_ != "nsubj":
        return False
    verb = tok.head
    lemma = verb.lemma_.lower()
    if lemma in words.happening_verbs:
        return False
    if lemma == "be" and not any(c.dep_ in ("attr", "acomp") for c in verb.children):
        return False        # "negotiations are under way"
    cur = verb
    while cur.dep_ in ("xcomp", "conj", "ccomp") and cur.head.i != cur.i:
        if cur.dep_ == "ccomp" and cur.head.lemma_.lower() in cues.reporting_verbs and \
                subject_actors(cur.head, tm, words):
            # "the minister noted that the meetings had become a tradition"; not the
            # author's "it is possible to say that ..."
            return False
        cur = cur.head
    return not any(t.like_num and len(t.text) == 4 or t.lower_ in words.time_names and t.text[:1].isupper()
                   for t in tok.sent)


def people_object(tok: Token) -> bool:
    """'criticised those responsible', 'urged them': the act names people who are no
    actor of ours, so its recipient is not left unnamed."""
    # A pronoun, or a proper name where no actor was named: NER runs only where entities
    # can change a trigger (pipeline/prefilter.py), so person names are not read from it.
    return any(c.dep_ == "dobj" and c.pos_ in ("PRON", "PROPN") for c in tok.children)


def on_border(tok: Token, border_nouns: frozenset[str]) -> bool:
    """'closed the [border]', 'the closure of the [crossing]': an act done to a shared line."""
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    objects += [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                for o in c.children if o.dep_ == "pobj"]
    return any(o.lemma_.lower() in border_nouns for o in objects)


def at_border(tok: Token, border_nouns: frozenset[str]) -> bool:
    """'troop build-ups [along the border]', 'gunfire and build-ups along the border': an act
    named by a noun placed at a border (by its own phrase or that of the noun it is
    coordinated with)."""
    nouns = [tok, *(c for c in tok.children if c.dep_ == "conj")]
    if tok.dep_ == "conj":
        nouns.append(tok.head)
    return any(p.dep_ == "prep" and o.dep_ == "pobj" and o.lemma_.lower() in border_nouns
               for n in nouns for p in n.children for o in p.children)


def other_of_pair(source: list[Actor], pair: list[str]) -> list[Actor]:
    """'The four men were detained by Uzbek police': a conflictual act by one of a pair of
    states against no one named is against the other one (the pair of the sentences just
    before, else the story's two main parties)."""
    codes = codes_of(source)
    if len(pair) != 2 or len(codes) != 1 or not codes <= set(pair):
        return []
    return outside_party(source, pair)


def outside_party(source: list[Actor], pair: list[str]) -> list[Actor]:
    """The one state of the story's main parties that is not among several agents, if any."""
    outside = [c for c in pair if c not in codes_of(source)]
    if len(outside) != 1:
        return []
    return [Actor(code=outside[0], text=outside[0], actor_id=f"state:{outside[0]}", confidence=0.5)]


def joint_subject(tok: Token, words: RoleWords) -> bool:
    """'the intergovernmental commission met': the act's subject is a body two states hold."""
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in words.joint_bodies for c in tok.children)
