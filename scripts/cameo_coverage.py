#!/usr/bin/env python3
"""Score the extractor on the CAMEO-code coverage set (tests/data/cameo_coverage.yaml).

    .venv/bin/python scripts/cameo_coverage.py [--misses] [--file PATH]

One sentence per CAMEO code, scored as PLOVER gold-standard sentence records are:
- type accuracy: the expected type is among the types coded in the sentence;
- actor F1: the state codes of the event of the expected type (of all events when that type
  is missing) against the expected codes, an international body counting as "IGO";
- empty: sentences with no event at all; macro-F1 over the types (a type coded but not
  expected is a false positive of that type).
With --misses, every sentence whose type or actors are wrong is listed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

FIXTURE = Path(__file__).resolve().parent.parent / "tests" / "data" / "cameo_coverage.yaml"


def load(path: Path = FIXTURE) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["codes"]


def actor_codes(actors) -> set[str]:
    out = set()
    for a in actors:
        if not a.code:
            continue
        out.add("IGO" if a.code.upper().startswith("IGO") else a.code.upper())
    return out


def score(records: list[dict], events_of) -> dict:
    """records: fixture entries; events_of(text) -> the extractor's events for that text."""
    n = empty = type_ok = tp = fp = fn = 0
    counts: dict[str, dict[str, int]] = {}
    rows = []

    def bump(t, key):
        counts.setdefault(t, {"tp": 0, "fp": 0, "fn": 0})[key] += 1

    for rec in records:
        n += 1
        events = events_of(rec["text"])
        empty += not events
        types = [e.type for e in events]
        hit = rec["type"] in types
        type_ok += hit
        bump(rec["type"], "tp" if hit else "fn")
        for t in set(types) - {rec["type"]}:
            bump(t, "fp")
        chosen = [events[types.index(rec["type"])]] if hit else events
        pred = set()
        for e in chosen:
            pred |= actor_codes(e.source) | actor_codes(e.target)
        gold = set(rec["actors"])
        tp += len(pred & gold)
        fp += len(pred - gold)
        fn += len(gold - pred)
        rows.append({**rec, "found": types, "pred_actors": sorted(pred), "hit": hit,
                     "actors_ok": pred == gold})

    def f1(tp_, fp_, fn_):
        p = tp_ / (tp_ + fp_) if tp_ + fp_ else 0.0
        r = tp_ / (tp_ + fn_) if tp_ + fn_ else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    macro = sum(f1(c["tp"], c["fp"], c["fn"]) for c in counts.values()) / len(counts)
    return {"records": n, "type_acc": type_ok / n, "actor_f1": f1(tp, fp, fn),
            "macro_f1": macro, "empty": empty, "rows": rows}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--file", type=Path, default=FIXTURE)
    ap.add_argument("--misses", action="store_true", help="list the sentences coded wrong")
    args = ap.parse_args()

    from steppe.facts import Document
    from steppe.pipeline.extract import Extractor

    ex = Extractor.load()
    res = score(load(args.file), lambda text: ex.extract(
        Document(id="c", text=text, date="2024-03-10")).events)
    if args.misses:
        for r in res["rows"]:
            if not (r["hit"] and r["actors_ok"]):
                mark = "TYPE" if not r["hit"] else "ACTR"
                print(f"{mark} {r['code']:>5} {r['type']:<9} got {','.join(r['found']) or '-':<22} "
                      f"actors {','.join(r['pred_actors'])} want {','.join(r['actors'])} | {r['text']}")
    print("cameo-coverage type_acc=%.3f actor_f1=%.3f macroF1=%.3f empty=%d/%d"
          % (res["type_acc"], res["actor_f1"], res["macro_f1"], res["empty"], res["records"]))


if __name__ == "__main__":
    sys.exit(main())
