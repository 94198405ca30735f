"""Online orders for pickup in a store (BOPIS) at central: reservations, the order's life, events.

- `create_order` takes an order from the e-commerce front end, reserves its lines at the
  pickup store (refused, with what is available, when the store cannot hold them) and
  answers with the pickup code for the customer.  Reservations hold 15 minutes while
  unpaid, then until the pickup deadline; `expire` releases what central's clock says
  has run out (the till never judges expiry).
- Each store receives its own `pickup_order` rows (a salted hash of the code, never the
  code) and `reservation` rows, in its change scope.
- `apply_ready`, `apply_handed_over`, `apply_rejected` apply the desk's events.  A handover
  consumes the reservation and the stock exactly once; a handover of an order cancelled
  meanwhile, or of one another till already handed over, is a fact: accepted, with a
  conflict and a note (the exception a person resolves), and nothing counted twice.

Reservations are taken under the store's change-scope row lock, the first statement of
the transaction (an UPDATE), so two orders racing for the last unit are serialised on
PostgreSQL and SQLite alike, and the availability read after it is current.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, func, insert, select, update
from sqlalchemy.orm import Session, object_session

from pos_client.domain import pickup as rules
from sync.protocol import ErrorBody, Event, PickupHandedOver, PickupReady, PickupRejected

from .changelog import reserve_seqs
from .db import utcnow
from .models import (
    ChainSetting,
    ChangeLogEntry,
    Device,
    Note,
    PickupNotification,
    PickupOrder,
    PickupStoreSettings,
    Product,
    Reservation,
    StockLevel,
    Store,
)
from .pickup_refunds import expiry_refund_note, record_expired_refund, record_refused_refund
from .stock import move_stock_many

ORDER_ENTITY = "pickup_order"
RESERVATION_ENTITY = "reservation"
DEFAULT_PICKUP_DAYS = 3
HEARTBEAT_WINDOW = timedelta(minutes=30)
"""A store whose tills have all been silent this long gets no new pickup orders promised."""
CHANNEL_KEY = "channel_key"

_ORDERS = PickupOrder.__table__
_RES = Reservation.__table__
_LOG = ChangeLogEntry.__table__


class PickupError(Exception):
    """An online call refused: HTTP status, machine code, message, and details (what is available)."""

    def __init__(self, status: int, code: str, message: str, details: list | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.details = status, code, message, details


@dataclass(frozen=True)
class OrderLineIn:
    sku: str
    qty: int
    unit_price: int
    name: str = ""


# ------------------------------------------------------------------ settings and keys
def channel_key(session: Session) -> str:
    """The key the e-commerce front end sends as X-Channel-Key; made on first use."""
    row = session.get(ChainSetting, CHANNEL_KEY)
    if row is None:
        row = ChainSetting(key=CHANNEL_KEY, value=secrets.token_urlsafe(32))
        session.add(row)
        session.flush()
    return row.value


def channel_key_ok(session: Session, given: str | None) -> bool:
    row = session.get(ChainSetting, CHANNEL_KEY)
    return bool(row and given and hmac.compare_digest(row.value, given))


def store_salt(conn: Connection, store_id: str, *, create: bool = True) -> str:
    """The store's salt for code hashes (hex), made on first use (a reader gets '' before that:
    no order of the store exists yet)."""
    key = f"pickup_salt:{store_id}"
    value = conn.execute(select(ChainSetting.value).where(ChainSetting.key == key)).scalar()
    if value is None and not create:
        return ""
    if value is None:
        value = secrets.token_hex(16)
        conn.execute(insert(ChainSetting.__table__).values(key=key, value=value))
    return value


def settings_data(s: PickupStoreSettings | None) -> dict:
    s = s or PickupStoreSettings(
        reserved_policy="warn", id_check_above=50_000, lock_after_failures=5, lock_minutes=5
    )
    return {
        "reserved_policy": s.reserved_policy or "warn",
        "id_check_above": 50_000 if s.id_check_above is None else s.id_check_above,
        "lock_after_failures": s.lock_after_failures or 5,
        "lock_minutes": s.lock_minutes or 5,
    }


def pickup_settings_for(store: Store) -> dict:
    """The store's pickup rules for its store_config (see catalog.store_config_data)."""
    session = object_session(store)
    return settings_data(session.get(PickupStoreSettings, store.id) if session is not None else None)


