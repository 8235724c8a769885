"""/api/events: events filtered by actor, dyad, type, quad, modality, dates and words."""

from __future__ import annotations

from typing import Annotated, Any, Optional

from fastapi import APIRouter, HTTPException, Path, Query

from steppe.store.read import EventFilter, find_events, get_event
from steppe.web.params import (
    LABEL,
    DyadQuery,
    EventType,
    Limit,
    Modality,
    Offset,
    Since,
    StoreDep,
    Until,
)

router = APIRouter(prefix="/events", tags=["events"])


@router.get("", summary="Search events (newest first, with the total)")
def list_events(
    store: StoreDep,
    actor: Annotated[Optional[str], Query(pattern=LABEL, description="A state code or organisation on either side.")] = None,
    dyad: DyadQuery = None,
    directed: Annotated[bool, Query(description="With dyad: the first actor is the source.")] = False,
    type: Annotated[Optional[EventType], Query(description="PLOVER event type.")] = None,
    quad: Annotated[Optional[int], Query(ge=1, le=4, description="1 verbal / 2 material cooperation, 3 verbal / 4 material conflict.")] = None,
    modality: Optional[Modality] = None,
    since: Since = None,
    until: Until = None,
    q: Annotated[Optional[str], Query(max_length=200, description="Words that must all occur in the evidence.")] = None,
    document_id: Annotated[Optional[str], Query(max_length=200)] = None,
    ids: Annotated[Optional[str], Query(pattern=r"^\d{1,12}(,\d{1,12})*$", max_length=6500, description="Comma-separated event ids (at most 500).")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    id_list = tuple(int(i) for i in ids.split(",")) if ids else None
    if id_list is not None and len(id_list) > 500:
        raise HTTPException(422, "ids: at most 500 event ids")
    f = EventFilter(actor=actor, dyad=dyad, directed=directed,
                    type=type.value if type else None, quad=quad,
                    modality=modality.value if modality else None, since=since, until=until,
                    q=q, document_id=document_id,
                    ids=id_list)
    page = find_events(store, f, limit=limit, offset=offset)
    return {"total": page.total, "total_capped": page.total_capped, "limit": page.limit, "offset": page.offset,
            "items": [e.to_json() for e in page.items]}


@router.get("/{event_id}", summary="One event")
def one_event(store: StoreDep, event_id: Annotated[int, Path(ge=1, le=2**62)]) -> dict[str, Any]:
    event = get_event(store, event_id)
    if event is None:
        raise HTTPException(404, f"no event {event_id}")
    return event.to_json()
