"""Returns at central: applied once like every event, checked against the sale they return.

A return is a fact (the customer has the refund), so it is never rejected for returning more
than central knows was sold, or a sale central has not received yet: it is accepted with a
conflict and a note for loss prevention.  Restocked goods move stock back up at the store
that took them.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Connection, func, insert, select
from sqlalchemy.orm import Session

from sync.protocol import ErrorBody, Event, ReturnCompleted, SaleLookupResponse, SoldLineView, TenderPayload

from .models import (
    Note,
    OnlineRefund,
    PickupOrder,
    ReturnLineRecord,
    ReturnRecord,
    ReturnRefund,
    Sale,
    SaleLine,
    SalePricing,
    SaleTender,
    Store,
    WalletRefund,
)
from .stock import move_stock_many


class ReturnRejected(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


def _returned_qty(conn: Connection, sale_id: str) -> dict[int, int]:
    ids = select(ReturnRecord.return_id).where(ReturnRecord.original_sale_id == sale_id)
    rows = conn.execute(select(ReturnLineRecord.original_line_no, func.sum(ReturnLineRecord.qty))
                        .where(ReturnLineRecord.return_id.in_(ids))
                        .group_by(ReturnLineRecord.original_line_no)).all()
    return {int(no): int(q) for no, q in rows if no is not None}


def apply_return(conn: Connection, device_id: str, store_id: str, store_code: str, event: Event,
                 ret: ReturnCompleted, now: datetime) -> ErrorBody | None:
    if ret.store_code != store_code:
        raise ReturnRejected("wrong_store",
                             f"Return is for store {ret.store_code}, device belongs to {store_code}.")
    if sum(ln.amount for ln in ret.lines) != ret.total or sum(t.amount for t in ret.refunds) != ret.total:
        raise ReturnRejected("totals_mismatch", "Return lines or refunds do not add up to the return total.")
    problems: list[str] = []
    sold: dict[int, int] = {}
    order = None
    if ret.original_sale_id is not None:
        if conn.execute(select(Sale.sale_id).where(Sale.sale_id == ret.original_sale_id)).first() is not None:
            sold = dict(conn.execute(select(SaleLine.line_no, SaleLine.qty)
                                     .where(SaleLine.sale_id == ret.original_sale_id)).all())
        elif (order := conn.execute(select(PickupOrder.__table__).where(
                PickupOrder.id == ret.original_sale_id)).first()) is not None:
            sold = {int(ln["line_no"]): int(ln.get("handed_qty", 0)) for ln in order.lines}
        else:
            problems.append(f"the returned sale {ret.original_receipt_no} is not at central (yet)")
    before = _returned_qty(conn, ret.original_sale_id) if ret.original_sale_id else {}
    conn.execute(insert(ReturnRecord.__table__), {
        "return_id": ret.return_id, "store_id": store_id, "device_id": device_id, "event_id": event.event_id,
        "receipt_no": ret.receipt_no, "original_sale_id": ret.original_sale_id,
        "original_receipt_no": ret.original_receipt_no, "cashier_id": ret.cashier_id, "total": ret.total,
        "reason": ret.reason, "approved_by": ret.approved_by,
        "occurred_at": event.occurred_at.astimezone(UTC), "received_at": now})
    conn.execute(insert(ReturnLineRecord.__table__), [
        {"return_id": ret.return_id, "idx": i, "original_line_no": ln.original_line_no, "sku": ln.sku,
         "qty": ln.qty, "weight_g": ln.weight_g, "amount": ln.amount, "restock": ln.restock}
        for i, ln in enumerate(ret.lines)])
    conn.execute(insert(ReturnRefund.__table__), [
        {"return_id": ret.return_id, "idx": i, "kind": t.kind, "amount": t.amount, "reference": t.reference}
        for i, t in enumerate(ret.refunds)])
    unverified = False
    online = sum(t.amount for t in ret.refunds if t.kind == "online")
    if online:
        if order is None:
            problems.append(f"{online / 100:.2f} refunded to an online payment on a sale that is not "
                            "an online order")
        else:
            conn.execute(insert(OnlineRefund.__table__), {
                "return_id": ret.return_id, "order_id": order.id, "external_ref": order.external_ref,
                "amount": online, "store_code": ret.store_code, "status": "pending", "created_at": now})
    for t in ret.refunds:
        if t.kind == "wallet":
            made = conn.execute(select(WalletRefund.amount, WalletRefund.transaction_id).where(
                WalletRefund.refund_id == t.refund_id, WalletRefund.status == "refunded")).first() \
                if t.refund_id else None
            if made is None or made.amount != t.amount or made.transaction_id != t.reference:
                unverified = True
                problems.append(f"{t.amount / 100:.2f} went back to a wallet without a provider refund")
    for ln in ret.lines:
        if sold and ln.original_line_no is not None:
            total = before.get(ln.original_line_no, 0) + ln.qty
            before[ln.original_line_no] = total
            if total > sold.get(ln.original_line_no, 0):
                problems.append(f"line {ln.original_line_no} ({ln.sku}): {total} returned of "
                                f"{sold.get(ln.original_line_no, 0)} sold")
    moved: dict[str, int] = {}
    for ln in ret.lines:
        if ln.restock:
            moved[ln.sku] = moved.get(ln.sku, 0) + (ln.weight_g if ln.weight_g is not None else ln.qty)
    if moved:
        move_stock_many(conn, store_id, moved, "return", event.event_id, now)
    if not problems:
        return None
    message = f"Refund {ret.receipt_no}: " + "; ".join(problems) + ". The refund stands; please check it."
    code = "wallet_refund_unverified" if unverified else "over_return" if sold else "original_unknown"
    conn.execute(insert(Note.__table__), {"store_id": store_id, "device_id": device_id,
                                          "kind": "wallet_refund" if unverified else "over_return",
                                          "created_at": now, "message": message})
    return ErrorBody(code=code, message=message)


RETURNABLE_ORDERS = ("handed_over", "partly_handed_over")


def _online_order(session: Session, order_id: str) -> SaleLookupResponse | None:
    """A paid online pickup order the customer collected, as a sale a store can take goods back on:
    its handed-over lines, one `online` tender (refunded through the web shop), earlier refunds."""
    order = session.get(PickupOrder, order_id)
    if order is None or not order.paid or order.status not in RETURNABLE_ORDERS:
        return None
    store = session.get(Store, order.store_id)
    returned = _returned_qty(session.connection(), order.id)
    lines = []
    for ln in order.lines:
        handed = int(ln.get("handed_qty", 0))
        if handed > 0:
            lines.append(SoldLineView(line_no=int(ln["line_no"]), sku=ln["sku"],
                                      name=ln.get("name", ln["sku"]), qty=handed,
                                      amount=int(ln["unit_price"]) * handed,
                                      returned_qty=returned.get(int(ln["line_no"]), 0)))
    paid = sum(ln.amount for ln in lines)
    ids = select(ReturnRecord.return_id).where(ReturnRecord.original_sale_id == order.id)
    refunded = [TenderPayload(kind=r.kind, amount=r.amount, tendered=r.amount, reference=r.reference)  # type: ignore[arg-type]
                for r in session.scalars(select(ReturnRefund).where(ReturnRefund.return_id.in_(ids)))]
    return SaleLookupResponse(
        sale_id=order.id, receipt_no=order.id, store_code=store.code if store else "",
        occurred_at=order.closed_at or order.created_at, lines=lines,
        tenders=[TenderPayload(kind="online", amount=paid, tendered=paid, reference=order.external_ref)],
        refunded=refunded)


def lookup_sale(session: Session, receipt_no: str) -> SaleLookupResponse | None:
    sale = session.scalar(select(Sale).where(Sale.receipt_no == receipt_no))
    if sale is None:
        return _online_order(session, receipt_no)
    store = session.get(Store, sale.store_id)
    conn = session.connection()
    returned = _returned_qty(conn, sale.sale_id)
    lines = [SoldLineView(line_no=ln.line_no, sku=ln.sku, name=ln.name, qty=ln.qty, amount=ln.amount,
                          weight_g=ln.weight_g, returned_qty=returned.get(ln.line_no, 0))
             for ln in session.scalars(select(SaleLine).where(SaleLine.sale_id == sale.sale_id)
                                       .order_by(SaleLine.line_no))]
    pricing = session.get(SalePricing, sale.sale_id)
    refs = list(pricing.tender_refs) if pricing is not None else []
    tenders = []
    paid = select(SaleTender).where(SaleTender.sale_id == sale.sale_id).order_by(SaleTender.id)
    for t in session.scalars(paid):
        ref = next((r for r in refs if r["kind"] == t.kind), None)
        if ref is not None:
            refs.remove(ref)
        tenders.append(TenderPayload(kind=t.kind, amount=t.amount, tendered=t.tendered, change=t.change,  # type: ignore[arg-type]
                                     reference=ref and ref.get("reference"), last4=ref and ref.get("last4"),
                                     provider=ref and ref.get("provider")))
    ids = select(ReturnRecord.return_id).where(ReturnRecord.original_sale_id == sale.sale_id)
    refunded = [TenderPayload(kind=r.kind, amount=r.amount, tendered=r.amount, reference=r.reference)  # type: ignore[arg-type]
                for r in session.scalars(select(ReturnRefund).where(ReturnRefund.return_id.in_(ids)))]
    return SaleLookupResponse(sale_id=sale.sale_id, receipt_no=sale.receipt_no,
                              store_code=store.code if store else "", occurred_at=sale.occurred_at,
                              lines=lines, tenders=tenders, refunded=refunded)
