"""/api/contradictions: reports that give different values for the same figure."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from steppe.web.params import DyadQuery, StoreDep
from steppe.web.queries import contradiction_items

router = APIRouter(prefix="/contradictions", tags=["contradictions"])


@router.get("", summary="Pairs of figures that disagree by more than 5 %")
def contradictions(store: StoreDep, dyad: DyadQuery = None) -> dict[str, Any]:
    items = contradiction_items(store, dyad)
    return {"total": len(items), "items": items}
