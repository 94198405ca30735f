"""Changes to prices, promotions and store settings held back until a pull is whole.

A till must never price a sale against a half-updated set, so these entities
wait here, durably with the cursor, until central answers ``has_more: false``.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "staged_change",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("entity", sa.String, nullable=False),
        sa.Column("id", sa.String, nullable=False),
        sa.Column("op", sa.String, nullable=False),
        sa.Column("data", sa.Text, nullable=True),
    )


def downgrade() -> None:
    op.drop_table("staged_change")
