"""/api/dyads: the most active pairs of actors, and each pair's series."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException

from steppe.analysis.network import load_network
from steppe.analysis.series import load_dyad_series
from steppe.web.params import (
    By,
    CountedQuery,
    Counted,
    Direction,
    DyadPath,
    KbDep,
    Limit,
    Since,
    StoreDep,
    Until,
    modality_of,
)
from steppe.web.queries import display_name, dyad_key

router = APIRouter(prefix="/dyads", tags=["dyads"])


@router.get("", summary="Dyads by activity (occurrences), with their index")
def list_dyads(store: StoreDep, since: Since = None, until: Until = None, limit: Limit = 50,
               counted: CountedQuery = Counted.asserted) -> dict[str, Any]:
    network = load_network(store, since=since, until=until, modality=modality_of(counted))
    return {"total": len(network.edges), "items": [e.to_json() for e in network.edges[:limit]]}


@router.get("/{dyad}", summary="One dyad: its activity and index over all time")
def one_dyad(store: StoreDep, kb: KbDep, dyad: DyadPath,
             counted: CountedQuery = Counted.asserted) -> dict[str, Any]:
    key = dyad_key(dyad)
    network = load_network(store, modality=modality_of(counted))
    edge = next((e for e in network.edges if e.dyad == key), None)
    if edge is None:
        raise HTTPException(404, f"no events between {key.replace('-', ' and ')}")
    return {**edge.to_json(), "names": [display_name(edge.a, kb), display_name(edge.b, kb)]}


@router.get("/{dyad}/series", summary="Counts by type and quad and the index, per period")
def series(store: StoreDep, dyad: DyadPath, by: By = By.month,
           direction: Direction = Direction.both, since: Since = None, until: Until = None,
           counted: CountedQuery = Counted.asserted) -> dict[str, Any]:
    """`direction` forward counts only the first actor acting on the second."""
    return load_dyad_series(store, dyad, by=by.value, direction=direction.value, since=since,
                            until=until, modality=modality_of(counted)).to_json()
