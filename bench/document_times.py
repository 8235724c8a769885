"""How long each document of a folder takes to extract, one at a time, under the
per-document time limit (pipeline/limits.py); prints the slowest and any that timed out.

    python bench/document_times.py FOLDER [--top 10]

Reading time is left out: it is the extraction that must stay linear in the text.
"""

from __future__ import annotations

import argparse
import time

from steppe.ingest import Skipped, read_paths
from steppe.pipeline.extract import Extractor
from steppe.pipeline.limits import DocumentTimeout, document_seconds, time_limit
from steppe.settings import Settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder")
    parser.add_argument("--top", type=int, default=10)
    args = parser.parse_args()
    settings = Settings.from_env()
    extractor = Extractor.load(settings)
    rows, skipped, timed_out = [], 0, []
    for doc in read_paths(args.folder, max_bytes=settings.max_bytes):
        if isinstance(doc, Skipped):
            skipped += 1
            continue
        limit = document_seconds(len(doc.text), settings.seconds_per_10k_chars,
                                 settings.min_document_seconds)
        started = time.perf_counter()
        try:
            with time_limit(limit):
                extractor.extract(doc)
        except DocumentTimeout:
            timed_out.append(doc.id)
        except Exception as exc:  # reported, as the ingest loop would
            print(f"failed {doc.id}: {type(exc).__name__}: {exc}")
        rows.append((time.perf_counter() - started, len(doc.text), doc.id))
    rows.sort(reverse=True)
    total = sum(r[0] for r in rows)
    print(f"{len(rows)} documents extracted in {total:.1f} s ({skipped} skipped by the readers, "
          f"{len(timed_out)} over their time limit: {timed_out})")
    for seconds, chars, doc_id in rows[:args.top]:
        print(f"{seconds:8.2f} s  {chars:>9} chars  {seconds / max(chars, 1) * 1e6:7.1f} us/char  {doc_id}")


if __name__ == "__main__":
    main()
