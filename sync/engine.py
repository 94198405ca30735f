"""One round of sync: push everything waiting, then pull until central has no more.

The engine knows the protocol and the order of things, and nothing about
SQLite: the outbox and the state store are ports the services layer fills.
Events leave the outbox only when central has answered them; a page of state
and its cursor are stored together.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Protocol

import orjson

from .client import CentralClient
from .errors import CursorExpired, NotCentral, SnapshotMismatch, SyncBusy, SyncError
from .protocol import (
    ENTITIES,
    MAX_PUSH_BYTES,
    MAX_PUSH_EVENTS,
    Change,
    Event,
    EventResult,
    SnapshotHeader,
    SnapshotRow,
)


class QueuedEventLike(Protocol):
    seq: int
    event_id: str
    type: str
    occurred_at: str
    payload: dict


class OutboxPort(Protocol):
    def pending(self, limit: int) -> Sequence[QueuedEventLike]: ...
    def note_attempt(self, seqs: list[int]) -> None: ...
    def settle(self, delivered: list[str], rejected: list[tuple[str, str, str]]) -> None: ...


class SnapshotSink(Protocol):
    def add(self, rows: list[tuple[str, dict]]) -> int: ...
    def finish(self) -> int: ...
    def close(self) -> None: ...


class StatePort(Protocol):
    def cursor(self) -> str | None: ...
    def apply_page(self, changes: list[Change], next_cursor: str, *, final: bool = True) -> int: ...
    def record_success(self, at: datetime, server_time: datetime) -> None: ...
    def snapshot_sink(self, entity: str) -> SnapshotSink: ...
    def set_cursor(self, cursor: str | None) -> None: ...


Progress = Callable[[str, int, int], None]
"""(what, done, total): 'changes' while pulling, or the entity being loaded from a snapshot."""


@dataclass
class SyncReport:
    pushed: int = 0
    duplicates: int = 0
    rejected: int = 0
    pulled: int = 0
    loaded: int = 0
    """Rows loaded from snapshots (a first load, or after central answered 410)."""
    reached_central: bool = False
    error: SyncError | None = None
    server_time: datetime | None = None
    finished_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def clock_skew(self) -> timedelta | None:
        if self.server_time is None:
            return None
        return self.finished_at - self.server_time


PUSH_BYTE_BUDGET = MAX_PUSH_BYTES * 4 // 5
"""A push stays well under central's 5 MB limit (JSON framing and encoding differ a little)."""


def within_push_budget(queued: list) -> list:
    """The longest prefix of the queue whose payloads fit one push; at least one event.

    500 sale events are a few hundred kilobytes, but 500 journal batches are megabytes: a
    count alone let a push grow past the limit, be refused (413) and block the outbox."""
    total = 0
    for i, q in enumerate(queued):
        total += len(orjson.dumps(q.payload)) + 200  # the event's own fields
        if total > PUSH_BYTE_BUDGET and i > 0:
            return queued[:i]
    return queued


