"""Refunds owed for refused lines of paid online pickup orders, in the `online_refunds` flow.

Returns of collected online orders already put what the web shop must pay back in
`online_refunds` (GET /api/v1/online-refunds, POST /online-refunds/{id}/paid).  A line
refused at the desk of a paid order (or every line: the order is then cancelled) was paid
and never taken, so it is owed back the same way, with `reason = "refused"`.

Exactly once: the amount owed follows from the order's state (pos_client.domain.pickup_refunds)
and each event records only what is owed beyond the refused refunds already recorded.  A
duplicate event is answered by the event log before it gets here; a retried or second
report of the same refusal (two tills) finds nothing more owed.  The caller holds the store's
scope lock and the order row, so two events of one order never record concurrently.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, func, insert, select

from pos_client.domain.pickup_refunds import refused_owed

from .models import OnlineRefund, PickupOrder, Store

REFUSED = "refused"
_NOT_OWED_AFTER = ("cancelled", "expired")
"""An order cancelled or expired at central before the desk's event: the shop settles it itself."""


def record_refused_refund(conn: Connection, order_id: str, prior_status: str, now: datetime) -> int:
    """After the desk's event is applied: record what the order owes for refused lines and is not yet
    recorded.  Returns the amount recorded now (0: nothing more owed)."""
    if prior_status in _NOT_OWED_AFTER:
        return 0
    o = conn.execute(select(PickupOrder.__table__).where(PickupOrder.id == order_id)).one()
    owed = refused_owed(o.lines, o.status, bool(o.paid))
    if owed <= 0:
        return 0
    rows = select(func.count(), func.coalesce(func.sum(OnlineRefund.amount), 0)).where(
        OnlineRefund.order_id == order_id, OnlineRefund.reason == REFUSED)
    count, recorded = conn.execute(rows).one()
    due = owed - int(recorded or 0)
    if due <= 0:
        return 0
    store_code = conn.execute(select(Store.code).where(Store.id == o.store_id)).scalar() or ""
    conn.execute(insert(OnlineRefund.__table__), {
        "return_id": f"{order_id}-RF{int(count) + 1}", "order_id": order_id, "external_ref": o.external_ref,
        "amount": due, "store_code": store_code, "status": "pending", "created_at": now, "reason": REFUSED})
    return due
