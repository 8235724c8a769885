"""One event per occurrence within a document: repeats of one happening are merged.

Which two dates may belong to one happening is decided here (`dates_compatible`), for the
merging below and for the signing an agreement implies (pipeline/signings.py).
"""

from __future__ import annotations

from steppe.facts import Event

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
    if not a.date or not b.date:
        return True
    if a.date_source != b.date_source and _stem(a.trigger) == _stem(b.trigger):
        return True
    n = min(len(a.date), len(b.date))
    return a.date[:n] == b.date[:n]


def _stem(trigger: str) -> str:
    return trigger.split()[0].lower()[:5] if trigger else ""


def _rank(precision: str) -> int:
    return {"day": 3, "month": 2, "year": 1}.get(precision, 0)
