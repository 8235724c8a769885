"""/api/figures: trade and other figures, actual, target or forecast."""

from __future__ import annotations

from typing import Annotated, Any, Optional

from fastapi import APIRouter, Query

from steppe.facts import FIGURE_KINDS
from steppe.store.read import find_figures
from steppe.web.params import DyadQuery, StoreDep

router = APIRouter(prefix="/figures", tags=["figures"])


@router.get("", summary="Figures, oldest period first")
def figures(store: StoreDep, dyad: DyadQuery = None,
            indicator: Annotated[Optional[str], Query(max_length=100)] = None,
            kind: Annotated[Optional[str], Query(pattern="^(" + "|".join(FIGURE_KINDS) + ")$")] = None,
            document_id: Annotated[Optional[str], Query(max_length=200)] = None) -> dict[str, Any]:
    items = find_figures(store, dyad=dyad, indicator=indicator, kind=kind, document_id=document_id)
    return {"total": len(items), "items": [f.to_json() for f in items]}
