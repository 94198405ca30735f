"""Sales and the outbox: the facts a till records and must deliver exactly once.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "counter",
        sa.Column("name", sa.String, primary_key=True),
        sa.Column("value", sa.Integer, nullable=False),
    )
    op.create_table(
        "sale",
        sa.Column("sale_id", sa.String, primary_key=True),
        sa.Column("receipt_no", sa.String, nullable=False, unique=True),
        sa.Column("occurred_at", sa.String, nullable=False),
        sa.Column("cashier_id", sa.String, nullable=False),
        sa.Column("cashier_name", sa.String, nullable=False),
        sa.Column("subtotal", sa.Integer, nullable=False),
        sa.Column("discount_total", sa.Integer, nullable=False),
        sa.Column("total", sa.Integer, nullable=False),
        sa.Column("tendered", sa.Integer, nullable=False),
        sa.Column("change", sa.Integer, nullable=False),
    )
    op.create_table(
        "sale_line",
        sa.Column("sale_id", sa.String, primary_key=True),
        sa.Column("line_no", sa.Integer, primary_key=True),
        sa.Column("sku", sa.String, nullable=False),
        sa.Column("barcode", sa.String),
        sa.Column("name", sa.String, nullable=False),
        sa.Column("qty", sa.Integer, nullable=False),
        sa.Column("unit_price", sa.Integer, nullable=False),
        sa.Column("discount", sa.Integer, nullable=False),
        sa.Column("amount", sa.Integer, nullable=False),
    )
    op.create_table(
        "sale_tender",
        sa.Column("sale_id", sa.String, primary_key=True),
        sa.Column("idx", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("amount", sa.Integer, nullable=False),
        sa.Column("tendered", sa.Integer, nullable=False),
        sa.Column("change", sa.Integer, nullable=False),
    )
    op.create_table(
        "outbox",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("event_id", sa.String, nullable=False, unique=True),
        sa.Column("type", sa.String, nullable=False),
        sa.Column("occurred_at", sa.String, nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("state", sa.String, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("error_code", sa.String),
        sa.Column("error_message", sa.Text),
        sa.Column("created_at", sa.String, nullable=False),
    )
    op.create_index("ix_outbox_state_seq", "outbox", ["state", "seq"])


def downgrade() -> None:
    for table in ("outbox", "sale_tender", "sale_line", "sale", "counter"):
        op.drop_table(table)
