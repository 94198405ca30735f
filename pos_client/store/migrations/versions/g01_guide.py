"""Sales guide and stock work: variants, commission rules, safety stock, transfers, guide orders,
the last network stock seen per SKU, and the guide each sale was attributed to.

Revision ID: g01_guide
Revises: b02_fulfilment
"""

import sqlalchemy as sa
from alembic import op

revision = "g01_guide"
down_revision = "b02_fulfilment"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "variant",
        sa.Column("sku", sa.String, primary_key=True),
        sa.Column("style", sa.String, nullable=False, index=True),
        sa.Column("size", sa.String, nullable=False),
        sa.Column("colour", sa.String, nullable=False),
    )
    op.create_table(
        "commission_rule",
        sa.Column("rule_id", sa.String, primary_key=True),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_table(
        "safety_stock",
        sa.Column("sku", sa.String, primary_key=True),
        sa.Column("min_qty", sa.Integer, nullable=False),
        sa.Column("target_qty", sa.Integer, nullable=False),
    )
    op.create_table(
        "transfer",
        sa.Column("transfer_id", sa.String, primary_key=True),
        sa.Column("status", sa.String, nullable=False),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_table(
        "guide_order",
        sa.Column("order_id", sa.String, primary_key=True),
        sa.Column("state", sa.String, nullable=False),
        sa.Column("order_no", sa.String),
        sa.Column("payment_url", sa.String),
        sa.Column("guide_code", sa.String, nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("created_at", sa.String, nullable=False),
        sa.Column("error", sa.String),
    )
    op.create_table(
        "network_stock",
        sa.Column("sku", sa.String, primary_key=True),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("fetched_at", sa.String, nullable=False),
    )
    op.create_table(
        "sale_guide",
        sa.Column("sale_id", sa.String, primary_key=True),
        sa.Column("guide_id", sa.String, nullable=False),
        sa.Column("guide_code", sa.String, nullable=False),
    )


def downgrade() -> None:
    for table in ("sale_guide", "network_stock", "guide_order", "transfer", "safety_stock",
                  "commission_rule", "variant"):
        op.drop_table(table)
