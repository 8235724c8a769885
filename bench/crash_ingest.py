"""Crash safety: SIGKILL `steppe ingest` at random points, run it again, compare stores.

    python bench/crash_ingest.py [--docs 2000] [--kills 5] [--db URL] [--seed 1]

1. writes a synthetic corpus (bench/synthetic.py) and ingests it once, uninterrupted,
   into a reference SQLite store;
2. ingests it into the store under test (--db, default a fresh SQLite file; a PostgreSQL
   URL works too, its tables are dropped first), killing the process with SIGKILL at a
   random moment --kills times, then lets a last run finish;
3. runs two ingests of overlapping halves of the corpus at the same time into a third
   store (SQLite beside the reference, or --db again when it is PostgreSQL);
4. checks that each store under test equals the reference: same documents, same facts,
   no duplicates. Prints the counts and exits 1 on any difference.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import write_corpus  # noqa: E402

STEPPE = str(Path(sys.executable).with_name("steppe"))


def ingest(paths: list[Path], db: str) -> subprocess.Popen:
    return subprocess.Popen([STEPPE, "ingest", *map(str, paths), "--db", db],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def finish(proc: subprocess.Popen, what: str) -> float:
    started = time.monotonic()
    _, err = proc.communicate()
    if proc.returncode not in (0, 1) or "Traceback" in err:
        raise SystemExit(f"{what} failed ({proc.returncode}):\n{err[-3000:]}")
    return time.monotonic() - started


def fresh(db: str) -> None:
    """Empty the store at `db` (drop every table, Alembic's version included)."""
    engine = sa.create_engine(db)
    meta = sa.MetaData()
    meta.reflect(engine)
    meta.drop_all(engine)
    engine.dispose()


def count(db: str) -> int:
    """Documents stored so far (0 while the store has no tables yet)."""
    engine = sa.create_engine(db)
    try:
        with engine.connect() as conn:
            return conn.execute(sa.text("select count(*) from documents")).scalar_one()
    except sa.exc.DBAPIError:
        return 0
    finally:
        engine.dispose()


def snapshot(db: str) -> dict[str, Counter]:
    """Everything stored, without autoincrement ids and timestamps, as multisets."""
    engine = sa.create_engine(db)
    q = {
        "documents": "select id, content_hash, title, published, text from documents",
        "mentions": 'select document_id, start, "end", code, actor_id from mentions',
        "events": "select e.document_id, e.type, e.date, e.evidence_start, e.trigger, "
                  "e.occurrence_id, a.role, a.position, a.code from events e "
                  "left join event_actors a on a.event_id = e.id",
        "figures": "select document_id, indicator, value, unit, evidence_start from figures",
        "agreements": "select document_id, name, date, evidence_start, event_id is null "
                      "from agreements",
        "projects": "select document_id, name, kind, evidence_start from projects",
        "actors": "select id, code from actors",
    }
    with engine.connect() as conn:
        out = {k: Counter(tuple(r) for r in conn.execute(sa.text(v))) for k, v in q.items()}
    engine.dispose()
    return out


def compare(reference: dict, got: dict, label: str) -> list[str]:
    problems = []
    for table, rows in reference.items():
        missing, extra = rows - got[table], got[table] - rows
        if missing or extra:
            problems.append(f"{label}: {table}: {sum(missing.values())} missing, "
                            f"{sum(extra.values())} extra (e.g. {next(iter(missing or extra))})")
    ids = Counter(r[0] for r in got["documents"].elements())
    dups = sum(n - 1 for n in ids.values() if n > 1)
    if dups:
        problems.append(f"{label}: {dups} duplicate documents")
    return problems


def run(docs: int, kills: int, db: str | None, seed: int, workdir: Path) -> dict:
    rng = random.Random(seed)
    corpus = workdir / "corpus"
    paths = write_corpus(corpus, docs)
    ref_db = f"sqlite:///{workdir / 'reference.db'}"

    started = time.monotonic()
    finish(ingest([corpus], ref_db), "reference ingest")
    clean_seconds = time.monotonic() - started
    reference = snapshot(ref_db)

    target = db or f"sqlite:///{workdir / 'crashed.db'}"
    fresh(target)
    killed_at = []
    for _ in range(kills):
        # Kill once a random number of further documents is stored, plus a random moment
        # (mid-read, mid-extraction or mid-transaction), so that every kill hits real work.
        before = count(target)
        goal = before + rng.randint(1, max(1, docs - before - 1))
        proc = ingest([corpus], target)
        while proc.poll() is None and count(target) < goal:
            time.sleep(0.02)
        time.sleep(rng.uniform(0, 0.3))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            killed_at.append(count(target))
        proc.communicate()          # reap it and close its stderr pipe
    finish(ingest([corpus], target), "final ingest")
    crashed = snapshot(target)
    problems = compare(reference, crashed, "after kills")

    # Two ingests of overlapping folders at once: A holds the first two thirds, B the last.
    both = target if db and db.startswith("postgresql") else f"sqlite:///{workdir / 'both.db'}"
    fresh(both)
    a, b = workdir / "a", workdir / "b"
    for folder, chosen in ((a, paths[: 2 * docs // 3]), (b, paths[docs // 3:])):
        folder.mkdir()
        for p in chosen:
            shutil.copy(p, folder / p.name)
    first, second = ingest([a], both), ingest([b], both)
    try:
        finish(first, "concurrent ingest A")
    finally:
        # Reap B (and close its pipe) even when A failed.
        finish(second, "concurrent ingest B")
    concurrent = snapshot(both)
    problems += compare(reference, concurrent, "concurrent")
    ref_ids = {r[0] for r in reference["documents"]}
    return {"documents": docs, "kills": len(killed_at), "killed_after_documents": killed_at,
            "clean_run_seconds": round(clean_seconds, 1),
            "lost": {label: len(ref_ids - {r[0] for r in snap["documents"]})
                     for label, snap in (("after kills", crashed), ("concurrent", concurrent))},
            "duplicates": {label: sum(snap["documents"].values()) - len(snap["documents"])
                           for label, snap in (("after kills", crashed),
                                               ("concurrent", concurrent))},
            "problems": problems}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--kills", type=int, default=5)
    parser.add_argument("--db", default=None, help="store under test (default: fresh SQLite)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="steppe-crash-") as tmp:
        result = run(args.docs, args.kills, args.db, args.seed, Path(tmp))
    print(json.dumps(result, indent=1))
    sys.exit(1 if result["problems"] else 0)


if __name__ == "__main__":
    main()
