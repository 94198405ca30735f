"""Database files as whole objects: online backup, checks, and putting one back in place.

Backups go through SQLite's online backup API, so a copy taken while the till sells is
a consistent snapshot (the WAL included) and never a torn file.  Each copy is written
under a temporary name and renamed, so a backup folder on a USB stick or network share
that is pulled out mid-copy holds no half file under a backup's name.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

BACKUP_SUFFIX = ".db"


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    revision: str | None
    integrity: str
    sales: int
    pending_events: int
    outbox_seq: int


def online_copy(source: Path, target: Path) -> Path:
    """Consistent copy of `source` into `target` (written as target.partial, then renamed)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            # All pages in one step: one read transaction, which in WAL mode never blocks the
            # till's writes; stepping instead restarts on every sale and may never finish.
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
        finally:
            dst.close()
    finally:
        src.close()
    with open(partial, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(partial, target)
    return target


def backup_name(prefix: str, label: str, now: datetime | None = None) -> str:
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S%fZ")
    return f"{prefix}-{stamp}-{label}{BACKUP_SUFFIX}"


def rotate(folder: Path, prefix: str, label: str, keep: int) -> list[Path]:
    """Drop this till's oldest backups with this label beyond `keep` (other tills sharing the
    folder are left alone); returns what was removed."""
    if keep <= 0 or not folder.is_dir():
        return []
    mine = sorted(p for p in folder.glob(f"{prefix}-*-{label}{BACKUP_SUFFIX}") if p.is_file())
    removed = mine[:-keep] if len(mine) > keep else []
    for p in removed:
        p.unlink(missing_ok=True)
    return removed


def inspect_file(path: Path, *, full_check: bool = True) -> BackupInfo:
    """Read a database file without changing it: revision, integrity, what it holds."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        check = "integrity_check" if full_check else "quick_check"
        rows = [r[0] for r in conn.execute(f"PRAGMA {check}").fetchall()]
        integrity = "ok" if rows == ["ok"] else "; ".join(str(r) for r in rows[:5])

        def scalar(sql: str, default=None):
            try:
                row = conn.execute(sql).fetchone()
            except sqlite3.DatabaseError:
                return default
            return default if row is None or row[0] is None else row[0]

        return BackupInfo(
            path=path,
            revision=scalar("SELECT version_num FROM alembic_version"),
            integrity=integrity,
            sales=int(scalar("SELECT count(*) FROM sale", 0)),
            pending_events=int(scalar("SELECT count(*) FROM outbox WHERE state = 'pending'", 0)),
            outbox_seq=int(scalar("SELECT value FROM counter WHERE name = 'outbox_seq'", 0)),
        )
    except sqlite3.DatabaseError as exc:
        return BackupInfo(path, None, f"not a readable database: {exc}", 0, 0, 0)
    finally:
        conn.close()


def database_files(db_path: Path) -> list[Path]:
    """The database and its WAL and shared-memory files, as SQLite names them."""
    return [db_path, db_path.with_name(db_path.name + "-wal"), db_path.with_name(db_path.name + "-shm")]


def replace_database(db_path: Path, backup: Path, keep_old_in: Path) -> Path | None:
    """Put `backup` in place of `db_path`; the file it replaces is kept in `keep_old_in` first."""
    kept = None
    if db_path.exists():
        kept = keep_old_in / backup_name(db_path.stem, "replaced-by-restore")
        try:
            online_copy(db_path, kept)
        except sqlite3.DatabaseError:  # too damaged to copy through SQLite: keep the raw files
            keep_old_in.mkdir(parents=True, exist_ok=True)
            for f in database_files(db_path):
                if f.exists():
                    os.replace(f, keep_old_in / (kept.stem + f.name[len(db_path.name):] + ".raw"))
    for f in database_files(db_path):
        f.unlink(missing_ok=True)
    online_copy(backup, db_path)
    return kept
