"""The stock ledger: signed deltas per store and SKU, and the level stores see.

Stock is never set, only moved: deltas commute, so stores that were offline
for days merge without lost updates.  The level row is updated in the same
transaction as its movement, with an upsert that adds (no read-modify-write),
and is sent down to its store as `stock_level`.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from .changelog import log_change
from .db import utcnow
from .models import StockLevel, StockMovement


def _upsert(session: Session):
    return postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert


def move_stock(session: Session, store_id: str, sku: str, delta: int, reason: str,
               event_id: str | None = None, now: datetime | None = None) -> StockLevel:
    now = now or utcnow()
    session.add(StockMovement(store_id=store_id, sku=sku, delta=delta, reason=reason,
                              event_id=event_id, created_at=now))
    insert = _upsert(session)
    stmt = insert(StockLevel).values(store_id=store_id, sku=sku, on_hand=delta, position=1)
    session.execute(stmt.on_conflict_do_update(
        index_elements=["store_id", "sku"],
        set_={"on_hand": StockLevel.on_hand + delta, "position": StockLevel.position + 1},
    ))
    level = session.scalars(select(StockLevel).where(StockLevel.store_id == store_id,
                                                     StockLevel.sku == sku)
                            .execution_options(populate_existing=True)).one()
    log_change(session, entity="stock_level", entity_id=sku, scope=store_id, now=now,
               data=stock_level_data(level))
    return level


def seed_stock(session: Session, store_id: str, quantities: list[tuple[str, int]],
               reason: str = "initial") -> None:
    """Opening stock for many SKUs at once (demo, imports): bulk rows, one numbered range."""
    from sqlalchemy import insert

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


def stock_level_data(level: StockLevel) -> dict:
    return {"sku": level.sku, "on_hand": level.on_hand, "position": level.position}
