"""Applying events from stores, exactly once each.

Every event runs in its own transaction, and its id is inserted into `events`
in that same transaction as its effects: a retry after a lost response finds
the id and answers `duplicate` with the first outcome instead of applying twice.
A concurrent insert of the same id (two central processes racing) fails on the
primary key and is answered the same way.

A rejected event rolls its whole transaction back and records only its outcome in
a fresh one, so a check that fails half-way through a future event type can never
leave half of that event behind.  Statements are built once, with bound parameters:
at hundreds of events a second, building SQL per event costs more than running it.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import NamedTuple

import orjson
from pydantic import ValidationError
from sqlalchemy import Connection, Engine, bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError

from pos_client.domain.journal import JournalEntry, verify_chain
from sync.protocol import (
    EVENT_PAYLOADS,
    ORDER_PAYMENT_SKU,
    AuditRecorded,
    CashMoved,
    ErrorBody,
    Event,
    EventResult,
    FulfilmentPicked,
    FulfilmentRejected,
    FulfilmentShipped,
    MemberSignedUp,
    OrderPlaced,
    PickupHandedOver,
    PickupReady,
    PickupRejected,
    ReturnCompleted,
    SaleCompleted,
    ShiftClosed,
    ShiftOpened,
    StockAdjusted,
    StockCounted,
)

from . import fulfilment, pickup, shifts, stockwork
from .commission import book_sale, reverse_for_return
from .coupons import redeem
from .db import defer_flush, utcnow
from .guide_orders import OrderRefused, place_order
from .members import apply_sign_up, move_points
from .models import AuditEntry, Device, Note, ReceivedEvent, Sale, SaleLine, SalePricing, SaleTender, Store
from .order_payments import pay_from_sale
from .promotions import recompute_total
from .returns import ReturnRejected, apply_return
from .stock import move_stock_many

_EVENTS = ReceivedEvent.__table__
_DEVICES = Device.__table__
_STORES = Store.__table__
_SALES = Sale.__table__
_AUDIT = AuditEntry.__table__

_SEEN = select(_EVENTS.c.payload_hash, _EVENTS.c.outcome).where(_EVENTS.c.event_id == bindparam("event_id"))
# The device row is locked first: one device's events are gap-checked one at a time even
# when a retry races the original push (PostgreSQL; SQLite already holds its write lock).
_DEVICE = (select(_DEVICES.c.last_seq, _STORES.c.id, _STORES.c.code)
           .join(_STORES, _STORES.c.id == _DEVICES.c.store_id)
           .where(_DEVICES.c.id == bindparam("device_id")).with_for_update(of=_DEVICES))
_DEVICE_SEEN = (update(_DEVICES).where(_DEVICES.c.id == bindparam("device_id"))
                .values(last_seq=bindparam("new_last_seq"), last_seen_at=bindparam("seen_at")))
_DEVICE_TOUCH = (update(_DEVICES).where(_DEVICES.c.id == bindparam("device_id"))
                 .values(last_seen_at=bindparam("seen_at")))
_STORE_ZONE = select(_STORES.c.timezone).where(_STORES.c.id == bindparam("store_id"))
_SALE_TAKEN = select(_SALES.c.sale_id).where(_SALES.c.sale_id == bindparam("sale_id"))


class _Store(NamedTuple):
    id: str
    code: str


def payload_hash(event: Event) -> str:
    """Same event, same digest: canonical JSON (sorted keys, compact UTF-8) of type and payload."""
    return hashlib.sha256(orjson.dumps({"type": event.type, "payload": event.payload},
                                       option=orjson.OPT_SORT_KEYS)).hexdigest()


class Rejection(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.body = ErrorBody(code=code, message=message)


def _check_sale(conn: Connection, store: _Store, sale: SaleCompleted) -> None:
    """Every reason to refuse a sale is found before anything is written."""
    if sale.store_code != store.code:
        raise Rejection("wrong_store",
                        f"Sale is for store {sale.store_code}, device belongs to {store.code}.")
    if sum(line.amount for line in sale.lines) != sale.total:
        raise Rejection("totals_mismatch", "Line amounts do not add up to the sale total.")
    taken = conn.execute(_SALE_TAKEN, {"sale_id": sale.sale_id}).first()
    if taken is not None:
        raise Rejection("sale_id_reused", "Another event already recorded a sale with this sale id.")


def _apply_sale(conn: Connection, device_id: str, store: _Store, event: Event,
                sale: SaleCompleted, now: datetime) -> ErrorBody | None:
    _check_sale(conn, store, sale)
    conn.execute(insert(_SALES), {
        "sale_id": sale.sale_id, "store_id": store.id, "device_id": device_id,
        "event_id": event.event_id, "receipt_no": sale.receipt_no, "cashier_id": sale.cashier_id,
        "cashier_name": sale.cashier_name, "currency": sale.currency, "subtotal": sale.subtotal,
        "discount_total": sale.discount_total, "total": sale.total, "change": sale.change,
        "occurred_at": event.occurred_at.astimezone(UTC), "received_at": now,
    })
    conn.execute(insert(SaleLine.__table__), [
        {"sale_id": sale.sale_id, "line_no": line.line_no, "sku": line.sku, "name": line.name,
         "qty": line.qty, "unit_price": line.unit_price, "discount": line.discount,
         "amount": line.amount, "weight_g": line.weight_g} for line in sale.lines])
    conn.execute(insert(SaleTender.__table__), [
        {"sale_id": sale.sale_id, "kind": t.kind, "amount": t.amount, "tendered": t.tendered,
         "change": t.change} for t in sale.tenders])
    moved: dict[str, int] = {}
    for line in sale.lines:
        if sale.guide_order_id and line.sku == ORDER_PAYMENT_SKU:
            continue  # money for a guide order: its fulfilment moves the stock
        # Weighed goods are stocked in grams, everything else in units.
        moved[line.sku] = moved.get(line.sku, 0) - (line.weight_g if line.weight_g is not None else line.qty)
    move_stock_many(conn, store.id, moved, "sale", event.event_id, now)
    stockwork.sales_after_counts(conn, store.id, device_id, moved, event.occurred_at.astimezone(UTC),
                                 event.event_id, now)
    priced = _check_pricing(conn, device_id, store, event, sale, now)
    spent = sum(t.points or 0 for t in sale.tenders if t.kind == "points")
    points = move_points(conn, store.id, device_id, event, sale.member_id, sale.points_earned, spent,
                         sale.receipt_no, now)
    coupons = redeem(conn, store.id, device_id, event, sale, now)
    oversold = pickup.check_oversell(conn, store.id, device_id, sorted(moved), sale.receipt_no, now)
    book_sale(conn, store.id, sale, event.occurred_at.astimezone(UTC))
    order = pay_from_sale(conn, store.id, device_id, sale, now) if sale.guide_order_id else None
    return priced or points or coupons or oversold or order


def _check_pricing(conn: Connection, device_id: str, store: _Store, event: Event,
                   sale: SaleCompleted, now: datetime) -> ErrorBody | None:
    """Central runs the till's pricing engine over the sale with the rules the till named.

    A different total is kept as sold (the customer paid it) and flagged for a person."""
    timezone = conn.execute(_STORE_ZONE, {"store_id": store.id}).scalar() or "Asia/Shanghai"
    expected = recompute_total(conn, sale, occurred_at=event.occurred_at, timezone=timezone)
    conn.execute(insert(SalePricing.__table__), {
        "sale_id": sale.sale_id, "priced_at_local": sale.priced_at_local, "rounding": sale.rounding,
        "promotions": [p.model_dump(mode="json") for p in sale.promotions],
        "tender_refs": [{"kind": t.kind, "reference": t.reference, "last4": t.last4, "provider": t.provider}
                        for t in sale.tenders if t.reference or t.last4 or t.provider],
        "recomputed_total": expected})
    if expected is None or expected == sale.total:
        return None
    message = (f"Receipt {sale.receipt_no}: the till's total is {sale.total} but the named promotions "
               f"give {expected} (minor units); the sale is kept as sold.")
    conn.execute(insert(Note.__table__), {"store_id": store.id, "device_id": device_id,
                                          "kind": "pricing_mismatch", "created_at": now, "message": message})
    return ErrorBody(code="pricing_mismatch", message=message)


def _apply_audit(conn: Connection, device_id: str, store: _Store, audit: AuditRecorded,
                 now: datetime) -> ErrorBody | None:
    """Store the entries central has not seen; a broken chain is a conflict for a person to look at
    (the entries are facts and are kept), never a rejection."""
    entries = [JournalEntry(**e.model_dump()) for e in sorted(audit.entries, key=lambda e: e.seq)]
    seqs = [e.seq for e in entries]
    known = dict(conn.execute(select(_AUDIT.c.seq, _AUDIT.c.hash).where(
        _AUDIT.c.device_id == device_id, _AUDIT.c.seq.between(seqs[0], seqs[-1]))).all())
    clashes = [e.seq for e in entries if e.seq in known and known[e.seq] != e.hash]
    fresh = [e for e in entries if e.seq not in known]
    problems = []
    if fresh:
        before = conn.execute(select(_AUDIT).where(_AUDIT.c.device_id == device_id,
                                                   _AUDIT.c.seq < fresh[0].seq)
                              .order_by(_AUDIT.c.seq.desc()).limit(1)).first()
        after = (JournalEntry(before.seq, before.at, before.kind, before.staff, before.data,
                              before.prev_hash, before.hash) if before is not None else None)
        problems = verify_chain(fresh, after=after)
        conn.execute(insert(_AUDIT), [
            {"device_id": device_id, "seq": e.seq, "store_id": store.id, "at": e.at, "kind": e.kind,
             "staff": e.staff, "data": e.data, "prev_hash": e.prev_hash, "hash": e.hash,
             "received_at": now} for e in fresh])
    if not clashes and not problems:
        return None
    said = [f"entry {seq} differs from the one received before" for seq in clashes[:3]]
    said += [p.describe() for p in problems[:3]]
    message = "The till's journal does not continue the chain central holds: " + "; ".join(said)
    conn.execute(insert(Note.__table__), {"store_id": store.id, "device_id": device_id,
                                          "kind": "journal_chain", "created_at": now, "message": message})
    return ErrorBody(code="journal_chain_broken", message=message)


def _apply(conn: Connection, device_id: str, store: _Store, event: Event, now: datetime) -> ErrorBody | None:
    model = EVENT_PAYLOADS.get(event.type)
    if model is None:
        raise Rejection("unknown_type", f"Central does not know event type {event.type!r}.")
    try:
        payload = model.model_validate(event.payload)
    except ValidationError as exc:
        raise Rejection("invalid_payload",
                        f"Payload does not match {event.type}: {exc.errors()[:3]}") from exc
    if isinstance(payload, SaleCompleted):
        return _apply_sale(conn, device_id, store, event, payload, now)
    if isinstance(payload, MemberSignedUp):
        return apply_sign_up(conn, store.id, event, payload, now)
    if isinstance(payload, ReturnCompleted):
        try:
            returned = apply_return(conn, device_id, store.id, store.code, event, payload, now)
        except ReturnRejected as exc:
            raise Rejection(exc.code, exc.message) from exc
        reverse_for_return(conn, store.id, payload, event.occurred_at.astimezone(UTC))
        return returned
    elif isinstance(payload, AuditRecorded):
        return _apply_audit(conn, device_id, store, payload, now)
    elif isinstance(payload, ShiftOpened | CashMoved | ShiftClosed):
        return _apply_shift(conn, device_id, store, event, payload, now)
    elif isinstance(payload, PickupReady | PickupHandedOver | PickupRejected):
        return _apply_pickup(conn, device_id, store, event, payload, now)
    elif isinstance(payload, FulfilmentPicked | FulfilmentShipped | FulfilmentRejected):
        return _apply_fulfilment(conn, device_id, store, event, payload, now)
    elif isinstance(payload, OrderPlaced | StockAdjusted | StockCounted):
        return _apply_guide_stock(conn, device_id, store, event, payload, now)
    return None


def _apply_fulfilment(conn: Connection, device_id: str, store: _Store, event: Event,
                      payload: FulfilmentPicked | FulfilmentShipped | FulfilmentRejected,
                      now: datetime) -> ErrorBody | None:
    if payload.store_code != store.code:
        raise Rejection("wrong_store", f"Fulfilment event is for store {payload.store_code}, device belongs "
                                       f"to {store.code}.")
    try:
        if isinstance(payload, FulfilmentPicked):
            return fulfilment.apply_picked(conn, device_id, store.id, event, payload, now)
        if isinstance(payload, FulfilmentShipped):
            return fulfilment.apply_shipped(conn, device_id, store.id, event, payload, now)
        return fulfilment.apply_rejected(conn, device_id, store.id, event, payload, now)
    except fulfilment.UnknownFulfilment as unknown:
        raise Rejection(unknown.code, unknown.message) from unknown


def _apply_pickup(conn: Connection, device_id: str, store: _Store, event: Event,
                  payload: PickupReady | PickupHandedOver | PickupRejected,
                  now: datetime) -> ErrorBody | None:
    if payload.store_code != store.code:
        raise Rejection("wrong_store", f"Pickup event is for store {payload.store_code}, device belongs "
                                       f"to {store.code}.")
    try:
        if isinstance(payload, PickupReady):
            return pickup.apply_ready(conn, device_id, store.id, event, payload, now)
        if isinstance(payload, PickupRejected):
            return pickup.apply_rejected(conn, device_id, store.id, event, payload, now)
        return pickup.apply_handed_over(conn, device_id, store.id, event, payload, now)
    except pickup.UnknownOrder as unknown:
        raise Rejection(unknown.code, unknown.message) from unknown


def _apply_guide_stock(conn: Connection, device_id: str, store: _Store, event: Event,
                       payload: OrderPlaced | StockAdjusted | StockCounted,
                       now: datetime) -> ErrorBody | None:
    """Guide orders taken offline and stock work (central/guide_orders.py, central/stockwork.py)."""
    try:
        if isinstance(payload, OrderPlaced):
            place_order(conn, device_id, store.id, store.code, payload, now)
            return None
        if isinstance(payload, StockAdjusted):
            return stockwork.apply_adjusted(conn, store.id, store.code, event, payload, now)
        return stockwork.apply_counted(conn, store.id, store.code, event, payload, now, device_id)
    except OrderRefused as refused:
        raise Rejection(refused.code, refused.message) from refused
    except stockwork.StockRefused as refused:
        raise Rejection(refused.code, refused.message) from refused


def _apply_shift(conn: Connection, device_id: str, store: _Store, event: Event,
                 payload: ShiftOpened | CashMoved | ShiftClosed, now: datetime) -> ErrorBody | None:
    try:
        if isinstance(payload, ShiftOpened):
            shifts.apply_opened(conn, device_id, store.id, store.code, payload, now)
        elif isinstance(payload, CashMoved):
            shifts.apply_moved(conn, device_id, store.id, store.code, event.event_id, payload, now)
        else:
            return shifts.apply_closed(conn, device_id, store.id, store.code, payload, now)
    except shifts.ShiftRejection as refused:
        raise Rejection(refused.code, refused.message) from refused
    return None


def _previous(conn: Connection, event: Event, digest: str) -> EventResult | None:
    seen = conn.execute(_SEEN, {"event_id": event.event_id}).first()
    if seen is None:
        return None
    if seen.payload_hash != digest:
        return EventResult(event_id=event.event_id, status="rejected", error=ErrorBody(
            code="event_id_reused", message="This event id was already used for a different event."))
    first = EventResult.model_validate(seen.outcome) if seen.outcome else None
    return EventResult(event_id=event.event_id, status="duplicate",
                       conflict=first.conflict if first else None,
                       error=first.error if first else None)


class EventBatch:
    """One push's events: each applied in its own transaction, all made durable before the answer.

    Flushing the disk on every commit would cap ingest at one event per flush (about a
    millisecond).  Instead the events' commits skip the flush and one last small
    transaction, the device's `last_seen_at`, commits with a full flush: the write-ahead
    log is sequential, so that flush makes every earlier commit durable too.  The answer
    is sent only after it, so a power cut before it loses only events the till was never
    told about and will send again.

        with EventBatch(engine, device_id) as batch:
            results = [batch.apply(event) for event in events]
    """

    def __init__(self, engine: Engine, device_id: str) -> None:
        self.engine = engine
        self.device_id = device_id
        self.conn: Connection | None = None

    def __enter__(self) -> EventBatch:
        self.conn = self.engine.connect()
        defer_flush(self.conn, True)
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        conn, self.conn = self.conn, None
        assert conn is not None
        try:
            if conn.in_transaction():
                conn.rollback()
            defer_flush(conn, False)
            if exc_type is None:
                conn.execute(_DEVICE_TOUCH, {"device_id": self.device_id, "seen_at": utcnow()})
                conn.commit()  # the durability barrier: flushes this commit and all before it
        except BaseException:
            conn.invalidate()  # never hand a connection with deferred flushes back to the pool
            raise
        finally:
            conn.close()

    def apply(self, event: Event) -> EventResult:
        """Apply once, ever. Two central processes racing on the same event both get an answer:
        the loser's insert hits a unique key, rolls back, and reads the winner's outcome."""
        conn = self.conn
        assert conn is not None, "use EventBatch as a context manager"
        digest = payload_hash(event)
        for _attempt in range(3):
            try:
                return _apply_once(conn, self.device_id, event, digest)
            except IntegrityError:
                conn.rollback()
                raced = _previous(conn, event, digest)
                conn.rollback()
                if raced is not None:
                    return raced
        raise RuntimeError(f"event {event.event_id} kept colliding without a recorded outcome")


def _apply_once(conn: Connection, device_id: str, event: Event, digest: str) -> EventResult:
    now = utcnow()
    previous = _previous(conn, event, digest)
    if previous is not None:
        conn.rollback()  # end the read; the write lock is not kept across events
        return previous
    last_seq, store = _lock_device(conn, device_id)
    result = EventResult(event_id=event.event_id, status="accepted")
    try:
        conflict = _apply(conn, device_id, store, event, now)
        if conflict is not None:
            result = EventResult(event_id=event.event_id, status="accepted", conflict=conflict)
    except Rejection as rejection:
        conn.rollback()
        result = EventResult(event_id=event.event_id, status="rejected", error=rejection.body)
        last_seq, store = _lock_device(conn, device_id)
    _record(conn, device_id, store, last_seq, event, digest, result, now)
    conn.commit()
    return result


def _lock_device(conn: Connection, device_id: str) -> tuple[int, _Store]:
    last_seq, store_id, store_code = conn.execute(_DEVICE, {"device_id": device_id}).one()
    return last_seq, _Store(store_id, store_code)


def _record(conn: Connection, device_id: str, store: _Store, last_seq: int, event: Event,
            digest: str, result: EventResult, now: datetime) -> None:
    """The idempotency record and the device's sequence bookkeeping, in the event's transaction."""
    if event.seq > last_seq + 1:
        conn.execute(insert(Note.__table__), {
            "store_id": store.id, "device_id": device_id, "kind": "seq_gap", "created_at": now,
            "message": f"events {last_seq + 1}..{event.seq - 1} not yet received"})
    conn.execute(_DEVICE_SEEN, {"device_id": device_id, "new_last_seq": max(last_seq, event.seq),
                                "seen_at": now})
    conn.execute(insert(_EVENTS), {
        "event_id": event.event_id, "device_id": device_id, "store_id": store.id, "seq": event.seq,
        "type": event.type, "payload_hash": digest, "status": result.status,
        "outcome": result.model_dump(mode="json"), "occurred_at": event.occurred_at.astimezone(UTC),
        "received_at": now,
    })
