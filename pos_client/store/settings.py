"""Small durable key/value state: sync cursor, last sync time, login lock, device identity."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, Engine, select
from sqlalchemy.dialects.sqlite import insert

from .schema import settings


def get_setting(conn: Connection, key: str, default: Any = None) -> Any:
    raw = conn.execute(select(settings.c.value).where(settings.c.key == key)).scalar()
    return default if raw is None else json.loads(raw)


def put_setting(conn: Connection, key: str, value: Any) -> None:
    stmt = insert(settings).values(key=key, value=json.dumps(value, ensure_ascii=False))
    conn.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"value": stmt.excluded.value}))


class Settings:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def get(self, key: str, default: Any = None) -> Any:
        with self._engine.connect() as conn:
            return get_setting(conn, key, default)

    def put(self, key: str, value: Any) -> None:
        with self._engine.begin() as conn:
            put_setting(conn, key, value)
