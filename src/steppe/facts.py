"""The facts format of ANNOTATION.md as dataclasses.

Everything in steppe speaks these records; this module imports nothing of ours.
`to_json()` gives exactly the ANNOTATION.md shape; extra fields that steppe keeps
(confidence, occurrence keys, suspect flags) go under names the scorer ignores.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
    "MOBILIZE", "COERCE", "ASSAULT",
)
MODALITIES = ("asserted", "planned", "hypothetical", "negated")
PRECISIONS = ("day", "month", "year", "unknown")
FIGURE_KINDS = ("actual", "target", "forecast")


def content_hash(text: str) -> str:
    """sha256 hex of the NFC text with whitespace runs collapsed: the same article stored
    twice, re-encoded or re-wrapped, is recognised as one."""
    canonical = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def precision_of(date: str | None) -> str:
    """Precision of a partial ISO date: "2021" year, "2021-12" month, "2021-12-06" day."""
    return {4: "year", 7: "month", 10: "day"}.get(len(date), "unknown") if date else "unknown"


def at_precision(date: str | None, precision: str) -> str | None:
    """The date written no finer than its precision ("2022-04-04", month -> "2022-04")."""
    if date is None or precision == "unknown":
        return date if precision != "unknown" else None
    return {"year": date[:4], "month": date[:7], "day": date[:10]}.get(precision, date)


def dates_compatible(a: str | None, b: str | None, *, day_window: int = 0) -> bool:
    """Whether two dates can be one happening's: the same at the coarser of their
    precisions ("2023-05" fits "2023-05-06"); two days at most `day_window` days apart
    (reports of one happening from different documents may be a few days off). A missing
    date fits any. The one rule for merging within a document (pipeline/occurrences.py)
    and linking across documents (store/occurrences.py)."""
    if not a or not b:
        return True
    if day_window and len(a) == len(b) == 10:
        try:
            return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days) <= day_window
        except ValueError:
            return False
    n = min(len(a), len(b))
    return a[:n] == b[:n]


@dataclass(frozen=True)
class Span:
    """Character offsets into the original document text, end exclusive."""

    start: int
    end: int
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "Span":
        return cls(int(d["start"]), int(d["end"]), d.get("text", ""))


@dataclass(frozen=True)
class Actor:
    """A resolved actor: state code (or IGO), PLOVER sector, the text that named it."""

    code: str
    sector: str = ""
    text: str = ""
    actor_id: str = ""          # knowledge-base id ("person:mirziyoyev", "state:UZB")
    confidence: float = 1.0
    start: int = -1             # mention span in the document, -1 when unknown
    end: int = -1

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "sector": self.sector, "text": self.text}

    @property
    def party(self) -> str:
        """Who the actor is as a party: its code, an organisation told apart by its name
        ("IGO:EU"; every organisation has the code IGO), as the scorer tells them."""
        return f"IGO:{self.text}" if self.code == "IGO" else self.code

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "Actor":
        """From the facts format, or from a store row (which also has actor_id, confidence)."""
        return cls(code=d.get("code") or "", sector=d.get("sector") or "", text=d.get("text") or "",
                   actor_id=d.get("actor_id") or "", confidence=float(d.get("confidence", 1.0)))


@dataclass
class Event:
    type: str
    source: list[Actor]
    target: list[Actor]
    evidence: Span
    mode: str = ""
    date: str | None = None
    date_precision: str = "unknown"
    modality: str = "asserted"
    confidence: float = 0.5
    trigger: str = ""
    date_source: str = "text"     # text (the sentence says), context (an earlier sentence), document
    # Derived from the PLOVER tables (data/plover.yaml); kept for joins with GDELT/ICEWS.
    score: float | None = None
    quad: int | None = None
    cameo: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "mode": self.mode,
            "source": [a.to_json() for a in self.source],
            "target": [a.to_json() for a in self.target],
            "date": self.date,
            "date_precision": self.date_precision,
            "modality": self.modality,
            "evidence": self.evidence.to_json(),
            "confidence": round(self.confidence, 3),
            "trigger": self.trigger,
            "date_source": self.date_source,
            "score": self.score,
            "quad": self.quad,
            "cameo": self.cameo,
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "Event":
        return cls(
            type=d["type"], mode=d.get("mode") or "",
            source=[Actor.from_json(a) for a in d.get("source") or []],
            target=[Actor.from_json(a) for a in d.get("target") or []],
            date=d.get("date"), date_precision=d.get("date_precision") or "unknown",
            modality=d.get("modality") or "asserted",
            evidence=Span.from_json(d["evidence"]),
            confidence=float(d.get("confidence", 0.5)), trigger=d.get("trigger", ""),
            date_source=d.get("date_source", "text"),
            score=d.get("score"), quad=d.get("quad"), cameo=d.get("cameo"),
        )

    def codes(self) -> frozenset[str]:
        return frozenset(a.code for a in self.source + self.target)

    def parties(self) -> frozenset[str]:
        """Who takes part, on either side (Actor.party)."""
        return frozenset(a.party for a in self.source + self.target)


@dataclass
class Figure:
    indicator: str
    value: float | None
    unit: str
    parties: list[str]
    evidence: Span
    direction: dict[str, str] | None = None
    period: str | None = None
    kind: str = "actual"
    deadline: str | None = None
    suspect: str | None = None      # why the value may be wrong, None when clean
    confidence: float = 0.5

    def to_json(self) -> dict[str, Any]:
        value: float | int | None = self.value
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        out = {
            "indicator": self.indicator, "value": value, "unit": self.unit,
            "parties": list(self.parties), "direction": self.direction,
            "period": self.period, "kind": self.kind, "deadline": self.deadline,
            "evidence": self.evidence.to_json(),
            "confidence": round(self.confidence, 3),
        }
        if self.suspect:
            out["suspect"] = self.suspect
        return out

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "Figure":
        return cls(
            indicator=d["indicator"], value=d.get("value"), unit=d.get("unit") or "",
            parties=list(d.get("parties") or []), direction=d.get("direction"),
            period=d.get("period"), kind=d.get("kind") or "actual",
            deadline=d.get("deadline"), suspect=d.get("suspect"),
            evidence=Span.from_json(d["evidence"]), confidence=float(d.get("confidence", 0.5)),
        )


@dataclass
class Agreement:
    name: str
    parties: list[str]
    evidence: Span
    date: str | None = None
    kind: str = "agreement"      # treaty, declaration, memorandum, roadmap, plan, contract, ...
    signing_event: int | None = None   # index in Facts.events of the event that signed it

    def to_json(self) -> dict[str, Any]:
        out = {"name": self.name, "kind": self.kind, "parties": list(self.parties),
               "date": self.date, "evidence": self.evidence.to_json()}
        if self.signing_event is not None:
            out["signing_event"] = self.signing_event
        return out

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "Agreement":
        return cls(name=d["name"], parties=list(d.get("parties") or []), date=d.get("date"),
                   kind=d.get("kind") or "agreement", evidence=Span.from_json(d["evidence"]),
                   signing_event=d.get("signing_event"))


@dataclass
class Project:
    name: str
    kind: str                      # railway, road, power_plant, reservoir, industrial_zone, ...
    parties: list[str]
    evidence: Span
    status: list[tuple[str | None, str]] = field(default_factory=list)   # (date, status)
    value: float | None = None
    unit: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "parties": list(self.parties),
                "status": [{"date": d, "status": s} for d, s in self.status],
                "value": self.value, "unit": self.unit, "evidence": self.evidence.to_json()}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "Project":
        return cls(name=d["name"], kind=d.get("kind") or "", parties=list(d.get("parties") or []),
                   status=[(s.get("date"), s["status"]) for s in d.get("status") or []],
                   value=d.get("value"), unit=d.get("unit") or "",
                   evidence=Span.from_json(d["evidence"]))


@dataclass
class Document:
    """A document as ingested: `text` is the original, never changed, so spans index it."""

    id: str
    text: str
    date: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None
    path: str | None = None
    content_hash: str = ""
    meta: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        return {k: v for k, v in d.items() if k in ("id", "text") or v not in (None, "", {})}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "Document":
        known = {f: d[f] for f in cls.__dataclass_fields__ if f in d}
        return cls(**known)


@dataclass
class Facts:
    """Everything the pipeline found in one document."""

    id: str
    events: list[Event] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    mentions: list[Actor] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "events": [e.to_json() for e in self.events],
            "figures": [f.to_json() for f in self.figures],
            "agreements": [a.to_json() for a in self.agreements],
            "projects": [p.to_json() for p in self.projects],
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "Facts":
        """Facts from one line of `steppe extract` (mentions are not part of the format)."""
        return cls(id=d["id"], events=[Event.from_json(e) for e in d.get("events") or []],
                   figures=[Figure.from_json(f) for f in d.get("figures") or []],
                   agreements=[Agreement.from_json(a) for a in d.get("agreements") or []],
                   projects=[Project.from_json(p) for p in d.get("projects") or []])
