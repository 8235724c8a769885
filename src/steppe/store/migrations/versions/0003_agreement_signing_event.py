"""Agreements point at the event that signed them.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("agreements") as batch:
        batch.add_column(sa.Column("event_id", sa.Integer))
        batch.create_foreign_key("fk_agreements_event_id_events", "events", ["event_id"], ["id"],
                                 ondelete="SET NULL")


def downgrade() -> None:
    with op.batch_alter_table("agreements") as batch:
        batch.drop_constraint("fk_agreements_event_id_events", type_="foreignkey")
        batch.drop_column("event_id")