def set_pickup_settings(session: Session, store_code: str, **values) -> dict:
    """Change a store's desk rules and send its store_config again."""
    from .catalog import store_config_data
    from .changelog import log_change

    store = session.scalar(select(Store).where(Store.code == store_code))
    if store is None:
        raise LookupError(store_code)
    row = session.get(PickupStoreSettings, store.id)
    if row is None:
        row = PickupStoreSettings(
            store_id=store.id,
            reserved_policy="warn",
            id_check_above=50_000,
            lock_after_failures=5,
            lock_minutes=5,
        )
        session.add(row)
    for key, value in values.items():
        setattr(row, key, value)
    session.flush()
    data = store_config_data(store)
    log_change(session, entity="store_config", entity_id=store.id, data=data, scope=store.id)
    return data


# ------------------------------------------------------------------ what stores receive
def order_data(o, salt: str) -> dict:
    """A pickup order as its store sees it: masked customer, hashed code."""
    return {
        "order_id": o.id,
        "status": o.status,
        "customer": rules.mask_name(o.customer_name),
        "phone_last4": rules.phone_last4(o.customer_phone),
        "total": o.total,
        "paid": bool(o.paid),
        "lines": o.lines,
        "created_at": _iso(o.created_at),
        "deadline": _iso(o.deadline),
        "ready_at": _iso(o.ready_at),
        "code_salt": salt,
        "code_hash": o.code_hash,
        "handed_over_by": o.handed_over_by,
        "conflict": o.conflict,
    }


def reservation_data(r) -> dict:
    return {
        "reservation_id": r.id,
        "order_id": r.order_id,
        "line_no": r.line_no,
        "sku": r.sku,
        "qty": r.qty,
        "expires_at": _iso(r.expires_at),
        "status": r.status,
    }


def _iso(at: datetime | None) -> str | None:
    if at is None:
        return None
    return (at if at.tzinfo else at.replace(tzinfo=UTC)).astimezone(UTC).isoformat()


def _aware(at: datetime) -> datetime:
    return at if at.tzinfo else at.replace(tzinfo=UTC)


def _publish(
    conn: Connection,
    store_id: str,
    entries: list[tuple[str, str, str, dict | None]],
    now: datetime,
    first_seq: int | None = None,
) -> None:
    """(entity, id, op, data) into the store's change scope, numbered in one range."""
    if not entries:
        return
    first = first_seq if first_seq is not None else reserve_seqs(conn, store_id, len(entries))
    conn.execute(
        insert(_LOG),
        [
            {
                "scope": store_id,
                "seq": first + i,
                "entity": entity,
                "entity_id": entity_id,
                "op": op,
                "data": data,
                "created_at": now,
            }
            for i, (entity, entity_id, op, data) in enumerate(entries)
        ],
    )


def _order_entry(conn: Connection, store_id: str, order_id: str) -> tuple[str, str, str, dict]:
    o = conn.execute(select(_ORDERS).where(_ORDERS.c.id == order_id)).one()
    return ORDER_ENTITY, o.id, "upsert", order_data(o, store_salt(conn, store_id))


def _reservation_entry(r) -> tuple[str, str, str, dict | None]:
    if r.status == "held":
        return RESERVATION_ENTITY, r.id, "upsert", reservation_data(r)
    return RESERVATION_ENTITY, r.id, "delete", None


# ------------------------------------------------------------------ availability
def reserved_by_sku(conn: Connection, store_id: str, skus: list[str], now: datetime) -> dict[str, int]:
    """Units held for open orders and not yet expired by central's clock."""
    rows = conn.execute(
        select(_RES.c.sku, func.sum(_RES.c.qty))
        .where(
            _RES.c.store_id == store_id,
            _RES.c.sku.in_(skus),
            _RES.c.status == "held",
            _RES.c.expires_at > now,
        )
        .group_by(_RES.c.sku)
    ).all()
    return {sku: int(total or 0) for sku, total in rows}


