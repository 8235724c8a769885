"""Ray with 2 workers against 1 worker: documents per second and their ratio.

    python bench/ray_scaling.py [--docs 300] [--json out.json]

Starts one local Ray instance with 2 CPUs, then runs the Ray engine over the same
bench/corpus.py articles with a pool of 1 worker, then 2 (alternately, --rounds
times). Each run's time counts from submission to the last result, so it includes
the workers loading their models (a fixed cost per run, a few seconds); the steady
rate leaves that out: documents after the first batch divided by the time after it.
Target: 2 workers >= 1.6 x 1 worker on 2 free cores. On a machine others are using,
the ratio is bounded by the cores actually free (see `os.getloadavg()` printed).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import generate  # noqa: E402


def timed(docs: list, workers: int) -> dict:
    from steppe.engine import ray as ray_engine
    from steppe.settings import Settings

    settings = Settings(engine="ray", workers=workers, batch_size=16)
    t0 = time.perf_counter()
    n, after_first_batch = 0, None
    for _ in ray_engine.run(docs, settings):
        n += 1
        if n == settings.batch_size:
            after_first_batch = time.perf_counter()
    end = time.perf_counter()
    total = end - t0
    steady = (n - settings.batch_size) / (end - after_first_batch)
    return {"workers": workers, "documents": n, "seconds": total, "docs_per_s": n / total,
            "steady_docs_per_s": steady}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()

    import ray

    from steppe.ingest.documents import make_document

    docs = [make_document(r["text"], fallback_id=r["id"], given=r) for r in generate(args.docs)]
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False,
             object_store_memory=256 * 1024 * 1024, logging_level="warning")
    runs = []
    for _ in range(args.rounds):
        for workers in (1, 2):
            runs.append(timed(docs, workers))
            r = runs[-1]
            print(f"{workers} worker(s): {r['docs_per_s']:6.1f} docs/s overall, "
                  f"{r['steady_docs_per_s']:6.1f} steady  ({r['seconds']:.1f} s)  "
                  f"load {os.getloadavg()[0]:.1f}")
    ray.shutdown()
    best = {w: max((r for r in runs if r["workers"] == w), key=lambda r: r["docs_per_s"]) for w in (1, 2)}
    ratio = best[2]["docs_per_s"] / best[1]["docs_per_s"]
    steady = best[2]["steady_docs_per_s"] / best[1]["steady_docs_per_s"]
    print(f"ratio 2/1 workers: {ratio:.2f} overall, {steady:.2f} steady  (target >= 1.6)")
    if args.json:
        args.json.write_text(json.dumps({"runs": runs, "ratio": ratio, "steady_ratio": steady,
                                         "cpus": os.cpu_count(), "loadavg": os.getloadavg()},
                                        indent=2))


if __name__ == "__main__":
    main()
