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

A paid order central expires (the customer never came; `pickup.expire`, run by the served
central's expiry job, the cron command and each new reservation) owes the rest back, with
`reason = "expired"`, in the expiry's own transaction: the order leaves the open statuses
in that transaction, under the store's scope lock, so a second run (or a second central
process) finds it no longer open and records nothing.  The refund's id is `<order>-EX1`,
so even a writer that got past the lock would fail on the primary key, not pay twice.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, func, insert, select

from pos_client.domain.pickup_refunds import expired_owed, refused_owed

from .models import OnlineRefund, PickupOrder, Store

REFUSED = "refused"
EXPIRED = "expired"
_NOT_OWED_AFTER = ("cancelled", "expired")
"""An order closed at central before the desk's event: cancelled online (the shop settles it
itself) or expired (the expiry's refund already covers every line not refused before it)."""


def record_refused_refund(conn: Connection, order_id: str, prior_status: str, now: datetime) -> int:
    """After the desk's event is applied: record what the order owes for refused lines and is not yet
    recorded.  Returns the amount recorded now (0: nothing more owed)."""
    if prior_status in _NOT_OWED_AFTER:
        return 0
    o = conn.execute(select(PickupOrder.__table__).where(PickupOrder.id == order_id)).one()
    owed = refused_owed(o.lines, o.status, bool(o.paid))
    if owed <= 0:
        return 0
    return _record_due(conn, o, REFUSED, "RF", owed, now)


def record_expired_refund(conn: Connection, order_id: str, now: datetime) -> int:
    """Central just expired this order (same transaction): record what a paid order owes beyond its
    refused lines.  Returns the amount recorded now (0: unpaid, or recorded before)."""
    o = conn.execute(select(PickupOrder.__table__).where(PickupOrder.id == order_id)).one()
    owed = expired_owed(o.lines, bool(o.paid))
    if owed <= 0:
        return 0
    return _record_due(conn, o, EXPIRED, "EX", owed, now)


def _record_due(conn: Connection, o, reason: str, prefix: str, owed: int, now: datetime) -> int:
    """Insert what is owed for `reason` beyond what is already recorded for it (0: nothing more)."""
    rows = select(func.count(), func.coalesce(func.sum(OnlineRefund.amount), 0)).where(
        OnlineRefund.order_id == o.id, OnlineRefund.reason == reason)
    count, recorded = conn.execute(rows).one()
    due = owed - int(recorded or 0)
    if due <= 0:
        return 0
    store_code = conn.execute(select(Store.code).where(Store.id == o.store_id)).scalar() or ""
    conn.execute(insert(OnlineRefund.__table__), {
        "return_id": f"{o.id}-{prefix}{int(count) + 1}", "order_id": o.id, "external_ref": o.external_ref,
        "amount": due, "store_code": store_code, "status": "pending", "created_at": now, "reason": reason})
    return due


def expiry_refund_note(conn: Connection, order_id: str) -> str:
    """For the conflict of an order handed over after central expired it: the refund already owed
    (empty when none), so whoever resolves it stops or recovers that money."""
    rows = conn.execute(select(OnlineRefund.return_id, OnlineRefund.amount, OnlineRefund.status).where(
        OnlineRefund.order_id == order_id, OnlineRefund.reason == EXPIRED)).all()
    if not rows:
        return ""
    listed = ", ".join(f"{r.return_id} {r.amount} fen ({r.status})" for r in rows)
    return f" The expiry already owed the customer a refund online: {listed}; stop or recover it."
