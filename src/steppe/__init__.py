"""steppe: articles about relations between states in, PLOVER events, figures and agreements out.

The public API (documented in README.md, "Python API"):

    import steppe

    extractor = steppe.load()                      # or steppe.Extractor.load(steppe.Settings(...))
    facts = extractor.extract(steppe.Document(id="d1", text="...", date="2023-01-27"))
    with steppe.open_store("sqlite:///steppe.db") as store:
        report = steppe.ingest_sources(["news/"], store=store, extractor=extractor)

Names are imported on first use, so `import steppe.store` (or the CLI's `--help`) does
not pay for loading spaCy.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

# public name -> module that defines it
_EXPORTS = {
    "Settings": "steppe.settings",
    "Document": "steppe.facts",
    "Facts": "steppe.facts",
    "Event": "steppe.facts",
    "Actor": "steppe.facts",
    "Figure": "steppe.facts",
    "Agreement": "steppe.facts",
    "Project": "steppe.facts",
    "Span": "steppe.facts",
    "Extractor": "steppe.pipeline.extract",
    "load": "steppe.api",
    "ingest_sources": "steppe.api",
    "IngestReport": "steppe.api",
    "read_paths": "steppe.ingest",
    "Skipped": "steppe.ingest",
    "open_store": "steppe.store",
    "Store": "steppe.store",
    "query_events": "steppe.store",
    "query_figures": "steppe.store",
    "query_agreements": "steppe.store",
    "SteppeError": "steppe.errors",
    "InputError": "steppe.errors",
    "ConfigError": "steppe.errors",
}

__all__ = sorted(_EXPORTS)

if TYPE_CHECKING:
    from steppe.api import IngestReport, ingest_sources, load
    from steppe.errors import ConfigError, InputError, SteppeError
    from steppe.facts import Actor, Agreement, Document, Event, Facts, Figure, Project, Span
    from steppe.ingest import Skipped, read_paths
    from steppe.pipeline.extract import Extractor
    from steppe.settings import Settings
    from steppe.store import Store, open_store, query_agreements, query_events, query_figures


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'steppe' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value      # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
