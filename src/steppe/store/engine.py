"""Open a store: an engine configured for steppe's write pattern, plus its schema.

For SQLite, writes take the database lock up front with `BEGIN IMMEDIATE`, so two
ingests writing at once wait for each other instead of failing half-way with
"database is locked" on lock upgrade (datasette does the same in `execute_write_fn`).
WAL lets readers (the web app) go on while one writer writes.

Connections are checked with a ping before use (`pool_pre_ping`), so a pool left with
dead connections by a database restart replaces them instead of failing the next
request; writes retry through an outage for up to `retry_for` seconds (store.retry).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import Any, TypeVar

import sqlalchemy as sa

from steppe.store import schema
from steppe.store.retry import retrying

T = TypeVar("T")

# Execution option set on the writer engine; the "begin" listener reads it.
_WRITE_OPTION = "steppe_write"


class Store:
    """A database holding documents and their facts; cheap to build, closed by `close()`."""

    def __init__(self, engine: sa.Engine, retry_for: float = 60.0) -> None:
        self.engine = engine
        self.retry_for = retry_for
        # Same pool, different execution options: connections taken from here begin
        # write transactions (BEGIN IMMEDIATE on SQLite).
        self._writer = engine.execution_options(**{_WRITE_OPTION: True})

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def begin(self) -> Iterator[sa.Connection]:
        """Yield a connection inside a write transaction, committed on normal exit."""
        with self._writer.begin() as conn:
            yield conn

    @contextmanager
    def connect(self) -> Iterator[sa.Connection]:
        """Yield a connection for reading."""
        with self.engine.connect() as conn:
            yield conn

    def retry(self, what: str, attempt: Callable[[], T]) -> T:
        """Run `attempt` (one whole transaction), retrying it through a database outage."""
        return retrying(what, attempt, give_up_after=self.retry_for)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, exc_type: type[BaseException] | None,
                 exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.engine.url.render_as_string(hide_password=True)!r})"


SQLITE_BUSY_SECONDS = 30.0


def open_store(url: str, *, migrate: bool = True, retry_for: float = 60.0,
               **engine_kwargs: Any) -> Store:
    """Open the database at `url` ("sqlite:///steppe.db", "postgresql+psycopg://...").

    With `migrate` (the default) the schema is created or upgraded to the newest version.
    Writes retry through a database outage for up to `retry_for` seconds (0: never).
    """
    engine_kwargs.setdefault("pool_pre_ping", True)
    if sa.engine.make_url(url).get_backend_name() == "sqlite":
        # Concurrent writers (two ingests, or an ingest and the dashboard) wait for the lock
        # instead of failing after pysqlite's default 5 s on a loaded machine.
        engine_kwargs.setdefault("connect_args", {"timeout": SQLITE_BUSY_SECONDS})
    engine = sa.create_engine(url, **engine_kwargs)
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    store = Store(engine, retry_for)
    if migrate:
        try:
            # Through the writer, so a migration on SQLite takes the lock up front too.
            schema.upgrade(store._writer)
        except BaseException:
            store.close()
            raise
    return store


def _configure_sqlite(engine: sa.Engine) -> None:
    """Take over transaction control from pysqlite so BEGIN IMMEDIATE is possible.

    See: SQLAlchemy docs, "Serializable isolation / Savepoints / Transactional DDL"
    (the pysqlite recipe): pysqlite's own implicit BEGIN is turned off and SQLAlchemy's
    "begin" event emits the BEGIN we want.
    """

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            # A no-op ("memory") for in-memory databases.
            cursor.execute("PRAGMA journal_mode=WAL")
            # SQLite leaves foreign keys (and so ON DELETE CASCADE) off by default.
            cursor.execute("PRAGMA foreign_keys=ON")
        finally:
            cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        if conn.get_execution_options().get(_WRITE_OPTION):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")
