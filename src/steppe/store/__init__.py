"""The store: documents and their facts in SQLite or PostgreSQL (SQLAlchemy Core).

    with open_store("sqlite:///steppe.db") as store:
        save_document(store, doc, facts)        # one document, one transaction
        link_occurrences(store)
        query_events(store, dyad="KAZ-UZB", since="2024")

This package never imports spaCy or steppe.pipeline; it speaks steppe.facts.
"""

from steppe.store.engine import Store, open_store
from steppe.store.errors import DocumentNotFound, SchemaError, StoreError
from steppe.store.export import export
from steppe.store.keys import agreement_key, dyad_key
from steppe.store.occurrences import link_occurrences
from steppe.store.read import (
    count_documents,
    get_document,
    list_documents,
    query_agreements,
    query_events,
    query_figures,
    summary,
)
from steppe.store.schema import SCHEMA_VERSION, current_version, upgrade
from steppe.store.write import (
    SaveResult,
    replace_facts,
    save_document,
    save_documents,
    save_skip,
)

__all__ = [
    "SCHEMA_VERSION",
    "DocumentNotFound",
    "SaveResult",
    "SchemaError",
    "Store",
    "StoreError",
    "agreement_key",
    "count_documents",
    "current_version",
    "dyad_key",
    "export",
    "get_document",
    "link_occurrences",
    "list_documents",
    "open_store",
    "query_agreements",
    "query_events",
    "query_figures",
    "replace_facts",
    "save_document",
    "save_documents",
    "save_skip",
    "summary",
    "upgrade",
]
