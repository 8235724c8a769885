"""What the API and the pages both show, built from the store and the analysis modules.

Routers return these as JSON; page handlers hand the same objects to templates, so
both always agree.
"""

from __future__ import annotations

from typing import Any

from steppe.analysis.agreements import merge_agreements
from steppe.analysis.commitments import commitments
from steppe.analysis.contradictions import contradictions
from steppe.kb.model import KnowledgeBase
from steppe.store.engine import Store
from steppe.store.keys import parse_dyad
from steppe.store.read import (
    EventFilter,
    dyad_activity,
    find_actors,
    find_agreements,
    find_events,
    find_figures,
    find_mentions,
    find_projects,
    get_document_record,
    people_of,
)


def display_name(label: str, kb: KnowledgeBase) -> str:
    """"Kazakhstan" for KAZ, the organisation's name for CSTO, else the label itself."""
    entity = kb.entities.get(f"state:{label}") or kb.entities.get(f"igo:{label}")
    return entity.name if entity else label


def dyad_key(dyad: str) -> str:
    """The canonical, sorted form of a dyad: "UZB-KAZ" -> "KAZ-UZB"."""
    a, b = parse_dyad(dyad)
    return "-".join(sorted((a, b)))


def commitment_items(store: Store, dyad: str | None = None) -> list[dict[str, Any]]:
    figures = find_figures(store, dyad=dyad)
    out = []
    for c in commitments([(f.document_id, f) for f in figures]):
        _, target = c.target
        out.append({"target": target.to_json(), "status": c.status, "reason": c.reason,
                    "actuals": [f.to_json() for _, f in c.actuals]})
    return out


def contradiction_items(store: Store, dyad: str | None = None) -> list[dict[str, Any]]:
    figures = find_figures(store, dyad=dyad)
    return [{"a": c.a[1].to_json(), "b": c.b[1].to_json(), "rel_diff": c.rel_diff}
            for c in contradictions([(f.document_id, f) for f in figures])]


def agreement_items(store: Store, dyad: str | None = None) -> list[dict[str, Any]]:
    reports = find_agreements(store, dyad=dyad)
    clusters = merge_agreements([(r.document_id, r) for r in reports])
    items = [{"name": c.name, "kind": c.kind, "parties": c.parties, "date": c.date,
              "key": c.key, "reports": [a.to_json() for _, a in c.members]}
             for c in clusters]
    return sorted(items, key=lambda a: (a["date"] is None, a["date"] or "", a["name"]))


def document_facts(store: Store, document_id: str) -> dict[str, Any] | None:
    """The document with its text and every fact found in it; None when not stored."""
    doc = get_document_record(store, document_id)
    if doc is None:
        return None
    events = find_events(store, EventFilter(document_id=document_id), limit=None,
                         newest_first=False).items
    return {
        "document": doc,
        "events": sorted(events, key=lambda e: (e.evidence.start, e.id)),
        "figures": find_figures(store, document_id=document_id),
        "agreements": find_agreements(store, document_id=document_id),
        "projects": find_projects(store, document_id=document_id),
        "mentions": find_mentions(store, document_id),
    }


def document_json(facts: dict[str, Any]) -> dict[str, Any]:
    return {**facts["document"].to_json(),
            "facts": {k: [x.to_json() for x in facts[k]]
                      for k in ("events", "figures", "agreements", "projects", "mentions")}}


def partners(store: Store, label: str, kb: KnowledgeBase, *, since: str | None = None,
             until: str | None = None) -> list[dict[str, Any]]:
    """The actors `label` dealt with, busiest relation first, with the index mean."""
    out = []
    for act in dyad_activity(store, since=since, until=until, directed=False):
        if label not in (act.source, act.target):
            continue
        other = act.target if act.source == label else act.source
        out.append({"label": other, "name": display_name(other, kb),
                    "dyad": f"{act.source}-{act.target}", "occurrences": act.occurrences,
                    "index_mean": round(act.score_sum / act.scored, 3) if act.scored else None})
    return sorted(out, key=lambda p: (-p["occurrences"], p["label"]))


def actor_profile(store: Store, label: str, kb: KnowledgeBase) -> dict[str, Any] | None:
    """A state or organisation: its activity, partners and people; None when unknown."""
    actor = next((a for a in find_actors(store) if a.label == label), None)
    if actor is None:
        return None
    entity = kb.entities.get(f"state:{label}") or kb.entities.get(f"igo:{label}")
    people = []
    for p in people_of(store, label):
        person = kb.entities.get(p.actor_id)
        roles = [{"role": r.role.replace("_", " "), "state": r.state or r.igo,
                  "start": r.start, "end": r.end}
                 for r in (person.roles if person else ())]
        people.append({"actor_id": p.actor_id, "name": person.name if person else p.name,
                       "sector": p.sector, "events": p.events, "first": p.first,
                       "last": p.last, "roles": sorted(roles, key=lambda r: r["start"] or "")})
    return {"label": label, "kind": actor.kind, "name": display_name(label, kb),
            "events": actor.events, "members": list(entity.members) if entity else [],
            "partners": partners(store, label, kb), "people": people}
