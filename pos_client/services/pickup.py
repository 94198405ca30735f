"""The pickup desk: verify a customer's code offline, mark ready, refuse a line, hand over once.

Every code attempt, right or wrong, is a row in `pickup_attempt` and an entry in the
till's journal (which reaches central as `audit.recorded`); never the code itself.
After `max_failures` wrong codes in a row the desk locks for a few minutes, per till.

A handover is single use on this till at once, even offline: its row is keyed by the
order id and written in the same transaction as its `pickup.handed_over` event, so a
second try fails there and says when and by whom.  Two tills of a store handing over
the same order while cut off from central is settled at central (first accepted,
second a conflict).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import IntegrityError

from pos_client.domain import pickup as rules
from pos_client.domain.identifiers import new_id
from pos_client.domain.sale import Cashier
from pos_client.store import journal
from pos_client.store.pickup import (
    Handover,
    PickupStore,
    StoredOrder,
    handover_in,
    insert_attempt,
    insert_handover,
    insert_ready,
    insert_refusal,
)
from pos_client.store.sales import OutgoingEvent, UnitOfWork, enqueue
from sync.protocol import PickupHandedOver, PickupLinePayload, PickupReady, PickupRejected

from .checkout import StoreIdentity

Clock = Callable[[], datetime]
COLLECTABLE = (rules.CREATED, rules.PAID, rules.READY)


class PickupProblem(Exception):
    """Something staff must be told; `code` says which (the UI words it)."""

    code = "pickup"


class DeskLocked(PickupProblem):
    code = "locked"

    def __init__(self, until: datetime) -> None:
        super().__init__(f"too many wrong codes; the desk is locked until {until.isoformat()}")
        self.until = until


class CodeNotRecognised(PickupProblem):
    code = "not_recognised"

    def __init__(self, failures_left: int, malformed: bool = False) -> None:
        super().__init__("not a valid pickup code" if malformed else "no order has this pickup code")
        self.failures_left = failures_left
        self.malformed = malformed


class AlreadyHandedOver(PickupProblem):
    code = "handed_over"

    def __init__(self, handover: Handover) -> None:
        super().__init__(
            f"order {handover.order_id} was handed over at {handover.at} by "
            f"{handover.staff_name} ({handover.staff_code}) at till {handover.terminal_no}"
        )
        self.handover = handover


class NotCollectable(PickupProblem):
    code = "not_collectable"

    def __init__(self, order_id: str, status: str) -> None:
        super().__init__(f"order {order_id} is {status}")
        self.order_id, self.status = order_id, status


class NotPaid(PickupProblem):
    """Central has not seen this order paid: the goods do not leave until it is."""

    code = "not_paid"

    def __init__(self, order_id: str, total: int) -> None:
        super().__init__(f"order {order_id} is not paid")
        self.order_id, self.total = order_id, total


class IdCheckRequired(PickupProblem):
    code = "id_check"

    def __init__(self, total: int, threshold: int) -> None:
        super().__init__(f"an order of {total} needs the customer's ID checked (over {threshold})")
        self.total, self.threshold = total, threshold


class UnknownLine(PickupProblem):
    code = "unknown_line"


@dataclass(frozen=True, slots=True)
class DeskLine:
    line_no: int
    sku: str
    name: str
    qty: int
    unit_price: int
    amount: int
    reserved: int
    """Units central holds for this line at this store (0 once refused or released)."""
    refused: int
    refused_reason: str


@dataclass(frozen=True, slots=True)
class DeskOrder:
    order_id: str
    status: str
    """What the desk shows: central's status, or this till's own handover/ready if newer."""
    central_status: str
    customer: str
    phone_last4: str
    total: int
    paid: bool
    deadline: str | None
    lines: tuple[DeskLine, ...]
    handover: Handover | None
    conflict: str | None
    id_check: bool

    @property
    def collectable(self) -> bool:
        return self.handover is None and self.central_status in COLLECTABLE

    @property
    def remaining_lines(self) -> tuple[DeskLine, ...]:
        return tuple(ln for ln in self.lines if ln.refused < ln.qty)


@dataclass(frozen=True, slots=True)
class Verified:
    """Proof the desk checked this order's code: handing over takes one."""

    order: DeskOrder
    via: str
    at: datetime