def availability(conn: Connection, store_id: str, skus: list[str], now: datetime) -> dict[str, dict]:
    levels = dict(
        conn.execute(
            select(StockLevel.sku, StockLevel.on_hand).where(
                StockLevel.store_id == store_id, StockLevel.sku.in_(skus)
            )
        ).all()
    )
    held = reserved_by_sku(conn, store_id, skus, now)
    return {
        sku: {
            "sku": sku,
            "on_hand": int(levels.get(sku, 0)),
            "reserved": held.get(sku, 0),
            "available": int(levels.get(sku, 0)) - held.get(sku, 0),
        }
        for sku in skus
    }


def _store_silent(conn: Connection, store_id: str, now: datetime) -> bool:
    """Tills exist and none has been heard from within the heartbeat window."""
    seen = conn.execute(
        select(func.count(), func.max(Device.last_seen_at)).where(
            Device.store_id == store_id, Device.revoked_at.is_(None)
        )
    ).one()
    count, last = seen
    if not count:
        return False
    return last is None or _aware(last) < now - HEARTBEAT_WINDOW


# ------------------------------------------------------------------ online calls
def _new_code(conn: Connection, store_id: str, salt: str) -> tuple[str, str]:
    """A code no open order of the store has (one hash must find one order)."""
    for _ in range(20):
        code = f"{secrets.randbelow(10**rules.CODE_DIGITS):0{rules.CODE_DIGITS}d}"
        digest = rules.code_hash(code, salt)
        taken = conn.execute(
            select(_ORDERS.c.id).where(
                _ORDERS.c.store_id == store_id,
                _ORDERS.c.code_hash == digest,
                _ORDERS.c.status.in_(rules.OPEN_STATUSES),
            )
        ).first()
        if taken is None:
            return code, digest
    raise PickupError(503, "no_code", "Could not find a free pickup code; try again.")


def order_answer(o: PickupOrder) -> dict:
    held = o.deadline if o.paid else o.created_at + rules.UNPAID_HOLD
    return {
        "order_id": o.id,
        "external_ref": o.external_ref,
        "status": o.status,
        "paid": o.paid,
        "pickup_code": o.code,
        "qr_payload": rules.qr_payload(o.id, o.code),
        "total": o.total,
        "deadline": _iso(o.deadline),
        "reserved_until": _iso(min(_aware(held), _aware(o.deadline))),
    }


