"""Opening the till's database: WAL, durable commits, migrations after a backup.

A sale the cashier has seen as paid must survive power loss, so commits run
with synchronous=FULL (the WAL is fsynced at every commit).  The schema moves
only forward, through Alembic, and only after the file has been copied aside;
a database written by a newer build is refused rather than half-understood.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).with_name("migrations")


class DatabaseTooNew(RuntimeError):
    """The file was migrated by a newer build than this one."""

    def __init__(self, found: str, newest_known: str) -> None:
        super().__init__(f"database revision {found} is newer than this build ({newest_known})")
        self.found = found
        self.newest_known = newest_known


def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    # Let SQLAlchemy manage transactions explicitly (pysqlite's implicit BEGIN is unreliable).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def _on_begin(conn) -> None:
    # IMMEDIATE takes the write lock up front: two writers never deadlock upgrading locks.
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


HEAD = "b03_tote_tags"
"""The newest migration, as Alembic's head (tests/unit/test_schema_head.py keeps them equal).

A till opening a database already at this revision skips Alembic altogether: loading it and
reading every migration script is a quarter of a second of every start. Any other revision
(older, newer, none) goes through Alembic as before."""


def _alembic_config():
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    """Every revision this build can read (and migrate from)."""
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(_alembic_config()).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def backup_file(db_path: Path, backup_dir: Path, label: str) -> Path:
    """Consistent copy through SQLite's backup API (safe even with a WAL in flight)."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = backup_dir / f"{db_path.stem}-{stamp}-{label}.db"
    src = sqlite3.connect(db_path)
    try:
        dst = sqlite3.connect(target)
        with dst:
            src.backup(dst)
        dst.close()
    finally:
        src.close()
    return target


def migrate(engine: Engine, db_path: Path, backup_dir: Path, to: str = "head") -> Path | None:
    """Bring the schema to `to`; returns the backup made first, if any."""
    if to == "head" and _stamped(engine) == HEAD:
        return None  # the usual start: nothing to migrate, and no Alembic to load
    from alembic import command
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    current = current_revision(engine)
    known = {rev.revision for rev in script.walk_revisions()}
    if current is not None and current not in known:
        raise DatabaseTooNew(current, script.get_current_head() or "")
    target = script.get_current_head() if to == "head" else to
    if current == target:
        return None
    backup = None
    if current is not None:
        backup = backup_file(db_path, backup_dir, f"before-{target}-from-{current}")
        log.info("backed up %s to %s before migrating %s -> %s", db_path, backup, current, target)
    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, to)
    return backup


def _stamped(engine: Engine) -> str | None:
    """The revision the database says it is at (one row of alembic_version), or None."""
    with engine.connect() as conn:
        exists = conn.scalar(text(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"))
        return conn.scalar(text("SELECT version_num FROM alembic_version")) if exists else None


def open_database(db_path: Path, backup_dir: Path | None = None) -> Engine:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(db_path)
    migrate(engine, db_path, backup_dir or db_path.parent / "backups")
    return engine
