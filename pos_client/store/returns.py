"""Returns at this till: recorded with their event in one transaction, and what a sale of
this till has already had returned, so the same goods are never refunded twice here."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, Engine, func, insert, select

from pos_client.domain.returns import OriginalLine, OriginalSale, Return
from pos_client.domain.tenders import Tender

from .schema import return_line, return_record, return_refund, sale, sale_line, sale_tender


def insert_return(conn: Connection, done: Return) -> None:
    original = done.original
    conn.execute(insert(return_record).values(
        return_id=done.return_id, receipt_no=done.receipt_no, occurred_at=done.occurred_at.isoformat(),
        cashier_id=done.cashier.staff_id, original_sale_id=original.sale_id if original else None,
        original_receipt_no=original.receipt_no if original else None, total=done.total,
        reason=done.reason, approved_by=done.approved_by))
    conn.execute(insert(return_line), [
        {"return_id": done.return_id, "idx": i, "original_line_no": ln.original_line_no, "sku": ln.sku,
         "qty": ln.qty, "amount": ln.amount, "restock": ln.restock} for i, ln in enumerate(done.lines)])
    conn.execute(insert(return_refund), [
        {"return_id": done.return_id, "idx": i, "kind": t.kind, "amount": t.amount, "reference": t.reference}
        for i, t in enumerate(done.refunds)])


def returned_here(conn: Connection, sale_id: str) -> tuple[dict[int, int], list[Tender]]:
    """Units returned per original line, and the refunds given, by this till's returns."""
    ids = select(return_record.c.return_id).where(return_record.c.original_sale_id == sale_id)
    qty = dict(conn.execute(select(return_line.c.original_line_no, func.sum(return_line.c.qty))
                            .where(return_line.c.return_id.in_(ids))
                            .group_by(return_line.c.original_line_no)).all())
    refunds = [Tender(kind, amount, amount, reference=reference) for kind, amount, reference in conn.execute(
        select(return_refund.c.kind, return_refund.c.amount, return_refund.c.reference)
        .where(return_refund.c.return_id.in_(ids)))]
    return {int(k): int(v) for k, v in qty.items() if k is not None}, refunds


def local_sale(engine: Engine, receipt_no: str, store_code: str) -> OriginalSale | None:
    """A sale this till made, with what was already returned of it here."""
    with engine.connect() as conn:
        row = conn.execute(select(sale.c.sale_id, sale.c.occurred_at)
                           .where(sale.c.receipt_no == receipt_no)).first()
        if row is None:
            return None
        returned, refunds = returned_here(conn, row.sale_id)
        lines = tuple(
            OriginalLine(line_no=r.line_no, sku=r.sku, name=r.name, qty=r.qty, amount=r.amount,
                         weight_g=r.weight_g, returned_qty=returned.get(r.line_no, 0))
            for r in conn.execute(select(sale_line).where(sale_line.c.sale_id == row.sale_id)
                                  .order_by(sale_line.c.line_no)))
        tenders = tuple(
            Tender(r.kind, r.amount, r.tendered, r.change, reference=r.reference, last4=r.last4)
            for r in conn.execute(select(sale_tender).where(sale_tender.c.sale_id == row.sale_id)
                                  .order_by(sale_tender.c.idx)))
    return OriginalSale(row.sale_id, receipt_no, store_code, datetime.fromisoformat(row.occurred_at),
                        lines, tenders, tuple(refunds), source="local")
