"""/api/commitments: targets the parties set, judged against the actual figures."""

from __future__ import annotations

from typing import Annotated, Any, Optional

from fastapi import APIRouter, Query

from steppe.analysis.commitments import STATUSES
from steppe.web.params import DyadQuery, StoreDep
from steppe.web.queries import commitment_items

router = APIRouter(prefix="/commitments", tags=["commitments"])


@router.get("", summary="Commitments with their status (met, missed, on_track, pending, unknown)")
def commitments(store: StoreDep, dyad: DyadQuery = None,
                status: Annotated[Optional[str], Query(pattern="^(" + "|".join(STATUSES) + ")$")] = None,
                ) -> dict[str, Any]:
    items = [c for c in commitment_items(store, dyad) if status is None or c["status"] == status]
    return {"total": len(items), "items": items}
