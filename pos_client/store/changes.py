"""Applying state sent down by central, a page at a time, with the cursor.

Each page and its new cursor are one transaction, so a crash mid-pull resumes
from the last whole page; applying the same page twice is harmless because
every change is an upsert or delete by key.

Prices, promotions and store settings are staged instead of applied until the
pull reaches its last page (PROTOCOL.md): a till mid-pull keeps pricing against
the whole old set, then switches to the whole new set in one transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, case, delete, select
from sqlalchemy.dialects.sqlite import insert

from pos_client.domain.search_text import index_text

from .guide_changes import GUIDE_ENTITIES, apply_guide_change
from .schema import (
    barcode,
    coupon,
    fulfilment_order,
    member,
    pickup_order,
    price,
    product,
    promotion,
    reservation,
    staff,
    staged_change,
    stock_level,
    store_config,
)
from .settings import put_setting

CURSOR_KEY = "sync.cursor"
# What a sale is priced against: these switch over only when a pull is whole.
PRICING_ENTITIES = frozenset({"price", "promotion", "store_config", "coupon"})


@dataclass(frozen=True, slots=True)
class StateChange:
    entity: str
    id: str
    op: str
    data: dict[str, Any] | None


def price_scope(d: dict[str, Any]) -> str:
    """'chain' (list price), 'store' (this store's own) or 'member' (chain price for members)."""
    scope = d.get("scope", "chain")
    return scope if scope in ("store", "member") else "chain"


def product_search_text(d: dict[str, Any]) -> str:
    return index_text(str(d["name"]), str(d.get("name_en") or ""), str(d.get("brand") or ""),
                      str(d.get("pinyin") or ""), str(d.get("initials") or ""))


def pickup_order_row(d: dict[str, Any]) -> dict[str, Any]:
    """A pickup_order's data as the local row (the lines stay JSON)."""
    return {"order_id": str(d["order_id"]), "status": str(d["status"]), "code_salt": str(d["code_salt"]),
            "code_hash": str(d["code_hash"]), "customer": str(d.get("customer") or ""),
            "phone_last4": str(d.get("phone_last4") or ""), "total": int(d.get("total") or 0),
            "paid": bool(d.get("paid")), "created_at": d.get("created_at"), "deadline": d.get("deadline"),
            "lines": json.dumps(list(d.get("lines") or []), ensure_ascii=False),
            "handed_over_by": d.get("handed_over_by"), "conflict": d.get("conflict")}


def fulfilment_row(d: dict[str, Any]) -> dict[str, Any]:
    return {"fulfilment_id": str(d["fulfilment_id"]), "delivery_order_id": str(d["delivery_order_id"]),
            "status": str(d["status"]), "ship_by": d.get("ship_by"), "customer": str(d.get("customer") or ""),
            "lines": json.dumps(list(d.get("lines") or []), ensure_ascii=False),
            "tracking_no": d.get("tracking_no"), "conflict": d.get("conflict")}


def reservation_row(d: dict[str, Any]) -> dict[str, Any]:
    return {"reservation_id": str(d["reservation_id"]), "order_id": str(d["order_id"]),
            "line_no": int(d["line_no"]), "sku": str(d["sku"]), "qty": int(d["qty"]),
            "expires_at": d.get("expires_at"), "status": str(d.get("status") or "held")}


def _upsert(conn: Connection, table, keys: list[str], values: dict) -> None:
    stmt = insert(table).values(**values)
    updates = {k: stmt.excluded[k] for k in values if k not in keys}
    conn.execute(stmt.on_conflict_do_update(index_elements=keys, set_=updates) if updates
                 else stmt.on_conflict_do_nothing())


def _apply_one(conn: Connection, change: StateChange) -> None:
    d = change.data or {}
    if change.entity == "product":
        if change.op == "delete":
            conn.execute(delete(product).where(product.c.sku == change.id))
            return
        _upsert(conn, product, ["sku"], {
            "sku": d["sku"], "name": d["name"], "name_en": d.get("name_en", ""),
            "category": d.get("category", ""), "brand": d.get("brand", ""), "unit": d.get("unit", ""),
            "search": product_search_text(d),
        })
    elif change.entity == "barcode":
        if change.op == "delete":
            conn.execute(delete(barcode).where(barcode.c.code == change.id))
            return
        _upsert(conn, barcode, ["code"], {"code": d["code"], "sku": d["sku"]})
    elif change.entity == "price":
        sku, _, _scope = change.id.partition("@")
        if change.op == "delete":
            scope = "chain" if _scope == "*" else "member" if _scope == "member" else "store"
            conn.execute(delete(price).where(price.c.sku == sku, price.c.scope == scope))
            return
        _upsert(conn, price, ["sku", "scope"],
                {"sku": d["sku"], "scope": price_scope(d), "amount": int(d["amount"])})
    elif change.entity == "staff":
        if change.op == "delete":
            conn.execute(delete(staff).where(staff.c.staff_id == change.id))
            return
        _upsert(conn, staff, ["staff_id"], {
            "staff_id": d["staff_id"], "code": d["code"], "name": d["name"], "role": d["role"],
            "pin_hash": d["pin_hash"], "active": bool(d.get("active", True)),
        })
    elif change.entity == "stock_level":
        if change.op == "delete":
            conn.execute(delete(stock_level).where(stock_level.c.sku == change.id))
            return
        # Levels only move forward: an older position arriving late never overwrites a newer one.
        stmt = insert(stock_level).values(sku=d["sku"], on_hand=int(d["on_hand"]),
                                          position=int(d["position"]))
        conn.execute(stmt.on_conflict_do_update(
            index_elements=["sku"],
            set_={"on_hand": stmt.excluded.on_hand, "position": stmt.excluded.position},
            where=stmt.excluded.position >= stock_level.c.position))
    elif change.entity == "promotion":
        if change.op == "delete":
            conn.execute(delete(promotion).where(promotion.c.promotion_id == change.id))
            return
        _upsert(conn, promotion, ["promotion_id"], {
            "promotion_id": d["promotion_id"], "version": int(d["version"]),
            "definition": json.dumps(d["definition"], ensure_ascii=False)})
    elif change.entity == "coupon":
        if change.op == "delete":
            conn.execute(delete(coupon).where(coupon.c.code == change.id))
            return
        # Used here is used: a late copy from central saying "issued" never makes it usable again.
        stmt = insert(coupon).values(code=str(d["code"]).upper(), data=json.dumps(d, ensure_ascii=False),
                                     status=str(d.get("status") or "issued"))
        conn.execute(stmt.on_conflict_do_update(index_elements=["code"], set_={
            "data": stmt.excluded.data,
            "status": case((coupon.c.status == "redeemed", coupon.c.status), else_=stmt.excluded.status)}))
    elif change.entity == "member":
        if change.op == "delete":
            conn.execute(delete(member).where(member.c.member_id == change.id))
            return
        # A sign-up made here offline for a phone central already knew is merged there: the
        # provisional row gives way to the member it now stands for.
        conn.execute(delete(member).where(member.c.phone_key == d["phone_key"],
                                          member.c.member_id != d["member_id"]))
        _upsert(conn, member, ["member_id"], {
            "member_id": d["member_id"], "code": d["code"], "tier": d.get("tier", "standard"),
            "points": int(d.get("points", 0)), "phone_key": d["phone_key"], "phone_masked": d["phone_masked"],
            "name_masked": d.get("name_masked", "")})
    elif change.entity == "store_config":
        if change.op == "delete":
            conn.execute(delete(store_config).where(store_config.c.store_id == change.id))
            return
        _upsert(conn, store_config, ["store_id"],
                {"store_id": change.id, "data": json.dumps(d, ensure_ascii=False)})
    elif change.entity == "pickup_order":
        if change.op == "delete":
            conn.execute(delete(pickup_order).where(pickup_order.c.order_id == change.id))
            return
        _upsert(conn, pickup_order, ["order_id"], pickup_order_row(d))
    elif change.entity == "reservation":
        if change.op == "delete":
            conn.execute(delete(reservation).where(reservation.c.reservation_id == change.id))
            return
        _upsert(conn, reservation, ["reservation_id"], reservation_row(d))
    elif change.entity == "fulfilment_order":
        if change.op == "delete":
            conn.execute(delete(fulfilment_order).where(fulfilment_order.c.fulfilment_id == change.id))
            return
        _upsert(conn, fulfilment_order, ["fulfilment_id"], fulfilment_row(d))
    elif change.entity in GUIDE_ENTITIES:
        apply_guide_change(conn, change.entity, change.id, change.op, d)
    # Entities this build does not know yet are skipped: a newer central may send more.


class StateApplier:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    @property
    def engine(self) -> Engine:
        return self._engine

    def apply_page(self, changes: Iterable[StateChange], next_cursor: str, *, final: bool = True) -> int:
        """Apply one page with its cursor; `final` is central's ``has_more: false``."""
        count = 0
        with self._engine.begin() as conn:
            if final:
                self._release_staged(conn)  # earlier pages' pricing changes go first, in order
            for change in changes:
                if change.entity in PRICING_ENTITIES and not final:
                    conn.execute(staged_change.insert().values(
                        entity=change.entity, id=change.id, op=change.op,
                        data=None if change.data is None else json.dumps(change.data, ensure_ascii=False)))
                else:
                    _apply_one(conn, change)
                count += 1
            put_setting(conn, CURSOR_KEY, next_cursor)
        return count

    def staged(self) -> int:
        """How many pricing changes wait for the pull to finish."""
        with self._engine.connect() as conn:
            return len(conn.execute(select(staged_change.c.seq)).all())

    @staticmethod
    def _release_staged(conn: Connection) -> None:
        rows = conn.execute(select(staged_change).order_by(staged_change.c.seq)).all()
        for row in rows:
            _apply_one(conn, StateChange(row.entity, row.id, row.op,
                                         None if row.data is None else json.loads(row.data)))
        if rows:
            conn.execute(delete(staged_change))
