"""The till's fast start trusts HEAD: it must name Alembic's head, or a new migration would be
skipped on databases stamped at the old head... and taken by the slow path on all others."""

from __future__ import annotations

from pos_client.store.database import HEAD, head_revision


def test_head_constant_is_alembic_s_head() -> None:
    assert head_revision() == HEAD, "set pos_client/store/database.py HEAD to the new migration"
