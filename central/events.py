"""Applying events from stores, exactly once each.

Every event runs in its own transaction, and its id is inserted into `events`
in that same transaction as its effects: a retry after a lost response finds
the id and answers `duplicate` with the first outcome instead of applying twice.
A concurrent insert of the same id (two central processes racing) fails on the
primary key and is answered the same way.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime

from pydantic import ValidationError
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from sync.protocol import EVENT_PAYLOADS, ErrorBody, Event, EventResult, SaleCompleted

from .changelog import lock_scope
from .db import utcnow
from .models import Device, Note, ReceivedEvent, Sale, SaleLine, SaleTender, Store
from .stock import move_stock


def payload_hash(event: Event) -> str:
    canonical = json.dumps(
        {"type": event.type, "payload": event.payload}, sort_keys=True, ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


class Rejection(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.body = ErrorBody(code=code, message=message)


def _apply_sale(session: Session, device: Device, store: Store, event: Event,
                sale: SaleCompleted, now: datetime) -> None:
    if sale.store_code != store.code:
        raise Rejection("wrong_store",
                        f"Sale is for store {sale.store_code}, device belongs to {store.code}.")
    if sum(line.amount for line in sale.lines) != sale.total:
        raise Rejection("totals_mismatch", "Line amounts do not add up to the sale total.")
    if session.get(Sale, sale.sale_id) is not None:
        raise Rejection("sale_id_reused", "Another event already recorded a sale with this sale id.")
    session.add(Sale(
        sale_id=sale.sale_id, store_id=store.id, device_id=device.id, event_id=event.event_id,
        receipt_no=sale.receipt_no, cashier_id=sale.cashier_id, cashier_name=sale.cashier_name,
        currency=sale.currency, subtotal=sale.subtotal, discount_total=sale.discount_total,
        total=sale.total, change=sale.change, occurred_at=event.occurred_at.astimezone(UTC),
        received_at=now,
    ))
    session.flush()  # parent row first: PostgreSQL checks the foreign keys per statement
    lock_scope(session, store.id)
    for line in sale.lines:
        session.add(SaleLine(
            sale_id=sale.sale_id, line_no=line.line_no, sku=line.sku, name=line.name, qty=line.qty,
            unit_price=line.unit_price, discount=line.discount, amount=line.amount,
        ))
    moved: dict[str, int] = {}
    for line in sale.lines:
        moved[line.sku] = moved.get(line.sku, 0) - line.qty
    for sku in sorted(moved):
        move_stock(session, store.id, sku, moved[sku], "sale", event.event_id, now)
    for tender in sale.tenders:
        session.add(SaleTender(sale_id=sale.sale_id, kind=tender.kind, amount=tender.amount,
                               tendered=tender.tendered, change=tender.change))


def _apply(session: Session, device: Device, store: Store, event: Event, now: datetime) -> None:
    model = EVENT_PAYLOADS.get(event.type)
    if model is None:
        raise Rejection("unknown_type", f"Central does not know event type {event.type!r}.")
    try:
        payload = model.model_validate(event.payload)
    except ValidationError as exc:
        raise Rejection("invalid_payload",
                        f"Payload does not match {event.type}: {exc.errors()[:3]}") from exc
    if isinstance(payload, SaleCompleted):
        _apply_sale(session, device, store, event, payload, now)


def _previous(session: Session, event: Event, digest: str) -> EventResult | None:
    seen = session.get(ReceivedEvent, event.event_id)
    if seen is None:
        return None
    if seen.payload_hash != digest:
        return EventResult(event_id=event.event_id, status="rejected", error=ErrorBody(
            code="event_id_reused", message="This event id was already used for a different event."))
    first = EventResult.model_validate(seen.outcome) if seen.outcome else None
    return EventResult(event_id=event.event_id, status="duplicate",
                       conflict=first.conflict if first else None,
                       error=first.error if first else None)


def apply_event(factory: sessionmaker[Session], device_id: str, event: Event) -> EventResult:
    """Apply once, ever. Two central processes racing on the same event both get an answer:
    the loser's insert hits a unique key, rolls back, and reads the winner's outcome."""
    digest = payload_hash(event)
    for _attempt in range(3):
        try:
            return _apply_once(factory, device_id, event, digest)
        except IntegrityError:
            with factory() as session:
                raced = _previous(session, event, digest)
            if raced is not None:
                return raced
    raise RuntimeError(f"event {event.event_id} kept colliding without a recorded outcome")


def _apply_once(factory: sessionmaker[Session], device_id: str, event: Event, digest: str) -> EventResult:
    now = utcnow()
    with factory() as session:
        previous = _previous(session, event, digest)
        if previous is not None:
            return previous
        device = session.get(Device, device_id)
        assert device is not None
        store = session.get(Store, device.store_id)
        assert store is not None
        result = EventResult(event_id=event.event_id, status="accepted")
        try:
            with session.begin_nested():
                _apply(session, device, store, event, now)
        except Rejection as rejection:
            result = EventResult(event_id=event.event_id, status="rejected", error=rejection.body)
        if event.seq > device.last_seq + 1:
            session.add(Note(store_id=store.id, device_id=device.id, kind="seq_gap", created_at=now,
                             message=f"events {device.last_seq + 1}..{event.seq - 1} not yet received"))
        device.last_seq = max(device.last_seq, event.seq)
        device.last_seen_at = now
        session.add(ReceivedEvent(
            event_id=event.event_id, device_id=device.id, store_id=store.id, seq=event.seq,
            type=event.type, payload_hash=digest, status=result.status,
            outcome=result.model_dump(mode="json"), occurred_at=event.occurred_at.astimezone(UTC),
            received_at=now,
        ))
        session.commit()
    return result
