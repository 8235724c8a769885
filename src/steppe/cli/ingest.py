"""`steppe ingest` and `steppe extract`: documents in, facts out."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Iterator, Optional

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from steppe.api import IngestReport, ingest_sources
from steppe.cli.context import (
    DbOption,
    KbOption,
    console,
    fail,
    load_extractor,
    settings_from,
)
from steppe.engine import run
from steppe.facts import Document
from steppe.ingest import Skipped, read_paths
from steppe.jsonl import write_json_line


def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (walked recursively).")],
    db: DbOption = None,
    kb: KbOption = None,
    max_bytes: Annotated[Optional[int], typer.Option(help="Skip files larger than this (bytes).")] = None,
    extract: Annotated[bool, typer.Option(help="Extract facts while ingesting.")] = True,
) -> None:
    """Read documents, extract their facts and store both, one transaction per document.

    Example: steppe ingest news/ reports/kz-uz.pdf --db sqlite:///steppe.db
    """
    from steppe.store import open_store

    settings = settings_from(db, kb, max_bytes=max_bytes)
    extractor = load_extractor(settings) if extract else None
    with open_store(settings.db_url) as store, _progress(quiet=False) as progress:
        task = progress.add_task("Ingesting", total=None)

        def advance(doc: Document, status: str) -> None:
            progress.update(task, advance=1, description=f"Ingesting {doc.id[:40]}")

        report = ingest_sources(paths, store=store, extractor=extractor, settings=settings,
                                extract=extract, on_progress=advance)
    _report(report)
    raise typer.Exit(0 if report.ok else 1)


def _progress(quiet: bool) -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=console, disable=quiet, transient=True)


def _report(report: IngestReport) -> None:
    table = Table(title="Ingestion", show_header=False)
    for key, n in report.counts().items():
        table.add_row(key, str(n))
    console.print(table)
    for s in report.skipped + report.failed:
        console.print(f"[yellow]skipped[/yellow] {s}")


def extract(
    files: Annotated[Optional[list[Path]], typer.Argument(help="Files or folders to read.")] = None,
    input: Annotated[Optional[Path], typer.Option("--input", "-i", help="JSON Lines of documents (id, text, date...).")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write facts here instead of stdout.")] = None,
    kb: KbOption = None,
) -> None:
    """Run the pipeline without storing: one JSON object of facts per document (ANNOTATION.md).

    Example: steppe extract --input docs.jsonl --output facts.jsonl
    """
    if not files and input is None:
        raise fail("give FILES or --input docs.jsonl")
    settings = settings_from(None, kb)
    skipped: list[Skipped] = []
    sources = [p for p in (files or [])] + ([input] if input else [])

    def docs() -> Iterator[Document]:
        for r in read_paths(sources, max_bytes=settings.max_bytes):
            if isinstance(r, Skipped):
                skipped.append(r)
                console.print(f"[yellow]skipped[/yellow] {r}")
            else:
                yield r

    def failed(doc: Document, exc: Exception) -> None:
        skipped.append(Skipped(doc.path or doc.id, f"extraction failed: {exc}"))
        console.print(f"[yellow]failed[/yellow] {doc.id}: {type(exc).__name__}: {exc}")

    extractor = load_extractor(settings)
    sink = open(output, "w", encoding="utf-8") if output else None
    try:
        with _progress(quiet=output is None) as progress:
            task = progress.add_task("Extracting", total=None)
            for doc, facts in run(docs(), settings, extractor=extractor, on_error=failed):
                write_json_line(facts.to_json(), sink)
                progress.update(task, advance=1)
    finally:
        if sink:
            sink.close()
    raise typer.Exit(1 if skipped else 0)
