"""Promotions the till prices with offline, and how each sale was priced and paid.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "promotion",
        sa.Column("promotion_id", sa.String, primary_key=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("definition", sa.Text, nullable=False),
    )
    with op.batch_alter_table("sale") as batch:
        batch.add_column(sa.Column("rounding", sa.Integer, nullable=False, server_default="0"))
        batch.add_column(sa.Column("promotions", sa.Text, nullable=False, server_default="[]"))
    with op.batch_alter_table("sale_line") as batch:
        batch.add_column(sa.Column("promo_discount", sa.Integer, nullable=False, server_default="0"))
    with op.batch_alter_table("sale_tender") as batch:
        batch.add_column(sa.Column("reference", sa.String, nullable=True))
        batch.add_column(sa.Column("last4", sa.String, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sale_tender") as batch:
        batch.drop_column("last4")
        batch.drop_column("reference")
    with op.batch_alter_table("sale_line") as batch:
        batch.drop_column("promo_discount")
    with op.batch_alter_table("sale") as batch:
        batch.drop_column("promotions")
        batch.drop_column("rounding")
    op.drop_table("promotion")