def create_order(
    session: Session,
    *,
    store_code: str,
    external_ref: str,
    customer_name: str,
    customer_phone: str,
    lines: list[OrderLineIn],
    paid: bool,
    now: datetime | None = None,
    pickup_days: int = DEFAULT_PICKUP_DAYS,
) -> dict:
    """Reserve and record an online pickup order; the same external_ref again answers the same order."""
    now = now or utcnow()
    existing = session.scalar(select(PickupOrder).where(PickupOrder.external_ref == external_ref))
    if existing is not None:
        return order_answer(existing)
    store = session.scalar(select(Store).where(Store.code == store_code))
    if store is None:
        raise PickupError(404, "unknown_store", f"No store {store_code}.")
    if not lines:
        raise PickupError(422, "no_lines", "An order needs at least one line.")
    wanted: dict[str, int] = {}
    for line in lines:
        if line.qty < 1:
            raise PickupError(422, "bad_qty", f"Line {line.sku}: quantity must be at least 1.")
        wanted[line.sku] = wanted.get(line.sku, 0) + line.qty
    conn = session.connection()
    # The store's scope lock comes first: reservations at one store are taken one order at a time.
    first_seq = reserve_seqs(conn, store.id, 1 + len(lines))
    expire(conn, now, store_id=store.id)
    if _store_silent(conn, store.id, now):
        raise PickupError(
            409,
            "store_offline",
            f"Store {store_code} has not synced for over {HEARTBEAT_WINDOW}; its stock "
            "cannot be promised now. Offer another store.",
        )
    available = availability(conn, store.id, sorted(wanted), now)
    short = [
        available[sku] | {"wanted": qty}
        for sku, qty in sorted(wanted.items())
        if available[sku]["available"] < qty
    ]
    if short:
        raise PickupError(
            409,
            "not_enough_stock",
            f"Store {store_code} cannot hold these lines: "
            + ", ".join(f"{s['sku']} wanted {s['wanted']}, available {s['available']}" for s in short),
            details=[available[sku] for sku in sorted(wanted)],
        )
    products = Product.__table__
    names = dict(
        session.execute(
            select(products.c.sku, products.c.name).where(products.c.sku.in_(sorted(wanted)))
        ).all()
    )
    salt = store_salt(conn, store.id)
    code, digest = _new_code(conn, store.id, salt)
    order_id = "PU" + secrets.token_hex(6).upper()
    deadline = now + timedelta(days=pickup_days)
    order_lines = [
        {
            "line_no": i,
            "sku": ln.sku,
            "name": ln.name or names.get(ln.sku, ln.sku),
            "qty": ln.qty,
            "unit_price": ln.unit_price,
            "amount": ln.unit_price * ln.qty,
            "handed_qty": 0,
            "rejected_qty": 0,
        }
        for i, ln in enumerate(lines, start=1)
    ]
    order = PickupOrder(
        id=order_id,
        store_id=store.id,
        external_ref=external_ref,
        status=rules.PAID if paid else rules.CREATED,
        customer_name=customer_name[:100],
        customer_phone=customer_phone[:20],
        code=code,
        code_hash=digest,
        total=rules.order_total(order_lines),
        paid=paid,
        lines=order_lines,
        created_at=now,
        deadline=deadline,
    )
    session.add(order)
    expires = deadline if paid else now + rules.UNPAID_HOLD
    reservations = [
        Reservation(
            id=f"{order_id}-{ln['line_no']}",
            store_id=store.id,
            order_id=order_id,
            line_no=ln["line_no"],
            sku=ln["sku"],
            qty=ln["qty"],
            status="held",
            expires_at=expires,
            created_at=now,
        )
        for ln in order_lines
    ]
    session.add_all(reservations)
    session.flush()
    _publish(
        conn,
        store.id,
        [
            (ORDER_ENTITY, order_id, "upsert", order_data(order, salt)),
            *(_reservation_entry(r) for r in reservations),
        ],
        now,
        first_seq,
    )
    return order_answer(order)


def _locked_order(session: Session, order_id: str) -> PickupOrder:
    o = session.get(PickupOrder, order_id)
    if o is None:
        raise PickupError(404, "unknown_order", f"No pickup order {order_id}.")
    reserve_seqs(session.connection(), o.store_id, 0)  # the store's scope lock before changing it
    session.refresh(o)
    return o


def pay_order(session: Session, order_id: str, now: datetime | None = None) -> dict:
    """The customer paid online: the reservation now holds until the pickup deadline."""
    now = now or utcnow()
    o = _locked_order(session, order_id)
    conn = session.connection()
    expire(conn, now, store_id=o.store_id)
    session.refresh(o)
    if o.paid:
        return order_answer(o)
    if not rules.can_move(o.status, rules.PAID) and o.status != rules.READY:
        raise PickupError(409, "not_payable", f"Order {order_id} is {o.status}; it can no longer be paid.")
    o.paid = True
    if o.status == rules.CREATED:
        o.status = rules.PAID
    session.flush()
    conn.execute(
        update(_RES).where(_RES.c.order_id == o.id, _RES.c.status == "held").values(expires_at=o.deadline)
    )
    _publish(conn, o.store_id, [_order_entry(conn, o.store_id, o.id), *_reservation_entries(conn, o.id)], now)
    return order_answer(o)