@dataclass(frozen=True, slots=True)
class DeskSettings:
    id_check_above: int | None = 50_000
    lockout: rules.LockoutPolicy = field(default_factory=rules.LockoutPolicy)
    reserved_policy: str = rules.WARN

    @classmethod
    def from_store_config(cls, cfg: dict | None) -> DeskSettings:
        pick = (cfg or {}).get("pickup") or {}
        above = pick.get("id_check_above", 50_000)
        return cls(
            id_check_above=None if above is None else int(above),
            lockout=rules.LockoutPolicy.from_config(pick),
            reserved_policy=rules.BLOCK if pick.get("reserved_policy") == rules.BLOCK else rules.WARN,
        )


class PickupDesk:
    def __init__(
        self,
        engine: Engine,
        identity: StoreIdentity,
        settings: DeskSettings | None = None,
        clock: Clock | None = None,
    ) -> None:
        self.orders = PickupStore(engine)
        self._writer = UnitOfWork(engine)
        self.identity = identity
        self.settings = settings or DeskSettings()
        self._clock = clock or (lambda: datetime.now(UTC))
        self._salts: list[str] | None = None

    # ---------------------------------------------------------------- reading
    def listing(self, search: str = "") -> list[tuple[StoredOrder, str]]:
        """(order, status shown) for the desk's list."""
        found = self.orders.listing(search)
        local = self.orders.local_states([o.order_id for o in found])
        return [(o, _shown_status(o.status, local.get(o.order_id))) for o in found]

    def order(self, order_id: str) -> DeskOrder | None:
        stored = self.orders.by_id(order_id)
        return self._desk_order(stored) if stored else None

    def _desk_order(self, o: StoredOrder) -> DeskOrder:
        reserved = self.orders.reserved_for_order(o.order_id)
        refused = self.orders.refusals(o.order_id)
        lines = tuple(
            DeskLine(
                int(ln["line_no"]),
                str(ln["sku"]),
                str(ln.get("name") or ln["sku"]),
                int(ln["qty"]),
                int(ln.get("unit_price", 0)),
                int(ln.get("amount", 0)),
                reserved.get(int(ln["line_no"]), 0),
                max(int(ln.get("rejected_qty", 0)), refused.get(int(ln["line_no"]), {}).get("qty", 0)),
                refused.get(int(ln["line_no"]), {}).get("reason", ""),
            )
            for ln in o.lines
        )
        handover = self.orders.handover(o.order_id)
        local = "handed_over" if handover else ("ready" if self.orders.marked_ready(o.order_id) else None)
        return DeskOrder(
            o.order_id,
            _shown_status(o.status, local),
            o.status,
            o.customer,
            o.phone_last4,
            o.total,
            o.paid,
            o.deadline,
            lines,
            handover,
            o.conflict,
            rules.id_check_needed(o.total, self.settings.id_check_above),
        )

    def locked_until(self) -> datetime | None:
        now = self._clock()
        since = now - timedelta(
            minutes=self.settings.lockout.window_minutes + self.settings.lockout.lock_minutes
        )
        return rules.locked_until(self.orders.attempts_since(since), now, self.settings.lockout)

    # ---------------------------------------------------------------- verifying
    def verify(self, text: str, staff: Cashier) -> Verified:
        """Find the order a typed or scanned code belongs to, offline; every attempt is audited."""
        until = self.locked_until()
        if until is not None:
            self._audit(staff, "locked", False, None, counted=False)
            raise DeskLocked(until)
        scanned = rules.parse_code(text)
        found: StoredOrder | None = None
        if scanned is not None:
            if scanned.order_id is not None:
                candidate = self.orders.by_id(scanned.order_id)
                if candidate and rules.code_matches(scanned.code, candidate.code_salt, candidate.code_hash):
                    found = candidate
            else:
                found = self._by_code(scanned.code)
        via = scanned.via if scanned else "digits"
        self._audit(staff, via, found is not None, found.order_id if found else None)
        if found is None:
            until = self.locked_until()
            if until is not None:
                raise DeskLocked(until)
            raise CodeNotRecognised(self._failures_left(), malformed=scanned is None)
        return Verified(self._desk_order(found), via, self._clock())

    def _by_code(self, code: str) -> StoredOrder | None:
        """Hash with the store's salt and look the digest up.  The salts are remembered (reading
        them scans the table); only a miss reads them again, in case central sent a new one."""
        tried: set[str] = set()
        for fresh in (False, True):
            if fresh or self._salts is None:
                self._salts = self.orders.salts()
            for salt in self._salts:
                if salt in tried:
                    continue
                tried.add(salt)
                found = self.orders.by_hash(rules.code_hash(code, salt))
                if found:
                    return found
        return None

    def _failures_left(self) -> int:
        now = self._clock()
        policy = self.settings.lockout
        attempts = sorted(self.orders.attempts_since(now - timedelta(minutes=policy.window_minutes)))
        streak = 0
        for _at, ok in attempts:
            streak = 0 if ok else streak + 1
        return max(0, policy.max_failures - streak)

    def _audit(
        self, staff: Cashier, via: str, ok: bool, order_id: str | None, *, counted: bool = True
    ) -> None:
        now = self._clock()

        def write(conn: Connection) -> None:
            if counted:
                insert_attempt(conn, now, staff.code, via, ok, order_id)
            journal.append(
                conn,
                "pickup.verify",
                staff.code,
                {"ok": ok, "via": via, "order_id": order_id, "refused_locked": not counted},
                at=now,
            )

        self._writer.run(write)

    # ---------------------------------------------------------------- acting
    def mark_ready(self, order_id: str, staff: Cashier) -> DeskOrder:
        """Picked and set aside: central notifies the customer."""
        o = self._collectable(order_id)
        now = self._clock()
        if self.orders.marked_ready(order_id) or o.central_status == rules.READY:
            return o

        def write(conn: Connection) -> None:
            insert_ready(conn, order_id, now.isoformat(), staff.code)
            payload = PickupReady(
                order_id=order_id, store_code=self.identity.store_code, staff=staff.code, at=now
            )
            enqueue(conn, OutgoingEvent(new_id(), "pickup.ready", now, payload.model_dump(mode="json")))
            journal.append(conn, "pickup.ready", staff.code, {"order_id": order_id}, at=now)

        self._writer.run(write)
        return self._desk_order(self.orders.by_id(order_id))  # type: ignore[arg-type]

    def refuse_line(self, order_id: str, line_no: int, reason: str, staff: Cashier) -> DeskOrder:
        """A damaged or unwanted line is not handed over; its reservation is released."""
        o = self._collectable(order_id)
        line = next((ln for ln in o.lines if ln.line_no == line_no), None)
        if line is None or line.refused >= line.qty:
            raise UnknownLine(f"order {order_id} has no line {line_no} left to refuse")
        now = self._clock()
        reason = (reason or "refused").strip()[:40]

        def write(conn: Connection) -> None:
            insert_refusal(conn, order_id, line_no, now.isoformat(), staff.code, line.qty, reason)
            payload = PickupRejected(
                order_id=order_id,
                store_code=self.identity.store_code,
                terminal_no=self.identity.terminal_no,
                staff=staff.code,
                at=now,
                lines=[PickupLinePayload(line_no=line_no, sku=line.sku, qty=line.qty, reason=reason)],
            )
            enqueue(conn, OutgoingEvent(new_id(), "pickup.rejected", now, payload.model_dump(mode="json")))
            journal.append(
                conn,
                "pickup.rejected",
                staff.code,
                {"order_id": order_id, "line_no": line_no, "qty": line.qty, "reason": reason},
                at=now,
            )

        self._writer.run(write)
        return self._desk_order(self.orders.by_id(order_id))  # type: ignore[arg-type]

    def hand_over(self, verified: Verified, staff: Cashier, *, id_checked: bool = False) -> Handover:
        """The customer takes the remaining lines.  Single use on this till, at once, even offline."""
        o = self.order(verified.order.order_id)
        if o is None:
            raise NotCollectable(verified.order.order_id, "unknown")
        if o.handover is not None:
            raise AlreadyHandedOver(o.handover)
        if o.central_status not in COLLECTABLE:
            raise NotCollectable(o.order_id, o.central_status)
        if not o.paid:
            raise NotPaid(o.order_id, o.total)
        if o.id_check and not id_checked:
            raise IdCheckRequired(o.total, self.settings.id_check_above or 0)
        remaining = o.remaining_lines
        if not remaining:
            raise NotCollectable(o.order_id, "refused")
        now = self._clock()
        lines = tuple({"line_no": ln.line_no, "sku": ln.sku, "qty": ln.qty - ln.refused} for ln in remaining)
        handover = Handover(
            o.order_id, now.isoformat(), staff.code, staff.name, self.identity.terminal_no, lines, id_checked
        )

        def write(conn: Connection) -> None:
            insert_handover(conn, handover)
            payload = PickupHandedOver(
                order_id=o.order_id,
                store_code=self.identity.store_code,
                terminal_no=self.identity.terminal_no,
                staff=staff.code,
                handed_over_at=now,
                lines=[PickupLinePayload(**ln) for ln in lines],
                id_checked=id_checked,
                via="qr" if verified.via == "qr" else "digits",
            )
            enqueue(conn, OutgoingEvent(new_id(), "pickup.handed_over", now, payload.model_dump(mode="json")))
            journal.append(
                conn,
                "pickup.handed_over",
                staff.code,
                {"order_id": o.order_id, "lines": list(lines), "id_checked": id_checked},
                at=now,
            )

        try:
            self._writer.run(write)
        except IntegrityError:
            # Another window of this till got there first (same database, same key).
            with self.orders.engine.connect() as conn:
                first = handover_in(conn, o.order_id)
            if first is None:
                raise
            raise AlreadyHandedOver(first) from None
        return handover

    def _collectable(self, order_id: str) -> DeskOrder:
        o = self.order(order_id)
        if o is None:
            raise NotCollectable(order_id, "unknown")
        if o.handover is not None:
            raise AlreadyHandedOver(o.handover)
        if o.central_status not in COLLECTABLE:
            raise NotCollectable(order_id, o.central_status)
        return o

    # ---------------------------------------------------------------- stock
    def stock_verdict(self, sku: str, on_hand: int | None, wanted: int) -> rules.StockVerdict:
        """Whether selling `wanted` units of the SKU eats into units held for pickup (store policy)."""
        held = self.orders.reserved([sku]).get(sku, 0)
        return rules.stock_verdict(sku, on_hand, held, wanted, self.settings.reserved_policy)


