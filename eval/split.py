#!/usr/bin/env python3
"""Score steppe on the development sets beside the project, whole and in two halves.

    python3 eval/split.py [--steppe .venv/bin/steppe] [--sets seeds,ca-dev,ru-dev,gsr]

Every set is extracted once; the scorer then runs on the whole set, on the half we tune
on ("tune") and on the half we only check ("check"). The split is fixed here so that every
change is judged on the same texts: a change that helps "tune" and not "check" is fitted
to the wording of a few documents and should be reverted.

- seeds: five long articles, all tuning material (the first extraction was fitted on them).
- ca-dev, ru-dev: documents alternate between the halves in id order (the list/table
  documents of ca-dev fall on both sides: 105 and 113 tune, 109 check).
- gsr: records alternate between the halves in file order.

ca-dev figures are also reported without the three list/table documents (105, 109, 113),
which hold most of its figures, whole and in each half (tune-p, check-p). Reads ../shared/eval, which a user's clone does not have:
this is a development tool, never part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# ../shared beside the project; from a git worktree elsewhere, STEPPE_SHARED points at it.
SHARED = Path(os.environ.get("STEPPE_SHARED", ROOT.parent / "shared")) / "eval"
LIST_DOCS = {"ca-dev-105", "ca-dev-109", "ca-dev-113"}


def halves(ids: list[str], name: str) -> dict[str, set[str]]:
    """The tuning and check halves of a set, by position."""
    if name == "seeds":
        return {"tune": set(ids), "check": set()}
    ordered = sorted(ids) if name != "gsr" else ids
    tune = {i for n, i in enumerate(ordered) if n % 2 == 0}
    if name == "ca-dev":          # keep one list/table document on the check side
        tune = (tune - {"ca-dev-109"}) | {"ca-dev-110"}
    return {"tune": tune, "check": set(ids) - tune}


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def score(args: list[str]) -> str:
    out = subprocess.run([sys.executable, str(SHARED / "score.py"), *args],
                         capture_output=True, text=True)
    lines = (out.stdout or out.stderr).strip().splitlines()
    return lines[-1] if lines else "(no output)"


def run_set(name: str, steppe: str, tmp: Path) -> None:
    if name == "gsr":
        docs_path = SHARED / "gsr" / "plover_gsr_dev.jsonl"
        gold_path = docs_path
    else:
        docs_path = SHARED / name / "docs.jsonl"
        gold_path = SHARED / name / "gold.jsonl"
    if not docs_path.exists():
        print(f"== {name}: not here, skipped")
        return
    pred_path = tmp / f"{name}.pred.jsonl"
    subprocess.run([steppe, "extract", "--input", str(docs_path), "--output", str(pred_path)],
                   check=True, stdout=subprocess.DEVNULL)
    gold, pred = read_jsonl(gold_path), read_jsonl(pred_path)
    ids = [r["id"] for r in read_jsonl(docs_path)]
    flag = "--gsr" if name == "gsr" else "--gold"
    parts = {"all": set(ids), **halves(ids, name)}
    if name == "ca-dev":
        parts["prose"] = set(ids) - LIST_DOCS
        parts["tune-p"] = parts["tune"] - LIST_DOCS
        parts["check-p"] = parts["check"] - LIST_DOCS
    print(f"== {name}")
    for part, keep in parts.items():
        if not keep:
            continue
        g = write_jsonl(tmp / f"{name}.{part}.gold.jsonl", [r for r in gold if r["id"] in keep])
        p = write_jsonl(tmp / f"{name}.{part}.pred.jsonl", [r for r in pred if r["id"] in keep])
        print(f"  {part:<7} ({len(keep):>3}) {score([flag, str(g), '--pred', str(p)])}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--steppe", default=str(ROOT / ".venv" / "bin" / "steppe"))
    ap.add_argument("--sets", default="seeds,ca-dev,ru-dev,gsr")
    args = ap.parse_args()
    if not (SHARED / "score.py").exists():
        print("no ../shared/eval here: nothing to score")
        return
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.sets.split(","):
            run_set(name.strip(), args.steppe, Path(tmp))


if __name__ == "__main__":
    main()
