"""Build a synthetic store of N events (default 100,000) to time the dashboard and API.

    .venv/bin/python bench/web_store.py --events 100000 --db sqlite:////tmp/steppe-100k.db
    .venv/bin/python bench/web_store.py --time --db sqlite:////tmp/steppe-100k.db

Documents hold 10 events each between 12 states and 3 organisations over 2000-2024,
with figures and agreements; texts are generated filler. --time requests every page
and main API call 3 times in-process (FastAPI TestClient) and prints the first time
(cold: aggregates computed) and the median of the next two (aggregates remembered
until the events change).
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from steppe.facts import Actor, Agreement, Document, Event, Facts, Figure, Span
from steppe.store import link_occurrences, open_store
from steppe.store.write import write_document

STATES = ["KAZ", "UZB", "KGZ", "TJK", "TKM", "RUS", "CHN", "AFG", "IRN", "TUR", "USA", "IND"]
IGOS = ["CSTO", "SCO", "EAEU"]
TYPES = [("CONSULT", 1, 1.0), ("AGREE", 1, 2.5), ("SUPPORT", 1, 3.5), ("COOPERATE", 2, 6.0),
         ("AID", 2, 7.0), ("ACCUSE", 3, -3.0), ("REJECT", 3, -4.0), ("THREATEN", 3, -6.0),
         ("SANCTION", 3, -7.0), ("COERCE", 4, -8.0), ("ASSAULT", 4, -9.5)]


def actor(label: str) -> Actor:
    if label in IGOS:
        return Actor("IGO", "", label, actor_id=f"igo:{label}")
    return Actor(label, "GOV", label, actor_id=f"state:{label}")


def build(url: str, n_events: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    store = open_store(url)
    per_doc = 10
    with store.begin() as conn:
        for d in range(n_events // per_doc):
            year, month, day = rng.randint(2000, 2024), rng.randint(1, 12), rng.randint(1, 28)
            date = f"{year}-{month:02d}-{day:02d}"
            sentences, events = [], []
            pos = 0
            for _ in range(per_doc):
                a, b = rng.sample(STATES[:6] * 3 + STATES + IGOS, 2)
                if a == b:
                    b = "UZB" if a != "UZB" else "KAZ"
                kind, quad, score = rng.choice(TYPES)
                sentence = f"{a} and {b} took part in a {kind.lower()} event about gas, water and trade number {rng.randint(1, 10**6)}."
                sentences.append(sentence)
                events.append(Event(type=kind, source=[actor(a)], target=[actor(b)],
                                    evidence=Span(pos, pos + len(sentence), sentence),
                                    date=date if rng.random() < 0.8 else date[:7],
                                    date_precision="day", score=score, quad=quad,
                                    modality="asserted" if rng.random() < 0.85 else "planned"))
                events[-1].date_precision = "day" if len(events[-1].date) == 10 else "month"
                pos += len(sentence) + 1
            text = " ".join(sentences)
            facts = Facts(id=f"synthetic-{d}", events=events)
            if d % 20 == 0:
                facts.figures.append(Figure("trade_turnover", rng.randint(1, 9) * 1e9, "USD",
                                            ["KAZ", "UZB"], Span(0, 10, text[:10]),
                                            period=str(year)))
            if d % 50 == 0:
                facts.agreements.append(Agreement(f"Agreement number {d}", ["KAZ", "UZB"],
                                                  Span(0, 10, text[:10]), date=date))
            write_document(conn, Document(id=f"synthetic-{d}", text=text, date=date,
                                          title=f"Synthetic report {d}", source="bench"), facts)
    link_occurrences(store)
    store.close()


PATHS = ["/", "/dyads/KAZ-UZB", "/events", "/events?q=water+trade&dyad=KAZ-UZB",
         "/events?type=ASSAULT&since=2020&offset=500", "/documents", "/documents/synthetic-5",
         "/actors", "/actors/KAZ", "/api/events?dyad=KAZ-UZB&limit=50",
         "/api/dyads/KAZ-UZB/series?by=month", "/api/network", "/api/changes?dyad=KAZ-UZB",
         "/api/commitments", "/api/actors/UZB"]


def time_pages(url: str) -> None:
    from fastapi.testclient import TestClient

    from steppe.web.app import create_app

    store = open_store(url)
    with TestClient(create_app(store)) as client:
        for path in PATHS:
            times = []
            for _ in range(3):
                t0 = time.perf_counter()
                r = client.get(path)
                times.append(time.perf_counter() - t0)
                assert r.status_code == 200, (path, r.status_code)
            print(f"{times[0] * 1000:8.0f} ms first, {statistics.median(times[1:]) * 1000:6.0f} ms after  {path}")
    store.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", default="sqlite:////tmp/steppe-100k.db")
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--time", action="store_true", help="time the pages of an existing store")
    args = ap.parse_args()
    if args.time:
        time_pages(args.db)
        return
    t0 = time.perf_counter()
    build(args.db, args.events)
    print(f"built {args.events} events in {time.perf_counter() - t0:.0f} s: {args.db}")


if __name__ == "__main__":
    main()
