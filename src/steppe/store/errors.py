"""Errors raised by the store.

    StoreError
     +-- DocumentNotFound      replace_facts on an id that is not stored
     +-- SchemaError           the database is at a schema version this code does not know
"""

from __future__ import annotations

from steppe.errors import StoreError

__all__ = ["StoreError", "DocumentNotFound", "SchemaError"]


class DocumentNotFound(StoreError, KeyError):
    """No document with this id is stored."""

    def __init__(self, document_id: str) -> None:
        super().__init__(document_id)
        self.document_id = document_id

    def __str__(self) -> str:
        return f"no stored document with id {self.document_id!r}"


class SchemaError(StoreError):
    """The database schema is not one this version of steppe can use."""
