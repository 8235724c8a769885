"""Which coded events a sentence reports and a document keeps: one per type and set of
actors, none nested in another's phrase or clause (unless it answers a claim), no meeting
that is only a complaint's occasion; a text that reports interactions keeps those (and a
sentence's main act)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from steppe.facts import Actor, Event
from steppe.pipeline.event_parties import condition_clause
from steppe.pipeline.roles import codes_of, dedupe
from steppe.pipeline.triggers import fronted_claim, opens_occasion

if TYPE_CHECKING:
    from steppe.pipeline.events import RawEvent

__all__ = ["interactions_only", "main_act", "main_events", "meetings_absorbed", "one_per_type"]


def one_per_type(events: list[RawEvent], mutual: frozenset[str] = frozenset()) -> list[RawEvent]:
    """In one sentence, an event whose actors are among those of another of the same type
    is the same occurrence told twice ("met ... to discuss", "talks ... discussions"),
    unless it goes the other way and its type is not `mutual` ("Kyrgyzstan accused Tajik
    forces ..., while Tajikistan said Kyrgyz troops had attacked first": two accusations),
    or is told with another modality in a clause of its own: "agreed to keep in contact, and
    a delegation is expected to visit", "agreed that the next summit will be held in May"
    tell an agreement made and a meeting to come (AGREE asserted, AGREE planned); "expressed
    the intention to expand cooperation" is one act, its content in its own phrase."""
    def codes(e: RawEvent) -> set[str]:
        return codes_of(e.source) | codes_of(e.target)

    def opposite(a: RawEvent, b: RawEvent) -> bool:
        return a.type not in mutual and bool(codes_of(a.source)) and bool(codes_of(b.source)) and \
            not codes_of(a.source) & codes_of(b.source)

    keep: list[RawEvent] = []
    for ev in sorted(events, key=lambda e: (-len(codes(e)), e.mode == "", -e.confidence)):
        if not any(k.type == ev.type and codes(ev) <= codes(k) and not opposite(ev, k)
                   and (k.modality == ev.modality or _in_phrase(k.trigger, ev.trigger)
                        or _in_phrase(ev.trigger, k.trigger)) for k in keep):
            keep.append(ev)
    return sorted(keep, key=lambda e: e.trigger.i)


# Dependencies that open a clause of its own, told with its own tense and modality.
_CLAUSES = frozenset({"ccomp", "conj", "advcl", "relcl", "parataxis"})


def _in_phrase(head: Token, tok: Token) -> bool:
    """`tok` is in `head`'s phrase, below it through no clause of its own ("intention [to
    expand]", "agreed [to continue]"; not "agreed that ... [will be held]")."""
    cur, steps = tok, 0
    while cur.i != head.i and cur.head.i != cur.i and steps < 6:
        # (an adverbial clause with no conjunction of its own is the act's purpose: "met
        # to [discuss]")
        if cur.dep_ in _CLAUSES and (cur.dep_ != "advcl" or any(c.dep_ == "mark" for c in cur.children)):
            return False
        cur, steps = cur.head, steps + 1
    return cur.i == head.i and tok.i != head.i


def main_events(events: list[RawEvent], occasions: frozenset[str],
                 undergone: frozenset[int] = frozenset(),
                 said: frozenset[str] = frozenset(),
                 conditions: frozenset[str] = frozenset(),
                 caused: frozenset[str] = frozenset(),
                 frames: frozenset[str] = frozenset()) -> list[RawEvent]:
    """Drop events whose trigger sits inside the phrase or clause of another event's trigger
    ("declined an offer to take part in the [summit]", "accused X of ... in the [negotiations]"):
    the sentence reports the governing event; coordinated verbs ("visited and signed") stay,
    and so do acts in an adverbial clause, unless it is a condition ("threatened to use force
    [if] Armenia did not withdraw"): what a threat is conditioned on has not happened.
    An act of a `caused` type whose subject is another act ("the [invasion] pushed states to
    diversify their ties") tells what that act brought about: the subject act is the event.
    A thing said by someone else that the other event answers was said too: "Kyrgyzstan's
    [accusations] were rejected by Dushanbe", "Tashkent dismissed Kyrgyz [allegations]"
    (`said`: the nouns of things said, whose author a reaction to them is aimed at)."""
    keep = []
    for ev in events:
        if ev.type in caused and any(o.type != ev.type and o.trigger.dep_ == "nsubj" and
                                     o.trigger.head.i == ev.trigger.i for o in events):
            continue   # "Russia's [invasion] ... pushed Central Asian states to ...": what it brought about
        # A same-type trigger inside another ("discussed Mirziyoyev's visit") is left for
        # one_per_type, which prefers the more specific one.
        governors = [o for o in events if o.trigger.i != ev.trigger.i and o.type != ev.type
                     and o.trigger.i not in undergone
                     and not (o.type in caused and ev.trigger.dep_ == "nsubj" and ev.trigger.head.i == o.trigger.i)
                     and _descends(ev.trigger, o.trigger, occasions, conditions, said, frames)]
        if any(not _answered(ev, o, said) for o in governors) and not _answers_claim(ev.trigger, said):
            continue
        if governors and not codes_of(ev.target) - codes_of(ev.source):
            # "Tashkent rejected the accusations made by Bishkek": what is answered was
            # said against the one answering
            ev.target = [a for a in governors[0].source if a.code not in codes_of(ev.source)]
        keep.append(ev)
    return keep


def _answers_claim(tok: Token, said_nouns: frozenset[str]) -> bool:
    """'accused X of ..., a charge Kabul [denied]', '..., a claim Tallinn [rejected] as absurd':
    a relative clause on a noun that restates what was said is the answer of another party,
    an act of its own aimed at whoever said it."""
    return tok.dep_ == "relcl" and tok.head.lemma_.lower() in said_nouns


def _answered(said: RawEvent, answer: RawEvent, said_nouns: frozenset[str]) -> bool:
    """`said` is a thing said by its own author (not the answering event's agent) that
    `answer` reacts to."""
    return said.trigger.pos_ == "NOUN" and said.trigger.lemma_.lower() in said_nouns and \
        bool(codes_of(said.source)) and not codes_of(said.source) & codes_of(answer.source)


def meetings_absorbed(events: list[RawEvent], absorbing: frozenset[str],
                       occasions: frozenset[str]) -> list[RawEvent]:
    """Drop a meeting that is the occasion of a grievance in the same sentence ("voiced
    concern during a meeting with the ambassador"): the complaint is the event. The
    meeting's other parties are the target of an act done at it that names none, whether
    or not it absorbs the meeting ("at the summit with Xi, Berdimuhamedov called for closer
    cooperation": addressed to whom he met)."""
    drop: set[int] = set()
    for ev in events:
        for m in events:
            if m is ev or m.type != "CONSULT" or not _occasion_of(m.trigger, ev.trigger, occasions):
                continue
            if ev.type in absorbing and not m.mode:
                drop.add(id(m))
            if not ev.target:
                src = codes_of(ev.source)
                ev.target = dedupe([a for a in m.source + m.target if a.code not in src])
    return [e for e in events if id(e) not in drop]


def _occasion_of(tok: Token, head: Token, occasions: frozenset[str]) -> bool:
    """`tok` is the object of an occasion preposition ("during", "at") attached to `head`."""
    prep = tok.head
    return tok.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ in occasions \
        and prep.head.i == head.i


def _descends(tok: Token, ancestor: Token, occasions: frozenset[str],
              conditions: frozenset[str] = frozenset(), said: frozenset[str] = frozenset(),
              frames: frozenset[str] = frozenset()) -> bool:
    cur = tok
    while cur.head.i != cur.i:
        # A verb coordinated with the ancestor is an act of its own ("visited and signed");
        # one coordinated inside its complement is still part of what it governs ("urged X
        # to refrain ... and to cooperate").
        if cur.dep_ == "conj" and cur.head.i == ancestor.i or cur.dep_ == "parataxis" or \
                fronted_claim(cur, said) or \
                cur.dep_ == "advcl" and not condition_clause(cur, conditions) or \
                opens_occasion(cur, occasions, frames):
            return False
        if cur.head.i == ancestor.i:
            return True
        cur = cur.head
    return False


def main_act(tok: Token, reporting: frozenset[str]) -> bool:
    """Whether `tok` is its sentence's main act: the root, a verb coordinated with it or
    completing it ("agreed to [release]"), or what a root verb of saying reports ("police
    [arrested] 30 people, a spokesman said")."""
    cur = tok
    for _ in range(6):
        if cur.head.i == cur.i:
            return True
        if cur.dep_ not in ("conj", "xcomp", "ccomp"):
            return False
        if cur.dep_ == "ccomp" and cur.head.lemma_.lower() not in reporting:
            return False
        cur = cur.head
    return False


def interactions_only(events: list[Event], main_acts: frozenset[int] = frozenset()) -> list[Event]:
    """A text that reports interactions between actors keeps only those: its acts with no
    recipient, or within one state, are domestic ("criticised those responsible for the
    energy sector"), which the annotation guide leaves out. A text that reports nothing
    else (a single sentence about a domestic act) keeps its events, as PLOVER codes them;
    and so does a one-sentence report its main act (`main_acts`: ids of those events) when
    the interactions are told beside it ("police detained the protesters, a day after X
    attacked Y"): the sentence is about it."""
    def party(a: Actor) -> tuple[str, str]:
        return (a.code, a.text if a.code == "IGO" else "")

    def interaction(e: Event) -> bool:
        parties = {party(a) for a in e.source + e.target if a.code}
        return any(a.code for a in e.target) and len(parties) >= 2

    if any(interaction(e) for e in events):
        if any(interaction(e) and id(e) in main_acts for e in events):
            main_acts = frozenset()   # the sentence's main act is the interaction
        return [e for e in events if interaction(e) or id(e) in main_acts]
    return events
