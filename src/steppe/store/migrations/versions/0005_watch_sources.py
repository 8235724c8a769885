"""Sources that `steppe watch` follows, their polling state and the entries they listed.

Revision ID: 0005
Revises: 0003
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("every_seconds", sa.Integer, nullable=False),
        sa.Column("language", sa.Text),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.Text),
        sa.Column("last_poll_at", sa.DateTime(timezone=True)),
        sa.Column("last_status", sa.Text),
        sa.Column("last_error", sa.Text),
        sa.Column("failures", sa.Integer, nullable=False, server_default="0"),
        sa.Column("next_poll_at", sa.DateTime(timezone=True)),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("validators", sa.JSON),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_sources")),
        sa.UniqueConstraint("url", name=op.f("uq_sources_url")),
    )
    op.create_table(
        "source_entries",
        sa.Column("id", sa.Integer, nullable=False, autoincrement=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.Text),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.Text, nullable=False, server_default="pending"),
        sa.Column("reason", sa.Text),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("document_id", sa.Text),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source_entries")),
        sa.ForeignKeyConstraint(["source"], ["sources.name"], ondelete="CASCADE",
                                name=op.f("fk_source_entries_source_sources")),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="SET NULL",
                                name=op.f("fk_source_entries_document_id_documents")),
        sa.UniqueConstraint("source", "url", name=op.f("uq_source_entries_source")),
    )
    op.create_index("ix_source_entries_url", "source_entries", ["url"])
    op.create_index("ix_source_entries_status", "source_entries", ["status"])


def downgrade() -> None:
    op.drop_index("ix_source_entries_status", table_name="source_entries")
    op.drop_index("ix_source_entries_url", table_name="source_entries")
    op.drop_table("source_entries")
    op.drop_table("sources")
