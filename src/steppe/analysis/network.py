"""The relations network over a period: states and organisations as nodes, dyads as
edges weighted by activity (occurrences) and coloured by their index (mean PLOVER score).

Centrality (networkx): degree (share of the other nodes a node deals with), strength
(occurrences on its edges) and betweenness, where an edge's length is 1/occurrences so
that busy relations are short paths.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from steppe.store.read import DyadActivity, dyad_activity, dyad_totals, label_kinds


@dataclass
class Edge:
    a: str                     # a < b
    b: str
    occurrences: int = 0
    forward: int = 0           # a -> b
    backward: int = 0          # b -> a
    index_sum: float = 0.0
    scored: int = 0

    @property
    def dyad(self) -> str:
        return f"{self.a}-{self.b}"

    @property
    def index_mean(self) -> float | None:
        return self.index_sum / self.scored if self.scored else None

    def to_json(self) -> dict[str, Any]:
        mean = self.index_mean
        return {"dyad": self.dyad, "a": self.a, "b": self.b, "occurrences": self.occurrences,
                "forward": self.forward, "backward": self.backward,
                "index_sum": round(self.index_sum, 3),
                "index_mean": None if mean is None else round(mean, 3)}


@dataclass
class Node:
    label: str
    kind: str                  # state | igo | other
    strength: int = 0
    degree: float = 0.0
    betweenness: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {"label": self.label, "kind": self.kind, "strength": self.strength,
                "degree": round(self.degree, 4), "betweenness": round(self.betweenness, 4)}


@dataclass
class Network:
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    since: str | None = None
    until: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"since": self.since, "until": self.until,
                "nodes": [n.to_json() for n in self.nodes],
                "edges": [e.to_json() for e in self.edges]}


def build_network(undirected: Iterable[DyadActivity], directed: Iterable[DyadActivity] = (),
                  kinds: dict[str, str] | None = None, *, min_occurrences: int = 1) -> Network:
    """Edges from undirected activity (an occurrence counts once per pair), with the
    directed counts beside them; then score the nodes (pure)."""
    kinds = kinds or {}
    edges: dict[tuple[str, str], Edge] = {}
    for act in undirected:
        a, b = sorted((act.source, act.target))
        edge = edges.setdefault((a, b), Edge(a, b))
        edge.occurrences += act.occurrences
        edge.index_sum += act.score_sum
        edge.scored += act.scored
    for act in directed:
        edge = edges.get(tuple(sorted((act.source, act.target))))
        if edge is None:
            continue
        if act.source == edge.a:
            edge.forward += act.occurrences
        else:
            edge.backward += act.occurrences
    kept = sorted((e for e in edges.values() if e.occurrences >= min_occurrences),
                  key=lambda e: (-e.occurrences, e.dyad))
    graph = nx.Graph()
    for e in kept:
        graph.add_edge(e.a, e.b, weight=e.occurrences, length=1.0 / e.occurrences)
    degree = nx.degree_centrality(graph) if len(graph) > 1 else {n: 0.0 for n in graph}
    betweenness = nx.betweenness_centrality(graph, weight="length") if len(graph) > 2 \
        else {n: 0.0 for n in graph}
    nodes = [Node(label, kinds.get(label, "other"),
                  int(graph.degree(label, weight="weight")), degree[label], betweenness[label])
             for label in graph.nodes]
    nodes.sort(key=lambda n: (-n.strength, n.label))
    return Network(nodes, kept)


def load_network(store, *, since: str | None = None, until: str | None = None,
                 modality: str | None = "asserted", min_occurrences: int = 1) -> Network:
    """The network of the stored events between `since` and `until`.

    All time, it is read from the all-time aggregates the writers keep (a row per dyad
    and direction); a window selects reports by their own dates, so it reads the events.
    """
    window = {"since": since, "until": until, "modality": modality}
    if since or until or modality not in ("asserted", None):
        undirected = dyad_activity(store, directed=False, **window)
        directed = dyad_activity(store, **window)
    else:
        undirected = dyad_totals(store, modality=modality, directed=False)
        directed = dyad_totals(store, modality=modality)
    kinds = label_kinds(store, {x for act in undirected for x in (act.source, act.target)})
    network = build_network(undirected, directed, kinds, min_occurrences=min_occurrences)
    network.since, network.until = since, until
    return network
