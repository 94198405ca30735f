"""A guide order paid at a till: the till sells one line of the order's amount due (sku
ORDER_PAYMENT_SKU) through its normal payment and sale commit, so the money is in that till's
shift and Z report; the sale event names the order, and central marks it paid here, once.

Exactly once: the payment row's key is the order id, written in the sale event's transaction
(a duplicate event is already answered by the event id).  A second, different sale for an order
already paid is a fact (the customer paid twice): kept, accepted with a conflict, and a note opened
for a person to refund it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, insert, select, update

from sync.protocol import ORDER_PAYMENT_SKU, ErrorBody, SaleCompleted

from .changelog import reserve_seqs
from .guide_orders import order_data
from .models import ChangeLogEntry, GuideOrder, GuideOrderPayment, Note

_ORDERS = GuideOrder.__table__
_PAID = GuideOrderPayment.__table__


def order_amount(sale: SaleCompleted) -> int:
    return sum(ln.amount for ln in sale.lines if ln.sku == ORDER_PAYMENT_SKU)


def pay_from_sale(conn: Connection, store_id: str, device_id: str, sale: SaleCompleted,
                  now: datetime) -> ErrorBody | None:
    """Mark the sale's order paid; a conflict (and a note) when it cannot be."""
    order_id = sale.guide_order_id
    assert order_id is not None
    row = conn.execute(select(_ORDERS).where(_ORDERS.c.order_id == order_id).with_for_update()).first()
    problem: ErrorBody | None = None
    if row is None:
        problem = ErrorBody(code="unknown_order", message=(
            f"Receipt {sale.receipt_no} pays guide order {order_id}, which central does not know; "
            "the money is kept as sold."))
    elif row.status == "paid" or conn.execute(select(_PAID.c.sale_id).where(
            _PAID.c.order_id == order_id)).first() is not None:
        problem = ErrorBody(code="order_already_paid", message=(
            f"Guide order {row.order_no} was already paid; receipt {sale.receipt_no} took "
            f"{order_amount(sale)} (minor units) again: refund the customer."))
    elif order_amount(sale) < row.total:
        problem = ErrorBody(code="order_underpaid", message=(
            f"Receipt {sale.receipt_no} took {order_amount(sale)} for guide order {row.order_no} "
            f"of {row.total} (minor units); the order stays unpaid."))
    if problem is not None:
        conn.execute(insert(Note.__table__), {"store_id": store_id, "device_id": device_id,
                                              "kind": problem.code, "created_at": now,
                                              "message": problem.message})
        return problem
    conn.execute(insert(_PAID), {"order_id": order_id, "store_id": store_id, "sale_id": sale.sale_id,
                                 "amount": order_amount(sale), "paid_at": now})
    conn.execute(update(_ORDERS).where(_ORDERS.c.order_id == order_id)
                 .values(status="paid", payment_url=None))
    paid = conn.execute(select(_ORDERS).where(_ORDERS.c.order_id == order_id)).one()
    conn.execute(insert(ChangeLogEntry.__table__), {
        "scope": paid.store_id, "seq": reserve_seqs(conn, paid.store_id, 1), "entity": "guide_order",
        "entity_id": order_id, "op": "upsert", "data": order_data(paid), "created_at": now})
    return None