def cancel_order(session: Session, order_id: str, now: datetime | None = None) -> dict:
    """Cancelled online: its reservations are released.  Refused once handed over, and for an order
    marked ready at a store that has gone silent (the goods may be in the customer's hands)."""
    now = now or utcnow()
    o = _locked_order(session, order_id)
    conn = session.connection()
    if o.status in (rules.HANDED_OVER, rules.PARTLY_HANDED_OVER):
        raise PickupError(
            409, "handed_over", f"Order {order_id} was already collected; refund it as a return."
        )
    if o.status == rules.READY and _store_silent(conn, o.store_id, now):
        raise PickupError(
            409,
            "store_offline",
            f"Order {order_id} is ready at a store that has not synced lately; the customer "
            "may already have it. Call the store before cancelling.",
        )
    if o.status == rules.CANCELLED:
        return order_answer(o)
    o.status = rules.move(o.status, rules.CANCELLED)
    o.closed_at = now
    session.flush()
    _release(conn, o.id, "released")
    _publish(conn, o.store_id, [_order_entry(conn, o.store_id, o.id), *_reservation_entries(conn, o.id)], now)
    return order_answer(o)


def _reservation_entries(conn: Connection, order_id: str) -> list:
    return [
        _reservation_entry(r)
        for r in conn.execute(select(_RES).where(_RES.c.order_id == order_id).order_by(_RES.c.line_no)).all()
    ]


def _release(conn: Connection, order_id: str, status: str, line_no: int | None = None) -> None:
    stmt = update(_RES).where(_RES.c.order_id == order_id, _RES.c.status == "held")
    if line_no is not None:
        stmt = stmt.where(_RES.c.line_no == line_no)
    conn.execute(stmt.values(status=status))


def _stale_reservations(store_id: str | None, now: datetime):
    stmt = select(_RES).where(_RES.c.status == "held", _RES.c.expires_at <= now)
    return stmt if store_id is None else stmt.where(_RES.c.store_id == store_id)


def _ended_orders(store_id: str | None, now: datetime):
    stmt = select(_ORDERS).where(
        _ORDERS.c.status.in_(rules.OPEN_STATUSES),
        (
            (_ORDERS.c.deadline <= now)
            | (
                (_ORDERS.c.paid.is_(False))
                & (_ORDERS.c.status != rules.READY)
                & (_ORDERS.c.created_at <= now - rules.UNPAID_HOLD)
            )
        ),
    )
    return stmt if store_id is None else stmt.where(_ORDERS.c.store_id == store_id)


def expire(conn: Connection, now: datetime | None = None, *, store_id: str | None = None) -> int:
    """Release reservations whose time ran out by central's clock, and expire their orders.

    Returns how many orders expired.  Run by `pos-central expire-pickups` (a cron job) and at
    the start of every new reservation at a store.  Store by store, in store-id order, each
    under its scope lock taken first (the lock order every writer here keeps)."""
    now = now or utcnow()
    if store_id is not None:
        stores = [store_id]
    else:
        stores = sorted(
            {r.store_id for r in conn.execute(_stale_reservations(None, now)).all()}
            | {o.store_id for o in conn.execute(_ended_orders(None, now)).all()}
        )
    return sum(_expire_store(conn, sid, now) for sid in stores)


def _expire_store(conn: Connection, store_id: str, now: datetime) -> int:
    reserve_seqs(conn, store_id, 0)  # the store's scope lock before its rows
    stale = conn.execute(_stale_reservations(store_id, now)).all()
    ended = conn.execute(_ended_orders(store_id, now)).all()
    if not stale and not ended:
        return 0
    entries: list = []
    for r in stale:
        conn.execute(update(_RES).where(_RES.c.id == r.id).values(status="expired"))
        entries.append((RESERVATION_ENTITY, r.id, "delete", None))
    for o in ended:
        conn.execute(update(_ORDERS).where(_ORDERS.c.id == o.id).values(status=rules.EXPIRED, closed_at=now))
        record_expired_refund(conn, o.id, now)  # paid and never collected: owed back online, once
        for r in conn.execute(select(_RES).where(_RES.c.order_id == o.id, _RES.c.status == "held")).all():
            conn.execute(update(_RES).where(_RES.c.id == r.id).values(status="expired"))
            entries.append((RESERVATION_ENTITY, r.id, "delete", None))
        entries.append(_order_entry(conn, store_id, o.id))
    _publish(conn, store_id, entries, now)
    return len(ended)


