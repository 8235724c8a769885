"""Peak memory while ingesting a large generated corpus with `steppe ingest`.

    python bench/memory.py [--docs 100000] [--extract/--no-extract] [--engine local] [--json out.json]

Writes bench/corpus.py articles as JSON Lines shards of 2,000 (a stream of files, as an
archive would be), then runs `steppe ingest` on the folder into a new SQLite store in a
child process and samples the resident memory of that process and all its children
(Ray workers included, read from /proc: Linux) every 0.2 s. Prints the peak, the memory after each tenth of the
run (flat means streaming: nothing grows with the corpus) and the rate. Target: peak
<= 1.5 GiB for 100,000 documents.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import write  # noqa: E402

GIB = 1024 ** 3


def tree_rss(root: int) -> int:
    """Resident bytes of process `root` and all its descendants (Linux /proc)."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            parents[int(stat.parent.name)] = int(fields[1])
        except (OSError, IndexError, ValueError):
            pass
    tree, grew = {root}, True
    while grew:
        more = {pid for pid, ppid in parents.items() if ppid in tree} - tree
        tree |= more
        grew = bool(more)
    total = 0
    for pid in tree:
        try:
            pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
            total += pages * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError):
            pass
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--extract", action=argparse.BooleanOptionalAction, default=True)
    ap.add_argument("--engine", default="local")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="steppe-mem-"))
    try:
        t0 = time.perf_counter()
        write(args.docs, work / "corpus", per_file=2000)
        print(f"corpus: {args.docs} documents written in {time.perf_counter() - t0:.0f} s")
        steppe = Path(sys.executable).with_name("steppe")
        cmd = [str(steppe), "ingest", str(work / "corpus"), "--db", f"sqlite:///{work / 's.db'}",
               "--engine", args.engine]
        if not args.extract:
            cmd.append("--no-extract")
        if args.engine == "ray":
            cmd += ["--workers", str(args.workers)]
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        samples = []
        while proc.poll() is None:
            samples.append((time.perf_counter() - t0, tree_rss(proc.pid)))
            time.sleep(0.2)
        seconds = time.perf_counter() - t0
        peak = max(rss for _, rss in samples)
        tenths = [max((r for t, r in samples if t <= seconds * k / 10), default=0) / GIB
                  for k in range(1, 11)]
        db_bytes = (work / "s.db").stat().st_size
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result = {"documents": args.docs, "extract": args.extract, "engine": args.engine,
              "exit_code": proc.returncode, "seconds": seconds, "docs_per_s": args.docs / seconds,
              "peak_gib": peak / GIB, "peak_by_tenth_gib": tenths, "db_bytes": db_bytes}
    print(f"ingest ({'with' if args.extract else 'without'} extraction, {args.engine}): "
          f"exit {proc.returncode}, {seconds:.0f} s, {args.docs / seconds:.1f} docs/s")
    print(f"peak memory {peak / GIB:.2f} GiB (target <= 1.5); peak so far at each tenth: "
          + " ".join(f"{g:.2f}" for g in tenths))
    print(f"store: {db_bytes / 1e6:.0f} MB")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
