"""The in-process engine: one Extractor, candidate sentences parsed in batches."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from steppe.facts import Document, Facts
from steppe.settings import Settings

if TYPE_CHECKING:
    from steppe.pipeline.extract import Extractor


def run(docs: Iterable[Document], settings: Settings, *, extractor: "Extractor | None" = None,
        on_error: Callable[[Document, Exception], None] | None = None,
        ) -> Iterator[tuple[Document, Facts]]:
    """(document, facts) pairs, extracted here by `extractor` (loaded from `settings` if None)."""
    if extractor is None:
        from steppe.pipeline.extract import Extractor

        extractor = Extractor.load(settings)
    return extractor.extract_many(docs, batch_size=settings.batch_size, on_error=on_error)
