"""The network stock snapshot on the till: the nearest locations and, per location and SKU, on hand
and reserved as central last sent them (tables of migration g02), with the cursor to continue from."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, Engine, delete, insert, select
from sqlalchemy.dialects.sqlite import insert as upsert

from .schema import network_snapshot_location, network_snapshot_row
from .settings import get_setting, put_setting

CURSOR = "network_snapshot_cursor"
SYNCED_AT = "network_snapshot_at"


def cursor(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(get_setting(conn, CURSOR, 0) or 0)


def apply_page(conn: Connection, locations: list[dict], rows: list[tuple[str, str, int, int]],
               next_cursor: int, at: datetime) -> None:
    """One page, with its cursor, in one transaction: a page applied twice is harmless."""
    conn.execute(delete(network_snapshot_location))
    if locations:
        conn.execute(insert(network_snapshot_location), [
            {"store_code": loc["store_code"], "name": loc["name"], "kind": loc.get("kind", "store"),
             "distance_m": loc.get("distance_m"), "rank": i} for i, loc in enumerate(locations)])
    if rows:
        stmt = upsert(network_snapshot_row)
        conn.execute(stmt.on_conflict_do_update(
            index_elements=["store_code", "sku"],
            set_={"on_hand": stmt.excluded.on_hand, "reserved": stmt.excluded.reserved}),
            [{"store_code": c, "sku": k, "on_hand": q, "reserved": r} for c, k, q, r in rows])
    put_setting(conn, CURSOR, next_cursor)
    put_setting(conn, SYNCED_AT, at.isoformat())


Figures = dict[tuple[str, str], tuple[int, int]]


def read(engine: Engine, skus: list[str]) -> tuple[list, Figures, datetime | None]:
    """(locations nearest first, {(store_code, sku): (on_hand, reserved)}, when it was last refreshed)."""
    with engine.connect() as conn:
        locations = conn.execute(select(network_snapshot_location).order_by(
            network_snapshot_location.c.rank)).all()
        rows = conn.execute(select(network_snapshot_row).where(network_snapshot_row.c.sku.in_(skus))).all()
        at = get_setting(conn, SYNCED_AT)
    return (list(locations), {(r.store_code, r.sku): (r.on_hand, r.reserved) for r in rows},
            datetime.fromisoformat(at) if at else None)
