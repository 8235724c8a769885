"""One event per occurrence within a document: repeats of one happening are merged; and
the event a concluded agreement implies, linked to its agreement.

Whether two dates may be one happening's is steppe.facts.dates_compatible (also what links
occurrences across documents in the store); `dates_compatible` here adds what two events
of one text tell: a date guessed from context fits a repeat told in the same words.
"""

from __future__ import annotations

import re
from typing import Callable

from steppe.facts import Actor, Event, precision_of
from steppe.facts import dates_compatible as _same_date
from steppe.pipeline.context import Concluded

__all__ = ["dates_compatible", "merge_occurrences", "implied_signings", "link_signings"]

# Days apart that two tellings of one act between the same sides may be dated: talks
# reported on the day and the day after, a signing dated by its ceremony and by its report.
ADJACENT_DAYS = 1


def merge_occurrences(events: list[Event], reciprocal: frozenset[str] = frozenset(),
                      apart: re.Pattern[str] | None = None) -> list[Event]:
    """One event per occurrence: same type and actors with compatible dates are merged,
    keeping the most confident evidence and the most precise date. `reciprocal`: the
    mutual types, one occurrence whichever side tells them (plover.yaml coding); `apart`:
    the words that tell a meeting apart from the gathering it is held at (_one_summit)."""
    out: list[Event] = []
    # The tellings merged into each kept event: a repeat may fit any of them ("border
    # clashes" in a headline dated by the document is the body's "border clashes", though
    # the body told them first as "the clashes broke out this week").
    told: dict[int, list[Event]] = {}
    # Events dated by their own sentence first, so that they lend their date to repeats.
    for ev in sorted(events, key=lambda e: (e.date_source != "text", -e.confidence)):
        twin = next((o for o in out if o.type == ev.type and o.codes() == ev.codes()
                     and o.modality == ev.modality
                     and (dates_compatible(o, ev) or any(_told_alike(t, ev) for t in told[id(o)]))
                     and not _opposite(o, ev, reciprocal)), None)
        if twin is None:
            out.append(ev)
            told[id(ev)] = [ev]
            continue
        told[id(twin)].append(ev)
        if ev.mode == "visit" and _mutual(twin) and not _mutual(ev):
            # A meeting told as mutual and as a visit: the visit says who hosts (PLOVER).
            twin.source, twin.target = ev.source, ev.target
        if ev.date_source == "text" and ev.date and _rank(ev.date_precision) > _rank(twin.date_precision) \
                and (twin.date is None or ev.date.startswith(twin.date)):
            twin.date, twin.date_precision = ev.date, ev.date_precision
    return sorted(_one_summit(out, apart), key=lambda e: e.evidence.start)


def _one_summit(events: list[Event], apart: re.Pattern[str] | None) -> list[Event]:
    """A summit told again with fewer of those at it ("Friday's CIS summit, chaired by
    Rahmon" after "Leaders of the CIS met in Dushanbe") is the one summit: a multilateral
    meeting whose parties are some of another's, of the same time, is dropped, unless its
    words tell it apart ("held a separate trilateral meeting")."""
    summits = [e for e in events if e.mode == "multilateral"]
    return [e for e in events if e.mode != "multilateral"
            or apart is not None and apart.search(e.evidence.text) or not any(
                o.type == e.type and o.modality == e.modality and e.parties() < o.parties()
                and dates_compatible(o, e) for o in summits)]


def dates_compatible(a: Event, b: Event) -> bool:
    """Same date at the coarser precision; a date guessed from context fits a repeat told
    in the same words ("the visit ... on 6 December", later "Mirziyoyev's visit")."""
    if _told_alike(a, b):
        return True
    if a.date_source == b.date_source == "text" and (a.date is None) != (b.date is None):
        return False  # a time of its own too vague for a date ("in the early 2000s") is another occasion
    if a.date and b.date and {a.date_source, b.date_source} == {"document", "text"} \
            and len(a.date) == len(b.date) == 10 and _same_date(a.date, b.date, day_window=3) \
            and {x.code for x in a.source} == {x.code for x in b.source}:
        return True   # "has halted supplies" (the report's day) is the halt "on January 1"
    if a.modality == b.modality == "asserted":
        return _same_date(a.date, b.date, day_window=ADJACENT_DAYS)
    # Plans of one type may be different acts: AGREE gathers every future act (PLOVER 3.1).
    return _same_date(a.date, b.date)


