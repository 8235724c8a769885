"""Where extraction runs: the seam between the ingest recipe and the machines doing the work.

    for doc, facts in run(documents, settings, extractor=extractor):
        ...

`Settings.engine` picks the engine. "local" extracts in this process (engine/local.py);
an engine for corpora that outgrow one machine (Ray) plugs in here with the same
signature: documents in, (document, facts) pairs out, failures handed to `on_error`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from steppe.errors import ConfigError
from steppe.facts import Document, Facts
from steppe.settings import Settings

if TYPE_CHECKING:
    from steppe.pipeline.extract import Extractor

OnError = Callable[[Document, Exception], None]

ENGINES = ("local",)


def run(docs: Iterable[Document], settings: Settings, *, extractor: "Extractor | None" = None,
        on_error: OnError | None = None) -> Iterator[tuple[Document, Facts]]:
    """(document, facts) for each document that extracts; the others go to `on_error`."""
    if settings.engine == "local":
        from steppe.engine import local

        return local.run(docs, settings, extractor=extractor, on_error=on_error)
    raise ConfigError(f"unknown engine {settings.engine!r}; known: {', '.join(ENGINES)}")
