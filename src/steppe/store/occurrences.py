"""Link events that report the same happening, across documents, into occurrences.

Events share an occurrence when they have the same type family and the same set of
actors, and their dates are compatible at the coarser of the two precisions: within
3 days for two days (the scorer's tolerance, ANNOTATION.md "Scoring"), the same month,
the same year. Events without a date are linked only inside their own document: an
undated "the presidents met" in two articles may be two different meetings.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date as Date

import sqlalchemy as sa

from steppe.facts import dates_compatible
from steppe.store import dyad_periods
from steppe.store import tables as t
from steppe.store.engine import Store
from steppe.store.keys import actor_key, date_at_precision, type_family

DAY_WINDOW = 3
# PostgreSQL advisory-lock key held while linking, so two ingests finishing at once
# take turns instead of the later one writing ids computed from an older snapshot.
LINK_LOCK = 0x57E99F


@dataclass
class _Row:
    id: int
    document_id: str
    family: str
    date: str | None
    precision: str
    occurrence_id: str | None
    actors: set[str] = field(default_factory=set)


def link_occurrences(store: Store) -> int:
    """Assign an occurrence id to every stored event; return the number of occurrences.

    Re-running gives the same ids for the same data, and only changed rows are written.
    """
    with store.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": LINK_LOCK})
        rows = _load(conn)
        assigned = assign_occurrences(rows.values())
        changes = [
            {"event_id": event_id, "occurrence": occ}
            for event_id, occ in assigned.items() if rows[event_id].occurrence_id != occ
        ]
        if changes:
            # Every occurrence an event leaves or joins changes; their dyad_periods
            # contributions are replaced in this same transaction.
            keys = {rows[c["event_id"]].occurrence_id or f"event:{c['event_id']}"
                    for c in changes} | {c["occurrence"] for c in changes}
            tracker = dyad_periods.Tracker(conn, keys)
            conn.execute(
                t.events.update()
                .where(t.events.c.id == sa.bindparam("event_id"))
                .values(occurrence_id=sa.bindparam("occurrence")),
                changes,
            )
            tracker.done()
    return len(set(assigned.values()))


def _load(conn: sa.Connection) -> dict[int, _Row]:
    e = t.events.c
    rows = {
        r.id: _Row(r.id, r.document_id, type_family(r.type), r.date, r.date_precision,
                   r.occurrence_id)
        for r in conn.execute(sa.select(e.id, e.document_id, e.type, e.date,
                                        e.date_precision, e.occurrence_id))
    }
    ea = t.event_actors.c
    for r in conn.execute(sa.select(ea.event_id, ea.code, ea.text)):
        # Under READ COMMITTED a document committed between the two reads shows
        # actors of events not loaded above; its own ingest links it afterwards.
        if r.event_id in rows:
            rows[r.event_id].actors.add(actor_key(r.code, r.text))
    return rows


def assign_occurrences(rows: Iterable[_Row]) -> dict[int, str]:
    """Return event id -> occurrence id for the given events."""
    groups: dict[tuple[str, str], list[_Row]] = defaultdict(list)
    for row in rows:
        groups[(row.family, ",".join(sorted(row.actors)))].append(row)
    out: dict[int, str] = {}
    for (family, codes), members in groups.items():
        prefix = f"{family}|{codes}|"
        for event_id, label in _cluster(members).items():
            out[event_id] = prefix + label
    return out


def _cluster(rows: list[_Row]) -> dict[int, str]:
    """Cluster events of one (family, actors) group by date; return id -> date label."""
    by_precision: dict[str, list[tuple[str, _Row]]] = defaultdict(list)
    for row in rows:
        precision, value = _effective_date(row)
        by_precision[precision].append((value, row))
    out: dict[int, str] = {}
    # Anchors are the first (earliest) event of each cluster; an event joins the first
    # anchor it is compatible with, so clusters do not drift by chaining 3-day steps.
    anchors: list[str] = []
    for value, row in sorted(by_precision["day"], key=lambda vr: (vr[0], vr[1].id)):
        anchor = next((a for a in anchors if dates_compatible(a, value, day_window=DAY_WINDOW)), None)
        if anchor is None:
            anchors.append(value)
            anchor = value
        out[row.id] = anchor
    for precision in ("month", "year"):
        for value, row in sorted(by_precision[precision], key=lambda vr: (vr[0], vr[1].id)):
            anchor = next((a for a in anchors if dates_compatible(a, value)), None)
            if anchor is None:
                anchors.append(value)
                anchor = value
            out[row.id] = anchor
    for _, row in by_precision["unknown"]:
        out[row.id] = f"unknown|{row.document_id}"
    return out


def _effective_date(row: _Row) -> tuple[str, str]:
    """Return (precision, date cut to it), demoting dates that do not parse to unknown."""
    value = date_at_precision(row.date, row.precision)
    precision = row.precision if value != "unknown" else "unknown"
    try:
        if precision == "day":
            Date.fromisoformat(value)
        elif precision == "month":
            Date.fromisoformat(value + "-01")
        elif precision == "year":
            int(value)
            if len(value) != 4:
                raise ValueError(value)
        else:
            precision = "unknown"
    except ValueError:
        return "unknown", "unknown"
    return precision, value