class ReservedStockBlocked(PickupProblem):
    """Store policy 'block': the sale would take units held for online pickup orders."""

    code = "reserved_blocked"

    def __init__(self, verdict: rules.StockVerdict) -> None:
        super().__init__(f"{verdict.sku}: {verdict.available} available, {verdict.reserved} reserved")
        self.verdict = verdict


class ReservedStockGuard:
    """What checkout asks before adding a counted item: available = on hand - reserved."""

    def __init__(self, orders: PickupStore, policy: str) -> None:
        self._orders = orders
        self.policy = policy

    def __call__(self, sku: str, wanted: int) -> rules.StockVerdict | None:
        on_hand = self._orders.on_hand(sku)
        if on_hand is None:
            return None  # central sent no stock for it: nothing to protect
        held = self._orders.reserved([sku]).get(sku, 0)
        verdict = rules.stock_verdict(sku, on_hand, held, wanted, self.policy)
        if verdict.blocked:
            raise ReservedStockBlocked(verdict)
        return verdict if verdict.eats_reserved else None


def _shown_status(central: str, local: str | None) -> str:
    """This till's own handover or ready outranks an older copy of central's status."""
    if local == "handed_over" and central in COLLECTABLE:
        return rules.HANDED_OVER
    if local == "ready" and central in (rules.CREATED, rules.PAID):
        return rules.READY
    return central
