"""Query cost growth: API latency with 10,000 and with 1,000,000 events in the store.

    .venv/bin/python bench/query_cost.py                      # SQLite, 10k and 1M
    .venv/bin/python bench/query_cost.py --db postgresql+psycopg://...  # a throwaway server
    .venv/bin/python bench/query_cost.py --sizes 10000,100000 --repeat 7
    .venv/bin/python bench/query_cost.py --time-only --db URL  # a store built before

For each size the store is emptied and filled with synthetic rows inserted in bulk with
SQLAlchemy Core (no extraction; the same shapes as bench/web_store.py: 10 events per
document between 12 states and 3 organisations over 2000-2024, the KAZ-UZB share of the
events the same at every size). Then the dyad-series, event-explorer (dyad filter, and
full-text words) and network endpoints are called in-process (FastAPI TestClient)
`--repeat` times each, twice over:

- cold: the in-memory aggregate cache (store.read.remembered) emptied before each call,
  so every call runs its queries;
- warm: as a dashboard sees them once the aggregates are remembered (until events change).

Prints p50/p95 per endpoint and size and the ratio of the largest size to the smallest
(target: <= 3), and writes JSON (--out).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import time
from datetime import datetime, timezone
from pathlib import Path

import sqlalchemy as sa

from steppe.store import open_store
from steppe.store import read as store_read
from steppe.store import tables as t
from steppe.store.dyad_periods import rebuild

STATES = ["KAZ", "UZB", "KGZ", "TJK", "TKM", "RUS", "CHN", "AFG", "IRN", "TUR", "USA", "IND"]
IGOS = ["CSTO", "SCO", "EAEU"]
TYPES = [("CONSULT", 1, 1.0), ("AGREE", 1, 2.5), ("SUPPORT", 1, 3.5), ("COOPERATE", 2, 6.0),
         ("AID", 2, 7.0), ("ACCUSE", 3, -3.0), ("REJECT", 3, -4.0), ("THREATEN", 3, -6.0),
         ("SANCTION", 3, -7.0), ("COERCE", 4, -8.0), ("ASSAULT", 4, -9.5)]
WORDS = ["gas", "water", "trade", "border", "railway", "visit", "talks", "summit", "loan",
         "pipeline", "electricity", "grain", "transit", "security", "customs", "investment"]
PER_DOC = 10
BATCH_DOCS = 2_000

ENDPOINTS = {
    "dyad series": "/api/dyads/KAZ-UZB/series?by=month",
    "events, dyad filter": "/api/events?dyad=KAZ-UZB&limit=50",
    "events, full text": "/api/events?q=pipeline+transit&limit=50",
    "network": "/api/network",
}


def _label_row(label: str) -> tuple[str, str]:
    return ("IGO", f"igo:{label}") if label in IGOS else (label, f"state:{label}")


def build(url: str, n_events: int, seed: int = 7) -> float:
    """Empty the store at `url` and fill it with `n_events` events; return the seconds."""
    t0 = time.perf_counter()
    store = open_store(url)
    rng = random.Random(seed)
    now = datetime.now(timezone.utc)
    pool = STATES[:6] * 3 + STATES + IGOS
    with store.begin() as conn:
        for table in (t.event_dyads, t.dyad_periods, t.event_actors, t.agreements, t.figures, t.events, t.mentions,
                      t.documents, t.actors):
            conn.execute(table.delete())
        conn.execute(t.actors.insert(), [
            {"id": _label_row(x)[1], "kind": "igo" if x in IGOS else "state",
             "code": _label_row(x)[0], "sector": "GOV", "name": x} for x in STATES + IGOS])
    event_id = 0
    for first in range(0, n_events // PER_DOC, BATCH_DOCS):
        docs, events, sides = [], [], []
        for d in range(first, min(first + BATCH_DOCS, n_events // PER_DOC)):
            year, month, day = rng.randint(2000, 2024), rng.randint(1, 12), rng.randint(1, 28)
            date = f"{year}-{month:02d}-{day:02d}"
            sentences, pos = [], 0
            for _ in range(PER_DOC):
                event_id += 1
                a, b = rng.sample(pool, 2)
                if a == b:
                    b = "UZB" if a != "UZB" else "KAZ"
                kind, quad, score = rng.choice(TYPES)
                sentence = (f"{a} and {b}: {kind.lower()} over "
                            f"{' '.join(rng.sample(WORDS, 3))} number {rng.randint(1, 10**6)}.")
                sentences.append(sentence)
                exact = rng.random() < 0.8
                events.append({
                    "id": event_id, "document_id": f"synthetic-{d}", "type": kind,
                    "modality": "asserted" if rng.random() < 0.85 else "planned",
                    "date": date if exact else date[:7],
                    "date_precision": "day" if exact else "month", "quad": quad,
                    "score": score, "confidence": 0.8, "evidence_start": pos,
                    "evidence_end": pos + len(sentence), "evidence_text": sentence,
                    # Every fifth event repeats the report of the one before it.
                    "occurrence_id": f"occ:{event_id - 1 if event_id % 5 == 0 else event_id}",
                })
                for role, label in (("source", a), ("target", b)):
                    code, actor_id = _label_row(label)
                    sides.append({"event_id": event_id, "role": role, "position": 0,
                                  "actor_id": actor_id, "code": code, "sector": "GOV",
                                  "text": label})
                pos += len(sentence) + 1
            docs.append({"id": f"synthetic-{d}", "content_hash": f"hash-{d}",
                         "title": f"Synthetic report {d}", "source": "bench",
                         "published": date, "language": "en", "text": " ".join(sentences),
                         "ingested_at": now})
        with store.begin() as conn:
            conn.execute(t.documents.insert(), docs)
            conn.execute(t.events.insert(), events)
            conn.execute(t.event_actors.insert(), sides)
    # The bulk inserts bypass the writers: compute the aggregates they keep
    # (store.dyad_periods) as migration 0006 does for an existing store.
    t_agg = time.perf_counter()
    with store.begin() as conn:
        rebuild(conn)
    print(f"  aggregates rebuilt in {time.perf_counter() - t_agg:.0f} s")
    # Fresh statistics, so each planner sees the store as it is.
    with store.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
    store.close()
    return time.perf_counter() - t0


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def time_endpoints(url: str, repeat: int) -> dict[str, dict[str, dict[str, float]]]:
    from fastapi.testclient import TestClient

    from steppe.web.app import create_app

    store = open_store(url)
    out: dict[str, dict[str, dict[str, float]]] = {}
    with TestClient(create_app(store)) as client:
        for name, path in ENDPOINTS.items():
            out[name] = {}
            for mode in ("cold", "warm"):
                times = []
                for _ in range(repeat):
                    if mode == "cold":
                        store_read._REMEMBERED.clear()
                    t0 = time.perf_counter()
                    r = client.get(path)
                    times.append((time.perf_counter() - t0) * 1000)
                    assert r.status_code == 200, (path, r.status_code, r.text[:200])
                out[name][mode] = {"p50_ms": round(statistics.median(times), 1),
                                   "p95_ms": round(percentile(times, 0.95), 1)}
    store.close()
    return out


def explain(url: str) -> None:
    """Print the query plans of the event explorer's statements (SQLite or PostgreSQL):
    the capped count and the first page, as find_events runs them."""
    from steppe.store.read import TOTAL_CAP, EventFilter, _matches, events_query

    store = open_store(url)
    for f in (EventFilter(dyad="KAZ-UZB"), EventFilter(q="pipeline transit"),
              EventFilter(dyad="KAZ-UZB", modality="asserted")):
        source, cond, order = events_query(store, f)
        matches = _matches(store, f, source, cond).limit(TOTAL_CAP + 1)
        for query in (sa.select(sa.func.count()).select_from(matches.subquery()),
                      sa.select(t.events).select_from(source).where(*cond)
                      .order_by(*order).limit(50)):
            compiled = query.compile(store.engine)
            prefix = "EXPLAIN QUERY PLAN " if store.dialect == "sqlite" else "EXPLAIN "
            params = compiled.params if store.dialect != "sqlite" \
                else tuple(compiled.params[k] for k in compiled.positiontup)
            sql = str(compiled)
            with store.connect() as conn:
                plan = conn.exec_driver_sql(prefix + sql, params).all()
            print(f"--- {f}\n{sql}\n" + "\n".join(str(tuple(r)) for r in plan))
    store.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", default="sqlite:////tmp/steppe-query-cost.db")
    ap.add_argument("--sizes", default="10000,1000000")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--explain", action="store_true", help="print query plans of the store as is")
    ap.add_argument("--time-only", action="store_true",
                    help="time the endpoints on the store as is (no build), print and exit")
    ap.add_argument("--out", default="bench/results/query_cost.json")
    args = ap.parse_args()
    if args.explain:
        explain(args.db)
        return
    if args.time_only:
        print(f"load average {os.getloadavg()[0]:.1f}")
        for name, modes in time_endpoints(args.db, args.repeat).items():
            print(f"  {name:22s} " + "  ".join(
                f"{m} p50 {v['p50_ms']:8.1f} ms p95 {v['p95_ms']:8.1f} ms" for m, v in modes.items()))
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    results = {"db": sa.make_url(args.db).get_backend_name(), "repeat": args.repeat,
               "load": os.getloadavg()[0], "sizes": {}}
    for size in sizes:
        seconds = build(args.db, size)
        print(f"built {size:,} events in {seconds:.0f} s")
        results["sizes"][size] = {"build_s": round(seconds, 1),
                                  "endpoints": time_endpoints(args.db, args.repeat)}
        for name, modes in results["sizes"][size]["endpoints"].items():
            print(f"  {name:22s} " + "  ".join(
                f"{m} p50 {v['p50_ms']:8.1f} ms p95 {v['p95_ms']:8.1f} ms" for m, v in modes.items()))
    small, large = results["sizes"][sizes[0]], results["sizes"][sizes[-1]]
    results["ratios"] = {}
    print(f"ratio {sizes[-1]:,} / {sizes[0]:,} events (p50; target <= 3):")
    for name in ENDPOINTS:
        ratios = {m: round(large["endpoints"][name][m]["p50_ms"]
                           / max(small["endpoints"][name][m]["p50_ms"], 0.1), 2)
                  for m in ("cold", "warm")}
        results["ratios"][name] = ratios
        print(f"  {name:22s} cold {ratios['cold']:7.2f}   warm {ratios['warm']:7.2f}")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(results, indent=2))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
