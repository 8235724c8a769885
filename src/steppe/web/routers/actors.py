"""/api/actors: states and organisations, their partners and their people."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path

from steppe.store.read import find_actors
from steppe.web.params import LABEL, KbDep, StoreDep
from steppe.web.queries import actor_profile, display_name

router = APIRouter(prefix="/actors", tags=["actors"])


@router.get("", summary="Actors that take part in events, busiest first")
def actors(store: StoreDep, kb: KbDep) -> dict[str, Any]:
    items = [{**a.to_json(), "name": display_name(a.label, kb)} for a in find_actors(store)]
    return {"total": len(items), "items": items}


@router.get("/{label}", summary="One actor: partners and people with their roles")
def actor(store: StoreDep, kb: KbDep, label: Annotated[str, Path(pattern=LABEL)]) -> dict[str, Any]:
    profile = actor_profile(store, label, kb) or actor_profile(store, label.upper(), kb)
    if profile is None:
        raise HTTPException(404, f"no events involve {label!r}")
    return profile
