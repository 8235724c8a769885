"""/api/sources: the feeds and sitemaps `steppe watch` follows, and how each is doing."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from steppe.watch.sources import source_health
from steppe.web.params import StoreDep

router = APIRouter(prefix="/sources", tags=["sources"])


@router.get("", summary="Followed sources with their health (last poll, failures, entries)")
def sources(store: StoreDep) -> dict[str, Any]:
    """One record per source, by name: `state` is healthy, failing or new (never polled)."""
    items = [h.to_json() for h in source_health(store)]
    return {"total": len(items), "items": items}
