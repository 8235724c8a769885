"""Analysis commands: `steppe series`, `steppe network`, `steppe changes`.

Tables keep to 80 columns: key columns (period, dyad, counts, index) never wrap or
vanish; the long ones (types, events) fold or are cut.
"""

from __future__ import annotations

import json
from typing import Annotated, Optional

import typer
from rich.table import Table

from steppe.analysis.series import By, Direction
from steppe.cli.context import DbOption, JsonFlag, fail, out, settings_from


Since = Annotated[Optional[str], typer.Option(help="Earliest date (YYYY, YYYY-MM or YYYY-MM-DD).")]
Until = Annotated[Optional[str], typer.Option(help="Latest date.")]
AllModalities = Annotated[bool, typer.Option("--all-modalities", help="Count planned, hypothetical and negated events too.")]


def _store(db: str | None):
    from steppe.store import open_store

    return open_store(settings_from(db).db_url)


def _dyad(dyad: str) -> str:
    from steppe.store.keys import parse_dyad

    try:
        return "-".join(parse_dyad(dyad))
    except ValueError as exc:
        raise fail(str(exc))


def _signed(x: float | None) -> str:
    return "–" if x is None else f"{x:+.1f}"


def series(
    dyad: Annotated[str, typer.Argument(help="Two actors: KAZ-UZB (or KAZ-CSTO).")],
    by: Annotated[By, typer.Option(help="Period length.")] = By.month,
    direction: Annotated[Direction, typer.Option(help="both, forward (first acts on second) or backward.")] = Direction.both,
    since: Since = None,
    until: Until = None,
    all_modalities: AllModalities = False,
    db: DbOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Events and the cooperation-conflict index of a dyad, period by period.

    Counts occurrences (one happening reported by many articles counts once).
    Example: steppe series KAZ-UZB --by year --since 2016
    """
    from steppe.analysis.series import load_dyad_series

    with _store(db) as store:
        s = load_dyad_series(store, _dyad(dyad), by=by.value, direction=direction.value,
                             since=since, until=until,
                             modality=None if all_modalities else "asserted")
    if as_json:
        for p in s.points:
            out.print_json(json.dumps({"dyad": s.dyad, **p.to_json()}), indent=None)
        return
    table = Table(title=f"{s.dyad} by {s.by} ({direction.value})", caption=(
        f"{s.left_out} occurrences dated too coarsely left out" if s.left_out else None))
    table.add_column("period", no_wrap=True)
    table.add_column("occ.", justify="right", no_wrap=True)
    table.add_column("index", justify="right", no_wrap=True)
    table.add_column("mean", justify="right", no_wrap=True)
    table.add_column("coop/confl", justify="right", no_wrap=True)
    table.add_column("types", overflow="fold", ratio=1)
    for p in s.points:
        coop = p.by_quad.get(1, 0) + p.by_quad.get(2, 0)
        confl = p.by_quad.get(3, 0) + p.by_quad.get(4, 0)
        types = " ".join(f"{t}:{n}" for t, n in sorted(p.by_type.items(), key=lambda kv: -kv[1]))
        table.add_row(p.period, str(p.occurrences), _signed(p.index_sum if p.occurrences else None),
                      _signed(p.index_mean), f"{coop}/{confl}", types)
    out.print(table)


def network(
    since: Since = None,
    until: Until = None,
    top: Annotated[int, typer.Option(help="Show this many dyads and actors.")] = 20,
    all_modalities: AllModalities = False,
    db: DbOption = None,
    as_json: JsonFlag = False,
) -> None:
    """The relations network: actors by centrality, dyads by activity and index.

    Example: steppe network --since 2017
    """
    from steppe.analysis.network import load_network

    with _store(db) as store:
        net = load_network(store, since=since, until=until,
                           modality=None if all_modalities else "asserted")
    if as_json:
        out.print_json(json.dumps(net.to_json()), indent=None)
        return
    actors = Table(title=f"{len(net.nodes)} actors")
    for col in ("actor", "kind", "occ.", "degree", "betweenness"):
        actors.add_column(col, justify="left" if col in ("actor", "kind") else "right", no_wrap=True)
    for n in net.nodes[:top]:
        actors.add_row(n.label, n.kind, str(n.strength), f"{n.degree:.2f}", f"{n.betweenness:.2f}")
    out.print(actors)
    dyads = Table(title=f"{len(net.edges)} dyads")
    for col in ("dyad", "occ.", "a→b", "b→a", "index", "mean"):
        dyads.add_column(col, justify="left" if col == "dyad" else "right", no_wrap=True)
    for e in net.edges[:top]:
        dyads.add_row(e.dyad, str(e.occurrences), str(e.forward), str(e.backward),
                      _signed(e.index_sum), _signed(e.index_mean))
    out.print(dyads)


def changes(
    dyad: Annotated[str, typer.Argument(help="Two actors: KAZ-UZB.")],
    by: Annotated[By, typer.Option(help="Period length.")] = By.quarter,
    window: Annotated[int, typer.Option(min=2, help="Periods in the baseline before each period.")] = 6,
    threshold: Annotated[float, typer.Option(min=0.1, help="|z| at or above which a period is a change.")] = 2.0,
    db: DbOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Periods where a dyad's index departs sharply from its recent level (rolling z-score).

    Example: steppe changes KAZ-UZB --by year
    """
    from steppe.analysis.changes import MIN_HISTORY, detect_changes
    from steppe.analysis.series import load_dyad_series
    from steppe.store.read import EventFilter, find_events

    with _store(db) as store:
        s = load_dyad_series(store, _dyad(dyad), by=by.value, event_ids=True)
        found = detect_changes(s, window=window, threshold=threshold,
                               min_history=min(MIN_HISTORY, window))
        evidence = {c.period: find_events(store, EventFilter(ids=tuple(c.event_ids)),
                                          limit=5).items for c in found}
    if as_json:
        for c in found:
            out.print_json(json.dumps({"dyad": s.dyad, **c.to_json()}), indent=None)
        return
    table = Table(title=f"{len(found)} changes in {s.dyad} by {by.value}")
    table.add_column("period", no_wrap=True)
    table.add_column("index", justify="right", no_wrap=True)
    table.add_column("before", justify="right", no_wrap=True)
    table.add_column("z", justify="right", no_wrap=True)
    table.add_column("events (document: evidence)", overflow="fold", ratio=1)
    for c in found:
        lines = [f"{e.type} {e.document_id}: {' '.join(e.evidence.text.split())[:90]}"
                 for e in evidence[c.period]]
        table.add_row(c.period, _signed(c.value), _signed(c.baseline), f"{c.z:+.1f}",
                      "\n".join(lines))
    out.print(table)
