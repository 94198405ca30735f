"""RFID tags sold at this till, so a tag read again at checkout warns instead of selling twice.

Revision ID: d01_sold_tags
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "d01_sold_tags"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sold_tag",
        sa.Column("epc", sa.String, primary_key=True),
        sa.Column("sku", sa.String, nullable=False),
        sa.Column("sale_id", sa.String, nullable=False),
        sa.Column("receipt_no", sa.String, nullable=False),
        sa.Column("sold_at", sa.String, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("sold_tag")
