"""Database faults: stop and restart PostgreSQL during an ingest and during API load.

    .venv/bin/python bench/db_outage.py [--docs 400] [--outages 2] [--down 4] [--out FILE]

Starts a throwaway PostgreSQL (initdb in a temporary folder, a free loopback port, the
way .ci/postgres.sh does; removed at the end), then:

1. ingest: `steppe ingest` of a synthetic corpus (bench/synthetic.py); each time another
   share of the documents is stored, PostgreSQL is stopped (pg_ctl stop -m fast, which
   also cuts the open connections), kept down --down seconds and started again. The
   ingest must finish with exit code 0, report the outage on stderr, and leave every
   document stored exactly once (0 lost, 0 duplicates).
2. API: `steppe serve` on that store, 4 client threads requesting the event explorer and
   the dyad series; PostgreSQL is stopped for --down seconds and restarted. Every answer
   must be 200 or, while the database is away, 503 with Retry-After; no 500, no dropped
   connection; and 200s again once it is back.

Prints and writes (JSON) the faults injected, documents lost and duplicated, and the
requests by status. Exits 1 on any loss, duplicate or failed request.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import httpx
import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import write_corpus  # noqa: E402

STEPPE = str(Path(sys.executable).with_name("steppe"))
PATHS = ["/api/events?dyad=KAZ-UZB&limit=50", "/api/dyads/KAZ-UZB/series", "/events",
         "/api/events?actor=UZB&limit=20"]


class Postgres:
    """A throwaway PostgreSQL server in its own folder, on a free loopback port."""

    def __init__(self, folder: Path) -> None:
        bins = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
        if not bins:
            raise SystemExit("PostgreSQL is not installed (apt-get install postgresql)")
        self.bin = bins[-1].parent
        self.folder = folder
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = f"postgresql+psycopg://steppe@127.0.0.1:{self.port}/steppe_outage"
        if os.getuid() == 0:
            shutil.chown(folder, "postgres")
        self.run(f"{self.bin}/initdb -D {folder}/data -A trust -U steppe")
        self.start()
        self.run(f"{self.bin}/createdb -h 127.0.0.1 -p {self.port} -U steppe steppe_outage")

    def run(self, command: str) -> None:
        argv = ["su", "postgres", "-s", "/bin/sh", "-c", command] if os.getuid() == 0 \
            else ["sh", "-c", command]
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def start(self) -> None:
        self.run(f"{self.bin}/pg_ctl -D {self.folder}/data -l {self.folder}/log -w start "
                 f"-o \"-k {self.folder} -p {self.port} -c listen_addresses=127.0.0.1\"")

    def stop(self) -> None:
        self.run(f"{self.bin}/pg_ctl -D {self.folder}/data -w stop -m fast")

    def outage(self, seconds: float) -> None:
        self.stop()
        time.sleep(seconds)
        self.start()


def stored(url: str) -> tuple[int, int, int]:
    """(rows, distinct ids, distinct content hashes) of the documents table."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return tuple(conn.execute(sa.text(
                "select count(*), count(distinct id), count(distinct content_hash) from documents"
            )).one())
    except sa.exc.SQLAlchemyError:
        return (0, 0, 0)  # not created yet, or the server is down
    finally:
        engine.dispose()


def ingest_phase(pg: Postgres, work: Path, docs: int, outages: int, down: float) -> dict:
    paths = write_corpus(work / "corpus", docs)
    log = work / "ingest.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen([STEPPE, "ingest", str(work / "corpus"), "--db", pg.url],
                                stdout=out, stderr=subprocess.STDOUT)
    faults, stored_at_fault = 0, []
    for k in range(1, outages + 1):
        threshold = docs * k // (outages + 1)
        while proc.poll() is None and stored(pg.url)[0] < threshold:
            time.sleep(0.2)
        if proc.poll() is not None:
            break
        stored_at_fault.append(stored(pg.url)[0])
        pg.outage(down)
        faults += 1
    started = time.monotonic()
    code = proc.wait(timeout=1800)
    rows, ids, hashes = stored(pg.url)
    output = log.read_text(errors="replace")
    expected = {f"syn-{i:05d}" for i in range(len(paths))}
    engine = sa.create_engine(pg.url)
    with engine.connect() as conn:
        got = set(conn.execute(sa.text("select id from documents")).scalars())
    engine.dispose()
    return {"documents": len(paths), "faults": faults, "down_seconds": down,
            "stored_when_stopped": stored_at_fault, "exit_code": code,
            "outage_reported": output.count("database unavailable"),
            "recovered_reported": output.count("database back"),
            "seconds_after_last_fault": round(time.monotonic() - started, 1),
            "stored": rows, "lost": len(expected - got), "unexpected": len(got - expected),
            "duplicates": (rows - ids) + (rows - hashes)}


