"""What a store pulls: pages of the change log, and whole-entity snapshots.

A store's cursor is opaque to it; here it is the last chain and store
sequence numbers the store has applied ("c.s").  Both sequences are
gap-free and numbered in commit order (see ChangeScope), so paging by them
never skips a change.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from sync.protocol import Change

from . import fulfilment, pickup
from .catalog import store_config_data
from .coupons import coupon_data
from .guide_changes import GUIDE_ENTITIES, guide_snapshot_count, guide_snapshot_rows
from .members import member_data, member_key
from .models import (
    CHAIN_SCOPE,
    MEMBER_SCOPE,
    Barcode,
    ChangeLogEntry,
    ChangeScope,
    Coupon,
    Member,
    Price,
    Product,
    Promotion,
    Staff,
    StockLevel,
    Store,
)
from .promotions import active_promotions

MAX_PAGE = 5000


class CursorExpired(Exception):
    """The log entries after this cursor were compacted away: bootstrap from snapshots."""


@dataclass(frozen=True)
class Cursor:
    chain: int = 0
    store: int = 0

    def encode(self) -> str:
        return f"{self.chain}.{self.store}"

    @classmethod
    def decode(cls, text: str | None) -> Cursor:
        if not text:
            return cls()
        chain, dot, store = text.partition(".")
        if not dot or not chain.isdigit() or not store.isdigit() or len(text) > 40:
            raise ValueError("cursor")
        return cls(int(chain), int(store))


def current_cursor(session: Session, store_id: str) -> Cursor:
    rows = dict(session.execute(
        select(ChangeScope.scope, ChangeScope.last_seq)
        .where(ChangeScope.scope.in_([CHAIN_SCOPE, store_id]))).all())
    return Cursor(rows.get(CHAIN_SCOPE, 0), rows.get(store_id, 0))


def _check_retained(session: Session, scope: str, after: int) -> None:
    min_seq = session.scalar(select(ChangeScope.min_seq).where(ChangeScope.scope == scope)) or 1
    if after < min_seq - 1:
        raise CursorExpired(scope)


def _page(session: Session, scope: str, after: int, limit: int) -> list[ChangeLogEntry]:
    return list(session.scalars(
        select(ChangeLogEntry).where(ChangeLogEntry.scope == scope, ChangeLogEntry.seq > after)
        .order_by(ChangeLogEntry.seq).limit(limit)))


def changes_for_store(session: Session, store_id: str, cursor: Cursor, limit: int
                      ) -> tuple[list[Change], Cursor, bool]:
    """Chain changes first, then the store's; each entity lives in one scope, so order holds."""
    _check_retained(session, CHAIN_SCOPE, cursor.chain)
    _check_retained(session, store_id, cursor.store)
    chain_rows = _page(session, CHAIN_SCOPE, cursor.chain, limit + 1)
    if len(chain_rows) > limit:
        rows, has_more = chain_rows[:limit], True
        next_cursor = Cursor(rows[-1].seq, cursor.store)
        store_rows: list[ChangeLogEntry] = []
    else:
        store_rows = _page(session, store_id, cursor.store, limit - len(chain_rows) + 1)
        has_more = len(store_rows) > limit - len(chain_rows)
        store_rows = store_rows[: limit - len(chain_rows)]
        rows = chain_rows
        next_cursor = Cursor(chain_rows[-1].seq if chain_rows else cursor.chain,
                             store_rows[-1].seq if store_rows else cursor.store)
    changes = [Change(entity=r.entity, id=r.entity_id, op=r.op, version=r.seq, data=r.data)
               for r in (*rows, *store_rows)]
    return changes, next_cursor, has_more


# ------------------------------------------------------------------ snapshots
SNAPSHOT_ENTITIES = ("store_config", "staff", "product", "barcode", "price", "promotion", "member",
                     "coupon", "stock_level", "pickup_order", "reservation", "fulfilment_order",
                     "variant", "commission_rule", "safety_stock", "transfer")


