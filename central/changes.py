"""Reading the change log for one store, a page at a time."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from sync.protocol import Change

from .models import ChangeLogEntry

MAX_PAGE = 5000


def parse_cursor(cursor: str | None) -> int:
    if not cursor:
        return 0
    if not cursor.isdigit() or len(cursor) > 18:
        raise ValueError("cursor")
    return int(cursor)


def changes_for_store(session: Session, store_id: str, since: int, limit: int
                      ) -> tuple[list[Change], int, bool]:
    rows = session.scalars(
        select(ChangeLogEntry)
        .where(ChangeLogEntry.id > since)
        .where(or_(ChangeLogEntry.store_id.is_(None), ChangeLogEntry.store_id == store_id))
        .order_by(ChangeLogEntry.id)
        .limit(limit + 1)
    ).all()
    has_more = len(rows) > limit
    rows = rows[:limit]
    changes = [
        Change(entity=r.entity, id=r.entity_id, op=r.op, version=r.id, data=r.data) for r in rows
    ]
    return changes, (rows[-1].id if rows else since), has_more
