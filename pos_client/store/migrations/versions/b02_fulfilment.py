"""Ship-from-store: delivery orders central routed to this store, and what this till did with them.

Revision ID: b02_fulfilment
Revises: b01_pickup
"""

import sqlalchemy as sa
from alembic import op

revision = "b02_fulfilment"
down_revision = "b01_pickup"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "fulfilment_order",
        sa.Column("fulfilment_id", sa.String, primary_key=True),
        sa.Column("delivery_order_id", sa.String, nullable=False),
        sa.Column("status", sa.String, nullable=False),
        sa.Column("ship_by", sa.String, index=True),
        sa.Column("customer", sa.String, nullable=False),
        sa.Column("lines", sa.Text, nullable=False),
        sa.Column("tracking_no", sa.String),
        sa.Column("conflict", sa.String),
    )
    op.create_table(
        "fulfilment_pick",
        sa.Column("fulfilment_id", sa.String, primary_key=True),
        sa.Column("line_no", sa.Integer, primary_key=True),
        sa.Column("picked", sa.Integer, nullable=False),
        sa.Column("rejected_reason", sa.String),
    )
    op.create_table(
        "fulfilment_done",
        sa.Column("fulfilment_id", sa.String, primary_key=True),
        sa.Column("stage", sa.String, nullable=False),
        sa.Column("at", sa.String, nullable=False),
        sa.Column("staff_code", sa.String, nullable=False),
        sa.Column("carrier", sa.String),
        sa.Column("tracking_no", sa.String),
    )


def downgrade() -> None:
    for table in ("fulfilment_done", "fulfilment_pick", "fulfilment_order"):
        op.drop_table(table)
