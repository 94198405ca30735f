"""Stock levels per SKU as central's ledger has them, with the ledger position.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stock_level",
        sa.Column("sku", sa.String, primary_key=True),
        sa.Column("on_hand", sa.Integer, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("stock_level")