# ------------------------------------------------------------------ events from the desk
def _event_order(conn: Connection, store_id: str, order_id: str):
    """The order, locked; the store's scope lock is taken first, as every writer here does."""
    reserve_seqs(conn, store_id, 0)
    return conn.execute(
        select(_ORDERS).where(_ORDERS.c.id == order_id, _ORDERS.c.store_id == store_id).with_for_update()
    ).first()


class UnknownOrder(Exception):
    def __init__(self, order_id: str) -> None:
        super().__init__(order_id)
        self.code = "unknown_order"
        self.message = f"No pickup order {order_id} for this store."


def _conflict(
    conn: Connection, store_id: str, device_id: str, order_id: str, code: str, message: str, now: datetime
) -> ErrorBody:
    """The exception a person resolves: a note at central, and the order flagged for the store."""
    conn.execute(
        insert(Note.__table__),
        {
            "store_id": store_id,
            "device_id": device_id,
            "kind": "pickup_conflict",
            "created_at": now,
            "message": message,
        },
    )
    conn.execute(update(_ORDERS).where(_ORDERS.c.id == order_id).values(conflict=code))
    return ErrorBody(code=code, message=message)


def notify_ready(conn: Connection, order, now: datetime) -> None:
    """The customer's 'ready for pickup' message, logged instead of sent."""
    store_name = conn.execute(select(Store.name).where(Store.id == order.store_id)).scalar() or ""
    conn.execute(
        insert(PickupNotification.__table__),
        {
            "order_id": order.id,
            "channel": "sms",
            "recipient": order.customer_phone,
            "message": (
                f"Your order {order.id} is ready for pickup at {store_name}. Show code {order.code} "
                f"before {_iso(order.deadline)}."
            ),
            "created_at": now,
        },
    )


def apply_ready(
    conn: Connection, device_id: str, store_id: str, event: Event, p: PickupReady, now: datetime
) -> ErrorBody | None:
    o = _event_order(conn, store_id, p.order_id)
    if o is None:
        raise UnknownOrder(p.order_id)
    if o.status == rules.READY:
        return None
    if not rules.can_move(o.status, rules.READY):
        return _conflict(
            conn,
            store_id,
            device_id,
            o.id,
            "pickup_not_open",
            f"Order {o.id} was marked ready at the store but is {o.status} at central.",
            now,
        )
    conn.execute(update(_ORDERS).where(_ORDERS.c.id == o.id).values(status=rules.READY, ready_at=now))
    # Ready (also unpaid, to be paid at the desk): the goods are set aside until the deadline.
    conn.execute(
        update(_RES).where(_RES.c.order_id == o.id, _RES.c.status == "held").values(expires_at=o.deadline)
    )
    notify_ready(conn, o, now)
    _publish(conn, store_id, [_order_entry(conn, store_id, o.id), *_reservation_entries(conn, o.id)], now)
    return None


