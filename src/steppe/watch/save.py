"""Store one fetched Document the way `steppe.ingest_sources` does: extract, then save.

The watcher stores entries one at a time and needs each one's status (added or duplicate),
and it links occurrences once per round rather than once per document, so it calls the
two store steps itself instead of `ingest_sources`, which reports a whole batch.
"""

from __future__ import annotations

from typing import Protocol

from steppe.facts import Document, Facts
from steppe.store import SaveResult, save_document
from steppe.store.engine import Store


class Extracts(Protocol):
    def extract(self, doc: Document) -> Facts: ...


def store_document(store: Store, doc: Document, extractor: Extracts | None) -> SaveResult:
    """Extract the facts of `doc` (when an extractor is given) and store both in one
    transaction; a document already stored (same id or content hash) is a duplicate."""
    facts = extractor.extract(doc) if extractor is not None else None
    return save_document(store, doc, facts)
