"""Where extraction runs: the seam between the ingest recipe and the machines doing the work.

    for doc, facts in run(documents, settings, extractor=extractor):
        ...

`Settings.engine` picks the engine. "local" extracts in this process (engine/local.py);
"ray" on a pool of Ray workers, local or on a cluster (engine/ray.py, needs the `ray`
extra). Both have this signature: documents in, (document, facts) pairs out in input
order, failures handed to `on_error`.
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

ENGINES = ("local", "ray")


def run(docs: Iterable[Document], settings: Settings, *, extractor: "Extractor | None" = None,
        on_error: OnError | None = None) -> Iterator[tuple[Document, Facts]]:
    """(document, facts) for each document that extracts; the others go to `on_error`."""
    if settings.engine == "local":
        from steppe.engine import local

        return local.run(docs, settings, extractor=extractor, on_error=on_error)
    if settings.engine == "ray":
        from importlib.util import find_spec

        if find_spec("ray") is None:
            raise ConfigError("the ray engine needs Ray: pip install 'steppe[ray]'")
        from steppe.engine import ray

        return ray.run(docs, settings, extractor=extractor, on_error=on_error)
    raise ConfigError(f"unknown engine {settings.engine!r}; known: {', '.join(ENGINES)}")
