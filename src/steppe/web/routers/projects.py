"""/api/projects: railways, pipelines, power plants... with their status over time."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from steppe.store.read import find_projects
from steppe.web.params import DyadQuery, StoreDep

router = APIRouter(prefix="/projects", tags=["projects"])


@router.get("", summary="Projects")
def projects(store: StoreDep, dyad: DyadQuery = None) -> dict[str, Any]:
    items = find_projects(store, dyad=dyad)
    return {"total": len(items), "items": [p.to_json() for p in items]}
