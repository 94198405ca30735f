"""Recording a sale and its event in one durable transaction.

The sale rows, the receipt counter, the outbox row and its sequence number are
written together or not at all: after a crash there is never a sale without
its event, an event without its sale, or a gap in the device's `seq`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TypeVar

from sqlalchemy import Connection, Engine, func, insert, select, update
from sqlalchemy.dialects.sqlite import insert as upsert

from pos_client.domain.sale import Sale

from .schema import counter, outbox, sale, sale_line, sale_tender

T = TypeVar("T")
OUTBOX_SEQ = "outbox_seq"


def next_counter(conn: Connection, name: str) -> int:
    stmt = upsert(counter).values(name=name, value=1)
    stmt = stmt.on_conflict_do_update(index_elements=["name"], set_={"value": counter.c.value + 1})
    conn.execute(stmt)
    return conn.execute(select(counter.c.value).where(counter.c.name == name)).scalar_one()


@dataclass(frozen=True, slots=True)
class OutgoingEvent:
    event_id: str
    type: str
    occurred_at: datetime
    payload: dict


def enqueue(conn: Connection, event: OutgoingEvent) -> int:
    seq = next_counter(conn, OUTBOX_SEQ)
    conn.execute(insert(outbox).values(
        seq=seq, event_id=event.event_id, type=event.type,
        occurred_at=event.occurred_at.isoformat(),
        payload=json.dumps(event.payload, ensure_ascii=False, separators=(",", ":")),
        state="pending", attempts=0, created_at=datetime.now(UTC).isoformat(),
    ))
    return seq


def insert_sale(conn: Connection, done: Sale) -> None:
    conn.execute(insert(sale).values(
        sale_id=done.sale_id, receipt_no=done.receipt_no, occurred_at=done.occurred_at.isoformat(),
        cashier_id=done.cashier.staff_id, cashier_name=done.cashier.name, subtotal=done.subtotal,
        discount_total=done.discount_total, total=done.total, tendered=done.tendered,
        change=done.change, rounding=done.rounding,
        promotions=json.dumps([{"id": a.promotion_id, "version": a.version, "name": a.name,
                                "name_en": a.name_en, "amount": a.amount} for a in done.promotions],
                              ensure_ascii=False),
    ))
    conn.execute(insert(sale_line), [
        {"sale_id": done.sale_id, "line_no": line.line_no, "sku": line.sku, "barcode": line.barcode,
         "name": line.name, "qty": line.qty, "unit_price": line.unit_price,
         "discount": line.discount, "amount": line.amount, "weight_g": line.weight_g,
         "promo_discount": line.promo_discount}
        for line in done.lines
    ])
    conn.execute(insert(sale_tender), [
        {"sale_id": done.sale_id, "idx": i, "kind": t.kind, "amount": t.amount,
         "tendered": t.tendered, "change": t.change, "reference": t.reference, "last4": t.last4}
        for i, t in enumerate(done.tenders)
    ])


class UnitOfWork:
    """One write transaction; the caller's function runs inside it and may read counters."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def run(self, work: Callable[[Connection], T]) -> T:
        with self._engine.begin() as conn:
            return work(conn)


class SalesReader:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def count(self) -> int:
        with self._engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(sale)).scalar() or 0

    def by_receipt(self, receipt_no: str) -> dict | None:
        with self._engine.connect() as conn:
            row = conn.execute(select(sale).where(sale.c.receipt_no == receipt_no)).mappings().first()
        return dict(row) if row else None


def mark_attempt(conn: Connection, seqs: list[int]) -> None:
    conn.execute(update(outbox).where(outbox.c.seq.in_(seqs)).values(attempts=outbox.c.attempts + 1))
