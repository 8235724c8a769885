"""Match targets with the actual figures that answer them, and judge each commitment.

Pure functions over (document id, Figure) pairs; `today` is a parameter so the
verdicts are reproducible.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from steppe.facts import Figure

if TYPE_CHECKING:
    from steppe.pipeline.figures import Indicators
    from steppe.pipeline.quantities import Units

__all__ = ["Commitment", "Vocabulary", "commitments", "is_commitment"]

STATUSES = ("met", "missed", "on_track", "pending", "unknown")


@dataclass
class Commitment:
    target: tuple[str, Figure]
    actuals: list[tuple[str, Figure]] = field(default_factory=list)
    status: str = "unknown"
    reason: str = ""


def _key(f: Figure) -> tuple[str, tuple[str, ...], tuple[tuple[str, str], ...], str]:
    return (f.indicator, tuple(sorted(f.parties)), tuple(sorted((f.direction or {}).items())), f.unit)


def _year(period: str | None) -> int | None:
    """The last year a period covers: "2023-01/2023-11" -> 2023, "2019/2021" -> 2021."""
    if not period:
        return None
    last = period.split("/")[-1]
    return int(last[:4]) if last[:4].isdigit() else None


def _judge(target: Figure, actuals: list[Figure], today: _dt.date) -> tuple[str, str]:
    goal = target.value
    deadline = int(target.deadline[:4]) if target.deadline and target.deadline[:4].isdigit() else None
    dated = sorted(((_year(a.period), a) for a in actuals if _year(a.period) and a.value is not None),
                   key=lambda ya: (ya[0], ya[1].period or ""))
    if goal is None or not dated:
        return "unknown", "no dated actual figure" if goal is not None else "target has no value"
    in_time = [(y, a) for y, a in dated if deadline is None or y <= deadline]
    hit = next(((y, a) for y, a in in_time if a.value is not None and a.value >= goal), None)
    if hit:
        return "met", f"{hit[1].value:g} in {hit[1].period} >= {goal:g}"
    if deadline is None:
        return "unknown", "no deadline and not yet reached"
    latest_year, latest = dated[-1]
    at_deadline = [a for y, a in dated if y == deadline]
    if at_deadline or latest_year > deadline:
        shown = at_deadline[-1] if at_deadline else latest
        return "missed", f"{shown.value:g} in {shown.period} < {goal:g} due {deadline}"
    if deadline < today.year:
        return "unknown", f"deadline {deadline} passed; latest data {latest_year}"
    if len(dated) >= 2:
        (y0, a0), (y1, a1) = dated[-2], dated[-1]
        if y1 > y0 and a0.value and a1.value and a0.value > 0:
            rate = (a1.value / a0.value) ** (1 / (y1 - y0))
            projected = a1.value * rate ** (deadline - y1)
            if projected >= goal:
                return "on_track", f"{rate - 1:+.1%} a year reaches {projected:g} by {deadline}"
    return "pending", f"latest {latest.value:g} in {latest.period}; deadline {deadline} ahead"


@dataclass(frozen=True)
class Vocabulary:
    """What tells a goal for relations from a specification: the indicators of relations
    between states, the units that measure things, the currencies, and the name of the goods
    a deal provides for (indicators.yaml `supply_contract`)."""

    relations: frozenset[str]
    measures: frozenset[str]
    currencies: frozenset[str]
    contract: str = ""

    @classmethod
    def from_lexicons(cls, indicators: "Indicators", units: "Units") -> "Vocabulary":
        return cls(frozenset(indicators.data["indicators"]), frozenset(indicators.data["measures"]),
                   frozenset(units.currencies.values()), _contract(indicators.data))

    @classmethod
    def packaged(cls) -> "Vocabulary":
        """The packaged lexicons (stored figures carry their names), read at each call but
        not compiled (the readers' patterns cost half a second and are not needed here)."""
        from steppe.resources import indicator_data, unit_rows

        data = indicator_data()
        currencies = {form.lower(): unit for kind, form, unit, _ in unit_rows() if kind == "currency"}
        return cls(frozenset(data["indicators"]), frozenset(data["measures"]), frozenset(currencies.values()),
                   _contract(data))


def _contract(data: dict) -> str:
    return (data.get("supply_contract") or {}).get("name", "")


def is_commitment(f: Figure, vocabulary: Vocabulary | None = None) -> bool:
    """A goal the parties set for their relations: trade, investment, flows, their growth
    or value. A plant's capacity, a road's length or a market's population is a
    specification of a thing, not such a goal, even when the text calls it "planned"."""
    if f.kind != "target":
        return False
    v = vocabulary or Vocabulary.packaged()
    if v.contract and f.indicator == v.contract:
        return True       # what a deal provides for, in any unit
    if f.unit in v.measures:
        return False
    if f.indicator in v.relations:
        return True
    name = f.indicator.removeprefix("other:")
    if name.endswith(("_growth", "_change", "_value")) or name.startswith("share_of_"):
        return True
    # Other goals are sums between the parties (a rent, a loan), not counts of people.
    return f.unit in v.currencies and not name.endswith("capacity")


def commitments(figures: list[tuple[str, Figure]], *, today: _dt.date | None = None,
                vocabulary: Vocabulary | None = None) -> list[Commitment]:
    """One Commitment per target figure that is a goal for relations (`is_commitment`), with
    the actuals for the same indicator and parties."""
    today = today or _dt.date.today()
    vocabulary = vocabulary or Vocabulary.packaged()
    actual_by_key: dict[tuple, list[tuple[str, Figure]]] = {}
    for doc, f in figures:
        if f.kind == "actual" and not f.suspect:
            actual_by_key.setdefault(_key(f), []).append((doc, f))
    out = []
    for doc, f in figures:
        if not is_commitment(f, vocabulary):
            continue
        actuals = actual_by_key.get(_key(f), [])
        status, reason = _judge(f, [a for _, a in actuals], today)
        out.append(Commitment((doc, f), list(actuals), status, reason))
    return out
