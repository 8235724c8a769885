"""Serve a 100,000-event store with `steppe serve` and load the event explorer and dyad series.

    .venv/bin/python bench/load_api.py                      # 100k store, 60 s of load
    .venv/bin/python bench/load_api.py --events 2000 --duration 5 --db sqlite:////tmp/small.db

Builds the store with bench/web_store.py unless it already exists, starts `steppe serve`
(uvicorn) on a free loopback port, measures p95 latency unloaded (one request at a time),
then drives the paths below for --duration seconds from `wrk` (Debian package) or, when
wrk is not installed, a Python client with --connections threads. Writes JSON: requests
per second, p95 latency unloaded and under load, their ratio, and failed requests
(anything but a 200, or a socket error/timeout; must be 0).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

PATHS = [
    "/api/events?dyad=KAZ-UZB&limit=50",
    "/api/events?dyad=KAZ-UZB&type=AGREE&since=2015&limit=50",
    "/api/events?actor=UZB&quad=4&offset=200&limit=50",
    "/api/events?q=water+trade&dyad=KAZ-KGZ&limit=50",
    "/events",
    "/events?q=water+trade&dyad=KAZ-UZB",
    "/events?type=ASSAULT&since=2020&offset=500",
    "/api/dyads/KAZ-UZB/series",
    "/api/dyads/KAZ-UZB/series?by=month",
]

# wrk cycles through PATHS and prints its own summary as one JSON line at the end.
WRK_SCRIPT = """
local paths = {%s}
local i = 0
request = function()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i])
end
local non200 = 0
response = function(status, headers, body)
  if status ~= 200 then non200 = non200 + 1 end
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests": %%d, "duration_us": %%d, "p50_us": %%d, "p95_us": %%d, "p99_us": %%d, '
    .. '"max_us": %%d, "connect": %%d, "read": %%d, "write": %%d, "status": %%d, "timeout": %%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max, e.connect, e.read, e.write, e.status, e.timeout))
end
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def event_count(url: str) -> int:
    import sqlalchemy as sa

    from steppe.store import open_store
    from steppe.store import tables as t

    store = open_store(url)
    with store.connect() as conn:
        n = conn.execute(sa.select(sa.func.count()).select_from(t.events)).scalar_one()
    store.close()
    return n


def ensure_store(url: str, events: int) -> float:
    """Build the synthetic store unless it holds `events` events already; seconds spent."""
    sys.path.insert(0, str(Path(__file__).parent))
    import web_store

    if url.startswith("sqlite:///") and Path(url.removeprefix("sqlite:///")).exists() \
            and event_count(url) >= events:
        return 0.0
    t0 = time.perf_counter()
    web_store.build(url, events)
    return time.perf_counter() - t0


def start_server(url: str, port: int, log: Path) -> subprocess.Popen:
    """`steppe serve` on `port`, its output in `log`, once it answers."""
    steppe = Path(sys.executable).with_name("steppe")
    with open(log, "wb") as out:
        server = subprocess.Popen([str(steppe), "serve", "--db", url, "--port", str(port)],
                                  stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"steppe serve exited: {log.read_text()[-2000:]}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/events?limit=1", timeout=5).status_code == 200:
                return server
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    server.kill()
    raise SystemExit("steppe serve did not answer within 60 s")


def p95(seconds: list[float]) -> float:
    return statistics.quantiles(seconds, n=20, method="inclusive")[18]


def unloaded(base: str, rounds: int) -> dict:
    """One request at a time, every path `rounds` times (after one warm-up round)."""
    times, failed = [], 0
    by_path: dict[str, list[float]] = {path: [] for path in PATHS}
    with httpx.Client(base_url=base, timeout=30) as client:
        for path in PATHS:
            client.get(path)  # warm-up: aggregates computed and cached
        for _ in range(rounds):
            for path in PATHS:
                t0 = time.perf_counter()
                r = client.get(path)
                by_path[path].append(time.perf_counter() - t0)
                times.append(by_path[path][-1])
                failed += r.status_code != 200
    return {"requests": len(times), "p50_ms": statistics.median(times) * 1000,
            "p95_ms": p95(times) * 1000, "failed": failed,
            "median_ms_by_path": {p: round(statistics.median(t) * 1000, 1)
                                  for p, t in by_path.items()}}


