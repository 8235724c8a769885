#!/usr/bin/env python3
"""How far apart the tuning and check halves of a development set are, and how far apart
two halves of it would be by chance.

    python3 eval/gap.py [--set ca-dev] [--steppe .venv/bin/steppe] [--draws 4000]

With 14 documents a side, one document can move a half's F1 by several points. This prints,
for events, figures and agreements:
- the gap (tune F1 minus check F1) of the fixed halves of eval/split.py, and a 90 %
  bootstrap interval for it (the documents of each half drawn again, with replacement);
- the median and 95th percentile of the gap between two random halves of the same
  documents: what the gap would be if no rule had been fitted to either half.

Reads ../shared/eval (or STEPPE_SHARED), which a user's clone does not have: a development
tool, never part of the test suite.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from split import ROOT, SHARED, halves, read_jsonl

KINDS = ("events", "figures", "agreements")


def load_scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def counts_by_document(scorer, gold: list[dict], pred: list[dict]) -> dict[str, dict[str, tuple]]:
    """(tp, fp, fn) of each kind of fact, per document."""
    by_id = {p["id"]: p for p in pred}
    out = {}
    for g in gold:
        result = scorer.score_documents([g], [by_id.get(g["id"], {"id": g["id"]})])
        out[g["id"]] = {k: (result[k]["tp"], result[k]["fp"], result[k]["fn"]) for k in KINDS}
    return out


def f1(scorer, counts: dict, ids: list[str], kind: str) -> float:
    tp, fp, fn = (sum(counts[i][kind][n] for i in ids) for n in range(3))
    return scorer.prf(tp, fp, fn)[2]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default="ca-dev")
    ap.add_argument("--steppe", default=str(ROOT / ".venv" / "bin" / "steppe"))
    ap.add_argument("--draws", type=int, default=4000)
    args = ap.parse_args()
    docs_path, gold_path = SHARED / args.set / "docs.jsonl", SHARED / args.set / "gold.jsonl"
    if not gold_path.exists():
        print(f"no {gold_path} here: nothing to measure")
        return
    scorer = load_scorer()
    with tempfile.TemporaryDirectory() as tmp:
        pred_path = Path(tmp) / "pred.jsonl"
        subprocess.run([args.steppe, "extract", "--input", str(docs_path), "--output", str(pred_path)],
                       check=True, stdout=subprocess.DEVNULL)
        counts = counts_by_document(scorer, read_jsonl(gold_path), read_jsonl(pred_path))
    ids = sorted(counts)
    split = halves(ids, args.set)
    tune, check = sorted(split["tune"]), sorted(split["check"])
    rng = random.Random(1)      # the same draws every run, so two runs of one code agree
    for kind in KINDS:
        gap = f1(scorer, counts, tune, kind) - f1(scorer, counts, check, kind)
        boot = sorted(f1(scorer, counts, rng.choices(tune, k=len(tune)), kind)
                      - f1(scorer, counts, rng.choices(check, k=len(check)), kind)
                      for _ in range(args.draws))
        shuffled, chance = list(ids), []
        for _ in range(args.draws):
            rng.shuffle(shuffled)
            half = len(shuffled) // 2
            chance.append(abs(f1(scorer, counts, shuffled[:half], kind)
                              - f1(scorer, counts, shuffled[half:], kind)))
        chance.sort()
        print(f"{args.set} {kind:<10} gap {gap:+.3f} (90% interval {boot[len(boot) // 20]:+.3f} "
              f"to {boot[-len(boot) // 20]:+.3f}) | random halves: median {chance[len(chance) // 2]:.3f}, "
              f"95th percentile {chance[int(len(chance) * 0.95)]:.3f}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
