"""Numbering and writing changes for stores, one gap-free sequence per scope."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from .db import utcnow
from .models import CHAIN_SCOPE, ChangeLogEntry, ChangeScope


def ensure_scope(session: Session, scope: str) -> None:
    if session.get(ChangeScope, scope) is None:
        session.add(ChangeScope(scope=scope, last_seq=0, min_seq=1))
        session.flush()


def lock_scope(session: Session, scope: str) -> None:
    """Take the scope's lock first, before any row whose change it will number: one lock order."""
    session.scalars(select(ChangeScope.scope).where(ChangeScope.scope == scope).with_for_update()).one()


def reserve_seqs(session: Session, scope: str, count: int = 1) -> int:
    """Lock the scope's counter row until commit and take `count` numbers; returns the first."""
    row = session.scalars(
        select(ChangeScope).where(ChangeScope.scope == scope).with_for_update()
    ).one()
    first = row.last_seq + 1
    row.last_seq += count
    session.flush()
    return first


def log_change(
    session: Session,
    *,
    entity: str,
    entity_id: str,
    data: dict | None,
    scope: str = CHAIN_SCOPE,
    op: str = "upsert",
    now: datetime | None = None,
) -> int:
    seq = reserve_seqs(session, scope)
    session.execute(insert(ChangeLogEntry).values(
        scope=scope, seq=seq, entity=entity, entity_id=entity_id, op=op, data=data,
        created_at=now or utcnow(),
    ))
    return seq


def log_changes(session: Session, scope: str, rows: list[dict]) -> None:
    """Many changes in one scope at once (imports, seeding): one lock, one numbered range."""
    if not rows:
        return
    first = reserve_seqs(session, scope, len(rows))
    now = utcnow()
    for offset, row in enumerate(rows):
        row.update(scope=scope, seq=first + offset, created_at=now)
    session.execute(insert(ChangeLogEntry), rows)
