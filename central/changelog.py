"""Numbering and writing changes for stores, one gap-free sequence per scope."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, bindparam, insert, select, update
from sqlalchemy.orm import Session

from .db import utcnow
from .models import CHAIN_SCOPE, ChangeLogEntry, ChangeScope

_SCOPES = ChangeScope.__table__
_TAKE_SEQS = (update(_SCOPES).where(_SCOPES.c.scope == bindparam("scope_key"))
              .values(last_seq=_SCOPES.c.last_seq + bindparam("count"))
              .returning(_SCOPES.c.last_seq))


def ensure_scope(session: Session, scope: str) -> None:
    if session.get(ChangeScope, scope) is None:
        session.add(ChangeScope(scope=scope, last_seq=0, min_seq=1))
        session.flush()


def lock_scope(session: Session, scope: str) -> None:
    """Take the scope's lock first, before any row whose change it will number: one lock order."""
    session.scalars(select(ChangeScope.scope).where(ChangeScope.scope == scope).with_for_update()).one()


def reserve_seqs(session: Session | Connection, scope: str, count: int = 1) -> int:
    """Take `count` numbers; returns the first.

    One UPDATE ... RETURNING: the row lock it takes (PostgreSQL) or the write lock
    already held (SQLite) numbers the scope in commit order until this transaction ends.
    """
    conn = session.connection() if isinstance(session, Session) else session
    last = conn.execute(_TAKE_SEQS, {"scope_key": scope, "count": count}).scalar_one()
    return last - count + 1


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
    session.connection().execute(insert(ChangeLogEntry.__table__).values(
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
        row.update(scope=scope, seq=first + offset, created_at=row.get("created_at") or now)
    session.connection().execute(insert(ChangeLogEntry.__table__), rows)
