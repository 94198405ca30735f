"""Pickup orders on the till: central's rows and the desk's own facts, read and written here.

Reads are index hits (code hash, order id, SKU), so verifying a code stays fast with ten
thousand open orders.  Writes take a connection: the service writes the desk's fact, its
event and its journal entry in one transaction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, and_, exists, func, insert, or_, select

from .schema import (
    pickup_attempt,
    pickup_handover,
    pickup_order,
    pickup_ready,
    pickup_refusal,
    reservation,
    stock_level,
)

_NOT_REFUSED = ~exists().where(
    and_(
        pickup_refusal.c.order_id == reservation.c.order_id, pickup_refusal.c.line_no == reservation.c.line_no
    )
)


@dataclass(frozen=True, slots=True)
class StoredOrder:
    order_id: str
    status: str
    """As central last sent it."""
    code_salt: str
    code_hash: str
    customer: str
    phone_last4: str
    total: int
    paid: bool
    created_at: str | None
    deadline: str | None
    lines: tuple[dict, ...]
    handed_over_by: str | None
    conflict: str | None


@dataclass(frozen=True, slots=True)
class Handover:
    order_id: str
    at: str
    staff_code: str
    staff_name: str
    terminal_no: str
    lines: tuple[dict, ...]
    id_checked: bool


def _order(row) -> StoredOrder:
    return StoredOrder(
        row.order_id,
        row.status,
        row.code_salt,
        row.code_hash,
        row.customer,
        row.phone_last4,
        row.total,
        bool(row.paid),
        row.created_at,
        row.deadline,
        tuple(json.loads(row.lines)),
        row.handed_over_by,
        row.conflict,
    )


class PickupStore:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    @property
    def engine(self) -> Engine:
        return self._engine

    # ---------------------------------------------------------------- orders
    def salts(self) -> list[str]:
        """The code salts in use (one per store; more only around a change of salt)."""
        with self._engine.connect() as conn:
            return list(conn.execute(select(pickup_order.c.code_salt).distinct().limit(8)).scalars())

    def by_hash(self, digest: str) -> StoredOrder | None:
        with self._engine.connect() as conn:
            row = conn.execute(
                select(pickup_order)
                .where(pickup_order.c.code_hash == digest)
                .order_by(pickup_order.c.deadline.desc())
                .limit(1)
            ).first()
        return _order(row) if row else None

    def by_id(self, order_id: str) -> StoredOrder | None:
        with self._engine.connect() as conn:
            row = conn.execute(select(pickup_order).where(pickup_order.c.order_id == order_id)).first()
        return _order(row) if row else None

    def listing(self, search: str = "", limit: int = 200) -> list[StoredOrder]:
        """Orders for the desk's list, soonest deadline first; `search` matches the order id, the
        masked name's initial or the phone's last four digits."""
        stmt = select(pickup_order).order_by(pickup_order.c.deadline, pickup_order.c.order_id).limit(limit)
        text = search.strip()
        if text:
            like = f"%{text.replace('%', '').replace('_', '')}%"
            stmt = stmt.where(
                or_(
                    pickup_order.c.order_id.ilike(like),
                    pickup_order.c.phone_last4 == text,
                    pickup_order.c.customer.ilike(f"{text[:1]}%"),
                )
            )
        with self._engine.connect() as conn:
            return [_order(r) for r in conn.execute(stmt)]

    def open_count(self) -> int:
        with self._engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(pickup_order)).scalar() or 0

    # ---------------------------------------------------------------- reservations
    def reserved_for_order(self, order_id: str) -> dict[int, int]:
        """line_no → units central holds for that line (and this desk has not refused)."""
        with self._engine.connect() as conn:
            rows = conn.execute(
                select(reservation.c.line_no, reservation.c.qty).where(
                    reservation.c.order_id == order_id, _NOT_REFUSED
                )
            ).all()
        return {line_no: qty for line_no, qty in rows}

    def reserved(self, skus: list[str]) -> dict[str, int]:
        """Units of each SKU held for pickup orders here.  A line handed over stays counted until
        central's lower stock level arrives with the reservation's tombstone; a refused one is
        released at once."""
        if not skus:
            return {}
        with self._engine.connect() as conn:
            rows = conn.execute(
                select(reservation.c.sku, func.sum(reservation.c.qty))
                .where(reservation.c.sku.in_(skus), _NOT_REFUSED)
                .group_by(reservation.c.sku)
            ).all()
        return {sku: int(total or 0) for sku, total in rows}

    def on_hand(self, sku: str) -> int | None:
        with self._engine.connect() as conn:
            return conn.execute(select(stock_level.c.on_hand).where(stock_level.c.sku == sku)).scalar()

    # ---------------------------------------------------------------- the desk's facts
    def handover(self, order_id: str) -> Handover | None:
        with self._engine.connect() as conn:
            return handover_in(conn, order_id)

    def refusals(self, order_id: str) -> dict[int, dict]:
        with self._engine.connect() as conn:
            rows = conn.execute(select(pickup_refusal).where(pickup_refusal.c.order_id == order_id)).all()
        return {
            r.line_no: {"qty": r.qty, "reason": r.reason, "at": r.at, "staff": r.staff_code} for r in rows
        }

    def marked_ready(self, order_id: str) -> str | None:
        with self._engine.connect() as conn:
            return conn.execute(select(pickup_ready.c.at).where(pickup_ready.c.order_id == order_id)).scalar()

    def local_states(self, order_ids: list[str]) -> dict[str, str]:
        """'handed_over' or 'ready' for the orders this till acted on (for the list)."""
        if not order_ids:
            return {}
        with self._engine.connect() as conn:
            ready = set(
                conn.execute(
                    select(pickup_ready.c.order_id).where(pickup_ready.c.order_id.in_(order_ids))
                ).scalars()
            )
            handed = set(
                conn.execute(
                    select(pickup_handover.c.order_id).where(pickup_handover.c.order_id.in_(order_ids))
                ).scalars()
            )
        return {oid: "handed_over" if oid in handed else "ready" for oid in ready | handed}

    def attempts_since(self, since: datetime) -> list[tuple[datetime, bool]]:
        with self._engine.connect() as conn:
            rows = conn.execute(
                select(pickup_attempt.c.at, pickup_attempt.c.ok).where(pickup_attempt.c.at >= _stamp(since))
            ).all()
        return [(datetime.fromisoformat(at), bool(ok)) for at, ok in rows]


def _stamp(at: datetime) -> str:
    """One fixed width, so stamps compare as text in time order."""
    return at.astimezone(UTC).isoformat(timespec="microseconds")


def handover_in(conn: Connection, order_id: str) -> Handover | None:
    row = conn.execute(select(pickup_handover).where(pickup_handover.c.order_id == order_id)).first()
    if row is None:
        return None
    return Handover(
        row.order_id,
        row.at,
        row.staff_code,
        row.staff_name,
        row.terminal_no,
        tuple(json.loads(row.lines)),
        bool(row.id_checked),
    )


def insert_handover(conn: Connection, h: Handover) -> None:
    """Raises IntegrityError if this till already handed the order over (the primary key)."""
    conn.execute(
        insert(pickup_handover).values(
            order_id=h.order_id,
            at=h.at,
            staff_code=h.staff_code,
            staff_name=h.staff_name,
            terminal_no=h.terminal_no,
            lines=json.dumps(list(h.lines), ensure_ascii=False),
            id_checked=h.id_checked,
        )
    )


def insert_refusal(
    conn: Connection, order_id: str, line_no: int, at: str, staff_code: str, qty: int, reason: str
) -> None:
    conn.execute(
        insert(pickup_refusal).values(
            order_id=order_id, line_no=line_no, at=at, staff_code=staff_code, qty=qty, reason=reason
        )
    )


def insert_ready(conn: Connection, order_id: str, at: str, staff_code: str) -> None:
    conn.execute(insert(pickup_ready).values(order_id=order_id, at=at, staff_code=staff_code))


def insert_attempt(
    conn: Connection, at: datetime, staff_code: str, via: str, ok: bool, order_id: str | None
) -> None:
    conn.execute(
        insert(pickup_attempt).values(at=_stamp(at), staff_code=staff_code, via=via, ok=ok, order_id=order_id)
    )
