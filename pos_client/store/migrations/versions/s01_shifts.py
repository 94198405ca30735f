"""Shifts at this till: the opening float, cash put in and taken out, the blind count, Z numbers.

A shift's sales are the sale rows committed while it was open: the shift keeps the
highest sale rowid when it opened and when it closed (sales are never deleted and the
app never vacuums, so rowids only grow, in commit order, whatever the clock says).

Revision ID: s01
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "s01"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "shift",
        sa.Column("shift_id", sa.String, primary_key=True),
        sa.Column("state", sa.String, nullable=False),  # open | closed
        sa.Column("opened_at", sa.String, nullable=False),
        sa.Column("opened_by", sa.String, nullable=False),
        sa.Column("opened_by_name", sa.String, nullable=False),
        sa.Column("opening_float", sa.Integer, nullable=False),
        sa.Column("sales_after", sa.Integer, nullable=False),
        sa.Column("sales_upto", sa.Integer),
        sa.Column("closed_at", sa.String),
        sa.Column("closed_by", sa.String),
        sa.Column("z_no", sa.Integer, unique=True),
        sa.Column("counted", sa.Integer),
        sa.Column("expected", sa.Integer),
    )
    # At most one open shift per till, whatever the code above it does.
    op.create_index("ux_shift_open", "shift", ["state"], unique=True,
                    sqlite_where=sa.text("state = 'open'"))
    op.create_table(
        "cash_movement",
        sa.Column("movement_id", sa.String, primary_key=True),
        sa.Column("shift_id", sa.String, nullable=False, index=True),
        sa.Column("at", sa.String, nullable=False),
        sa.Column("direction", sa.String, nullable=False),
        sa.Column("amount", sa.Integer, nullable=False),
        sa.Column("reason", sa.String, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("staff", sa.String, nullable=False),
        sa.Column("approved_by", sa.String),
    )


def downgrade() -> None:
    op.drop_table("cash_movement")
    op.drop_index("ux_shift_open", "shift")
    op.drop_table("shift")
