"""Synthetic news-length articles for the benchmarks: our own templates, filled from the KB.

    python bench/corpus.py --docs 100000 --out /tmp/corpus [--dense] [--per-file 2000]

Writes JSON Lines shards (part-00000.jsonl, ...) of {id, title, date, source, text}; or,
imported, `generate(n)` yields the records one at a time (nothing is held in memory).

An article has a dateline, 14-24 sentences (6-10 with --short) of which about 30% report
an event between two states (60% with --dense, the "event-dense" documents of the
throughput benchmark), plus figures, quotes and the background prose that makes up most
of real news. People are the holders of an office at the article's date
(data/kb/people.yaml), so names, titles and dates agree as they would in real news.
Deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

import yaml

HERE = Path(__file__).parent
TEMPLATES = yaml.safe_load((HERE / "corpus_templates.yaml").read_text(encoding="utf-8"))
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


@dataclass(frozen=True)
class State:
    code: str
    name: str
    adjective: str
    capital: str
    cities: tuple[str, ...]


def _kb() -> tuple[list[State], list[dict]]:
    kb = files("steppe.data") / "kb"
    states = yaml.safe_load((kb / "states.yaml").read_text(encoding="utf-8"))
    places = yaml.safe_load((kb / "places.yaml").read_text(encoding="utf-8"))
    people = yaml.safe_load((kb / "people.yaml").read_text(encoding="utf-8"))
    out = []
    for code in TEMPLATES["states"]:
        s = states[code]
        cities = tuple(p["name"] for p in places if p.get("state") == code and p.get("kind") == "city")
        out.append(State(code, s["names"][0], s["adjectives"][0], s["capitals"][0],
                         cities or (s["capitals"][0],)))
    return out, people


STATES, PEOPLE = _kb()


def _holder(code: str, date: str, rng: random.Random) -> str | None:
    """'Kazakh President Kassym-Jomart Tokayev': someone in office for `code` at `date`."""
    found = []
    for person in PEOPLE:
        for r in person.get("roles") or []:
            title = TEMPLATES["titles"].get(r.get("role"))
            start, end = str(r.get("start") or "0000"), str(r.get("end") or "9999")
            if title and r.get("state") == code and start[:len(date)] <= date <= end + "-99":
                found.append((title, person["name"]))
    if not found:
        return None
    title, name = rng.choice(found)
    adjective = next(s.adjective for s in STATES if s.code == code)
    return f"{adjective} {title} {name}"


def article(i: int, rng: random.Random, *, dense: bool = False, short: bool = False) -> dict:
    """One article record, numbered `i`."""
    year, month = rng.randint(2010, 2024), rng.randint(1, 12)
    date = f"{year}-{month:02d}-{rng.randint(1, 28):02d}"
    s, t = rng.sample(STATES, 2)
    a = _holder(s.code, date, rng) or f"the {s.adjective} government"
    b = _holder(t.code, date, rng) or f"the {t.adjective} government"
    slots = dict(A=a, B=b, S=s.name, T=t.name, Sa=s.adjective, Ta=t.adjective, C=s.capital,
                 P=rng.choice(s.cities + t.cities), Y=year)
    share = 0.6 if dense else 0.3
    sentences = []
    for _ in range(rng.randint(6, 10) if short else rng.randint(14, 24)):
        r = rng.random()
        kind = "event" if r < share else "figure" if r < share + 0.08 else \
            "quote" if r < share + 0.14 else "filler"
        sentence = rng.choice(TEMPLATES[kind]).format(
            D=f"{rng.randint(1, 28)} {MONTHS[month - 1]}", N=rng.randint(1, 9),
            M=rng.randint(1, 9), **slots)
        for key in ("A", "B"):   # full title and name once, then the surname
            if slots[key] in sentence and not slots[key].startswith("the "):
                slots[key] = slots[key].split()[-1]
        sentences.append(sentence)
    paragraphs = [" ".join(sentences[k:k + 3]) for k in range(0, len(sentences), 3)]
    dateline = f"{s.capital.upper()}, {int(date[8:])} {MONTHS[month - 1]} {year} —"
    title = f"{s.name} and {t.name}: {rng.choice(['talks', 'trade', 'border', 'water', 'energy'])}"
    return {"id": f"synth-{i:07d}", "title": title, "date": date, "source": "synthetic",
            "text": f"{title}\n\n{dateline} " + "\n\n".join(paragraphs)}


def generate(n: int, *, seed: int = 7, dense: bool = False, short: bool = False) -> Iterator[dict]:
    """`n` article records, one at a time."""
    rng = random.Random(seed)
    for i in range(n):
        yield article(i, rng, dense=dense, short=short)


def write(n: int, out: Path, *, per_file: int = 2000, **kwargs) -> list[Path]:
    """Write `n` articles as JSON Lines shards in `out`; return the shard paths."""
    out.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    handle = None
    for k, record in enumerate(generate(n, **kwargs)):
        if k % per_file == 0:
            if handle:
                handle.close()
            paths.append(out / f"part-{len(paths):05d}.jsonl")
            handle = paths[-1].open("w", encoding="utf-8")
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    if handle:
        handle.close()
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--per-file", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--dense", action="store_true", help="about 60%% event sentences")
    ap.add_argument("--short", action="store_true", help="6-10 sentences instead of 14-24")
    args = ap.parse_args()
    paths = write(args.docs, args.out, per_file=args.per_file, seed=args.seed,
                  dense=args.dense, short=args.short)
    size = sum(p.stat().st_size for p in paths)
    print(json.dumps({"documents": args.docs, "files": len(paths), "bytes": size,
                      "out": str(args.out)}))


if __name__ == "__main__":
    main()
