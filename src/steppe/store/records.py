"""Typed records read back from the store: the facts of steppe.facts plus where they
are stored (their row id and the document they were found in).

The API and the dashboard speak these; `to_json()` is the ANNOTATION.md shape with
the store's keys added.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from steppe.facts import Actor, Agreement, Event, Figure, Project

T = TypeVar("T")


def actor_label(code: str, actor_id: str | None) -> str:
    """A state's code, or an organisation's short name ("SCO", not "IGO")."""
    if code == "IGO" and actor_id and actor_id.startswith("igo:"):
        return actor_id[4:]
    return code


def _actor_json(a: Actor) -> dict[str, Any]:
    return {**a.to_json(), "actor_id": a.actor_id or None, "label": actor_label(a.code, a.actor_id)}


@dataclass
class StoredEvent(Event):
    id: int = 0
    document_id: str = ""
    occurrence_id: str | None = None

    def to_json(self) -> dict[str, Any]:
        out = {"id": self.id, "document_id": self.document_id,
               "occurrence_id": self.occurrence_id, **super().to_json()}
        out["source"] = [_actor_json(a) for a in self.source]
        out["target"] = [_actor_json(a) for a in self.target]
        return out

    def labels(self, role: str) -> list[str]:
        side = self.source if role == "source" else self.target
        return [actor_label(a.code, a.actor_id) for a in side]


@dataclass
class StoredFigure(Figure):
    id: int = 0
    document_id: str = ""

    @property
    def dyad(self) -> str:
        return "-".join(sorted(set(self.parties)))

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "document_id": self.document_id, **super().to_json(),
                "confidence": self.confidence}


@dataclass
class StoredAgreement(Agreement):
    id: int = 0
    document_id: str = ""
    key: str = ""
    event_id: int | None = None

    def to_json(self) -> dict[str, Any]:
        out = {"id": self.id, "document_id": self.document_id, **super().to_json(),
               "key": self.key, "event_id": self.event_id}
        out.pop("signing_event", None)
        return out


@dataclass
class StoredProject(Project):
    id: int = 0
    document_id: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "document_id": self.document_id, **super().to_json()}


@dataclass
class StoredMention:
    id: int
    document_id: str
    start: int
    end: int
    code: str
    sector: str
    text: str
    actor_id: str | None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "document_id": self.document_id, "start": self.start,
                "end": self.end, "code": self.code, "sector": self.sector, "text": self.text,
                "actor_id": self.actor_id}


@dataclass
class DocumentRecord:
    """A stored document; `text` and `meta` are None in listings."""

    id: str
    title: str | None
    source: str | None
    url: str | None
    published: str | None
    language: str | None
    path: str | None
    content_hash: str
    ingested_at: Any
    text: str | None = None
    meta: dict[str, Any] | None = None

    def to_json(self) -> dict[str, Any]:
        out = {"id": self.id, "title": self.title, "source": self.source, "url": self.url,
               "published": self.published, "language": self.language, "path": self.path,
               "content_hash": self.content_hash,
               "ingested_at": self.ingested_at.isoformat() if self.ingested_at else None}
        if self.text is not None:
            out["text"] = self.text
            out["meta"] = self.meta or {}
        return out


@dataclass
class StoredActor:
    """An actor as the facts name it: a state or organisation label, with activity."""

    label: str
    kind: str              # state | igo | other
    name: str
    events: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"label": self.label, "kind": self.kind, "name": self.name, "events": self.events}


@dataclass
class Page(Generic[T]):
    """One page of results and how many there are in all."""

    total: int
    limit: int
    offset: int
    items: list[T] = field(default_factory=list)
    # True when there are more than `total` (counting stopped there).
    total_capped: bool = False
