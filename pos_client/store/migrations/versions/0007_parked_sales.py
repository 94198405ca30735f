"""Sales put on hold: the cart as it was, to be resumed at this till, also after a restart.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "parked_sale",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("parked_at", sa.String, nullable=False),
        sa.Column("staff", sa.String, nullable=False),
        sa.Column("total", sa.Integer, nullable=False),
        sa.Column("cart", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("parked_sale")
