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


def _revisions_oldest_first() -> list[str]:
    from alembic.script import ScriptDirectory

    from pos_client.store.database import _alembic_config

    script = ScriptDirectory.from_config(_alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def _fill(conn, table: str, given: dict) -> None:
    """One row with the given values and a plain value for every other required column."""
    cols = conn.execute(text(f"PRAGMA table_info({table})")).all()
    row = {}
    for _cid, name, kind, notnull, default, _pk in cols:
        if name in given:
            row[name] = given[name]
        elif notnull and default is None:
            row[name] = 0 if any(t in (kind or "").upper() for t in ("INT", "BOOL")) else f"{table}-{name}"
    names = ", ".join(row)
    conn.execute(text(f"INSERT INTO {table} ({names}) VALUES ({', '.join(':' + n for n in row)})"), row)


@pytest.mark.parametrize("revision", [r for r in _revisions_oldest_first() if r not in ("0001",)])
def test_a_database_from_every_earlier_revision_keeps_its_sales_and_unsent_events(
        tmp_path: Path, revision: str) -> None:
    db = tmp_path / "pos.db"
    engine = make_engine(db)
    migrate(engine, db, tmp_path / "backups", to=revision)
    with engine.begin() as conn:
        _fill(conn, "sale", {"sale_id": "S1", "receipt_no": "S001-01-20260101-0001", "total": 700})
        _fill(conn, "sale_line", {"sale_id": "S1", "line_no": 1, "sku": "SKU1", "amount": 700})
        _fill(conn, "sale_tender", {"sale_id": "S1", "idx": 0, "kind": "cash", "amount": 700})
        _fill(conn, "outbox", {"seq": 1, "event_id": "E1", "type": "sale.completed", "state": "pending",
                               "payload": '{"sale_id": "S1"}', "attempts": 0})
    if revision == head_revision():
        assert migrate(engine, db, tmp_path / "backups") is None
    else:
        backup = migrate(engine, db, tmp_path / "backups")
        assert backup is not None and f"from-{revision}" in backup.name
    assert current_revision(engine) == head_revision()
    with engine.connect() as conn:
        assert conn.execute(text("SELECT total FROM sale WHERE sale_id = 'S1'")).scalar() == 700
        assert conn.execute(text("SELECT count(*) FROM sale_line WHERE sale_id = 'S1'")).scalar() == 1
        assert conn.execute(text("SELECT amount FROM sale_tender WHERE sale_id = 'S1'")).scalar() == 700
        assert conn.execute(text("SELECT state, payload FROM outbox WHERE event_id = 'E1'")).one() == (
            "pending", '{"sale_id": "S1"}')
    engine.dispose()
