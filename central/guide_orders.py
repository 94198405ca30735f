"""Guide-assisted orders (endless aisle): one order per order id, however it arrives.

A till online calls `POST /orders` with the order id as Idempotency-Key; a till that
took the order offline sends the same order as an `order.placed` event.  Both land
in `place_order`, which makes the order once: a retry, or the event arriving after
the POST already made the order, answers with the order as first made.  The order
and its state go down to the guide's store as `guide_order`, so a till that placed
it offline sees it turn into a numbered order at its next pull.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import Connection, insert, select

from sync.protocol import OrderPlaced, OrderResponse

from .changelog import reserve_seqs
from .commission import book
from .models import ChangeLogEntry, CommissionEntry, GuideOrder, Staff, Store

PAYMENT_LINK_BASE = "https://pay.example.com/o/"
"""The payment page a customer opens from the order slip's QR (the reference sandbox)."""


class OrderRefused(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def _digest(order: OrderPlaced) -> str:
    return hashlib.sha256(
        orjson.dumps(order.model_dump(mode="json"), option=orjson.OPT_SORT_KEYS)
    ).hexdigest()


def order_data(row: GuideOrder) -> dict:
    return {
        "order_id": row.order_id,
        "order_no": row.order_no,
        "status": row.status,
        "total": row.total,
        "payment_url": row.payment_url,
        "fulfilment": row.fulfilment,
    }


def _response(row: Mapping[str, Any], commission: int, now: datetime) -> OrderResponse:
    return OrderResponse(
        order_id=row["order_id"],
        order_no=row["order_no"],
        status=row["status"],
        total=row["total"],
        payment_url=row["payment_url"],
        commission=commission,
        server_time=now,
    )


def place_order(
    conn: Connection, device_id: str, store_id: str, store_code: str, order: OrderPlaced, now: datetime
) -> OrderResponse:
    """Make the order once; the same id again answers the first order (a different body: 409)."""
    table = GuideOrder.__table__
    digest = _digest(order)
    seen = conn.execute(select(table).where(table.c.order_id == order.order_id)).first()
    if seen is not None:
        if seen.request_hash != digest:
            raise OrderRefused(
                409, "order_id_reused", "This order id was already used for a different order."
            )
        return _response(seen._mapping, _commission(conn, order.order_id), now)
    _check(conn, store_code, order)
    pickup_id = None
    if order.fulfilment == "pickup_other":
        pickup_id = conn.execute(select(Store.id).where(Store.code == order.pickup_store_code)).scalar()
    elif order.fulfilment == "pickup_here":
        pickup_id = store_id
    paid = order.payment == "till" and sum(t.amount for t in order.tenders) >= order.total
    order_no = (
        "GO"
        + order.placed_at.astimezone(UTC).strftime("%y%m%d")
        + hashlib.sha256(order.order_id.encode()).hexdigest()[:8].upper()
    )
    row = {
        "order_id": order.order_id,
        "order_no": order_no,
        "store_id": store_id,
        "device_id": device_id,
        "request_hash": digest,
        "guide_id": order.guide_id,
        "fulfilment": order.fulfilment,
        "pickup_store_id": pickup_id,
        "status": "paid" if paid else "placed",
        "total": order.total,
        "payment": order.payment,
        "payment_url": None if paid else PAYMENT_LINK_BASE + order_no,
        "data": order.model_dump(mode="json"),
        "placed_at": order.placed_at.astimezone(UTC),
        "received_at": now,
    }
    conn.execute(insert(table), row)
    commission = book(
        conn,
        guide_id=order.guide_id,
        store_id=store_id,
        source="order",
        ref_id=order.order_id,
        channel=order.fulfilment,
        occurred_at=order.placed_at.astimezone(UTC),
        lines=[(i + 1, ln.sku, ln.category, ln.amount) for i, ln in enumerate(order.lines)],
    )
    seq = reserve_seqs(conn, store_id, 1)
    data = {k: row[k] for k in ("order_id", "order_no", "status", "total", "payment_url", "fulfilment")}
    conn.execute(
        insert(ChangeLogEntry.__table__),
        {
            "scope": store_id,
            "seq": seq,
            "entity": "guide_order",
            "entity_id": order.order_id,
            "op": "upsert",
            "data": data,
            "created_at": now,
        },
    )
    return _response(row, commission, now)


def _commission(conn: Connection, order_id: str) -> int:
    t = CommissionEntry.__table__
    return sum(c for (c,) in conn.execute(select(t.c.commission).where(t.c.ref_id == order_id)).all())


def _check(conn: Connection, store_code: str, order: OrderPlaced) -> None:
    if order.store_code != store_code:
        raise OrderRefused(
            403,
            "wrong_store",
            f"The order is for store {order.store_code}, the till belongs to {store_code}.",
        )
    if sum(ln.amount for ln in order.lines) != order.total:
        raise OrderRefused(422, "totals_mismatch", "The order lines do not add up to its total.")
    if order.fulfilment == "delivery" and order.address is None:
        raise OrderRefused(
            422, "address_needed", "A home delivery needs the customer's name, phone and address."
        )
    if order.fulfilment == "pickup_other":
        if not order.pickup_store_code or order.pickup_store_code == store_code:
            raise OrderRefused(422, "pickup_store_needed", "Pickup at another store needs that store's code.")
        if conn.execute(select(Store.id).where(Store.code == order.pickup_store_code)).first() is None:
            raise OrderRefused(422, "unknown_store", f"There is no store {order.pickup_store_code}.")
    guide = conn.execute(select(Staff.id).where(Staff.id == order.guide_id)).first()
    if guide is None:
        raise OrderRefused(422, "unknown_guide", "The guide named on the order is not known at central.")
