"""`steppe demo`: ingest the packaged sample corpus into a fresh database and summarise it."""

from __future__ import annotations

from collections import Counter
from importlib.resources import as_file, files
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from steppe.api import IngestReport, ingest_sources
from steppe.cli.context import KbOption, LexiconOption, console, load_extractor, out, settings_from

DEMO_DB = "steppe-demo.db"


def demo(
    db: Annotated[Optional[str], typer.Option("--db", help=f"Database URL (default: a fresh sqlite:///{DEMO_DB}).")] = None,
    kb: KbOption = None,
    lexicon: LexiconOption = None,
) -> None:
    """Ingest the sample corpus shipped with steppe and print what it found.

    Example: steppe demo
    """
    from steppe.store import list_documents, open_store, summary

    if db is None:
        Path(DEMO_DB).unlink(missing_ok=True)
        for suffix in ("-wal", "-shm"):
            Path(DEMO_DB + suffix).unlink(missing_ok=True)
        db = f"sqlite:///{DEMO_DB}"
    settings = settings_from(db, kb, lexicon)
    extractor = load_extractor(settings)
    with as_file(files("steppe.data") / "corpus") as corpus, open_store(settings.db_url) as store:
        articles = sorted(p for p in Path(corpus).glob("*.md") if p.name[0].isdigit())
        report = ingest_sources(articles, store=store, extractor=extractor, settings=settings)
        s = summary(store)
        languages = Counter(d["language"] or "?" for d in list_documents(store, limit=10_000))
    print_summary(s, report, db)
    out.print("documents by language: " + ", ".join(f"{k} {n}" for k, n in languages.most_common()))
    out.print(f"dashboard: [bold]steppe serve --db {db}[/bold]", soft_wrap=True)


def print_summary(s: dict, report: IngestReport, db: str) -> None:
    counts = report.counts()
    out.print(f"[bold]steppe demo[/bold] — {s['documents']} documents in {db} "
              f"({counts['added']} added, {counts['duplicate']} already there, {counts['skipped']} skipped)")
    table = Table(title="Events by PLOVER type")
    table.add_column("type")
    table.add_column("events", justify="right")
    for t, n in sorted(s["occurrences_by_type"].items(), key=lambda kv: -kv[1]):
        table.add_row(t, str(n))
    out.print(table)
    dyads = Table(title="Top dyads (distinct occurrences)")
    dyads.add_column("dyad")
    dyads.add_column("events", justify="right")
    for row in s["top_dyads"]:
        dyads.add_row(str(row["dyad"]), str(row["occurrences"]))
    out.print(dyads)
    out.print(f"figures: {s['figures']}   agreements: {s['agreements']}")
    for problem in report.skipped + report.failed:
        console.print(f"[yellow]skipped[/yellow] {problem}")
