"""Whom a stretch of a story is telling of: the states each sentence names, and the pair
named by the nearest sentence before.

A story moves from one pair of states to another ("Kyrgyzstan's president arrived in
Dushanbe. The two countries signed ..."), so what names no pair itself takes the pair
named last, not the document's main parties nor the union of every state named before.
Three stages ask: coreference (a group phrase), events (an act named by a noun with no
one attached) and agreements (the parties of an agreement). Each builds the index of the
states it counts and says, with `nearest_pair`'s options, how it looks.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence


def states_by_sentence(states: Sequence[tuple[int, int, str]], sentences: Sequence[tuple[int, int]],
                       *, wholly: bool = False) -> list[set[str]]:
    """The codes of the states each sentence names, IGOs left out: of the mentions that
    start in it (`wholly`: that lie wholly in it). `states` are sorted by start."""
    starts = [m[0] for m in states]
    return [{c for _, me, c in states[bisect_left(starts, s):bisect_left(starts, e)]
             if c != "IGO" and (me <= e or not wholly)}
            for s, e in sentences]


def nearest_pair(named: Sequence[set[str]], i: int, *, back: int, adding: bool = False,
                 holding: bool = False, more: bool = False, after: bool = False) -> list[str]:
    """The two states of the nearest of the `back` sentences before sentence `i` that names
    two or more ([] when it names more), given the states each sentence names. Never the
    union of two sentences', except with `adding`.

    adding: sentence `i` counts first, and the states of the sentences walked over add up
      until they come to two; when they pass two, the pair of the sentence that took them
      past (coreference: "Kazakhstan welcomed the treaty, saying the two countries ...").
    holding: only a sentence that also names every state sentence `i` names (the one the
      agreement's own sentence names must be among its parties).
    more: a sentence that names more than two gives them all.
    after: the sentence after `i` is tried last (an agreement's parties may follow it).
    """
    order = [*([i] if adding else []), *range(i - 1, max(-1, i - 1 - back), -1),
             *([i + 1] if after and i + 1 < len(named) else [])]
    seen: set[str] = set()
    for j in order:
        seen = seen | named[j] if adding else named[j]
        if len(seen) < 2 or holding and not named[i] <= seen:
            continue
        if len(seen) == 2 or more:
            return sorted(seen)
        # More than two: a pair this sentence names alone, never a state picked from them.
        return sorted(named[j]) if len(named[j]) == 2 else []
    return []


def most_named(named: Sequence[set[str]], order: Iterable[int]) -> set[str]:
    """The states of the sentence that names the most of them, among the sentences at the
    indexes `order` (nearest first, so the first of equals wins): the one that lists who
    came to an occasion ("Erdogan hosted Aliyev, Tokayev and Japarov. Orban also attended.
    The leaders adopted ...")."""
    best: set[str] = set()
    for j in order:
        if 0 <= j < len(named) and len(named[j]) > len(best):
            best = named[j]
    return best
