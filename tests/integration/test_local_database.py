"""The till's SQLite file: migrations from older files after a backup, newer files refused, durability."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from pos_client.store import schema
from pos_client.store.database import DatabaseTooNew, current_revision, head_revision, make_engine, migrate


def test_fresh_database_is_at_head_with_wal_and_full_sync(tmp_path: Path) -> None:
    db = tmp_path / "pos.db"
    engine = make_engine(db)
    assert migrate(engine, db, tmp_path / "backups") is None  # nothing to back up yet
    assert current_revision(engine) == head_revision()
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
    engine.dispose()


def test_schema_module_matches_what_migrations_build(tmp_path: Path) -> None:
    db = tmp_path / "pos.db"
    engine = make_engine(db)
    migrate(engine, db, tmp_path / "b")
    insp = inspect(engine)
    for table in schema.metadata.sorted_tables:
        built = {c["name"] for c in insp.get_columns(table.name)}
        assert built == {c.name for c in table.columns}, table.name
    engine.dispose()


def test_database_from_first_migration_upgrades_keeping_data_after_a_backup(tmp_path: Path) -> None:
    db = tmp_path / "pos.db"
    engine = make_engine(db)
    migrate(engine, db, tmp_path / "backups", to="0001")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO product VALUES ('SKU1','可乐','Cola','饮料','可口可乐','瓶')"))
        conn.execute(text("INSERT INTO settings VALUES ('sync.cursor','\"42\"')"))
    backup = migrate(engine, db, tmp_path / "backups")
    assert backup is not None and backup.exists()
    assert current_revision(engine) == head_revision()
    with engine.connect() as conn:
        assert conn.execute(text("SELECT name FROM product")).scalar() == "可乐"
        assert conn.execute(text("SELECT count(*) FROM outbox")).scalar() == 0
    with sqlite3.connect(backup) as old:
        assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert old.execute("SELECT name FROM product").fetchone() == ("可乐",)
    engine.dispose()


def test_database_from_a_newer_build_is_refused_untouched(tmp_path: Path) -> None:
    db = tmp_path / "pos.db"
    engine = make_engine(db)
    migrate(engine, db, tmp_path / "b")
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()

    def dump() -> list[str]:
        # Logical content: closing a WAL database checkpoints it, so raw bytes may differ.
        with sqlite3.connect(db) as conn:
            return list(conn.iterdump())

    before = dump()
    engine = make_engine(db)
    with pytest.raises(DatabaseTooNew) as info:
        migrate(engine, db, tmp_path / "b")
    assert info.value.found == "9999"
    engine.dispose()
    assert dump() == before
    assert not (tmp_path / "b").exists() or not any((tmp_path / "b").iterdir())