def snapshot_count(session: Session, store_id: str, entity: str) -> int:
    count = select(func.count())
    if entity == "store_config":
        return 1
    if entity == "staff":
        return session.scalar(count.select_from(Staff).where(
            or_(Staff.store_id.is_(None), Staff.store_id == store_id))) or 0
    if entity == "product":
        return session.scalar(count.select_from(Product)) or 0
    if entity == "barcode":
        return session.scalar(count.select_from(Barcode)) or 0
    if entity == "price":
        return session.scalar(count.select_from(Price).where(
            Price.scope.in_(["*", MEMBER_SCOPE, store_id]))) or 0
    if entity == "promotion":
        return session.scalar(count.select_from(Promotion).where(Promotion.active.is_(True))) or 0
    if entity == "member":
        return session.scalar(count.select_from(Member)) or 0
    if entity == "coupon":
        return session.scalar(count.select_from(Coupon)) or 0
    if entity == "stock_level":
        return session.scalar(count.select_from(StockLevel).where(StockLevel.store_id == store_id)) or 0
    if entity == "pickup_order":
        return session.scalar(select(func.count()).select_from(
            pickup.snapshot_orders(session, store_id).subquery())) or 0
    if entity == "reservation":
        return session.scalar(select(func.count()).select_from(
            pickup.snapshot_reservations(store_id).subquery())) or 0
    if entity == "fulfilment_order":
        return session.scalar(select(func.count()).select_from(
            fulfilment.snapshot_fulfilments(store_id).subquery())) or 0
    if entity in GUIDE_ENTITIES:
        return guide_snapshot_count(session, store_id, entity)
    raise KeyError(entity)


def snapshot_rows(session: Session, store_id: str, entity: str) -> Iterator[tuple[str, dict]]:
    """(id, data) for every current row of the entity that concerns the store, streamed.

    Plain column tuples, not ORM objects: at a million rows per entity, building
    objects costs more than reading them.
    """
    batch = {"yield_per": 5000}
    if entity == "store_config":
        store = session.get(Store, store_id)
        assert store is not None
        yield store.id, store_config_data(store)
    elif entity == "staff":
        for s in session.scalars(select(Staff).where(
                or_(Staff.store_id.is_(None), Staff.store_id == store_id))):
            yield s.id, {"staff_id": s.id, "code": s.code, "name": s.name, "role": s.role,
                         "pin_hash": s.pin_hash, "active": s.active}
    elif entity == "product":
        stmt = select(Product.sku, Product.name, Product.name_en, Product.category, Product.brand,
                      Product.unit, Product.pinyin, Product.initials).execution_options(**batch)
        for sku, name, name_en, category, brand, unit, pinyin, initials in session.execute(stmt):
            yield sku, {"sku": sku, "name": name, "name_en": name_en, "category": category,
                        "brand": brand, "unit": unit, "pinyin": pinyin, "initials": initials}
    elif entity == "barcode":
        for code, sku in session.execute(select(Barcode.code, Barcode.sku).execution_options(**batch)):
            yield code, {"code": code, "sku": sku}
    elif entity == "price":
        stmt = (select(Price.sku, Price.scope, Price.amount)
                .where(Price.scope.in_(["*", MEMBER_SCOPE, store_id])).execution_options(**batch))
        for sku, scope, amount in session.execute(stmt):
            wire = "chain" if scope == "*" else MEMBER_SCOPE if scope == MEMBER_SCOPE else "store"
            yield f"{sku}@{scope}", {"sku": sku, "amount": amount, "scope": wire}
    elif entity == "promotion":
        for p in active_promotions(session):
            yield p.id, {"promotion_id": p.id, "version": p.version, "definition": p.definition}
    elif entity == "coupon":
        for c in session.scalars(select(Coupon).execution_options(**batch)):
            yield c.code, coupon_data(c)
    elif entity == "member":
        key = member_key(session)
        for m in session.scalars(select(Member).execution_options(**batch)):
            yield m.id, member_data(m, key)
    elif entity == "stock_level":
        stmt = (select(StockLevel.sku, StockLevel.on_hand, StockLevel.position)
                .where(StockLevel.store_id == store_id).execution_options(**batch))
        for sku, on_hand, position in session.execute(stmt):
            yield sku, {"sku": sku, "on_hand": on_hand, "position": position}
    elif entity == "pickup_order":
        salt = pickup.store_salt(session.connection(), store_id, create=False)
        for o in session.scalars(pickup.snapshot_orders(session, store_id)):
            yield o.id, pickup.order_data(o, salt)
    elif entity == "reservation":
        for r in session.scalars(pickup.snapshot_reservations(store_id)):
            yield r.id, pickup.reservation_data(r)
    elif entity == "fulfilment_order":
        conn = session.connection()
        for f in session.scalars(fulfilment.snapshot_fulfilments(store_id)):
            yield f.id, fulfilment._fulfilment_data(conn, f)
    elif entity in GUIDE_ENTITIES:
        yield from guide_snapshot_rows(session, store_id, entity)
    else:
        raise KeyError(entity)
