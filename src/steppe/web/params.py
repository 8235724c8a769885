"""Query and path parameters shared by the routers, validated before any query runs
(a bad value is a 422 that says what is wrong, never a 500)."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

from fastapi import Depends, Path, Query, Request

from steppe.analysis.series import By, Direction  # noqa: F401  (the routers take them from here)
from steppe.facts import MODALITIES, PLOVER_TYPES
from steppe.kb.model import KnowledgeBase
from steppe.store.engine import Store

DATE = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
LABEL = r"^[A-Za-z][A-Za-z0-9+]{1,15}$"
DYAD = r"^[A-Za-z][A-Za-z0-9+]{1,15}[-/,][A-Za-z][A-Za-z0-9+]{1,15}$"

EventType = Enum("EventType", {t: t for t in PLOVER_TYPES}, type=str)
Modality = Enum("Modality", {m: m for m in MODALITIES}, type=str)


class Counted(str, Enum):
    """Which events analyses count: asserted ones (the default) or every modality."""

    asserted = "asserted"
    any = "any"


def get_store(request: Request) -> Store:
    return request.app.state.store


StoreDep = Annotated[Store, Depends(get_store)]


def get_kb(request: Request) -> KnowledgeBase:
    """The app's knowledge base (names and dated roles; the settings' --kb files layered
    over the packaged one), loaded on first use and kept by the app."""
    state = request.app.state
    if state.kb is None:
        from steppe.kb.load import load_kb

        state.kb = load_kb(state.settings.kb_paths)
    return state.kb


KbDep = Annotated[KnowledgeBase, Depends(get_kb)]
Since = Annotated[Optional[str], Query(pattern=DATE, description="Earliest date: YYYY, YYYY-MM or YYYY-MM-DD.")]
Until = Annotated[Optional[str], Query(pattern=DATE, description="Latest date: YYYY, YYYY-MM or YYYY-MM-DD.")]
DyadQuery = Annotated[Optional[str], Query(pattern=DYAD, description="Two actors, e.g. KAZ-UZB.")]
DyadPath = Annotated[str, Path(pattern=DYAD, description="Two actors, e.g. KAZ-UZB.")]
Limit = Annotated[int, Query(ge=1, le=500, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip.")]
CountedQuery = Annotated[Counted, Query(description="Count asserted events only, or all.")]


def modality_of(counted: Counted) -> str | None:
    return None if counted is Counted.any else "asserted"
