"""Catalog, staff, store config and settings: what a till needs before its first sale.

Revision ID: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "settings",
        sa.Column("key", sa.String, primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "store_config",
        sa.Column("store_id", sa.String, primary_key=True),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_table(
        "staff",
        sa.Column("staff_id", sa.String, primary_key=True),
        sa.Column("code", sa.String, nullable=False, unique=True),
        sa.Column("name", sa.String, nullable=False),
        sa.Column("role", sa.String, nullable=False),
        sa.Column("pin_hash", sa.String, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
    )
    op.create_table(
        "product",
        sa.Column("sku", sa.String, primary_key=True),
        sa.Column("name", sa.String, nullable=False),
        sa.Column("name_en", sa.String, nullable=False),
        sa.Column("category", sa.String, nullable=False),
        sa.Column("brand", sa.String, nullable=False),
        sa.Column("unit", sa.String, nullable=False),
    )
    op.create_table(
        "barcode",
        sa.Column("code", sa.String, primary_key=True),
        sa.Column("sku", sa.String, nullable=False),
    )
    op.create_index("ix_barcode_sku", "barcode", ["sku"])
    op.create_table(
        "price",
        sa.Column("sku", sa.String, primary_key=True),
        sa.Column("scope", sa.String, primary_key=True),
        sa.Column("amount", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    for table in ("price", "barcode", "product", "staff", "store_config", "settings"):
        op.drop_table(table)
