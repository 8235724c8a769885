"""`steppe sources add|list|remove` and `steppe watch`: follow outlets' feeds and sitemaps."""

from __future__ import annotations

import json
import signal
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Iterator, Optional

import typer

from steppe.cli.context import DbOption, JsonFlag, KbOption, console, fail, load_extractor, \
    out, settings_from

app = typer.Typer(help="The feeds and sitemaps that `steppe watch` follows.",
                  no_args_is_help=True)

SourcesFile = Annotated[Optional[Path], typer.Option(
    "--sources", help="YAML list of sources (name, url, every, lang) to follow instead of "
    "those added with `steppe sources add`.", exists=True, dir_okay=False)]


@app.command("add")
def add(
    url: Annotated[str, typer.Argument(help="RSS or Atom feed, or XML sitemap (index).")],
    name: Annotated[Optional[str], typer.Option(help="Short name (default: the host).")] = None,
    every: Annotated[str, typer.Option(help="Poll interval: 90s, 15m, 2h, 1d.")] = "15m",
    lang: Annotated[Optional[str], typer.Option(
        help="Language of its articles (en, ru...).")] = None,
    db: DbOption = None,
) -> None:
    """Follow a feed or sitemap; the kind is found from its content when first polled.

    Example: steppe sources add https://thediplomat.com/feed/ --name diplomat --every 30m
    """
    from steppe.store import open_store
    from steppe.watch import SourceError, add_source, make_source

    try:
        source = make_source(url, name=name, every=every, language=lang)
        with open_store(settings_from(db).db_url) as store:
            add_source(store, source)
    except SourceError as exc:
        raise fail(str(exc)) from None
    console.print(f"following [bold]{source.name}[/bold]: {source.url}")


@app.command("list")
def list_(db: DbOption = None, json_: JsonFlag = False) -> None:
    """The sources followed, with the state of each: last poll, result, entries seen.

    Example: steppe sources list --json
    """
    from steppe.store import open_store
    from steppe.watch import source_health
    from steppe.watch.sources import format_every

    with open_store(settings_from(db).db_url) as store:
        records = source_health(store)
    if json_:
        for r in records:
            out.print(json.dumps(r.to_json(), ensure_ascii=False), soft_wrap=True)
        return
    if not records:
        console.print("no sources yet: add one with `steppe sources add URL`")
        return
    colours = {"healthy": "green", "failing": "red", "new": "dim"}
    for r in records:
        polled = f"{r.last_poll_at:%Y-%m-%d %H:%M} ({r.last_status})" if r.last_poll_at \
            else "never polled"
        c = colours[r.state]
        out.print(f"[bold]{r.name}[/bold]  [{c}]{r.state}[/{c}]  {r.kind or 'kind not known yet'}"
                  f" every {format_every(r.every)}  {polled}", highlight=False)
        out.print(f"  {r.url}", highlight=False)
        out.print(f"  entries: {r.added} added, {r.duplicates} duplicate, {r.pending} pending, "
                  f"{r.skipped} skipped, {r.errors} failed", highlight=False)
        if r.last_error:
            out.print(f"  [{c}]last error:[/{c}] {r.last_error}", highlight=False)


@app.command("remove")
def remove(name: Annotated[str, typer.Argument(help="Name shown by `steppe sources list`.")],
           db: DbOption = None) -> None:
    """Stop following a source (documents already stored stay).

    Example: steppe sources remove diplomat
    """
    from steppe.store import open_store
    from steppe.watch import remove_source

    with open_store(settings_from(db).db_url) as store:
        if not remove_source(store, name):
            raise fail(f"no source named {name!r}")
    console.print(f"no longer following {name}")


def watch(
    once: Annotated[bool, typer.Option("--once", help="Do one round and exit (for cron).")] = False,
    sources: SourcesFile = None,
    every_source: Annotated[bool, typer.Option(
        "--all", help="Poll every source now, whether it is due or not.")] = False,
    db: DbOption = None,
    kb: KbOption = None,
    extract: Annotated[bool, typer.Option(help="Extract facts while storing.")] = True,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for a server.")] = 20.0,
    delay: Annotated[float, typer.Option(help="Seconds between two requests to one host.")] = 2.0,
    max_bytes: Annotated[int, typer.Option(help="Largest answer read (bytes).")] = 10 * 1024 * 1024,
) -> None:
    """Poll the sources when due, and fetch, extract and store each new article once.

    Runs until stopped (Ctrl-C or SIGTERM end it after the current document), or one
    round with --once. Exit status 1 when a source or an entry had a problem.

    Example: steppe watch --sources sources.yaml --db sqlite:///news.db
    """
    from steppe.store import open_store
    from steppe.watch import (
        Fetcher,
        FetchSettings,
        SourceError,
        Watcher,
        list_sources,
        load_sources_file,
        sync_sources,
    )

    settings = settings_from(db, kb)
    names = None
    stop = threading.Event()
    with open_store(settings.db_url) as store:
        if sources is not None:
            try:
                listed = load_sources_file(sources)
            except SourceError as exc:
                raise fail(str(exc)) from None
            sync_sources(store, listed)
            names = [s.name for s in listed]
        if not list_sources(store, names):
            raise fail("no sources: add one with `steppe sources add URL` or give --sources FILE")
        extractor = load_extractor(settings) if extract else None
        fetcher = Fetcher(FetchSettings(timeout=timeout, host_delay=delay, max_bytes=max_bytes),
                          wait=stop.wait)
        watcher = Watcher(store, fetcher, extractor, stop=stop, notify=_show)
        problems = 0
        try:
            with _stop_on_signals(stop):
                if once:
                    report = watcher.round(names, everything=every_source)
                    problems = len(report.problems)
                    _summary(report)
                else:
                    if every_source:
                        _summary(watcher.round(names, everything=True))
                    watcher.run(names, on_round=_summary)
        finally:
            fetcher.close()
    if stop.is_set():
        console.print("stopped")
    raise typer.Exit(1 if problems else 0)


@contextmanager
def _stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """SIGINT and SIGTERM set `stop`: the watch ends after the document in hand."""

    def handler(signum: int, _frame) -> None:
        if not stop.is_set():
            console.print(f"{signal.Signals(signum).name}: stopping after the current document")
        stop.set()

    previous = {s: signal.signal(s, handler) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for s, h in previous.items():
            signal.signal(s, h)


def _show(outcome) -> None:
    colour = {"added": "green", "error": "red", "skipped": "yellow"}.get(outcome.status, "dim")
    what = "feed" if not outcome.entry else "entry"
    reason = f": {outcome.reason}" if outcome.reason else ""
    console.print(f"[{colour}]{outcome.status}[/{colour}] {what} {outcome.source} "
                  f"{outcome.url}{reason}", highlight=False)


def _summary(report) -> None:
    if not report.polled:
        return
    counts = ", ".join(f"{report.count(s)} {s}" for s in ("added", "duplicate", "skipped", "error"))
    console.print(f"round: {len(report.polled)} sources polled; entries {counts}"
                  + ("; stopped" if report.stopped else ""))