class SyncEngine:
    def __init__(self, client: CentralClient, device_id: str, outbox: OutboxPort, state: StatePort,
                 *, batch_size: int = MAX_PUSH_EVENTS, page_size: int = 1000,
                 progress: Progress | None = None,
                 exclusive: Callable[[], AbstractContextManager[bool]] | None = None,
                 before_push: Callable[[], object] | None = None,
                 after_pull: Callable[[], object] | None = None) -> None:
        self._client = client
        self._after_pull = after_pull or (lambda: None)
        self._before_push = before_push or (lambda: None)
        self._device_id = device_id
        self._outbox = outbox
        self._state = state
        self._batch = min(batch_size, MAX_PUSH_EVENTS)
        self._page = page_size
        self._progress = progress
        self._lock = threading.Lock()
        self._exclusive = exclusive or (lambda: nullcontext(True))

    def push(self, report: SyncReport) -> None:
        while True:
            queued = within_push_budget(self._outbox.pending(self._batch))
            if not queued:
                return
            self._outbox.note_attempt([q.seq for q in queued])
            events = [Event(event_id=q.event_id, type=q.type, seq=q.seq,
                            occurred_at=datetime.fromisoformat(q.occurred_at), payload=q.payload)
                      for q in queued]
            answer = self._client.push(self._device_id, events)
            report.reached_central = True
            report.server_time = answer.server_time
            by_id: dict[str, EventResult] = {r.event_id: r for r in answer.results}
            delivered, rejected = [], []
            for event in events:
                result = by_id.get(event.event_id)
                if result is None:
                    continue  # not answered: stays queued, goes again next round
                if result.status == "rejected" or (result.status == "duplicate" and result.error):
                    err = result.error
                    rejected.append((event.event_id, err.code if err else "rejected",
                                     err.message if err else ""))
                else:
                    delivered.append(event.event_id)
                    if result.status == "duplicate":
                        report.duplicates += 1
            self._outbox.settle(delivered, rejected)
            report.pushed += len(delivered)
            report.rejected += len(rejected)
            if len(delivered) + len(rejected) < len(events):
                raise NotCentral("central did not answer every event of the batch")

    def pull(self, report: SyncReport) -> None:
        cursor = self._state.cursor()
        if cursor is None:
            self.bootstrap(report)
            cursor = self._state.cursor()
        while True:
            try:
                page = self._client.changes(cursor, self._page)
            except CursorExpired:
                # Central compacted past our cursor: reload state; unsent events stay queued.
                self._state.set_cursor(None)
                self.bootstrap(report)
                cursor = self._state.cursor()
                continue
            report.reached_central = True
            report.server_time = page.server_time
            report.pulled += self._state.apply_page(page.changes, page.next_cursor, final=not page.has_more)
            if self._progress:
                self._progress("changes", report.pulled, report.pulled + (1 if page.has_more else 0))
            cursor = page.next_cursor
            if not page.has_more:
                return

    def bootstrap(self, report: SyncReport) -> None:
        """Load every entity from snapshots; the cursor is set only once all are in."""
        first_cursor: str | None = None
        for entity in ENTITIES:
            for attempt in (1, 2):
                central_count, local_count, cursor = self._load(entity, report)
                if local_count == central_count:
                    break
                if attempt == 2:
                    raise SnapshotMismatch(
                        f"{entity}: central has {central_count} rows, this till {local_count}")
            first_cursor = first_cursor or cursor  # the earliest: later changes replay harmlessly
        self._state.set_cursor(first_cursor)

    def _load(self, entity: str, report: SyncReport) -> tuple[int, int, str]:
        sink = self._state.snapshot_sink(entity)
        try:
            total, batch, done = 0, [], 0
            for item in self._client.snapshot(entity):
                report.reached_central = True
                if isinstance(item, SnapshotHeader):
                    total = item.total
                elif isinstance(item, SnapshotRow):
                    batch.append((item.id, item.data))
                    if len(batch) >= 20000:
                        done += sink.add(batch)
                        batch = []
                        if self._progress:
                            self._progress(entity, done, total)
                else:  # the trailer: the snapshot is whole
                    done += sink.add(batch)
                    report.loaded += done
                    if self._progress:
                        self._progress(entity, done, total)
                    return item.count, sink.finish(), item.cursor
            raise NotCentral(f"the {entity} snapshot ended without its trailer")
        finally:
            sink.close()

    def run_once(self) -> SyncReport:
        """Push then pull; never raises a sync failure, it is in the report."""
        report = SyncReport()
        if not self._lock.acquire(blocking=False):
            report.error = SyncBusy("a sync is already running in this process")
            return report
        try:
            with self._exclusive() as mine:
                if not mine:
                    report.error = SyncBusy("a sync is already running for this till")
                    return report
                self._before_push()  # e.g. the till's journal entries become audit events
                self.push(report)
                self.pull(report)
                report.finished_at = datetime.now(UTC)
                self._state.record_success(report.finished_at, report.server_time or report.finished_at)
                self._after_pull()  # e.g. the network stock snapshot; after the skew is judged
        except SyncError as exc:
            report.error = exc
            report.finished_at = datetime.now(UTC)  # skew is judged against the last answer's time
        finally:
            self._lock.release()
        return report
