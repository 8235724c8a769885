"""Aggregates that keep query cost flat as the store grows: per dyad and period
occurrence counts (dyad_periods), each event's dyads in date order (event_dyads) and a
version number writers bump (store_version). Existing stores are back-filled.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dyad_periods",
        sa.Column("a", sa.Text, nullable=False),
        sa.Column("b", sa.Text, nullable=False),
        sa.Column("direction", sa.Text, nullable=False),
        sa.Column("counted", sa.Text, nullable=False),
        sa.Column("period", sa.Text, nullable=False),
        sa.Column("occurrences", sa.Integer, nullable=False),
        sa.Column("reports", sa.Integer, nullable=False),
        sa.Column("score_sum", sa.Float, nullable=False),
        sa.Column("scored", sa.Integer, nullable=False),
        sa.Column("by_type", sa.JSON, nullable=False),
        sa.Column("by_quad", sa.JSON, nullable=False),
        sa.PrimaryKeyConstraint("a", "b", "direction", "counted", "period",
                                name=op.f("pk_dyad_periods")),
    )
    op.create_index("ix_dyad_periods_period", "dyad_periods", ["period", "counted", "direction"])
    op.create_table(
        "event_dyads",
        sa.Column("event_id", sa.Integer, nullable=False),
        sa.Column("dyad", sa.Text, nullable=False),
        sa.Column("date", sa.Text, nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("event_id", "dyad", name=op.f("pk_event_dyads")),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE",
                                name=op.f("fk_event_dyads_event_id_events")),
    )
    op.create_index("ix_event_dyads_dyad_date", "event_dyads", ["dyad", "date", "event_id"])
    op.create_table(
        "store_version",
        sa.Column("id", sa.Integer, nullable=False, autoincrement=False),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_store_version")),
    )
    # Back-fill from the events already stored (the same code the writers use).
    from steppe.store.dyad_periods import rebuild

    rebuild(op.get_bind())


def downgrade() -> None:
    op.drop_table("store_version")
    op.drop_index("ix_event_dyads_dyad_date", table_name="event_dyads")
    op.drop_table("event_dyads")
    op.drop_index("ix_dyad_periods_period", table_name="dyad_periods")
    op.drop_table("dyad_periods")
