"""Shifts at the till: open with a float, move cash with a reason, X report, blind close and Z.

Each change is one durable transaction with its outbox event (`shift.opened`,
`cash.moved`, `shift.closed`) and its journal entries, so the drawer's story reaches
central exactly once and `pos-client journal verify` covers every drawer opening.
The cash a shift took is read from the sales the till committed meanwhile
(store/shifts.py), so the checkout needs no knowledge of shifts.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine

from pos_client.domain.identifiers import new_id
from pos_client.domain.money import Amount
from pos_client.domain.sale import Cashier
from pos_client.domain.shifts import (
    CashMovement,
    Shift,
    ShiftError,
    ShiftReport,
    close_shift,
    expected_cash,
    move_cash,
    open_shift,
    x_report,
)
from pos_client.store import journal
from pos_client.store import shifts as stored
from pos_client.store.sales import OutgoingEvent, UnitOfWork, enqueue
from sync.protocol import CashMoved, ShiftClosed, ShiftOpened, ShiftTenderTotal

from .checkout import Approver, StoreIdentity

Clock = Callable[[], datetime]


def closed_event(report: ShiftReport) -> OutgoingEvent:
    shift, sales = report.shift, report.sales
    assert report.z_no is not None and report.counted is not None and shift.closed_at is not None
    payload = ShiftClosed(
        shift_id=shift.shift_id, store_code=shift.store_code, terminal_no=shift.terminal_no, z_no=report.z_no,
        opened_at=shift.opened_at, closed_at=shift.closed_at, opened_by=shift.opened_by,
        closed_by=shift.closed_by or report.by, opening_float=shift.opening_float,
        sale_count=sales.sale_count, sales_total=sales.sales_total, cash_sales=sales.cash_sales,
        cash_refunds=sales.cash_refunds, cash_in=shift.cash_in, cash_out=shift.cash_out,
        expected_cash=report.expected_cash, counted_cash=report.counted, over_short=report.over_short or 0,
        tenders=[ShiftTenderTotal(kind=t.kind, count=t.count, amount=t.amount) for t in sales.tenders],
        movement_count=len(shift.movements))
    return OutgoingEvent(new_id(), "shift.closed", shift.closed_at, payload.model_dump(mode="json"))


class ShiftService:
    def __init__(self, engine: Engine, writer: UnitOfWork, store: StoreIdentity,
                 clock: Clock = lambda: datetime.now(UTC),
                 after_close: Callable[[ShiftReport], object] | None = None) -> None:
        self._after_close = after_close  # e.g. the Z report's backup
        self._engine = engine
        self._writer = writer
        self._store = store
        self._clock = clock

    def _current(self, conn: Connection) -> tuple[Shift, int] | None:
        return stored.current(conn, self._store.store_code, self._store.terminal_no)

    def current(self) -> Shift | None:
        with self._engine.connect() as conn:
            found = self._current(conn)
        return found[0] if found else None

    def open(self, staff: Cashier, opening_float: Amount) -> Shift:
        """Start a shift; the drawer opens for the float to go in."""
        now = self._clock()

        def write(conn: Connection) -> Shift:
            found = self._current(conn)
            shift = open_shift(new_id(), self._store.store_code, self._store.terminal_no, now, staff.code,
                               staff.name, opening_float, current=found[0] if found else None)
            stored.insert_shift(conn, shift, stored.position(conn))
            enqueue(conn, OutgoingEvent(new_id(), "shift.opened", now, ShiftOpened(
                shift_id=shift.shift_id, store_code=shift.store_code, terminal_no=shift.terminal_no,
                opened_at=now, opened_by=staff.code, opened_by_name=staff.name,
                opening_float=opening_float).model_dump(mode="json")))
            journal.append(conn, "shift.opened", staff.code, {"shift_id": shift.shift_id,
                                                             "opening_float": opening_float}, at=now)
            journal.append(conn, "drawer.opened", staff.code, {"reason": "opening float",
                                                              "shift_id": shift.shift_id}, at=now)
            return shift

        return self._writer.run(write)

    def move(self, staff: Cashier, role: str, direction: str, amount: Amount, reason: str,
             note: str = "", approver: Approver | None = None) -> CashMovement:
        """Cash in or out of the drawer, with a reason; the drawer opening is journaled.

        A cash out by someone who may not take cash alone needs `approver` (a supervisor
        whose PIN was checked); without one, ShiftError('approval_needed')."""
        now = self._clock()

        def write(conn: Connection) -> CashMovement:
            found = self._current(conn)
            shift, after = found if found else (None, 0)
            sales = stored.sales_summary(conn, after)
            _shift, movement = move_cash(shift, new_id(), direction, amount, reason, staff.code, now, sales,
                                         note, role=role,
                                         approver=(approver.code, approver.role) if approver else None)
            assert shift is not None
            stored.insert_movement(conn, shift.shift_id, movement)
            enqueue(conn, OutgoingEvent(new_id(), "cash.moved", now, CashMoved(
                movement_id=movement.movement_id, shift_id=shift.shift_id, store_code=shift.store_code,
                terminal_no=shift.terminal_no, direction=direction, amount=amount,  # type: ignore[arg-type]
                reason=reason, note=movement.note, staff=staff.code, approved_by=movement.approved_by,
                at=now).model_dump(mode="json")))
            journal.append(conn, "drawer.opened", staff.code, {
                "reason": f"cash {direction}", "cash_reason": reason, "amount": amount,
                "shift_id": shift.shift_id, "movement_id": movement.movement_id,
                "approved_by": movement.approved_by}, at=now)
            return movement

        return self._writer.run(write)

    def x_report(self, staff: Cashier, role: str) -> ShiftReport:
        """The shift so far: nothing is written but a journal line saying who looked."""
        now = self._clock()
        with self._engine.connect() as conn:
            found = self._current(conn)
            shift, after = found if found else (None, 0)
            report = x_report(shift, stored.sales_summary(conn, after), now, staff.code, role)
        self._writer.run(lambda conn: journal.append(conn, "shift.x_report", staff.code,
                                                     {"shift_id": report.shift.shift_id}, at=now))
        return report

    def close(self, staff: Cashier, counted: Amount) -> ShiftReport:
        """Close with the blind count: the Z number, the figures, the event, in one transaction."""
        now = self._clock()

        def write(conn: Connection) -> ShiftReport:
            found = self._current(conn)
            if found is None:
                raise ShiftError("not_open")
            shift, after = found
            upto = stored.position(conn)
            sales = stored.sales_summary(conn, after, upto)
            closed, report = close_shift(shift, sales, counted, stored.next_z_number(conn), now, staff.code)
            stored.mark_closed(conn, closed, upto, report.expected_cash)
            enqueue(conn, closed_event(report))
            journal.append(conn, "shift.closed", staff.code, {
                "shift_id": shift.shift_id, "z_no": report.z_no, "expected": report.expected_cash,
                "counted": counted, "over_short": report.over_short}, at=now)
            return report

        report = self._writer.run(write)
        if self._after_close is not None:
            self._after_close(report)
        return report

    def expected_now(self) -> Amount | None:
        """What the drawer should hold (for supervisors' screens and tests), None without a shift."""
        with self._engine.connect() as conn:
            found = self._current(conn)
            if found is None:
                return None
            shift, after = found
            return expected_cash(shift.opening_float, stored.sales_summary(conn, after), shift.movements)

    def last_z(self) -> ShiftReport | None:
        """The last Z report again, rebuilt from what was stored (for a reprint)."""
        with self._engine.connect() as conn:
            found = stored.last_closed(conn, self._store.store_code, self._store.terminal_no)
            if found is None:
                return None
            shift, after, upto = found
            sales = stored.sales_summary(conn, after, upto)
        assert shift.closed_at is not None and shift.counted is not None and shift.z_no is not None
        return ShiftReport("Z", shift, sales, shift.closed_at, shift.closed_by or "",
                           expected_cash(shift.opening_float, sales, shift.movements), counted=shift.counted,
                           z_no=shift.z_no, movements=shift.movements)
