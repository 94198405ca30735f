"""Returns made at this till: what went back, against which sale, and how it was refunded.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "return_record",
        sa.Column("return_id", sa.String, primary_key=True),
        sa.Column("receipt_no", sa.String, nullable=False, unique=True),
        sa.Column("occurred_at", sa.String, nullable=False),
        sa.Column("cashier_id", sa.String, nullable=False),
        sa.Column("original_sale_id", sa.String, nullable=True, index=True),
        sa.Column("original_receipt_no", sa.String, nullable=True),
        sa.Column("total", sa.Integer, nullable=False),
        sa.Column("reason", sa.String, nullable=False),
        sa.Column("approved_by", sa.String, nullable=True),
    )
    op.create_table(
        "return_line",
        sa.Column("return_id", sa.String, primary_key=True),
        sa.Column("idx", sa.Integer, primary_key=True),
        sa.Column("original_line_no", sa.Integer, nullable=True),
        sa.Column("sku", sa.String, nullable=False),
        sa.Column("qty", sa.Integer, nullable=False),
        sa.Column("amount", sa.Integer, nullable=False),
        sa.Column("restock", sa.Boolean, nullable=False),
    )
    op.create_table(
        "return_refund",
        sa.Column("return_id", sa.String, primary_key=True),
        sa.Column("idx", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("amount", sa.Integer, nullable=False),
        sa.Column("reference", sa.String, nullable=True),
    )


def downgrade() -> None:
    op.drop_table("return_refund")
    op.drop_table("return_line")
    op.drop_table("return_record")
