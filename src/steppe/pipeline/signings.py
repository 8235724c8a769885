"""The event a concluded agreement implies, and the link from the agreement to it.

PLOVER manual: signing or ratifying an agreement is SUPPORT; an agreement reached
without a signing is AGREE. The agreements stage says which (context.Concluded).
"""

from __future__ import annotations

from typing import Callable

from steppe.facts import Actor, Event, dates_compatible, precision_of
from steppe.pipeline.context import Concluded

Score = Callable[[str, str], tuple]     # PLOVER type, mode -> (score, quad class, CAMEO root)


def implied_signings(concluded: list[Concluded], events: list[Event], score: Score) -> list[Event]:
    """A concluded agreement implies the event that concluded it, between its parties,
    unless one is coded. An agreement only referred to, undated, implies no event."""
    out = []
    for c in concluded:
        ag = c.agreement
        codes = [code for code in ag.parties if code and code != "IGO"]
        if c.signing is None or len(set(codes)) < 2:
            continue
        points, quad, cameo = score(c.signing, "")
        actors = [Actor(code=code, text=code, actor_id=f"state:{code}", confidence=0.7)
                  for code in codes]
        ev = Event(type=c.signing, source=actors, target=list(actors), evidence=ag.evidence,
                   date=ag.date, date_precision=precision_of(ag.date), confidence=0.6,
                   trigger=ag.name, score=points, quad=quad, cameo=cameo)
        if not any(e.type == ev.type and e.codes() == ev.codes() and dates_compatible(e.date, ev.date)
                   for e in events + out):
            out.append(ev)
    return out


def link_signings(concluded: list[Concluded], events: list[Event]) -> None:
    """Point each agreement at the event that concluded it (its type, parties and date)."""
    for c in concluded:
        ag = c.agreement
        if c.signing is None:
            continue
        codes = frozenset(code for code in ag.parties if code and code != "IGO")
        for i, ev in enumerate(events):
            if ev.type == c.signing and ev.codes() - {"IGO"} == codes and dates_compatible(ev.date, ag.date):
                ag.signing_event = i
                break
