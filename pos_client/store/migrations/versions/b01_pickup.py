"""Pickup orders and reservations as central sent them, and what this till's desk did with them.

Central's rows (pickup_order, reservation) are replaced by every sync; the desk's own facts
(handovers, refused lines, orders marked ready, code attempts) live in tables sync never
touches, so a handover made offline survives any reload from central.  The handover's
primary key is the order id: a second handover of the same order on this till fails at
once, even offline.

Revision ID: b01_pickup
Revises: d01_sold_tags
"""

import sqlalchemy as sa
from alembic import op

revision = "b01_pickup"
down_revision = "d01_sold_tags"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pickup_order",
        sa.Column("order_id", sa.String, primary_key=True),
        sa.Column("status", sa.String, nullable=False),
        sa.Column("code_salt", sa.String, nullable=False),
        sa.Column("code_hash", sa.String, nullable=False, index=True),
        sa.Column("customer", sa.String, nullable=False),
        sa.Column("phone_last4", sa.String, nullable=False),
        sa.Column("total", sa.Integer, nullable=False),
        sa.Column("paid", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.String),
        sa.Column("deadline", sa.String, index=True),
        sa.Column("lines", sa.Text, nullable=False),
        sa.Column("handed_over_by", sa.String),
        sa.Column("conflict", sa.String),
    )
    op.create_table(
        "reservation",
        sa.Column("reservation_id", sa.String, primary_key=True),
        sa.Column("order_id", sa.String, nullable=False, index=True),
        sa.Column("line_no", sa.Integer, nullable=False),
        sa.Column("sku", sa.String, nullable=False, index=True),
        sa.Column("qty", sa.Integer, nullable=False),
        sa.Column("expires_at", sa.String),
        sa.Column("status", sa.String, nullable=False),
    )
    op.create_table(
        "pickup_handover",
        sa.Column("order_id", sa.String, primary_key=True),
        sa.Column("at", sa.String, nullable=False),
        sa.Column("staff_code", sa.String, nullable=False),
        sa.Column("staff_name", sa.String, nullable=False),
        sa.Column("terminal_no", sa.String, nullable=False),
        sa.Column("lines", sa.Text, nullable=False),
        sa.Column("id_checked", sa.Boolean, nullable=False),
    )
    op.create_table(
        "pickup_refusal",
        sa.Column("order_id", sa.String, primary_key=True),
        sa.Column("line_no", sa.Integer, primary_key=True),
        sa.Column("at", sa.String, nullable=False),
        sa.Column("staff_code", sa.String, nullable=False),
        sa.Column("qty", sa.Integer, nullable=False),
        sa.Column("reason", sa.String, nullable=False),
    )
    op.create_table(
        "pickup_ready",
        sa.Column("order_id", sa.String, primary_key=True),
        sa.Column("at", sa.String, nullable=False),
        sa.Column("staff_code", sa.String, nullable=False),
    )
    op.create_table(
        "pickup_attempt",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.String, nullable=False, index=True),
        sa.Column("staff_code", sa.String, nullable=False),
        sa.Column("via", sa.String, nullable=False),
        sa.Column("ok", sa.Boolean, nullable=False),
        sa.Column("order_id", sa.String),
    )


def downgrade() -> None:
    for table in ("pickup_attempt", "pickup_ready", "pickup_refusal", "pickup_handover", "reservation",
                  "pickup_order"):
        op.drop_table(table)
