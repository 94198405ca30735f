"""RFID tags counted into a ship-from-store tote, so one tag counts once for its order, however often
the tote is read (a tote read again after a pause, the screen closed and opened again).

Revision ID: b03_tote_tags
Revises: g01_guide
"""

import sqlalchemy as sa
from alembic import op

revision = "b03_tote_tags"
down_revision = "g02_order_payment_snapshot"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "fulfilment_pick_tag",
        sa.Column("fulfilment_id", sa.String, primary_key=True),
        sa.Column("epc", sa.String, primary_key=True),
        sa.Column("line_no", sa.Integer, nullable=False),
        sa.Column("at", sa.String, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("fulfilment_pick_tag")
