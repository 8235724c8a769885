"""Alembic environment for the steppe store.

Run programmatically by `steppe.store.schema.upgrade`, which hands over an open
connection in `config.attributes["connection"]`; a URL in `sqlalchemy.url` is the
fallback for running `alembic` by hand against this folder.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context

from steppe.store.tables import metadata

config = context.config


def run_migrations(connection: sa.Connection) -> None:
    # render_as_batch lets future ALTERs work on SQLite, which cannot alter columns in
    # place. See: alembic docs, "Running Batch Migrations for SQLite".
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        run_migrations(connection)
        return
    engine = sa.create_engine(config.get_main_option("sqlalchemy.url"))
    try:
        with engine.begin() as conn:
            run_migrations(conn)
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise RuntimeError("steppe migrations run online only: pass a connection or a URL")
run()
