"""Sales on hold at this till: kept on disk, so a held sale survives a restart."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, delete, func, insert, select

from pos_client.domain.cart import Cart, cart_from_dict, cart_to_dict
from pos_client.domain.identifiers import new_id

from .schema import parked_sale


@dataclass(frozen=True, slots=True)
class ParkedSale:
    id: str
    number: int
    parked_at: str
    staff: str
    total: int
    items: int


def park(conn: Connection, cart: Cart, staff: str, at: datetime | None = None,
         extras: dict | None = None) -> ParkedSale:
    """`extras`: what else the sale carried (its member, its coupons), given back by take_with_extras."""
    number = (conn.execute(select(func.max(parked_sale.c.number))).scalar() or 0) + 1
    held = ParkedSale(new_id(), number, (at or datetime.now(UTC)).isoformat(timespec="seconds"), staff,
                      cart.total, cart.item_count)
    conn.execute(insert(parked_sale).values(
        id=held.id, number=held.number, parked_at=held.parked_at, staff=staff, total=held.total,
        cart=json.dumps({**cart_to_dict(cart), "extras": extras or {}}, ensure_ascii=False)))
    return held


def parked(conn: Connection) -> list[ParkedSale]:
    rows = conn.execute(select(parked_sale).order_by(parked_sale.c.number)).all()
    return [ParkedSale(r.id, r.number, r.parked_at, r.staff, r.total,
                       cart_from_dict(json.loads(r.cart)).item_count) for r in rows]


def take(conn: Connection, parked_id: str) -> Cart | None:
    """The held cart, removed from the list (None if another window took it meanwhile)."""
    taken = take_with_extras(conn, parked_id)
    return taken[0] if taken else None


def take_with_extras(conn: Connection, parked_id: str) -> tuple[Cart, dict] | None:
    raw = conn.execute(select(parked_sale.c.cart).where(parked_sale.c.id == parked_id)).scalar()
    if raw is None:
        return None
    conn.execute(delete(parked_sale).where(parked_sale.c.id == parked_id))
    data = json.loads(raw)
    return cart_from_dict(data), dict(data.get("extras") or {})
