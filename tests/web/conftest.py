"""Fixtures: the small corpus of web_corpus.py in a store, and the app serving it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from scratch_db import scratch_url
from web_corpus import TEXTS, fill

from steppe.store import Store, open_store


@pytest.fixture(params=["sqlite", "postgresql"])
def web_store(request, tmp_path) -> Iterator[Store]:
    """The corpus in SQLite, and in PostgreSQL when STEPPE_TEST_PG_URL names a scratch
    database (its tables are dropped and rebuilt)."""
    with open_store(scratch_url(request.param, tmp_path, "web.db")) as s:
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
