"""Events record where their date came from: the sentence, an earlier one, the document.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("date_source", sa.Text, nullable=False, server_default="text"))


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("date_source")
