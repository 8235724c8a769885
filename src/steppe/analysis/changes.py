"""Change detection: the periods where a dyad's index departs sharply from its recent level.

Method: a rolling z-score. For each period t, the baseline is the mean and standard
deviation of the index sum over the `window` periods before it (empty periods count as
0, since no event is information too):

    z_t = (x_t - mean(x[t-window:t])) / max(std(x[t-window:t]), min_std)

A period is a change when |z_t| >= `threshold`, it has at least `min_history` periods
before it, and the index moved by at least `min_delta` (one verbal agreement scores 2.5
in PLOVER, so a smaller move is noise whatever its z). The floor `min_std` keeps a
quiet history (all zeros) from turning every single event into an infinite z.
Each change lists the events behind its period.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from typing import Any

from steppe.analysis.series import DyadSeries

WINDOW = 6
THRESHOLD = 2.0
MIN_HISTORY = 3
MIN_STD = 1.0
MIN_DELTA = 2.5


@dataclass
class Change:
    period: str
    since: str
    until: str
    value: float              # the index sum of the period
    baseline: float           # mean of the window before it
    z: float
    direction: str            # "cooperation" (up) or "conflict" (down)
    occurrences: int
    # None when the series came from the stored aggregates (no ids behind its points).
    event_ids: list[int] | None = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        out = {"period": self.period, "since": self.since, "until": self.until,
               "value": round(self.value, 3), "baseline": round(self.baseline, 3),
               "z": round(self.z, 2), "direction": self.direction,
               "occurrences": self.occurrences}
        if self.event_ids is not None:
            out["event_ids"] = self.event_ids
        return out


def detect_changes(series: DyadSeries, *, window: int = WINDOW, threshold: float = THRESHOLD,
                   min_history: int = MIN_HISTORY, min_std: float = MIN_STD,
                   min_delta: float = MIN_DELTA) -> list[Change]:
    """The changes in `series`, oldest first."""
    if window < 1 or min_history < 1:
        raise ValueError("window and min_history must be at least 1")
    values = [p.index_sum for p in series.points]
    out = []
    for i, point in enumerate(series.points):
        history = values[max(0, i - window):i]
        if len(history) < min_history:
            continue
        baseline = statistics.fmean(history)
        spread = max(statistics.pstdev(history), min_std)
        delta = values[i] - baseline
        z = delta / spread
        if abs(z) >= threshold and abs(delta) >= min_delta:
            out.append(Change(point.period, point.since, point.until, values[i], baseline, z,
                              "cooperation" if delta > 0 else "conflict", point.occurrences,
                              None if point.event_ids is None else list(point.event_ids)))
    return out
