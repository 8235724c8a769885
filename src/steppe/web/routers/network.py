"""/api/network: actors as nodes, dyads as edges, with centrality."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from steppe.analysis.network import load_network
from steppe.web.params import Counted, CountedQuery, Since, StoreDep, Until, modality_of

router = APIRouter(prefix="/network", tags=["network"])


@router.get("", summary="The relations network over a period")
def network(store: StoreDep, since: Since = None, until: Until = None,
            min_occurrences: Annotated[int, Query(ge=1, le=100_000)] = 1,
            counted: CountedQuery = Counted.asserted) -> dict[str, Any]:
    return load_network(store, since=since, until=until, modality=modality_of(counted),
                        min_occurrences=min_occurrences).to_json()
