"""`steppe sources` and `steppe watch` end to end against the loopback site."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from typer.testing import CliRunner

from steppe.cli.app import app

from . import articles
from .conftest import rss, sitemap
from .test_watch import entries

runner = CliRunner()
FAST = ["--timeout", "0.5", "--delay", "0", "--no-extract"]
PATIENT = ["--timeout", "5", "--delay", "0", "--no-extract"]     # for the slow pages
D1 = "Mon, 17 Nov 2025 08:00:00 GMT"


def test_sources_add_list_remove(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 's.db'}"
    added = runner.invoke(app, ["sources", "add", "https://news.example.org/rss?utm_source=x",
                                "--every", "30m", "--lang", "ru", "--db", db])
    assert added.exit_code == 0, added.output
    again = runner.invoke(app, ["sources", "add", "https://news.example.org/rss", "--name",
                                "other", "--db", db])
    assert again.exit_code == 2 and "already followed as 'news.example.org'" in again.output
    bad = runner.invoke(app, ["sources", "add", "https://x.example.org/", "--every", "often",
                              "--db", db])
    assert bad.exit_code == 2 and "interval 'often'" in bad.output

    listed = runner.invoke(app, ["sources", "list", "--json", "--db", db])
    (record,) = [json.loads(line) for line in listed.stdout.splitlines()]
    assert (record["name"], record["url"], record["every"], record["language"],
            record["state"]) == ("news.example.org", "https://news.example.org/rss", 1800,
                                 "ru", "new")

    assert runner.invoke(app, ["sources", "remove", "news.example.org", "--db", db]).exit_code == 0
    assert runner.invoke(app, ["sources", "remove", "news.example.org", "--db", db]).exit_code == 2
    assert runner.invoke(app, ["sources", "list", "--json", "--db", db]).stdout == ""


def test_watch_once_with_a_sources_file(site, tmp_path: Path) -> None:
    site.put("/news/rail", articles.RAIL)
    site.put("/news/gas", articles.GAS)
    site.put("/feed", rss("Wire", [("Rail", site.url("/news/rail"), D1)]), "text/html")
    site.put("/map", sitemap([(site.url("/news/gas"), "2025-11-20"),
                              (site.url("/news/missing"), "2025-11-20")]), "text/plain")
    listed = tmp_path / "sources.yaml"
    listed.write_text(f"""sources:
  - name: wire
    url: {site.url('/feed')}
    every: 15m
  - name: wire-map
    url: {site.url('/map')}
    every: 1h
""", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'w.db'}"

    first = runner.invoke(app, ["watch", "--once", "--sources", str(listed), "--db", db, *FAST])
    assert first.exit_code == 1, first.output        # the missing page is a problem
    assert "skipped entry wire-map" in first.output and "HTTP 404" in first.output
    assert "2 added" in first.output

    second = runner.invoke(app, ["watch", "--once", "--all", "--sources", str(listed),
                                 "--db", db, *FAST])
    assert second.exit_code == 0, second.output
    assert "0 added" in second.output and "not-modified feed wire " in second.output

    table = runner.invoke(app, ["sources", "list", "--db", db])
    assert "wire-map  healthy  sitemap every 1h" in table.stdout
    assert "entries: 1 added, 0 duplicate, 0 pending, 1 skipped, 0 failed" in table.stdout


def test_watch_stops_on_sigterm_after_the_current_document(site, tmp_path: Path) -> None:
    pages = [("rail", articles.RAIL), ("water", articles.WATER), ("gas", articles.GAS),
             ("dam", articles.DAM)]
    for name, page in pages:
        site.put(f"/news/{name}", page, delay=1.0)     # slow pages: SIGTERM lands mid-fetch
    site.put("/feed", rss("Wire", [(n, site.url(f"/news/{n}"), D1) for n, _ in pages]),
             "application/rss+xml")
    listed = tmp_path / "sources.yaml"
    listed.write_text(f"- name: wire\n  url: {site.url('/feed')}\n", encoding="utf-8")
    db_path = tmp_path / "t.db"
    steppe = Path(sys.executable).with_name("steppe")
    proc = subprocess.Popen([str(steppe), "watch", "--sources", str(listed),
                             "--db", f"sqlite:///{db_path}", *PATIENT],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while not site.hits("/news/rail") and time.monotonic() < deadline:
            time.sleep(0.02)
        assert site.hits("/news/rail"), "watch never fetched an article"
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=20)
    finally:
        proc.kill() if proc.poll() is None else None
    assert proc.returncode == 0, err
    assert "SIGTERM: stopping after the current document" in err
    assert err.rstrip().endswith("stopped")
    # The page in hand was stored whole; no other page was asked for.
    assert [len(site.hits(f"/news/{n}")) for n, _ in pages] == [1, 0, 0, 0]
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        docs = conn.execute("SELECT id FROM documents").fetchall()
        states = dict(conn.execute("SELECT url, status FROM source_entries").fetchall())
    assert docs == [(site.url("/news/rail"),)]
    assert states == {site.url("/news/rail"): "added", site.url("/news/water"): "pending",
                      site.url("/news/gas"): "pending", site.url("/news/dam"): "pending"}

    # The next round takes up where it stopped (the pages need not be slow any more).
    for name, page in pages:
        site.put(f"/news/{name}", page)
    rest = runner.invoke(app, ["watch", "--once", "--all", "--sources", str(listed),
                               "--db", f"sqlite:///{db_path}", *PATIENT])
    assert rest.exit_code == 0, rest.output
    from steppe.store import count_documents, open_store

    with open_store(f"sqlite:///{db_path}") as store:
        assert count_documents(store) == 4
        assert {e.status for e in entries(store)} == {"added"}
