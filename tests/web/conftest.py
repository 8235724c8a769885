"""Fixtures: the small corpus of web_corpus.py in a store, and the app serving it."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from web_corpus import TEXTS, fill

from steppe.store import Store, open_store
from steppe.store.tables import metadata


PG_URL = os.environ.get("STEPPE_TEST_PG_URL")


@pytest.fixture(params=["sqlite", "postgresql"])
def web_store(request, tmp_path) -> Iterator[Store]:
    """The corpus in SQLite, and in PostgreSQL when STEPPE_TEST_PG_URL names a scratch
    database (its tables are dropped and rebuilt)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'web.db'}"
    elif PG_URL:
        url = PG_URL
        engine = sa.create_engine(url)
        with engine.begin() as conn:
            metadata.drop_all(conn)
            conn.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
        engine.dispose()
    else:
        pytest.skip("set STEPPE_TEST_PG_URL to run on PostgreSQL")
    with open_store(url) as s:
        yield fill(s)


@pytest.fixture
def client(web_store):
    from fastapi.testclient import TestClient

    from steppe.web.app import create_app

    with TestClient(create_app(web_store)) as c:
        yield c


@pytest.fixture
def texts() -> dict[str, str]:
    return TEXTS
