"""One event per occurrence within a document: repeats of one happening are merged.

Whether two dates may be one happening's is steppe.facts.dates_compatible (also what links
occurrences across documents in the store); `dates_compatible` here adds what two events
of one text tell: a date guessed from context fits a repeat told in the same words.
"""

from __future__ import annotations

from steppe.facts import Event
from steppe.facts import dates_compatible as _same_date

__all__ = ["dates_compatible", "merge_occurrences"]


def merge_occurrences(events: list[Event]) -> list[Event]:
    """One event per occurrence: same type and actors with compatible dates are merged,
    keeping the most confident evidence and the most precise date."""
    out: list[Event] = []
    # Events dated by their own sentence first, so that they lend their date to repeats.
    for ev in sorted(events, key=lambda e: (e.date_source != "text", -e.confidence)):
        twin = next((o for o in out if o.type == ev.type and o.codes() == ev.codes()
                     and o.modality == ev.modality and dates_compatible(o, ev)), None)
        if twin is None:
            out.append(ev)
        elif ev.date_source == "text" and ev.date and _rank(ev.date_precision) > _rank(twin.date_precision) \
                and (twin.date is None or ev.date.startswith(twin.date)):
            twin.date, twin.date_precision = ev.date, ev.date_precision
    return sorted(out, key=lambda e: e.evidence.start)


def dates_compatible(a: Event, b: Event) -> bool:
    """Same date at the coarser precision; a date guessed from context fits a repeat told
    in the same words ("the visit ... on 6 December", later "Mirziyoyev's visit")."""
    if a.date and b.date and a.date_source != b.date_source and _stem(a.trigger) == _stem(b.trigger):
        return True
    return _same_date(a.date, b.date)


def _stem(trigger: str) -> str:
    return trigger.split()[0].lower()[:5] if trigger else ""


def _rank(precision: str) -> int:
    return {"day": 3, "month": 2, "year": 1}.get(precision, 0)
