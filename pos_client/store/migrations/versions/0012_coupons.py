"""Coupons the till may redeem offline, as central last sent them (or as this till used them).

Revision ID: 0012
Revises: s01
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "s01"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "coupon",
        sa.Column("code", sa.String, primary_key=True),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("status", sa.String, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("coupon")
