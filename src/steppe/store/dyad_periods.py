"""Aggregates kept beside the events, in the writers' own transactions, so that the
dyad series, the network and the event explorer cost the same with a million events as
with ten thousand (docs/scaling.md, "Query cost as the store grows").

- `dyad_periods`: per pair of labels, direction, counted modality and period, the
  occurrences dated there with their reports, types, quads and score sums. An
  occurrence depends on all its reports, across documents, so a writer takes the
  contribution of every occurrence it touches away before its change and adds it back
  after (`Tracker`); the sums are additive over occurrences.
- `event_dyads`: each event's unordered label pairs with its date, for the explorer.
- `store_version`: a number bumped with every change of events or occurrences.

Occurrences are summarised exactly as steppe.analysis.series does (date of the most
precise report, most frequent type, mean score), and the all-time rows ('*') as
store.read.dyad_activity scores them (the mean over the source-target pairs).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import sqlalchemy as sa

from steppe.store import tables as t
from steppe.store.records import actor_label

ALL_TIME = "*"
SCOPES = ("asserted", "any")
# PostgreSQL advisory-lock key held by a transaction that changes events, so writers
# update the aggregate rows and the version one at a time (no deadlocks between
# batches touching the same dyads in different orders). SQLite writers are serial.
WRITE_LOCK = 0x57E9A0
_CHUNK = 500


@dataclass(slots=True)
class _Event:
    id: int
    occurrence: str
    type: str
    date: str | None
    modality: str
    score: float | None
    quad: int | None
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)


@dataclass
class Cell:
    """The sums of one dyad_periods row."""

    occurrences: int = 0
    reports: int = 0
    score_sum: float = 0.0
    scored: int = 0
    by_type: Counter = field(default_factory=Counter)
    by_quad: Counter = field(default_factory=Counter)

    def add(self, other: Cell, sign: int = 1) -> None:
        self.occurrences += sign * other.occurrences
        self.reports += sign * other.reports
        self.score_sum += sign * other.score_sum
        self.scored += sign * other.scored
        for mine, theirs in ((self.by_type, other.by_type), (self.by_quad, other.by_quad)):
            for k, v in theirs.items():
                mine[k] += sign * v
                if not mine[k]:
                    del mine[k]


Key = tuple[str, str, str, str, str]   # a, b, direction, counted, period


def lock_writers(conn: sa.Connection) -> None:
    """Take the writers' lock on PostgreSQL (held until the transaction ends)."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK})


def bump_version(conn: sa.Connection) -> None:
    v = t.store_version
    if conn.execute(v.update().where(v.c.id == 1).values(version=v.c.version + 1)).rowcount == 0:
        conn.execute(v.insert().values(id=1, version=1))


def read_version(conn: sa.Connection) -> int:
    return conn.execute(sa.select(t.store_version.c.version)).scalar() or 0


def period_key(date: str | None) -> str:
    """The month an occurrence dated `date` falls in, its year if dated only to the
    year, '' if undated (the placements steppe.analysis.series.period_of makes)."""
    if not date or len(date) < 4 or not date[:4].isdigit():
        return ""
    if len(date) < 7 or not date[5:7].isdigit():
        return date[:4]
    return date[:7]


def _occurrence(reports: list[_Event]) -> tuple[str, str, int | None, float | None]:
    """(date, type, quad, mean score) of one occurrence, as series.occurrences has it."""
    if len(reports) == 1:
        r = reports[0]
        return r.date or "", r.type, r.quad, r.score
    dated = [r.date for r in reports if r.date]
    date = min(dated, key=lambda d: (-len(d), d)) if dated else ""
    kind = Counter(r.type for r in reports).most_common(1)[0][0]
    scores = [r.score for r in reports if r.score is not None]
    quad = next((r.quad for r in reports if r.type == kind and r.quad is not None), None)
    return date, kind, quad, (sum(scores) / len(scores) if scores else None)


def _directions(e: _Event) -> Iterable[tuple[str, str, str, int]]:
    """(a, b, direction, source-target pairs) for each pair of labels `e` joins."""
    if len(e.source) == 1 and len(e.target) == 1:
        s, g = e.source[0], e.target[0]
        if s != g:
            a, b = (s, g) if s < g else (g, s)
            yield a, b, "both", 1
            yield a, b, "forward" if s == a else "backward", 1
        return
    src, tgt = Counter(e.source), Counter(e.target)
    for a, b in sorted({(s, g) if s < g else (g, s) for s in src for g in tgt if s != g}):
        forward, backward = src[a] * tgt[b], src[b] * tgt[a]
        yield a, b, "both", forward + backward
        if forward:
            yield a, b, "forward", forward
        if backward:
            yield a, b, "backward", backward


