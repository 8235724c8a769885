"""`steppe ingest` and `steppe extract`: documents in, facts out."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Iterable, Iterator, Optional

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from steppe.cli.context import (
    DbOption,
    KbOption,
    console,
    fail,
    load_extractor,
    settings_from,
)
from steppe.facts import Document
from steppe.ingest import Skipped, read_paths


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

    settings = settings_from(db, kb, max_bytes=max_bytes)
    result = run_ingest(paths, settings, extract=extract, quiet=False)
    raise typer.Exit(1 if result["skipped"] or result["failed"] else 0)


def run_ingest(paths: Iterable[Path], settings, *, extract: bool = True, quiet: bool = False) -> dict:
    """Ingest `paths` into the store of `settings`; returns the counts (and skipped records)."""
    from steppe.store import link_occurrences, open_store, save_document, save_skip

    extractor = load_extractor(settings) if extract else None
    counts = {"added": 0, "duplicate": 0, "skipped": 0, "failed": 0}
    skipped: list[Skipped] = []
    with open_store(settings.db_url) as store, _progress(quiet) as progress:
        task = progress.add_task("Ingesting", total=None)
        docs = _documents(read_paths(paths, max_bytes=settings.max_bytes), skipped, store, save_skip)

        def failed(doc: Document, exc: Exception) -> None:
            counts["failed"] += 1
            skipped.append(Skipped(doc.path or doc.id, f"extraction failed: {type(exc).__name__}: {exc}"))

        pairs = extractor.extract_many(docs, batch_size=settings.batch_size, on_error=failed) \
            if extractor else ((d, None) for d in docs)
        for doc, facts in pairs:
            try:
                res = save_document(store, doc, facts)
            except Exception as exc:  # one bad document never stops the batch
                failed(doc, exc)
                continue
            counts[res.status] += 1
            progress.update(task, advance=1, description=f"Ingesting {doc.id[:40]}")
        link_occurrences(store)
    counts["skipped"] = len(skipped) - counts["failed"]
    if not quiet:
        _report(counts, skipped)
    return {**counts, "skipped_records": skipped}


def _documents(results, skipped: list[Skipped], store, save_skip) -> Iterator[Document]:
    for r in results:
        if isinstance(r, Skipped):
            skipped.append(r)
            save_skip(store, r.path, r.reason, line=r.line)
        else:
            yield r


def _progress(quiet: bool) -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=console, disable=quiet, transient=True)


def _report(counts: dict, skipped: list[Skipped]) -> None:
    table = Table(title="Ingestion", show_header=False)
    for key in ("added", "duplicate", "skipped", "failed"):
        table.add_row(key, str(counts[key]))
    console.print(table)
    for s in skipped:
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
            for doc, facts in extractor.extract_many(docs(), batch_size=settings.batch_size,
                                                     on_error=failed):
                line = json.dumps(facts.to_json(), ensure_ascii=False)
                if sink:
                    sink.write(line + "\n")
                else:
                    print(line, flush=True)
                progress.update(task, advance=1)
    finally:
        if sink:
            sink.close()
    raise typer.Exit(1 if skipped else 0)
