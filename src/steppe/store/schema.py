"""Create and upgrade the database schema by running the Alembic migrations.

A fresh database is built by the migrations, never by `metadata.create_all`, so every
database (new or old) reaches a schema version by the same path.
"""

from __future__ import annotations

from importlib.resources import as_file, files

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.util.exc import CommandError

from steppe.store.errors import SchemaError

# The newest revision in migrations/versions/; bump with each new migration.
SCHEMA_VERSION = "0006"
# PostgreSQL advisory-lock key held while migrating (any constant unique to steppe).
MIGRATION_LOCK = 0x57E99E


def upgrade(engine: sa.Engine, *, revision: str = "head") -> None:
    """Bring the database behind `engine` up to `revision` (default: the newest).

    Raises SchemaError when the database is at a revision this code does not know.
    """
    # as_file gives a real directory even if the package is installed zipped.
    with as_file(files("steppe.store") / "migrations") as location:
        config = Config()
        config.set_main_option("script_location", str(location))
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                # Two processes opening one new database at once (two analysts, two
                # ingests) take turns: the second finds the schema made and does nothing.
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
            config.attributes["connection"] = conn
            try:
                command.upgrade(config, revision)
            except CommandError as exc:
                # Typically a database written by a newer steppe: its revision is
                # not among our migrations.
                raise SchemaError(f"cannot upgrade the store schema: {exc}") from exc


def current_version(engine: sa.Engine) -> str | None:
    """Return the schema revision of the database, None when it has none yet."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()
