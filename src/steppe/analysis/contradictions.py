"""Find actual figures that state different values for the same thing."""

from __future__ import annotations

from dataclasses import dataclass

from steppe.facts import Figure

__all__ = ["Contradiction", "contradictions"]

TOLERANCE = 0.05      # relative difference above which two reports disagree


@dataclass(frozen=True)
class Contradiction:
    a: tuple[str, Figure]
    b: tuple[str, Figure]
    rel_diff: float


def _key(f: Figure) -> tuple:
    return (f.indicator, tuple(sorted(f.parties)), tuple(sorted((f.direction or {}).items())),
            f.period, f.unit)


def contradictions(figures: list[tuple[str, Figure]], *, tolerance: float = TOLERANCE) -> list[Contradiction]:
    """Pairs of actual figures with the same indicator, parties, direction and period
    whose values differ by more than `tolerance` (relative to the larger)."""
    groups: dict[tuple, list[tuple[str, Figure]]] = {}
    for doc, f in figures:
        if f.kind == "actual" and f.period and f.value is not None:
            groups.setdefault(_key(f), []).append((doc, f))
    out = []
    for members in groups.values():
        for i, (da, fa) in enumerate(members):
            for db, fb in members[i + 1:]:
                big = max(abs(fa.value), abs(fb.value))
                if big == 0:
                    continue
                diff = abs(fa.value - fb.value) / big
                if diff > tolerance:
                    out.append(Contradiction((da, fa), (db, fb), round(diff, 4)))
    return out
