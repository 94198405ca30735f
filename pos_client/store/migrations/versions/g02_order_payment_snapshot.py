"""Guide orders paid at this till (one payment per order), and the network stock snapshot kept
for offline use (nearest locations, per SKU).

Revision ID: g02_order_payment_snapshot
Revises: g01_guide
"""

import sqlalchemy as sa
from alembic import op

revision = "g02_order_payment_snapshot"
down_revision = "g01_guide"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "guide_order_payment",
        sa.Column("order_id", sa.String, primary_key=True),
        sa.Column("sale_id", sa.String, nullable=False),
        sa.Column("receipt_no", sa.String, nullable=False),
        sa.Column("paid_at", sa.String, nullable=False),
    )
    op.create_table(
        "network_snapshot_row",
        sa.Column("store_code", sa.String, primary_key=True),
        sa.Column("sku", sa.String, primary_key=True),
        sa.Column("on_hand", sa.Integer, nullable=False),
        sa.Column("reserved", sa.Integer, nullable=False),
    )
    op.create_table(
        "network_snapshot_location",
        sa.Column("store_code", sa.String, primary_key=True),
        sa.Column("name", sa.String, nullable=False),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("distance_m", sa.Integer),
        sa.Column("rank", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("network_snapshot_location")
    op.drop_table("network_snapshot_row")
    op.drop_table("guide_order_payment")
