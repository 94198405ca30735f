"""Weighed sale lines: the grams the scale said (unit_price is then per kilogram).

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("sale_line", sa.Column("weight_g", sa.Integer, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sale_line") as batch:
        batch.drop_column("weight_g")