def apply_rejected(
    conn: Connection, device_id: str, store_id: str, event: Event, p: PickupRejected, now: datetime
) -> ErrorBody | None:
    """Lines refused at the desk: their reservations are released; the order stays open for the rest."""
    o = _event_order(conn, store_id, p.order_id)
    if o is None:
        raise UnknownOrder(p.order_id)
    lines = [dict(ln) for ln in o.lines]
    by_no = {ln["line_no"]: ln for ln in lines}
    for refused in p.lines:
        line = by_no.get(refused.line_no)
        if line is None:
            continue
        line["rejected_qty"] = min(line["qty"], line.get("rejected_qty", 0) + refused.qty)
        _release(conn, o.id, "released", refused.line_no)
    values: dict = {"lines": lines}
    if all(ln.get("rejected_qty", 0) >= ln["qty"] for ln in lines) and rules.can_move(
        o.status, rules.CANCELLED
    ):
        values.update(status=rules.CANCELLED, closed_at=now)
    conn.execute(update(_ORDERS).where(_ORDERS.c.id == o.id).values(**values))
    record_refused_refund(conn, o.id, o.status, now)  # a paid line refused: owed back online
    _publish(conn, store_id, [_order_entry(conn, store_id, o.id), *_reservation_entries(conn, o.id)], now)
    return None


def apply_handed_over(
    conn: Connection, device_id: str, store_id: str, event: Event, p: PickupHandedOver, now: datetime
) -> ErrorBody | None:
    """Consume the reservation and the stock once.  A second handover (another till, offline) and a
    handover after an online cancellation are accepted with a conflict."""
    o = _event_order(conn, store_id, p.order_id)
    if o is None:
        raise UnknownOrder(p.order_id)
    who = f"{p.staff} at till {p.terminal_no}"
    if o.status in (rules.HANDED_OVER, rules.PARTLY_HANDED_OVER):
        message = (
            f"Order {o.id} was handed over twice: first by {o.handed_over_by}, again by {who} at "
            f"{p.handed_over_at.isoformat()}. Stock was counted once; check with the store."
        )
        conflict = _conflict(conn, store_id, device_id, o.id, "pickup_handed_over_twice", message, now)
        _publish(conn, store_id, [_order_entry(conn, store_id, o.id)], now)
        return conflict
    conflict = None
    if o.status in (rules.CANCELLED, rules.EXPIRED):
        message = (
            f"Order {o.id} was {o.status} at central but handed over by {who} at "
            f"{p.handed_over_at.isoformat()}: the goods left the store; refund or recover them."
        ) + expiry_refund_note(conn, o.id)
        conflict = _conflict(
            conn, store_id, device_id, o.id, "pickup_cancelled_then_handed_over", message, now
        )
    lines = [dict(ln) for ln in o.lines]
    by_no = {ln["line_no"]: ln for ln in lines}
    moved: dict[str, int] = {}
    for given in p.lines:
        line = by_no.get(given.line_no)
        if line is None or given.qty < 1:
            continue
        qty = min(given.qty, line["qty"] - line.get("rejected_qty", 0) - line.get("handed_qty", 0))
        if qty < 1:
            continue
        line["handed_qty"] = line.get("handed_qty", 0) + qty
        moved[line["sku"]] = moved.get(line["sku"], 0) - qty
    for line in lines:
        _release(conn, o.id, "consumed", line["line_no"])
    refused = sum(1 for ln in lines if ln.get("handed_qty", 0) < ln["qty"])
    status = rules.HANDED_OVER if not refused else rules.PARTLY_HANDED_OVER
    conn.execute(
        update(_ORDERS)
        .where(_ORDERS.c.id == o.id)
        .values(
            status=status,
            lines=lines,
            closed_at=now,
            handed_over_by=who,
            handed_over_device=device_id,
            handed_over_event=event.event_id,
        )
    )
    move_stock_many(conn, store_id, moved, "pickup", event.event_id, now)
    record_refused_refund(conn, o.id, o.status, now)  # paid lines not taken: owed back online
    _publish(conn, store_id, [_order_entry(conn, store_id, o.id), *_reservation_entries(conn, o.id)], now)
    return conflict


