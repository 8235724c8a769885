"""/api/agreements: one item per agreement, with every report of it."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from steppe.web.params import DyadQuery, StoreDep
from steppe.web.queries import agreement_items

router = APIRouter(prefix="/agreements", tags=["agreements"])


@router.get("", summary="Agreements, merged across documents")
def agreements(store: StoreDep, dyad: DyadQuery = None) -> dict[str, Any]:
    items = agreement_items(store, dyad)
    return {"total": len(items), "items": items}
