"""The journal on disk: appended in the same transaction as the fact it records.

Entries go to central as `audit.recorded` events, written to the outbox by
`enqueue_audit` just before a push once 50 entries wait or the oldest has waited 10
minutes (or when IT runs `pos-client sync`): a sale costs one outbox event, not two,
and the unsent count staff see stays about sales.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, insert, select

from pos_client.domain.identifiers import new_id
from pos_client.domain.journal import JournalEntry, next_entry

from .sales import OutgoingEvent, enqueue
from .schema import journal
from .settings import get_setting, put_setting

SENT_KEY = "journal.sent_seq"
AUDIT_BATCH = 200
AUDIT_MIN_ENTRIES = 50
AUDIT_MAX_DELAY = timedelta(minutes=10)


def _entry(row) -> JournalEntry:
    return JournalEntry(seq=row.seq, at=row.at, kind=row.kind, staff=row.staff, data=json.loads(row.data),
                        prev_hash=row.prev_hash, hash=row.hash)


def last_entry(conn: Connection) -> JournalEntry | None:
    row = conn.execute(select(journal).order_by(journal.c.seq.desc()).limit(1)).first()
    return _entry(row) if row else None


def append(conn: Connection, kind: str, staff: str, data: dict[str, Any],
           at: datetime | None = None) -> JournalEntry:
    """Write the next entry; call inside the transaction that records the fact itself."""
    stamp = (at or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="milliseconds")
    entry = next_entry(last_entry(conn), stamp, kind, staff, data)
    conn.execute(insert(journal).values(
        seq=entry.seq, at=entry.at, kind=entry.kind, staff=entry.staff,
        data=json.dumps(entry.data, ensure_ascii=False, sort_keys=True), prev_hash=entry.prev_hash,
        hash=entry.hash))
    return entry


def entries(conn: Connection, after_seq: int = 0, limit: int | None = None) -> Iterator[JournalEntry]:
    stmt = select(journal).where(journal.c.seq > after_seq).order_by(journal.c.seq)
    if limit is not None:
        stmt = stmt.limit(limit)
    for row in conn.execute(stmt):
        yield _entry(row)


def wire(entry: JournalEntry) -> dict[str, Any]:
    return {"seq": entry.seq, "at": entry.at, "kind": entry.kind, "staff": entry.staff, "data": entry.data,
            "prev_hash": entry.prev_hash, "hash": entry.hash}


def enqueue_audit(engine: Engine, *, force: bool = False, now: datetime | None = None) -> int:
    """Put journal entries not yet queued into `audit.recorded` events; returns how many.

    Unless `force`, only when enough entries wait or the oldest has waited long enough."""
    queued = 0
    now = now or datetime.now(UTC)
    while True:
        with engine.begin() as conn:
            sent = int(get_setting(conn, SENT_KEY, 0))
            batch = list(entries(conn, sent, AUDIT_BATCH))
            if not batch:
                return queued
            due = (len(batch) >= AUDIT_MIN_ENTRIES
                   or datetime.fromisoformat(batch[0].at) + AUDIT_MAX_DELAY <= now)
            if not (force or due):
                return queued
            enqueue(conn, OutgoingEvent(event_id=new_id(), type="audit.recorded",
                                        occurred_at=datetime.now(UTC),
                                        payload={"entries": [wire(e) for e in batch]}))
            put_setting(conn, SENT_KEY, batch[-1].seq)
            queued += len(batch)
