"""The database a store test runs on: a fresh SQLite file, or the PostgreSQL scratch
database named by STEPPE_TEST_PG_URL with every steppe table dropped first."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import sqlalchemy as sa

from steppe.store.tables import metadata

PG_URL = os.environ.get("STEPPE_TEST_PG_URL")


def scratch_url(kind: str, folder: Path, name: str = "test.db") -> str:
    """A URL for `kind` ("sqlite" or "postgresql"); skips the test when no server is set."""
    if kind == "sqlite":
        return f"sqlite:///{folder / name}"
    if not PG_URL:
        pytest.skip("set STEPPE_TEST_PG_URL to run on PostgreSQL")
    empty_postgres()
    return PG_URL


def empty_postgres() -> None:
    """Drop steppe's tables (and Alembic's version) from the scratch PostgreSQL database."""
    engine = sa.create_engine(PG_URL)
    with engine.begin() as conn:
        metadata.drop_all(conn)
        conn.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
    engine.dispose()
