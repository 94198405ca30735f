"""The outbox: events waiting for central, and those central could not read.

An event leaves only when central has answered it.  Rejected events stay, in
state `rejected` with central's reason, for a manager to see: nothing is
dropped silently.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine, delete, func, select, update

from .sales import mark_attempt
from .schema import outbox


@dataclass(frozen=True, slots=True)
class QueuedEvent:
    seq: int
    event_id: str
    type: str
    occurred_at: str
    payload: dict


@dataclass(frozen=True, slots=True)
class OutboxStats:
    pending: int
    rejected: int
    oldest_pending_at: datetime | None

    def oldest_age_seconds(self, now: datetime | None = None) -> float | None:
        if self.oldest_pending_at is None:
            return None
        return max(0.0, ((now or datetime.now(UTC)) - self.oldest_pending_at).total_seconds())


class Outbox:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def pending(self, limit: int) -> list[QueuedEvent]:
        with self._engine.connect() as conn:
            rows = conn.execute(
                select(outbox.c.seq, outbox.c.event_id, outbox.c.type, outbox.c.occurred_at,
                       outbox.c.payload)
                .where(outbox.c.state == "pending").order_by(outbox.c.seq).limit(limit)
            ).all()
        return [QueuedEvent(r[0], r[1], r[2], r[3], json.loads(r[4])) for r in rows]

    def note_attempt(self, seqs: list[int]) -> None:
        with self._engine.begin() as conn:
            mark_attempt(conn, seqs)

    def settle(self, delivered: list[str], rejected: list[tuple[str, str, str]]) -> None:
        """Remove what central took; keep what it refused, with its reason, in one transaction."""
        with self._engine.begin() as conn:
            if delivered:
                conn.execute(delete(outbox).where(outbox.c.event_id.in_(delivered)))
            for event_id, code, message in rejected:
                conn.execute(update(outbox).where(outbox.c.event_id == event_id)
                             .values(state="rejected", error_code=code, error_message=message))

    def stats(self) -> OutboxStats:
        with self._engine.connect() as conn:
            rows = dict(conn.execute(
                select(outbox.c.state, func.count()).group_by(outbox.c.state)).all())
            oldest = conn.execute(
                select(func.min(outbox.c.created_at)).where(outbox.c.state == "pending")).scalar()
        return OutboxStats(
            pending=rows.get("pending", 0), rejected=rows.get("rejected", 0),
            oldest_pending_at=datetime.fromisoformat(oldest) if oldest else None,
        )

    def rejected(self) -> list[dict]:
        with self._engine.connect() as conn:
            rows = conn.execute(select(outbox).where(outbox.c.state == "rejected")
                                .order_by(outbox.c.seq)).mappings().all()
        return [dict(r) for r in rows]
