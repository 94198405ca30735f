"""Members as the till may know them: masked, with a keyed hash of the phone, and their points.

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "member",
        sa.Column("member_id", sa.String, primary_key=True),
        sa.Column("code", sa.String, nullable=False, index=True),
        sa.Column("tier", sa.String, nullable=False),
        sa.Column("points", sa.Integer, nullable=False),
        sa.Column("phone_key", sa.String, nullable=False, index=True),
        sa.Column("phone_masked", sa.String, nullable=False),
        sa.Column("name_masked", sa.String, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("member")
