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
from steppe.facts import Document
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
    only. `settings` also gives `max_bytes`, `batch_size` and the `engine`. One bad
    document never stops the batch: it is reported in `IngestReport.failed`.
    """
    from steppe.store import link_occurrences, save_document, save_skip

    settings = settings or Settings()
    report = IngestReport()

    def documents() -> Iterator[Document]:
        for r in _read(sources, settings.max_bytes):
            if isinstance(r, Skipped):
                report.skipped.append(r)
                save_skip(store, r.path, r.reason, line=r.line)
            else:
                yield r

    def failed(doc: Document, exc: Exception, what: str = "extraction failed") -> None:
        report.failed.append(Skipped(doc.path or doc.id, f"{what}: {type(exc).__name__}: {exc}"))
        if on_progress:
            on_progress(doc, "failed")

    pairs = engine.run(documents(), settings, extractor=extractor, on_error=failed) \
        if extract else ((d, None) for d in documents())
    for doc, facts in pairs:
        try:
            saved = save_document(store, doc, facts)
        except Exception as exc:  # a document the store refuses never stops the batch
            failed(doc, exc, "not stored")
            continue
        (report.added if saved.status == "added" else report.duplicate).append(saved.document_id)
        if on_progress:
            on_progress(doc, saved.status)
    link_occurrences(store)
    return report


def _read(sources: Source | Iterable[Source], max_bytes: int) -> Iterator[Document | Skipped]:
    if isinstance(sources, (Document, str, os.PathLike)):
        sources = [sources]
    for s in sources:
        if isinstance(s, Document):
            yield s
        else:
            yield from read_paths(s, max_bytes=max_bytes)
