"""The stock ledger: signed deltas per store and SKU, and the level stores see.

Stock is never set, only moved: deltas commute, so stores that were offline
for days merge without lost updates.  The level row is updated in the same
transaction as its movement, with an upsert that adds (no read-modify-write),
and is sent down to its store as `stock_level`.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache

from sqlalchemy import Connection, insert
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from .changelog import reserve_seqs
from .db import utcnow
from .models import ChangeLogEntry, StockLevel, StockMovement

_LEVELS = StockLevel.__table__


@cache
def _add_to_levels(dialect: str):
    """INSERT ... ON CONFLICT DO UPDATE adding the delta, RETURNING the new level (one round trip)."""
    insert_for = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stmt = insert_for(_LEVELS)
    return stmt.on_conflict_do_update(
        index_elements=["store_id", "sku"],
        set_={"on_hand": _LEVELS.c.on_hand + stmt.excluded.on_hand, "position": _LEVELS.c.position + 1},
    ).returning(_LEVELS.c.sku, _LEVELS.c.on_hand, _LEVELS.c.position)


def move_stock(session: Session, store_id: str, sku: str, delta: int, reason: str,
               event_id: str | None = None, now: datetime | None = None) -> dict:
    """One movement; returns the new `stock_level` data."""
    return move_stock_many(session.connection(), store_id, {sku: delta}, reason, event_id, now)[sku]


def move_stock_many(conn: Connection, store_id: str, deltas: dict[str, int], reason: str,
                    event_id: str | None = None, now: datetime | None = None) -> dict[str, dict]:
    """Several SKUs moved by one fact (a sale, a receipt): returns each SKU's new level data.

    Lock order is the store's change scope first (numbers for every level change are
    reserved at once), then level rows in SKU order, so two writers never wait on each
    other in a circle.  The level is added to with an upsert that returns the new row:
    no read-modify-write, no second read.
    """
    if not deltas:
        return {}
    now = now or utcnow()
    skus = sorted(deltas)
    first_seq = reserve_seqs(conn, store_id, len(skus))
    conn.execute(insert(StockMovement.__table__), [
        {"store_id": store_id, "sku": sku, "delta": deltas[sku], "reason": reason,
         "event_id": event_id, "created_at": now} for sku in skus])
    add = _add_to_levels(conn.dialect.name)
    # Several rows with RETURNING go as one statement (SQLAlchemy's "insertmanyvalues").
    rows = conn.execute(add, [{"store_id": store_id, "sku": sku, "on_hand": deltas[sku], "position": 1}
                              for sku in skus]).all()
    changed = {sku: {"sku": sku, "on_hand": on_hand, "position": position} for sku, on_hand, position in rows}
    assert len(changed) == len(skus)
    conn.execute(insert(ChangeLogEntry.__table__), [
        {"scope": store_id, "seq": first_seq + offset, "entity": "stock_level", "entity_id": sku,
         "op": "upsert", "data": changed[sku], "created_at": now} for offset, sku in enumerate(skus)])
    return changed


def seed_stock(session: Session, store_id: str, quantities: list[tuple[str, int]],
               reason: str = "initial") -> None:
    """Opening stock for many SKUs at once (demo, imports): bulk rows, one numbered range."""
    from .changelog import log_changes

    now = utcnow()
    session.execute(insert(StockMovement), [
        {"store_id": store_id, "sku": sku, "delta": qty, "reason": reason, "event_id": None,
         "created_at": now} for sku, qty in quantities])
    session.execute(insert(StockLevel), [
        {"store_id": store_id, "sku": sku, "on_hand": qty, "position": 1} for sku, qty in quantities])
    log_changes(session, store_id, [
        {"entity": "stock_level", "entity_id": sku, "op": "upsert",
         "data": {"sku": sku, "on_hand": qty, "position": 1}} for sku, qty in quantities])