def _told_alike(a: Event, b: Event) -> bool:
    """Two dated tellings in the same words, one dated from context or the document."""
    return bool(a.date and b.date and a.date_source != b.date_source and _stem(a.trigger) == _stem(b.trigger))


def _mutual(e: Event) -> bool:
    return {x.code for x in e.source} == {x.code for x in e.target}


def _opposite(a: Event, b: Event, reciprocal: frozenset[str]) -> bool:
    """Acts of one type between the same states with other sides are other occurrences:
    "A banned imports from B" and "B retaliated against A"; A praising B and A and B
    signing a treaty. A meeting told from either side is one (a reciprocal type)."""
    sides = lambda e: (frozenset(x.code for x in e.source), frozenset(x.code for x in e.target))
    return sides(a) != sides(b) and a.type not in reciprocal


def _stem(trigger: str) -> str:
    return trigger.split()[0].lower()[:5] if trigger else ""


def _rank(precision: str) -> int:
    return {"day": 3, "month": 2, "year": 1}.get(precision, 0)


# -- the event a concluded agreement implies ------------------------------------------------
# PLOVER manual: signing or ratifying an agreement is SUPPORT; an agreement reached without
# a signing is AGREE. The agreements stage says which (context.Concluded).

Score = Callable[[str, str], tuple]     # PLOVER type, mode -> (score, quad class, CAMEO root)


def implied_signings(concluded: list[Concluded], events: list[Event], score: Score) -> list[Event]:
    """A concluded agreement implies the event that concluded it, between its parties,
    unless one is coded. An agreement only referred to, undated, implies no event."""
    out = []
    for c in concluded:
        ag = c.agreement
        parties = list(dict.fromkeys(p for p in ag.parties if p and p != "IGO"))
        if sum(p.startswith("IGO:") for p in parties) > 1 and not all(p.startswith("IGO:") for p in parties):
            # one organisation signs with states; several in one record were named around
            # it ("left the Collective Security Treaty ... the Eurasian Economic Community")
            parties = [p for p in parties if not p.startswith("IGO:")]
        if c.signing is None or len(parties) < 2:
            continue
        points, quad, cameo = score(c.signing, "")
        # an organisation that signs is a party too ("IGO:EU": the scorer's name for it)
        actors = [Actor(code="IGO", text=p[4:], actor_id=f"igo:{p[4:]}", confidence=0.7)
                  if p.startswith("IGO:") else
                  Actor(code=p, text=p, actor_id=f"state:{p}", confidence=0.7) for p in parties]
        ev = Event(type=c.signing, source=actors, target=list(actors), evidence=ag.evidence,
                   date=ag.date, date_precision=precision_of(ag.date), confidence=0.6,
                   trigger=ag.name, score=points, quad=quad, cameo=cameo)
        if not any(e.type == ev.type and dates_compatible(e, ev) and (
                e.parties() == ev.parties()
                # "The leaders adopted a joint declaration": told with its host, in the
                # sentence that names the agreement
                or ev.parties() < e.parties() and e.evidence.start <= ag.evidence.start < e.evidence.end)
                for e in events + out):
            out.append(ev)
    return out


def link_signings(concluded: list[Concluded], events: list[Event]) -> None:
    """Point each agreement at the event that concluded it (its type, parties and date)."""
    for c in concluded:
        ag = c.agreement
        if c.signing is None:
            continue
        codes = frozenset(code for code in ag.parties if code and not code.startswith("IGO"))
        probe = Event(type=c.signing, source=[], target=[], evidence=ag.evidence, date=ag.date,
                      date_source="text")
        for i, ev in enumerate(events):
            if ev.type == c.signing and ev.codes() - {"IGO"} == codes and dates_compatible(ev, probe):
                ag.signing_event = i
                break