def contributions(events: Iterable[_Event]) -> dict[Key, Cell]:
    """The dyad_periods sums the given occurrences (all their reports) make up."""
    # Reports in the order the series reads them (date, undated last, then id): the
    # most frequent type of an occurrence is decided in that order on ties.
    ordered = sorted(events, key=lambda e: (e.date is None, e.date or "", e.id))
    # (a, b, direction) -> occurrence -> [(report, source-target pairs)]
    groups: dict[tuple[str, str, str], dict[str, list[tuple[_Event, int]]]] = {}
    for e in ordered:
        for a, b, direction, n in _directions(e):
            groups.setdefault((a, b, direction), {}) \
                .setdefault(e.occurrence, []).append((e, n))
    out: dict[Key, Cell] = {}
    for (a, b, direction), occurrences in groups.items():
        for weighted in occurrences.values():
            asserted = [(r, n) for r, n in weighted if r.modality == "asserted"]
            for counted, chosen in (("any", weighted), ("asserted", asserted)):
                if chosen:
                    _count(out, (a, b, direction, counted), chosen)
    return out


def _count(out: dict[Key, Cell], group: tuple[str, str, str, str],
           weighted: list[tuple[_Event, int]]) -> None:
    reports = [r for r, _ in weighted]
    date, kind, quad, score = _occurrence(reports)
    # The network's score: the mean over its (source, target) pair rows.
    if len(weighted) == 1 and weighted[0][1] == 1:
        network_score = score
    else:
        pairs = [(r.score, n) for r, n in weighted if r.score is not None]
        network_score = sum(s * n for s, n in pairs) / sum(n for _, n in pairs) if pairs else None
    for period, value in ((period_key(date), score), (ALL_TIME, network_score)):
        cell = out.get((*group, period))
        if cell is None:
            cell = out[(*group, period)] = Cell()
        cell.occurrences += 1
        cell.reports += len(reports)
        cell.by_type[kind] += 1
        if quad is not None:
            cell.by_quad[str(quad)] += 1
        if value is not None:
            cell.score_sum += value
            cell.scored += 1


def _occurrence_key(occurrence_id: str | None, event_id: int) -> str:
    return occurrence_id or f"event:{event_id}"


def _load(conn: sa.Connection, where: sa.ColumnElement[bool] | None) -> list[_Event]:
    e, ea = t.events.c, t.event_actors.c
    query = sa.select(e.id, e.occurrence_id, e.type, e.date, e.modality, e.score, e.quad)
    rows = {r.id: _Event(r.id, _occurrence_key(r.occurrence_id, r.id), r.type, r.date,
                         r.modality, r.score, r.quad)
            for r in conn.execute(query if where is None else query.where(where))}
    ids = list(rows)
    sides = sa.select(ea.event_id, ea.role, ea.code, ea.actor_id)
    chunks = [None] if where is None else [ids[i:i + _CHUNK] for i in range(0, len(ids), _CHUNK)]
    for chunk in chunks:
        q = sides if chunk is None else sides.where(ea.event_id.in_(chunk))
        for r in conn.execute(q):
            if r.event_id in rows:
                getattr(rows[r.event_id], r.role).append(actor_label(r.code, r.actor_id))
    return list(rows.values())


def load_occurrences(conn: sa.Connection, keys: set[str]) -> list[_Event]:
    """Every stored report of the occurrences `keys` ("event:<id>" for unlinked events)."""
    linked = sorted(k for k in keys if not k.startswith("event:"))
    unlinked = sorted(int(k[6:]) for k in keys if k.startswith("event:"))
    e = t.events.c
    out: list[_Event] = []
    for i in range(0, len(linked), _CHUNK):
        out += _load(conn, e.occurrence_id.in_(linked[i:i + _CHUNK]))
    for i in range(0, len(unlinked), _CHUNK):
        out += _load(conn, sa.and_(e.id.in_(unlinked[i:i + _CHUNK]), e.occurrence_id.is_(None)))
    return out