def check_oversell(
    conn: Connection, store_id: str, device_id: str, skus: list[str], receipt_no: str, now: datetime
) -> ErrorBody | None:
    """A sale that took units held for pickup orders: the sale stands, the oversell is flagged."""
    if not skus:
        return None
    short = [
        a for a in availability(conn, store_id, skus, now).values() if a["reserved"] and a["available"] < 0
    ]
    if not short:
        return None
    policy = _policy(conn, store_id)
    message = (
        f"Receipt {receipt_no} sold units reserved for pickup orders (store policy: {policy}): "
        + ", ".join(f"{a['sku']} on hand {a['on_hand']}, reserved {a['reserved']}" for a in short)
        + ". Restock or contact the customers."
    )
    conn.execute(
        insert(Note.__table__),
        {
            "store_id": store_id,
            "device_id": device_id,
            "kind": "pickup_oversell",
            "created_at": now,
            "message": message,
        },
    )
    return ErrorBody(code="reserved_stock_oversold", message=message)


def _policy(conn: Connection, store_id: str) -> str:
    value = conn.execute(
        select(PickupStoreSettings.reserved_policy).where(PickupStoreSettings.store_id == store_id)
    ).scalar()
    return value or "warn"


# ------------------------------------------------------------------ snapshots
def snapshot_orders(session: Session, store_id: str):
    """Open orders, and those closed in the last two days (the desk's list and history)."""
    since = utcnow() - timedelta(days=2)
    return select(PickupOrder).where(
        PickupOrder.store_id == store_id,
        (PickupOrder.status.in_(rules.OPEN_STATUSES) | (PickupOrder.closed_at >= since)),
    )


def snapshot_reservations(store_id: str):
    return select(Reservation).where(Reservation.store_id == store_id, Reservation.status == "held")


# ------------------------------------------------------------------ demo
DEMO_ORDERS = (
    ("S001", "王小明", "13800001111", True, "ready"),
    ("S001", "Jenny Li", "13900002222", True, "paid"),
    ("S001", "赵六", "13700003333", False, "expired"),
    ("S002", "孙悦", "13600004444", True, "ready"),
    ("S002", "周杰", "13500005555", True, "paid"),
    ("S003", "吴敏", "13300006666", True, "ready"),
    ("S003", "郑强", "13200007777", False, "expired"),
)


def seed_demo_pickups(session: Session, now: datetime | None = None) -> list[dict]:
    """A handful of pickup orders across the demo stores: some ready, some expired.  Returns their
    answers (with codes) so the demo can print them."""
    from .models import Price

    now = now or utcnow()
    if session.scalar(select(func.count()).select_from(PickupOrder)):
        return []
    # Goods every demo store stocks (not the weighed ones: they are kept in grams).
    skus = session.execute(
        select(Product.sku, Price.amount)
        .join(Price, Price.sku == Product.sku)
        .join(StockLevel, StockLevel.sku == Product.sku)
        .where(Price.scope == "*", StockLevel.on_hand >= 10, Product.unit != "kg")
        .group_by(Product.sku, Price.amount)
        .having(func.count() >= session.scalar(select(func.count()).select_from(Store)))
        .order_by(Product.sku)
        .limit(6)
    ).all()
    if len(skus) < 2:
        return []
    made = []
    for i, (store_code, name, phone, paid, end) in enumerate(DEMO_ORDERS):
        a, b = skus[i % len(skus)], skus[(i + 1) % len(skus)]
        created = now - rules.UNPAID_HOLD - timedelta(minutes=5) if end == "expired" else now
        answer = create_order(
            session,
            store_code=store_code,
            external_ref=f"DEMO-{i + 1:03d}",
            customer_name=name,
            customer_phone=phone,
            paid=paid,
            now=created,
            lines=[OrderLineIn(a.sku, 1, a.amount), OrderLineIn(b.sku, 2, b.amount)],
        )
        if end == "ready":
            o = session.get(PickupOrder, answer["order_id"])
            store_id = o.store_id
            conn = session.connection()
            conn.execute(update(_ORDERS).where(_ORDERS.c.id == o.id).values(status=rules.READY, ready_at=now))
            session.expire(o)
            notify_ready(conn, session.get(PickupOrder, o.id), now)
            _publish(conn, store_id, [_order_entry(conn, store_id, o.id)], now)
        made.append(answer)
    expire(session.connection(), now)
    session.commit()
    return [order_answer(session.get(PickupOrder, m["order_id"])) for m in made]
