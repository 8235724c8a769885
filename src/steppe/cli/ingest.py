"""`steppe ingest` and `steppe extract`: documents in, facts out."""

from __future__ import annotations

from enum import Enum
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

from steppe.api import IngestReport, ingest_sources
from steppe.cli.context import (
    DbOption,
    KbOption,
    LexiconOption,
    console,
    fail,
    load_extractor,
    settings_from,
)
from steppe.engine import run
from steppe.facts import Document
from steppe.ingest import Skipped, read_paths
from steppe.jsonl import write_json_line
from steppe.settings import Settings

RAY_WRITE_BATCH = 64


class Engine(str, Enum):
    local = "local"
    ray = "ray"


def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (walked recursively).")],
    db: DbOption = None,
    kb: KbOption = None,
    lexicon: LexiconOption = None,
    max_bytes: Annotated[Optional[int], typer.Option(help="Skip files larger than this (bytes).")] = None,
    extract: Annotated[bool, typer.Option(help="Extract facts while ingesting.")] = True,
    engine: Annotated[Engine, typer.Option(help="local: this process; ray: a pool of Ray workers.")] = Engine.local,
    address: Annotated[Optional[str], typer.Option(help="Ray cluster to join (auto, ray://host:10001); default: start a local one.")] = None,
    workers: Annotated[Optional[int], typer.Option(min=1, help="Ray workers, each with its own models (default 2).")] = None,
    output_parquet: Annotated[Optional[Path], typer.Option("--output-parquet", file_okay=False, help="Write documents and facts to this Parquet dataset instead of the store (import with load-parquet).")] = None,
) -> None:
    """Read documents, extract their facts and store both, one transaction per document
    (the ray engine saves 64 documents per transaction).

    Examples: steppe ingest news/ reports/kz-uz.pdf --db sqlite:///steppe.db
              steppe ingest archive/ --engine ray --workers 8 --output-parquet facts/
    """
    ray = engine is Engine.ray
    settings = settings_from(db, kb, lexicon, max_bytes=max_bytes, engine=engine.value, ray_address=address,
                             workers=workers, write_batch=RAY_WRITE_BATCH if ray else None)
    if (address or workers) and not ray:
        raise fail("--address and --workers need --engine ray")
    if output_parquet is not None:
        if not extract:
            raise fail("--output-parquet needs extraction (drop --no-extract)")
        report = run_to_parquet(paths, output_parquet, settings)
    else:
        report = run_ingest(paths, settings, extract=extract)
    _report(report)
    raise typer.Exit(0 if report.ok else 1)


def load_parquet(
    folder: Annotated[Path, typer.Argument(exists=True, file_okay=False, help="A dataset written by ingest --output-parquet.")],
    db: DbOption = None,
) -> None:
    """Import a Parquet dataset of documents and facts into the store (documents already
    there are duplicates, so importing twice adds nothing).

    Example: steppe load-parquet facts/ --db postgresql+psycopg://steppe@db/news
    """
    from steppe.api import load_parquet as load
    from steppe.store import open_store

    settings = settings_from(db)
    with open_store(settings.db_url) as store, _progress(False) as progress:
        task = progress.add_task("Loading", total=None)
        report = load(folder, store=store, settings=settings,
                      on_progress=lambda doc, status: progress.update(task, advance=1))
    _report(report)
    raise typer.Exit(0 if report.ok else 1)


def run_ingest(paths: Iterable[Path], settings: Settings, *, extract: bool = True,
               quiet: bool = False) -> IngestReport:
    """`steppe.ingest_sources` into the store of `settings`, with a progress bar unless `quiet`."""
    from steppe.store import open_store

    # The ray engine's workers load their own extractors.
    extractor = load_extractor(settings) if extract and settings.engine == "local" else None
    with open_store(settings.db_url) as store, _progress(quiet) as progress:
        task = progress.add_task("Ingesting", total=None)

        def advance(doc: Document, status: str) -> None:
            progress.update(task, advance=1, description=f"Ingesting {doc.id[:40]}")

        return ingest_sources(paths, store=store, extractor=extractor, settings=settings,
                              extract=extract, on_progress=advance)


def run_to_parquet(paths: Iterable[Path], folder: Path, settings: Settings) -> IngestReport:
    """`steppe.api.extract_to_parquet` with a progress bar."""
    from steppe.api import extract_to_parquet

    extractor = load_extractor(settings) if settings.engine == "local" else None
    with _progress(False) as progress:
        task = progress.add_task("Extracting", total=None)
        return extract_to_parquet(paths, folder, extractor=extractor, settings=settings,
                                  on_progress=lambda doc, status: progress.update(task, advance=1))


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
    lexicon: LexiconOption = None,
) -> None:
    """Run the pipeline without storing: one JSON object of facts per document (ANNOTATION.md).

    Example: steppe extract --input docs.jsonl --output facts.jsonl
    """
    if not files and input is None:
        raise fail("give FILES or --input docs.jsonl")
    settings = settings_from(None, kb, lexicon)
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

    # Opened before the models load, so a wrong path fails at once and by name.
    try:
        sink = open(output, "w", encoding="utf-8") if output else None
    except OSError as exc:
        raise fail(f"cannot write {output}: {exc.strerror}") from None
    extractor = load_extractor(settings)
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