def api_phase(pg: Postgres, work: Path, down: float) -> dict:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = work / "serve.log"
    with open(log, "wb") as out:
        server = subprocess.Popen([STEPPE, "serve", "--db", pg.url, "--port", str(port)],
                                  stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                if httpx.get(base + PATHS[0], timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.3)
        answers: list[tuple[float, str, bool]] = []  # (time, status, has Retry-After)
        lock, stop = threading.Lock(), threading.Event()

        def client(n: int) -> None:
            with httpx.Client(base_url=base, timeout=30) as c:
                i = n
                while not stop.is_set():
                    try:
                        r = c.get(PATHS[i % len(PATHS)])
                        answer = (time.monotonic(), str(r.status_code), "retry-after" in r.headers)
                    except httpx.HTTPError as exc:
                        answer = (time.monotonic(), type(exc).__name__, False)
                    i += 1
                    with lock:
                        answers.append(answer)

        threads = [threading.Thread(target=client, args=(n,)) for n in range(4)]
        for t in threads:
            t.start()
        time.sleep(3)
        down_at = time.monotonic()
        pg.stop()
        time.sleep(down)
        pg.start()
        up_at = time.monotonic()
        time.sleep(6)
        stop.set()
        for t in threads:
            t.join()
    finally:
        server.terminate()
        server.wait(timeout=30)
    by_status = Counter(status for _, status, _ in answers)
    failed = sum(n for status, n in by_status.items() if status not in ("200", "503"))
    no_retry_after = sum(1 for _, status, ra in answers if status == "503" and not ra)
    recovered = [s for at, s, _ in answers if at > up_at + 3]
    return {"faults": 1, "down_seconds": down, "requests": len(answers),
            "by_status": dict(by_status), "failed": failed,
            "503_without_retry_after": no_retry_after,
            "503_while_down": sum(1 for at, s, _ in answers if s == "503" and down_at <= at),
            "all_200_after_recovery": bool(recovered) and all(s == "200" for s in recovered)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=400)
    ap.add_argument("--outages", type=int, default=2, help="PostgreSQL stops during the ingest")
    ap.add_argument("--down", type=float, default=4.0, help="seconds PostgreSQL stays down")
    ap.add_argument("--out", default="bench/results/db-outage.json")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="steppe-outage-"))
    os.chmod(work, 0o755)
    (work / "pg").mkdir()
    pg = Postgres(work / "pg")
    try:
        result = {"ingest": ingest_phase(pg, work, args.docs, args.outages, args.down),
                  "api": api_phase(pg, work, args.down)}
    finally:
        try:
            pg.stop()
        finally:
            shutil.rmtree(work, ignore_errors=True)
    i, a = result["ingest"], result["api"]
    result["ok"] = (i["exit_code"] == 0 and i["lost"] == 0 and i["duplicates"] == 0
                    and i["unexpected"] == 0 and a["failed"] == 0
                    and a["503_without_retry_after"] == 0 and a["all_200_after_recovery"])
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n")
    print(f"ingest: {i['faults']} outages of {args.down:.0f} s, {i['documents']} documents, "
          f"{i['lost']} lost, {i['duplicates']} duplicates, exit {i['exit_code']}, "
          f"outage reported {i['outage_reported']} times")
    print(f"api: {a['faults']} outage, {a['requests']} requests {a['by_status']}, "
          f"{a['failed']} failed, 200 again after: {a['all_200_after_recovery']}  -> {args.out}")
    sys.exit(0 if result["ok"] else 1)


if __name__ == "__main__":
    main()
