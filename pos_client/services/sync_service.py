"""Tying the sync engine to the till's database, and reporting sync health."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from filelock import FileLock, Timeout
from pydantic import ValidationError

from pos_client.domain.offline_policy import (
    OfflineLimits,
    OfflineState,
    offline_state,
    skew_worth_showing,
)
from pos_client.store.catalog import CatalogReader
from pos_client.store.changes import CURSOR_KEY, StateApplier, StateChange
from pos_client.store.journal import enqueue_audit
from pos_client.store.outbox import Outbox
from pos_client.store.settings import Settings
from pos_client.store.snapshot import SnapshotWriter
from sync.client import CentralClient
from sync.engine import Progress, SyncEngine
from sync.protocol import ENTITY_DATA, Change

log = logging.getLogger(__name__)
LAST_SYNC_KEY = "sync.last_success_at"
SKEW_KEY = "sync.clock_skew_seconds"


class TillState:
    """The engine's StatePort over the local store: cursor, pages, last success."""

    def __init__(self, settings: Settings, applier: StateApplier) -> None:
        self._settings = settings
        self._applier = applier

    def cursor(self) -> str | None:
        return self._settings.get(CURSOR_KEY)

    def apply_page(self, changes: list[Change], next_cursor: str, *, final: bool = True) -> int:
        checked: list[StateChange] = []
        for change in changes:
            model = ENTITY_DATA.get(change.entity)
            if model is not None and change.op == "upsert":
                try:
                    data = model.model_validate(change.data or {}).model_dump()
                except ValidationError:
                    # Malformed server data must not poison the till: skip it, loudly.
                    log.error("central sent an unreadable %s %s; skipped", change.entity, change.id)
                    continue
            else:
                data = change.data
            checked.append(StateChange(change.entity, change.id, change.op, data))
        return self._applier.apply_page(checked, next_cursor, final=final)

    def snapshot_sink(self, entity: str) -> SnapshotWriter:
        return SnapshotWriter(self._applier.engine, entity, on_bad_row=lambda row_id, exc: log.error(
            "central sent an unreadable %s row %s (%s); skipped", entity, row_id, exc))

    def set_cursor(self, cursor: str | None) -> None:
        self._settings.put(CURSOR_KEY, cursor)

    def record_success(self, at: datetime, server_time: datetime) -> None:
        self._settings.put(LAST_SYNC_KEY, at.isoformat())
        self._settings.put(SKEW_KEY, (at - server_time).total_seconds())


@dataclass(frozen=True, slots=True)
class SyncHealth:
    pending: int
    rejected: int
    oldest_pending_age_s: float | None
    last_success_at: datetime | None


def sync_health(outbox: Outbox, settings: Settings) -> SyncHealth:
    stats = outbox.stats()
    last = settings.get(LAST_SYNC_KEY)
    return SyncHealth(
        pending=stats.pending, rejected=stats.rejected,
        oldest_pending_age_s=stats.oldest_age_seconds(datetime.now(UTC)),
        last_success_at=datetime.fromisoformat(last) if last else None,
    )


@dataclass(frozen=True, slots=True)
class SyncOverview:
    """Everything the sync panel shows, read from the till's own database."""

    health: SyncHealth
    skew_seconds: float | None
    limits: OfflineLimits
    offline: OfflineState
    attention: list[dict]

    @property
    def skew_worth_showing(self) -> bool:
        return skew_worth_showing(self.skew_seconds)


def store_limits(catalog: CatalogReader) -> OfflineLimits:
    raw = ((catalog.store_config() or {}).get("offline_limits") or {})
    try:
        return OfflineLimits(noncash_lock_after_hours=int(raw.get("noncash_lock_after_hours", 72)))
    except (TypeError, ValueError):
        return OfflineLimits()


def sync_overview(outbox: Outbox, settings: Settings, catalog: CatalogReader,
                  now: datetime | None = None) -> SyncOverview:
    now = now or datetime.now(UTC)
    health = sync_health(outbox, settings)
    limits = store_limits(catalog)
    return SyncOverview(
        health=health, skew_seconds=settings.get(SKEW_KEY), limits=limits,
        offline=offline_state(health.last_success_at, now, limits),
        attention=outbox.rejected(),
    )


@contextmanager
def till_sync_lock(lock_file: Path) -> Iterator[bool]:
    """True while this process holds the till's sync lock; False at once if another does."""
    lock = FileLock(lock_file)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        yield False
        return
    try:
        yield True
    finally:
        lock.release()


def make_engine(client: CentralClient, device_id: str, outbox: Outbox, settings: Settings,
                applier: StateApplier, progress: Progress | None = None,
                lock_file: Path | None = None, flush_journal: bool = False,
                network_snapshot: bool = False) -> SyncEngine:
    """`flush_journal`: send every journal entry now (IT's `pos-client sync`), not in batches.
    `network_snapshot`: after each pull, refresh the network stock snapshot (the till app's sync)."""
    exclusive = (lambda: till_sync_lock(lock_file)) if lock_file else None
    return SyncEngine(client, device_id, outbox, TillState(settings, applier), progress=progress,
                      exclusive=exclusive,
                      before_push=lambda: (_after_restore(client, applier.engine),
                                           enqueue_audit(applier.engine, force=flush_journal)),
                      after_pull=(lambda: refresh_network_snapshot(client, applier.engine))
                      if network_snapshot else None)


def refresh_network_snapshot(client: CentralClient, engine) -> None:
    """The nearest locations' stock, kept for the guide screen offline (services/network_snapshot.py)."""
    from pos_client.services.network_snapshot import refresh

    refresh(client, engine)


def _after_restore(client: CentralClient, engine) -> None:
    """A till restored from a backup moves its counters above central's before pushing."""
    from pos_client.services.backups import pending_restore_check, resync_after_restore

    if pending_restore_check(engine) is not None:
        resync_after_restore(engine, client.device_sync_state())
