"""Everything the store holds about a dyad within a window, grouped for the brief."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from steppe.analysis.agreements import AgreementCluster, merge_agreements
from steppe.analysis.commitments import Commitment, commitments
from steppe.analysis.contradictions import Contradiction, contradictions
from steppe.analysis.series import DyadSeries, dyad_series, occurrences
from steppe.store.read import (
    EventFilter,
    find_agreements,
    find_events,
    find_figures,
    find_projects,
    get_document_record,
)
from steppe.store.records import DocumentRecord, StoredEvent, StoredFigure, StoredProject


@dataclass
class Happening:
    """One occurrence (one thing that happened) and every stored report of it."""

    date: str
    type: str
    score: float | None
    quad: int | None
    reports: list[StoredEvent]

    @property
    def documents(self) -> list[str]:
        return sorted({r.document_id for r in self.reports})

    @property
    def lead(self) -> StoredEvent:
        """The report that speaks for the occurrence: its type, most confident first."""
        same = [r for r in self.reports if r.type == self.type] or self.reports
        return max(same, key=lambda r: (r.confidence, -r.id))

    @property
    def mode(self) -> str:
        return Counter(r.mode for r in self.reports if r.mode).most_common(1)[0][0] \
            if any(r.mode for r in self.reports) else ""

    @property
    def weight(self) -> float:
        """Importance: how far from neutral, times how many documents tell of it."""
        return abs(self.score or 0) * len(self.documents)


@dataclass
class DyadFacts:
    a: str
    b: str
    since: str | None
    until: str | None
    happenings: list[Happening] = field(default_factory=list)     # asserted, oldest first
    yearly: DyadSeries | None = None
    figures: list[StoredFigure] = field(default_factory=list)
    agreements: list[AgreementCluster] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    contradictions: list[Contradiction] = field(default_factory=list)
    projects: list[StoredProject] = field(default_factory=list)
    documents: dict[str, DocumentRecord] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not (self.happenings or self.figures or self.agreements or self.projects)


def _year(date: str | None) -> str | None:
    return date[:4] if date and date[:4].isdigit() else None


def _within(date: str | None, since: str | None, until: str | None) -> bool:
    """Whether a (partial) date may fall in the window; undated facts are kept."""
    if not date:
        return True
    return (not since or date[:len(since)] >= since[:len(date)]) and \
        (not until or date[:len(until)] <= until[:len(date)])


def happenings(events: list[StoredEvent]) -> list[Happening]:
    by_id = {e.id: e for e in events}
    out = [Happening(o.date, o.type, o.score, o.quad, [by_id[i] for i in o.event_ids])
           for o in occurrences(events)]
    return sorted(out, key=lambda h: (h.date or "9999", h.reports[0].id))


def gather(store, a: str, b: str, *, since: str | None = None,
           until: str | None = None) -> DyadFacts:
    """The facts of the dyad a-b between `since` and `until` (years or partial dates)."""
    events = find_events(store, EventFilter(dyad=f"{a}-{b}", modality="asserted", since=since,
                                            until=until), limit=None, newest_first=False).items
    facts = DyadFacts(a, b, since, until, happenings(events))
    facts.yearly = dyad_series(events, a, b, by="year", since=since, until=until)
    figures = find_figures(store, dyad=f"{a}-{b}")
    facts.figures = [f for f in figures if not f.suspect and f.value is not None
                     and _within(f.period if f.kind == "actual" else None, since, until)]
    pairs = [(f.document_id, f) for f in facts.figures]
    facts.commitments = commitments(pairs)
    facts.contradictions = contradictions(pairs)
    reports = [r for r in find_agreements(store, dyad=f"{a}-{b}") if _within(r.date, since, until)]
    facts.agreements = sorted(merge_agreements([(r.document_id, r) for r in reports]),
                              key=lambda c: (c.date is None, c.date or "", c.name))
    facts.projects = find_projects(store, dyad=f"{a}-{b}")
    wanted = {e.document_id for e in events} | {f.document_id for f in facts.figures} \
        | {r.document_id for r in reports} | {p.document_id for p in facts.projects}
    for doc_id in sorted(wanted):
        record = get_document_record(store, doc_id)
        if record is not None:
            facts.documents[doc_id] = record
    return facts