def load_wrk(base: str, duration: int, connections: int, threads: int) -> dict:
    paths = ", ".join(json.dumps(p) for p in PATHS)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(WRK_SCRIPT % paths)
    try:
        out = subprocess.run(["wrk", "-t", str(threads), "-c", str(connections),
                              "-d", f"{duration}s", "--timeout", "10s", "-s", f.name, base],
                             capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(f.name)
    s = json.loads(out.split("WRKJSON ", 1)[1].splitlines()[0])
    errors = {k: s[k] for k in ("connect", "read", "write", "status", "timeout")}
    return {"generator": f"wrk -t{threads} -c{connections}", "requests": s["requests"],
            "seconds": s["duration_us"] / 1e6, "rps": s["requests"] / (s["duration_us"] / 1e6),
            "p50_ms": s["p50_us"] / 1000, "p95_ms": s["p95_us"] / 1000,
            "p99_ms": s["p99_us"] / 1000, "max_ms": s["max_us"] / 1000,
            "failed": sum(errors.values()), "errors": errors}


def load_python(base: str, duration: int, connections: int) -> dict:
    """Closed-loop load from `connections` threads, each with its own keep-alive client."""
    times: list[float] = []
    errors: dict[str, int] = {}
    lock = threading.Lock()
    stop = time.monotonic() + duration

    def worker(offset: int) -> None:
        i = offset
        with httpx.Client(base_url=base, timeout=10) as client:
            while time.monotonic() < stop:
                path = PATHS[i % len(PATHS)]
                i += 1
                t0 = time.perf_counter()
                try:
                    status = client.get(path).status_code
                    error = None if status == 200 else f"status {status}"
                except httpx.HTTPError as exc:
                    error = type(exc).__name__
                with lock:
                    times.append(time.perf_counter() - t0)
                    if error:
                        errors[error] = errors.get(error, 0) + 1

    t0 = time.perf_counter()
    workers = [threading.Thread(target=worker, args=(n,)) for n in range(connections)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    seconds = time.perf_counter() - t0
    return {"generator": f"python httpx, {connections} threads", "requests": len(times),
            "seconds": seconds, "rps": len(times) / seconds,
            "p50_ms": statistics.median(times) * 1000, "p95_ms": p95(times) * 1000,
            "p99_ms": statistics.quantiles(times, n=100)[98] * 1000,
            "max_ms": max(times) * 1000, "failed": sum(errors.values()), "errors": errors}


def run(db: str, events: int, duration: int, connections: int, threads: int,
        rounds: int, generator: str) -> dict:
    built = ensure_store(db, events)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = Path(tempfile.mkdtemp()) / "serve.log"
    server = start_server(db, port, log)
    try:
        quiet = unloaded(base, rounds)
        use_wrk = generator == "wrk" or (generator == "auto" and shutil.which("wrk"))
        loaded = load_wrk(base, duration, connections, threads) if use_wrk \
            else load_python(base, duration, connections)
        after = unloaded(base, 1)  # the server still answers once the load stops
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(log.parent)
    return {"store": db, "events": event_count(db), "store_built_seconds": round(built, 1),
            "paths": PATHS, "duration_s": duration, "unloaded": quiet, "load": loaded,
            "p95_ratio": loaded["p95_ms"] / quiet["p95_ms"],
            "failed": quiet["failed"] + loaded["failed"] + after["failed"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", default="sqlite:////tmp/steppe-100k.db")
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--duration", type=int, default=60, help="seconds of load")
    ap.add_argument("--connections", type=int, default=8)
    ap.add_argument("--threads", type=int, default=2, help="wrk threads")
    ap.add_argument("--rounds", type=int, default=10, help="unloaded rounds over the paths")
    ap.add_argument("--generator", choices=["auto", "wrk", "python"], default="auto")
    ap.add_argument("--out", default="bench/results/load-api.json")
    args = ap.parse_args()
    result = run(args.db, args.events, args.duration, args.connections, args.threads,
                 args.rounds, args.generator)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n")
    load = result["load"]
    print(f"{result['events']} events, {load['generator']}, {load['seconds']:.0f} s: "
          f"{load['rps']:.1f} req/s, p95 {load['p95_ms']:.0f} ms under load vs "
          f"{result['unloaded']['p95_ms']:.0f} ms unloaded (x{result['p95_ratio']:.1f}), "
          f"{result['failed']} failed -> {args.out}")
    sys.exit(1 if result["failed"] else 0)


if __name__ == "__main__":
    main()
