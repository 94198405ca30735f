"""Jobs an operator runs on central: compacting the change log, finding missing events."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from .db import utcnow
from .models import ChangeLogEntry, ChangeScope, Device, ReceivedEvent, Store


def compact_change_log(session: Session, older_than: timedelta, now: datetime | None = None) -> int:
    """Drop log entries older than the retention; stores behind it re-bootstrap (410)."""
    cutoff = (now or utcnow()) - older_than
    removed = 0
    for scope in session.scalars(select(ChangeScope).with_for_update()).all():
        result = session.execute(delete(ChangeLogEntry).where(
            ChangeLogEntry.scope == scope.scope, ChangeLogEntry.created_at < cutoff))
        removed += result.rowcount or 0
        oldest = session.scalar(select(func.min(ChangeLogEntry.seq))
                                .where(ChangeLogEntry.scope == scope.scope))
        scope.min_seq = oldest if oldest is not None else scope.last_seq + 1
    session.commit()
    return removed


def sequence_gaps(session: Session) -> list[dict]:
    """Devices whose events arrived with numbers missing below the highest one seen."""
    rows = session.execute(
        select(Device.id, Device.terminal_no, Store.code, func.count(ReceivedEvent.event_id),
               func.max(ReceivedEvent.seq))
        .join(Store, Store.id == Device.store_id)
        .join(ReceivedEvent, ReceivedEvent.device_id == Device.id)
        .group_by(Device.id, Device.terminal_no, Store.code)).all()
    gaps = []
    for device_id, terminal, store, received, highest in rows:
        if received < highest:
            seen = set(session.scalars(select(ReceivedEvent.seq).where(ReceivedEvent.device_id == device_id)))
            missing = [n for n in range(1, highest + 1) if n not in seen]
            gaps.append({"device_id": device_id, "store": store, "terminal": terminal,
                         "missing": missing[:100], "missing_count": len(missing)})
    return gaps
