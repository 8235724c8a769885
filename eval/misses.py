#!/usr/bin/env python3
"""What kind of error the events of a development set suffer from, counted per half.

    python3 eval/misses.py [--set ca-dev] [--pred facts.jsonl] [--show tune]

Each gold event left unmatched by the scorer is put in the first category it fits:
- date: a prediction has its type and its states but a date the scorer refuses;
- type: a prediction has its states and a compatible date but another type;
- actors: a prediction has its type and date, and shares a state with it, but not the set;
- none: nothing near it was found.
Unmatched predictions get the same categories seen from the other side. Counts only, per
half, so that the check half can be read in aggregate without reading its sentences;
`--show tune` lists the tune half's misses one by one (never the check half's).
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from split import ROOT, SHARED, halves, read_jsonl  # noqa: E402


def _scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _dates_agree(sc, a: dict, b: dict) -> bool:
    """Whether the scorer would let the two events' dates match, either taken as gold."""
    return sc.date_distance(sc.gold_event_date(a), sc.event_date(b)) is not None \
        or sc.date_distance(sc.gold_event_date(b), sc.event_date(a)) is not None


def _category(sc, event: dict, others: list[dict]) -> str:
    """The first category the unmatched `event` fits, against the other side's events."""
    view = sc._event_view(event)
    near = [(sc._event_view(o), _dates_agree(sc, event, o)) for o in others]
    if any(v["type"] == view["type"] and v["all"] == view["all"] and not ok for v, ok in near):
        return "date"
    if any(v["all"] == view["all"] and ok for v, ok in near):
        return "type"
    if any(v["type"] == view["type"] and v["all"] & view["all"] and ok for v, ok in near):
        return "actors"
    return "none"


def unmatched(sc, gold_doc: dict, pred_doc: dict) -> tuple[list[dict], list[dict]]:
    gev = sc.merge_same_events(gold_doc.get("events") or [])
    pev = sc.merge_same_events(pred_doc.get("events") or [])
    pairs = sc.match_items(gev, pev, sc.event_closeness)
    gi = {i for i, _ in pairs}
    pj = {j for _, j in pairs}
    return ([g for i, g in enumerate(gev) if i not in gi],
            [p for j, p in enumerate(pev) if j not in pj])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default="ca-dev")
    ap.add_argument("--pred", help="facts already extracted (default: run steppe extract)")
    ap.add_argument("--steppe", default=str(ROOT / ".venv" / "bin" / "steppe"))
    ap.add_argument("--show", choices=["tune"], help="list the tune half's misses")
    args = ap.parse_args()
    sc = _scorer()
    docs_path = SHARED / args.set / "docs.jsonl"
    pred_path = args.pred
    if not pred_path:
        pred_path = Path(tempfile.mkdtemp()) / "pred.jsonl"
        subprocess.run([args.steppe, "extract", "--input", str(docs_path), "--output",
                        str(pred_path)], check=True, stdout=subprocess.DEVNULL)
    gold = {r["id"]: r for r in read_jsonl(SHARED / args.set / "gold.jsonl")}
    pred = {r["id"]: r for r in read_jsonl(Path(pred_path))}
    docs = {r["id"]: r for r in read_jsonl(docs_path)}
    for half, ids in halves(list(docs), args.set).items():
        counts = {k: collections.Counter() for k in ("missed", "spurious")}
        by_type = {k: collections.Counter() for k in ("missed", "spurious")}
        for doc_id in sorted(ids):
            g_doc, p_doc = gold.get(doc_id, {}), pred.get(doc_id, {})
            fn, fp = unmatched(sc, g_doc, p_doc)
            for kind, events, others in (("missed", fn, p_doc), ("spurious", fp, g_doc)):
                for ev in events:
                    cat = _category(sc, ev, others.get("events") or [])
                    counts[kind][cat] += 1
                    by_type[kind][ev["type"]] += 1
                    if args.show == half:
                        print(f"  {'FN' if kind == 'missed' else 'FP'} {doc_id} {cat:<6} {ev['type']:<9} "
                              f"{sorted(sc._event_view(ev)['all'])} {ev.get('date')} "
                              f"{ev.get('modality')} | {ev['evidence']['text'][:110]}")
        missed, spurious = counts["missed"], counts["spurious"]
        by_type_fn, by_type_fp = by_type["missed"], by_type["spurious"]
        print(f"{half:<6} missed {sum(missed.values()):>3} {dict(missed.most_common())}")
        print(f"{'':<6} spurious {sum(spurious.values()):>3} {dict(spurious.most_common())}")
        print(f"{'':<6} missed by type {dict(by_type_fn.most_common())}")
        print(f"{'':<6} spurious by type {dict(by_type_fp.most_common())}")


if __name__ == "__main__":
    main()