def occurrence_keys(conn: sa.Connection, where: sa.ColumnElement[bool]) -> set[str]:
    e = t.events.c
    return {_occurrence_key(r.occurrence_id, r.id)
            for r in conn.execute(sa.select(e.id, e.occurrence_id).where(where))}


class Tracker:
    """Keeps dyad_periods right across a change of the occurrences `keys`:

        tracker = Tracker(conn, keys)   # their contributions before the change
        ... change events ...
        tracker.done(more_keys)         # after: add the difference, bump the version
    """

    def __init__(self, conn: sa.Connection, keys: set[str]) -> None:
        lock_writers(conn)
        self.conn = conn
        self.keys = set(keys)
        self.before = contributions(load_occurrences(conn, self.keys)) if keys else {}

    def done(self, more_keys: Iterable[str] = ()) -> None:
        self.keys |= set(more_keys)
        after = contributions(load_occurrences(self.conn, self.keys)) if self.keys else {}
        delta: dict[Key, Cell] = {}
        for sign, cells in ((-1, self.before), (1, after)):
            for key, cell in cells.items():
                delta.setdefault(key, Cell()).add(cell, sign)
        apply(self.conn, delta)
        bump_version(self.conn)


def apply(conn: sa.Connection, delta: dict[Key, Cell]) -> None:
    """Add `delta` to the stored rows (in key order, so concurrent writers lock rows in
    one order); rows left with no occurrence are deleted."""
    dp = t.dyad_periods
    for key in sorted(delta):
        change = delta[key]
        if not (change.occurrences or change.reports or change.scored or change.by_type
                or change.by_quad or change.score_sum):
            continue
        where = sa.and_(*(col == v for col, v in zip(
            (dp.c.a, dp.c.b, dp.c.direction, dp.c.counted, dp.c.period), key)))
        row = conn.execute(sa.select(dp).where(where)).first()
        cell = Cell() if row is None else Cell(
            row.occurrences, row.reports, row.score_sum, row.scored,
            Counter(row.by_type), Counter(row.by_quad))
        cell.add(change)
        if cell.occurrences <= 0:
            if row is not None:
                conn.execute(dp.delete().where(where))
            continue
        values = {"occurrences": cell.occurrences, "reports": cell.reports,
                  "score_sum": cell.score_sum, "scored": cell.scored,
                  "by_type": dict(sorted(cell.by_type.items())),
                  "by_quad": dict(sorted(cell.by_quad.items()))}
        if row is None:
            conn.execute(dp.insert().values(**dict(zip(("a", "b", "direction", "counted",
                                                        "period"), key)), **values))
        else:
            conn.execute(dp.update().where(where).values(**values))


def add_event_dyads(conn: sa.Connection, event_ids: list[int]) -> None:
    """Index the given (new) events by their label pairs."""
    if not event_ids:
        return
    rows = []
    for i in range(0, len(event_ids), _CHUNK):
        rows += _dyad_rows(_load(conn, t.events.c.id.in_(event_ids[i:i + _CHUNK])))
    if rows:
        conn.execute(t.event_dyads.insert(), rows)


def _dyad_rows(events: Iterable[_Event]) -> list[dict]:
    rows = []
    for e in events:
        pairs = {"-".join(sorted((s, g))) for s in set(e.source) for g in set(e.target) if s != g}
        rows += [{"event_id": e.id, "dyad": d, "date": e.date or ""} for d in sorted(pairs)]
    return rows


def rebuild(conn: sa.Connection) -> None:
    """Recompute every aggregate from the stored events (migration 0006's back-fill;
    also for stores filled by bulk inserts that bypass the writers)."""
    lock_writers(conn)
    conn.execute(t.dyad_periods.delete())
    conn.execute(t.event_dyads.delete())
    events = _load(conn, None)
    cells = contributions(events)
    rows = [{"a": k[0], "b": k[1], "direction": k[2], "counted": k[3], "period": k[4],
             "occurrences": c.occurrences, "reports": c.reports, "score_sum": c.score_sum,
             "scored": c.scored, "by_type": dict(sorted(c.by_type.items())),
             "by_quad": dict(sorted(c.by_quad.items()))} for k, c in sorted(cells.items())]
    for i in range(0, len(rows), 5000):
        conn.execute(t.dyad_periods.insert(), rows[i:i + 5000])
    dyads = _dyad_rows(events)
    for i in range(0, len(dyads), 5000):
        conn.execute(t.event_dyads.insert(), dyads[i:i + 5000])
    bump_version(conn)
