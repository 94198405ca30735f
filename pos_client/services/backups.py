"""The till's own backups, and bringing a till back from one without double counting.

A till backs up its database hourly while open and at every Z report, to a folder IT
chooses (`[backup] dir`: another disk, a USB stick, a network share). A till that dies
loses at most what it sold since its last backup *that had not reached central yet*.

Restoring puts an older copy back. Events keep their ids and their `seq`, so central
answers those it already has as duplicates. What the backup cannot know is what the till
sent after it was taken: central has those events (and receipt numbers), the restored
till does not. So a restored till asks central for the highest `seq` and receipt number
it holds from this device before pushing anything new, and moves its counters (and the
events it made since the restore) above them: a `seq` central has seen is never given
to a different event. When central cannot be reached at restore time, the question is
asked at the first sync, before the push.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from filelock import FileLock, Timeout
from sqlalchemy import Engine, select, text, update

from pos_client.config import BackupConfig, Config, Paths, load_config
from pos_client.domain.identifiers import receipt_counter_name
from pos_client.store.backup_files import (
    BackupInfo,
    backup_name,
    inspect_file,
    online_copy,
    replace_database,
    rotate,
)
from pos_client.store.database import known_revisions, open_database
from pos_client.store.sales import OUTBOX_SEQ
from pos_client.store.schema import counter, outbox
from pos_client.store.settings import get_setting, put_setting
from sync.protocol import DeviceSyncState

log = logging.getLogger(__name__)
RESTORE_KEY = "restore.pending_check"
LAST_BACKUP_KEY = "backup.last"
HOURLY, Z_REPORT, MANUAL = "hourly", "z", "manual"


class RestoreRefused(ValueError):
    """The file cannot be restored: damaged, not a till database, or from a newer build."""


@dataclass
class BackupResult:
    written: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.written) and not self.problems


def backup_prefix(config: Config) -> str:
    """Names tell tills apart, so several can share one network folder."""
    store = config.device.store_code or "till"
    terminal = config.device.terminal_no or "00"
    return f"pos-{store}-{terminal}"


def backup_folders(paths: Paths, settings: BackupConfig) -> list[Path]:
    """The configured second location, else only the folder beside the database."""
    return [Path(settings.dir).expanduser()] if settings.dir else [paths.backups]


class BackupService:
    """Backups of one till; one at a time, never on the UI thread in the app."""

    def __init__(self, paths: Paths, config: Config, engine: Engine) -> None:
        self._paths = paths
        self._config = config
        self._engine = engine
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []

    def backup_now(self, label: str = MANUAL, now: datetime | None = None) -> BackupResult:
        """Copy the database to every backup folder and rotate; a folder that fails (USB stick
        pulled, share offline) is reported and the copy goes beside the database instead."""
        result = BackupResult()
        settings = self._config.backup
        prefix = backup_prefix(self._config)
        name = backup_name(prefix, label, now)
        keep = settings.keep_z if label == Z_REPORT else settings.keep
        with self._lock:
            for folder in backup_folders(self._paths, settings):
                try:
                    result.written.append(online_copy(self._paths.database, folder / name))
                    result.removed += rotate(folder, prefix, label, keep)
                except (OSError, sqlite3.Error) as exc:
                    result.problems.append(f"{folder}: {exc}")
                    log.error("backup to %s failed: %s", folder, exc)
            if not result.written and self._paths.backups not in backup_folders(self._paths, settings):
                try:  # the second location is gone: at least a copy beside the database
                    result.written.append(online_copy(self._paths.database, self._paths.backups / name))
                    result.removed += rotate(self._paths.backups, prefix, label, keep)
                except (OSError, sqlite3.Error) as exc:
                    result.problems.append(f"{self._paths.backups}: {exc}")
            with self._engine.begin() as conn:
                put_setting(conn, LAST_BACKUP_KEY, {
                    "at": (now or datetime.now(UTC)).isoformat(), "label": label,
                    "written": [str(p) for p in result.written], "problems": result.problems})
        if result.written:
            log.info("backed up the database (%s) to %s", label, ", ".join(map(str, result.written)))
        return result

    def backup_in_background(self, label: str) -> threading.Thread:
        """For the app and the Z report: the copy never holds up the window (or the drawer)."""
        thread = threading.Thread(target=self._quiet_backup, args=(label,), name=f"backup-{label}",
                                  daemon=True)
        self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        thread.start()
        return thread

    def _quiet_backup(self, label: str) -> None:
        try:
            self.backup_now(label)
        except Exception:  # a backup failing must never take the till down; it is in the log
            log.exception("backup (%s) failed", label)

    def wait(self, timeout: float = 30.0) -> None:
        """Let running backups finish (closing the till)."""
        for thread in self._threads:
            thread.join(timeout)

    def last(self) -> dict | None:
        with self._engine.connect() as conn:
            return get_setting(conn, LAST_BACKUP_KEY)


def check_backup(path: Path) -> BackupInfo:
    """Refuse a file that would not bring the till back whole."""
    if not path.is_file():
        raise RestoreRefused(f"{path} does not exist or is not a file")
    info = inspect_file(path)
    if info.integrity != "ok":
        raise RestoreRefused(f"{path} is damaged ({info.integrity}); choose an older backup")
    if info.revision is None:
        raise RestoreRefused(f"{path} is not a till database (no schema revision)")
    if info.revision not in known_revisions():
        raise RestoreRefused(f"{path} was written by a newer version of the till software "
                             f"(revision {info.revision}); restore it with that version or newer")
    return info


@contextmanager
def window_lock(paths: Paths, *, wait: bool = False) -> Iterator[bool]:
    """Held by the open till window for as long as it runs; a restore needs it free."""
    lock = FileLock(paths.data_dir / "till-window.lock")
    try:
        lock.acquire(timeout=-1 if wait else 0)
    except Timeout:
        yield False
        return
    try:
        yield True
    finally:
        lock.release()


@dataclass(frozen=True)
class RestoreOutcome:
    restored: BackupInfo
    replaced_kept_at: Path | None
    checked_with_central: bool
    detail: str


def restore(paths: Paths, backup: Path, *, now: datetime | None = None) -> RestoreOutcome:
    """Put a backup in place of the till's database (the till app must be closed).

    The current file is kept first; the restored database is migrated to this build and
    marked, so its counters are moved above central's before anything new is pushed.
    """
    info = check_backup(backup)
    paths.data_dir.mkdir(parents=True, exist_ok=True)  # a replacement machine has none yet
    with window_lock(paths, wait=False) as free:
        if not free:
            raise RestoreRefused("the till program is open on this data directory; close it first "
                                 "(F10 to log out, then close the window)")
        kept = replace_database(paths.database, backup, paths.backups)
    engine = open_database(paths.database, paths.backups)
    try:
        with engine.begin() as conn:
            seq = conn.execute(select(counter.c.value).where(counter.c.name == OUTBOX_SEQ)).scalar() or 0
            put_setting(conn, RESTORE_KEY, {"restored_at": (now or datetime.now(UTC)).isoformat(),
                                            "from": str(backup), "seq_at_restore": int(seq)})
        checked, detail = _check_now(paths, engine)
    finally:
        engine.dispose()
    log.warning("database restored from %s (revision %s, %d sales, %d unsent events)",
                backup, info.revision, info.sales, info.pending_events)
    return RestoreOutcome(info, kept, checked, detail)


def _check_now(paths: Paths, engine: Engine) -> tuple[bool, str]:
    """Ask central at once when it answers; otherwise the first sync asks before pushing."""
    from pos_client.services.till import client_for  # the token store lives with the till

    config = load_config(paths.config_file)
    if not config.enrolled:
        return False, "this till is not enrolled; counters are checked at the first sync"
    try:
        with client_for(paths, config) as client:
            moved = resync_after_restore(engine, client.device_sync_state())
    except Exception as exc:  # offline, token gone, central down: the first sync does it
        return False, f"central not reached ({exc}); counters are checked at the first sync"
    return True, moved


def resync_after_restore(engine: Engine, state: DeviceSyncState) -> str:
    """Move the restored till's counters above what central holds; idempotent; '' if not restored.

    Events made since the restore (seq above the restore mark) were never sent, so they are
    renumbered above central's highest seq; events from the backup keep their seq and id and
    central answers them `duplicate` if it had them.
    """
    with engine.begin() as conn:
        mark = get_setting(conn, RESTORE_KEY)
        if mark is None:
            return ""
        restored_seq = int(mark["seq_at_restore"])
        local = conn.execute(select(counter.c.value).where(counter.c.name == OUTBOX_SEQ)).scalar() or 0
        shift = max(0, state.last_seq - restored_seq)
        moved = 0
        if shift:
            newer = conn.execute(select(outbox.c.seq).where(outbox.c.seq > restored_seq)
                                 .order_by(outbox.c.seq.desc())).scalars().all()
            for old in newer:  # highest first: a shifted number never meets one not yet moved
                conn.execute(update(outbox).where(outbox.c.seq == old).values(seq=old + shift))
            moved = len(newer)
            _raise_counter(conn, OUTBOX_SEQ, local + shift)
        receipt_note = _raise_receipt_counter(conn, state.latest_receipt_no)
        for note in (_raise_return_counter(conn, state.latest_return_no),
                     _raise_z_counter(conn, state.latest_z_no)):
            if note:
                receipt_note = f"{receipt_note}; {note}" if receipt_note else note
        conn.execute(text("DELETE FROM settings WHERE key = :k"), {"k": RESTORE_KEY})
    detail = (f"central holds events up to seq {state.last_seq}; the backup went up to {restored_seq}; "
              f"{moved} event(s) made since the restore renumbered, next seq {max(local + shift, local) + 1}")
    if receipt_note:
        detail += f"; {receipt_note}"
    log.warning("after restore: %s", detail)
    return detail


def _raise_counter(conn, name: str, value: int) -> None:
    current = conn.execute(select(counter.c.value).where(counter.c.name == name)).scalar()
    if current is None:
        conn.execute(counter.insert().values(name=name, value=value))
    elif current < value:
        conn.execute(update(counter).where(counter.c.name == name).values(value=value))


def _raise_receipt_counter(conn, latest: str | None) -> str:
    """`S001-01-20261203-0042` at central: today's receipts here continue after 0042."""
    if not latest:
        return ""
    parts = latest.rsplit("-", 2)
    if len(parts) != 3 or not parts[1].isdigit() or not parts[2].isdigit() or len(parts[1]) != 8:
        return ""
    day = datetime.strptime(parts[1], "%Y%m%d").date()
    _raise_counter(conn, receipt_counter_name(day), int(parts[2]))
    return f"receipt numbers continue after {latest}"


def _raise_return_counter(conn, latest: str | None) -> str:
    """`S001-01-20261203-R0007` at central: today's refund slips here continue after R0007."""
    from pos_client.services.returns import return_counter_name

    if not latest:
        return ""
    parts = latest.rsplit("-", 2)
    if len(parts) != 3 or len(parts[1]) != 8 or not parts[1].isdigit() or not parts[2].startswith("R") \
            or not parts[2][1:].isdigit():
        return ""
    day = datetime.strptime(parts[1], "%Y%m%d").date()
    _raise_counter(conn, return_counter_name(day), int(parts[2][1:]))
    return f"refund slips continue after {latest}"


def _raise_z_counter(conn, latest: int | None) -> str:
    """Z reports are numbered for the till's life: the next one follows central's highest."""
    from pos_client.store.shifts import Z_COUNTER

    if not latest:
        return ""
    _raise_counter(conn, Z_COUNTER, int(latest))
    return f"Z reports continue after Z{latest}"


def pending_restore_check(engine: Engine) -> dict | None:
    with engine.connect() as conn:
        return get_setting(conn, RESTORE_KEY)

