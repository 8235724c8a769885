"""/api/changes: periods where a dyad's index departs sharply from its recent level."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from steppe.analysis import changes as method
from steppe.analysis.series import load_dyad_series
from steppe.web.params import DYAD, By, Counted, CountedQuery, StoreDep, modality_of

router = APIRouter(prefix="/changes", tags=["changes"])


@router.get("", summary="Changes in a dyad's index (rolling z-score)")
def changes(store: StoreDep,
            dyad: Annotated[str, Query(pattern=DYAD, description="Two actors, e.g. KAZ-UZB.")],
            by: By = By.month,
            window: Annotated[int, Query(ge=2, le=120)] = method.WINDOW,
            threshold: Annotated[float, Query(gt=0, le=100)] = method.THRESHOLD,
            counted: CountedQuery = Counted.asserted) -> dict[str, Any]:
    """z = (index - mean of the `window` periods before) / their standard deviation."""
    series = load_dyad_series(store, dyad, by=by.value, modality=modality_of(counted),
                              event_ids=True)
    found = method.detect_changes(series, window=window, threshold=threshold,
                                  min_history=min(method.MIN_HISTORY, window))
    return {"dyad": series.dyad, "by": by.value, "window": window, "threshold": threshold,
            "items": [c.to_json() for c in found]}
