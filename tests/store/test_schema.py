"""Migrations build the schema that tables.py describes."""

from __future__ import annotations

import types

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

import steppe.store
from steppe.store import (
    SCHEMA_VERSION,
    SchemaError,
    current_version,
    open_store,
    upgrade,
)
from steppe.store.search import is_fts_name
from steppe.store.tables import metadata


def test_migrations_create_schema_and_version(store):
    assert current_version(store.engine) == SCHEMA_VERSION
    tables = set(sa.inspect(store.engine).get_table_names())
    # Full-text search tables (migration 0004) live beside the described schema.
    assert {"events_fts", "documents_fts"} <= tables
    assert set(metadata.tables) | {"alembic_version"} == {n for n in tables if not is_fts_name(n)}


def test_migrated_columns_match_metadata(store):
    inspector = sa.inspect(store.engine)
    for name, table in metadata.tables.items():
        migrated = {c["name"] for c in inspector.get_columns(name)}
        assert migrated == set(table.columns.keys()), name


def test_migrated_schema_has_no_autogenerate_diff(store):
    # Alembic's own comparison also catches indexes, types and foreign keys.
    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={
            "include_name": lambda name, type_, parent: not is_fts_name(name)})
        diff = compare_metadata(context, metadata)
    assert diff == []


def test_upgrade_is_idempotent(store):
    upgrade(store.engine)
    assert current_version(store.engine) == SCHEMA_VERSION


def test_open_without_migrate_leaves_database_empty(tmp_path):
    with open_store(f"sqlite:///{tmp_path / 'x.db'}", migrate=False) as s:
        assert current_version(s.engine) is None
        assert sa.inspect(s.engine).get_table_names() == []


def test_unknown_revision_raises_schema_error(tmp_path):
    url = f"sqlite:///{tmp_path / 'newer.db'}"
    with open_store(url) as s, s.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(SchemaError):
        open_store(url)


def test_sqlite_uses_wal_and_foreign_keys(store):
    with store.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_public_names_match_all():
    # Like httpx's tests/test_exported_members.py: __all__ and the namespace stay in step.
    public = {n for n, v in vars(steppe.store).items()
              if not n.startswith("_") and not isinstance(v, types.ModuleType)}
    assert public == set(steppe.store.__all__)


def test_upgrade_from_0001_keeps_rows_and_adds_date_source(tmp_path):
    """A database written by the first release upgrades in place (migration path)."""
    import sqlalchemy as sa

    from steppe.store import SCHEMA_VERSION, open_store, upgrade

    url = f"sqlite:///{tmp_path / 'old.db'}"
    old = open_store(url, migrate=False)
    upgrade(old.engine, revision="0001")
    with old.engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO documents (id, content_hash, text, ingested_at) VALUES ('d1', 'h1', 'x', '2026-01-01 00:00:00')"))
        conn.execute(sa.text(
            "INSERT INTO events (document_id, type, modality, date_precision, evidence_start, "
            "evidence_end, evidence_text) VALUES ('d1', 'CONSULT', 'asserted', 'day', 0, 1, 'x')"))
    old.close()
    with open_store(url) as store:
        with store.connect() as conn:
            version = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar_one()
            rows = conn.execute(sa.text("SELECT type, date_source FROM events")).all()
    assert version == SCHEMA_VERSION
    assert rows == [("CONSULT", "text")]
