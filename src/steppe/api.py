"""The library's two verbs: `load` an extractor, `ingest_sources` into a store.

    import steppe

    extractor = steppe.load()                                  # spaCy, KB, lexicons: once
    with steppe.open_store("sqlite:///news.db") as store:
        report = steppe.ingest_sources(["inbox/"], store=store, extractor=extractor)
    print(report.added, report.duplicate, report.skipped, report.failed)

`ingest_sources` is the recipe every front end shares (the CLI, a web app, a scheduler):
read, extract (through the engine of `settings.engine`), save each document in its own
transaction, record what could not be read, then link reports of one occurrence across
documents. It prints nothing; `on_progress` is told about each document. (It is not
called `ingest` because `steppe.ingest` is the package of readers.)
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from steppe import engine
from steppe.facts import Document, Facts
from steppe.ingest import Skipped, read_paths
from steppe.settings import Settings

if TYPE_CHECKING:
    from steppe.pipeline.extract import Extractor
    from steppe.store import Store

Status = Literal["added", "duplicate", "failed"]
Source = Document | str | os.PathLike[str]


def load(settings: Settings | None = None) -> "Extractor":
    """The extractor for `settings` (spaCy model, knowledge base with `kb_paths`, lexicons)."""
    from steppe.pipeline.extract import Extractor

    return Extractor.load(settings or Settings())


@dataclass
class IngestReport:
    """What one `ingest_sources` call did.

    added      ids of the documents stored
    duplicate  ids of documents already stored (same id or same content)
    skipped    inputs that could not be read (also recorded in the store's skips table)
    failed     documents read but not extracted or not saved, with the reason
    """

    added: list[str] = field(default_factory=list)
    duplicate: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    failed: list[Skipped] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every input was read, extracted and stored (or already there)."""
        return not self.skipped and not self.failed

    def counts(self) -> dict[str, int]:
        return {"added": len(self.added), "duplicate": len(self.duplicate),
                "skipped": len(self.skipped), "failed": len(self.failed)}


def ingest_sources(
    sources: Source | Iterable[Source],
    *,
    store: "Store",
    extractor: "Extractor | None" = None,
    settings: Settings | None = None,
    extract: bool = True,
    on_progress: Callable[[Document, Status], None] | None = None,
) -> IngestReport:
    """Read `sources` (files, folders, or Documents), extract their facts and store both.

    `extractor` is loaded from `settings` when None; `extract=False` stores the documents
    only. `settings` also gives `max_bytes`, `batch_size`, the `engine` and `write_batch`
    (documents per transaction). Documents already stored (same id or content) are not
    extracted again, so a re-run after a failure adds nothing twice. One bad document
    never stops the batch: it is reported in `IngestReport.failed`.
    """
    from steppe.store import link_occurrences

    settings = settings or Settings()
    run = _Run(store, on_progress)
    docs = run.unstored(_read(sources, settings.max_bytes))
    pairs = engine.run(docs, settings, extractor=extractor, on_error=run.failed) \
        if extract else ((d, None) for d in docs)
    run.save_all(pairs, settings.write_batch)
    link_occurrences(store)
    return run.report


def extract_to_parquet(
    sources: Source | Iterable[Source],
    folder: str | os.PathLike[str],
    *,
    extractor: "Extractor | None" = None,
    settings: Settings | None = None,
    on_progress: Callable[[Document, Status], None] | None = None,
) -> IngestReport:
    """Like `ingest_sources`, but write documents and facts to a Parquet dataset in
    `folder` (steppe.parquet) instead of a store; `load_parquet` imports it later."""
    from steppe.parquet import write_dataset

    settings = settings or Settings()
    run = _Run(None, on_progress)
    docs = (r for r in _read(sources, settings.max_bytes) if not run.skipped(r))
    pairs = engine.run(docs, settings, extractor=extractor, on_error=run.failed)
    for doc in write_dataset(pairs, folder):
        run.done(doc, "added", doc.id)
    return run.report


def load_parquet(
    folder: str | os.PathLike[str],
    *,
    store: "Store",
    settings: Settings | None = None,
    on_progress: Callable[[Document, Status], None] | None = None,
) -> IngestReport:
    """Import a Parquet dataset written by `extract_to_parquet` into `store` (batched;
    documents already stored are duplicates, so importing twice adds nothing)."""
    from steppe.parquet import read_dataset
    from steppe.store import link_occurrences

    settings = settings or Settings()
    run = _Run(store, on_progress)
    run.save_all(read_dataset(folder), max(settings.write_batch, 64))
    link_occurrences(store)
    return run.report


class _Run:
    """The report of one ingestion, and the steps that fill it."""

    def __init__(self, store: "Store | None", on_progress: Callable[[Document, Status], None] | None):
        self.store = store
        self.on_progress = on_progress
        self.report = IngestReport()

    def done(self, doc: Document, status: Status, document_id: str) -> None:
        {"added": self.report.added, "duplicate": self.report.duplicate}[status].append(document_id)
        if self.on_progress:
            self.on_progress(doc, status)

    def failed(self, doc: Document, exc: Exception, what: str = "extraction failed") -> None:
        self.report.failed.append(Skipped(doc.path or doc.id, f"{what}: {type(exc).__name__}: {exc}"))
        if self.on_progress:
            self.on_progress(doc, "failed")

    def skipped(self, r: Document | Skipped) -> bool:
        """Record `r` if it is an input that could not be read."""
        if not isinstance(r, Skipped):
            return False
        self.report.skipped.append(r)
        if self.store is not None:
            from steppe.store import save_skip

            save_skip(self.store, r.path, r.reason, line=r.line)
        return True

    def unstored(self, results: Iterable[Document | Skipped]) -> Iterator[Document]:
        """The documents not in the store yet; a re-run after a failure extracts only those."""
        for r in results:
            if self.skipped(r):
                continue
            existing = self.stored_id(r)
            if existing is None:
                yield r
            else:
                self.done(r, "duplicate", existing)

    def stored_id(self, doc: Document) -> str | None:
        """The id `doc` is stored under, if any (retried through a database outage)."""
        from steppe.store.write import find_document

        def attempt() -> str | None:
            with self.store.connect() as conn:
                return find_document(conn, doc)

        return self.store.retry(f"looking up document {doc.id!r}", attempt)

    def save_all(self, pairs: Iterable[tuple[Document, Facts | None]], batch_size: int) -> None:
        batch: list[tuple[Document, Facts | None]] = []
        for pair in pairs:
            batch.append(pair)
            if len(batch) >= batch_size:
                self.save(batch)
                batch = []
        if batch:
            self.save(batch)

    def save(self, batch: list[tuple[Document, Facts | None]]) -> None:
        """Save a batch in one transaction; if it fails, one document per transaction."""
        from steppe.store import save_document, save_documents

        try:
            results = save_documents(self.store, batch) if len(batch) > 1 \
                else [save_document(self.store, *batch[0])]
        except Exception as exc:  # a document the store refuses never stops the batch
            from steppe.store.retry import is_outage

            if is_outage(exc):  # the database stayed away longer than the retries: report all
                for doc, _ in batch:
                    self.failed(doc, exc, "not stored, database unavailable")
            elif len(batch) > 1:
                for pair in batch:
                    self.save([pair])
            else:
                self.failed(batch[0][0], exc, "not stored")
            return
        for (doc, _), saved in zip(batch, results):
            self.done(doc, saved.status, saved.document_id)


def _read(sources: Source | Iterable[Source], max_bytes: int) -> Iterator[Document | Skipped]:
    if isinstance(sources, (Document, str, os.PathLike)):
        sources = [sources]
    for s in sources:
        if isinstance(s, Document):
            yield s
        else:
            yield from read_paths(s, max_bytes=max_bytes)
