"""While the database is away the API and the pages answer 503 with Retry-After, not 500."""

from __future__ import annotations

import sqlite3

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from steppe.store import open_store
from steppe.web.app import create_app


@pytest.fixture
def client_and_switch(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'web.db'}", retry_for=0)
    away = {"now": False}

    @sa.event.listens_for(store.engine, "do_connect")
    def refuse(*_args):
        if away["now"]:
            raise sqlite3.OperationalError("unable to open database file")

    def database_away(value: bool) -> None:
        away["now"] = value
        store.engine.dispose()

    with TestClient(create_app(store)) as client:
        yield client, database_away
    store.close()


@pytest.mark.parametrize("path", ["/api/events?dyad=KAZ-UZB", "/api/dyads/KAZ-UZB/series",
                                  "/api/documents/doc-1"])
def test_the_api_answers_503_while_the_database_is_away_and_200_once_it_is_back(
        client_and_switch, path):
    client, database_away = client_and_switch
    database_away(True)
    r = client.get(path)
    assert r.status_code == 503
    assert r.headers["retry-after"].isdigit()
    assert "database is unavailable" in r.json()["detail"]
    database_away(False)
    assert client.get(path).status_code in (200, 404)


def test_a_page_answers_503_with_an_error_page(client_and_switch):
    client, database_away = client_and_switch
    database_away(True)
    r = client.get("/events")
    assert r.status_code == 503
    assert "retry-after" in r.headers
    assert "database is unavailable" in r.text
    assert r.headers["content-security-policy"]


def test_a_statement_error_is_still_a_server_error(tmp_path):
    # A missing table is a bug or a broken store, not an outage: no 503 that invites retries.
    store = open_store(f"sqlite:///{tmp_path / 'web.db'}")
    with store.begin() as conn:
        conn.exec_driver_sql("DROP TABLE event_actors")
        conn.exec_driver_sql("DROP TABLE events")
    with TestClient(create_app(store), raise_server_exceptions=False) as client:
        assert client.get("/api/events").status_code == 500
    store.close()
