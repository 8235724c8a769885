#!/usr/bin/env python3
"""Find text copied from the shared development documents into the project.

    python3 eval/copycheck.py [--words N] [--all]

The project may carry facts and figures over from the development documents, never their
sentences. This tool lists every run of N words (default 7) that a project file shares with
a development document, with the file's line and the document it comes from, and exits 1
when there is any. Words are compared lower-cased, punctuation ignored, so a sentence with
only its commas changed is still found. A name may be long enough to match (an agreement's
full title): reword the text around it, and keep the name itself only where it is one.

The documents are the texts of ../shared/eval/*/docs.jsonl and the GSR records; from a git
worktree elsewhere, STEPPE_SHARED points at the shared folder. Reads ../shared, which a
user's clone does not have: this is a development tool, never part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("STEPPE_SHARED", ROOT.parent / "shared")) / "eval"
# Files that hold prose, code comments or word lists (not binaries, not lock files).
SUFFIXES = {".py", ".yaml", ".yml", ".md", ".tsv", ".jsonl", ".txt", ".json", ".html", ".csv", ".cfg", ".toml", ".sh"}
WORD = re.compile(r"\w+")
Gram = tuple[str, ...]


def words(text: str) -> list[re.Match]:
    return list(WORD.finditer(text))


def documents() -> list[tuple[str, str]]:
    """(source, text) of every development document: 'set/id'."""
    paths = sorted(SHARED.glob("*/docs.jsonl")) + [SHARED / "gsr" / "plover_gsr_dev.jsonl"]
    docs = []
    for path in paths:
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                docs.append((f"{path.parent.name}/{row.get('id')}", row.get("text", "")))
    return docs


def shared_grams(docs: list[tuple[str, str]], n: int) -> dict[Gram, str]:
    """Every run of n words in the documents, with the first document that has it."""
    grams: dict[Gram, str] = {}
    for source, text in docs:
        toks = [m.group().lower() for m in words(text)]
        for k in range(len(toks) - n + 1):
            grams.setdefault(tuple(toks[k:k + n]), source)
    return grams


def project_files() -> list[Path]:
    """The files git knows in the project (tracked or new, not ignored)."""
    out = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"],
                         cwd=ROOT, capture_output=True, text=True, check=True)
    paths = [ROOT / p for p in out.stdout.splitlines()]
    return sorted(p for p in paths if p.suffix in SUFFIXES and p.is_file())


def matches(path: Path, grams: dict[Gram, str], n: int) -> list[tuple[int, str, str]]:
    """(line, words, source) of each maximal run in the file found in the documents."""
    try:
        text = path.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError):
        return []
    toks = words(text)
    low = [m.group().lower() for m in toks]
    found, k = [], 0
    while k <= len(low) - n:
        source = grams.get(tuple(low[k:k + n]))
        if source is None:
            k += 1
            continue
        end = k + n                     # extend over the overlapping grams of one copied run
        while end < len(low) and tuple(low[end - n + 1:end + 1]) in grams:
            end += 1
        line = text.count("\n", 0, toks[k].start()) + 1
        found.append((line, " ".join(m.group() for m in toks[k:end]), source))
        k = end
    return found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=7, metavar="N",
                    help="length of a shared run of words that counts as copied (default 7)")
    args = ap.parse_args()
    if args.words < 2:
        ap.error("--words must be at least 2")
    docs = documents()
    if not docs:
        print(f"no development documents under {SHARED}: nothing to check")
        return 0
    grams = shared_grams(docs, args.words)
    total = 0
    for path in project_files():
        for line, run, source in matches(path, grams, args.words):
            total += 1
            print(f"{path.relative_to(ROOT)}:{line}: [{source}] {run}")
    print(f"{total} run(s) of {args.words}+ words shared with {len(docs)} development documents")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
