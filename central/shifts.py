"""Shift events from the tills: shift.opened, cash.moved, shift.closed (the Z report).

They are facts about cash in a drawer, so they are never refused for business reasons:
a Z number a till hands out twice (a till restored from an old backup) or a shift
closed twice is accepted with a conflict and noted for a person.  Only what cannot be
true is refused: a shift from another store, figures that do not add up, an id that an
earlier event used for something else.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Connection, insert, select, update

from sync.protocol import CashMoved, ErrorBody, ShiftClosed, ShiftOpened

from .models import CashMovement, Note, TillShift

_SHIFTS = TillShift.__table__
_MOVES = CashMovement.__table__


class ShiftRejection(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


def _own_store(store_code: str, payload_store: str) -> None:
    if payload_store != store_code:
        raise ShiftRejection("wrong_store",
                             f"Shift is for store {payload_store}, device belongs to {store_code}.")


def _existing(conn: Connection, shift_id: str, device_id: str):
    row = conn.execute(select(_SHIFTS).where(_SHIFTS.c.shift_id == shift_id)).first()
    if row is not None and row.device_id != device_id:
        raise ShiftRejection("shift_id_reused", "Another till already recorded a shift with this id.")
    return row


def _note(conn: Connection, store_id: str, device_id: str, kind: str, message: str,
          now: datetime) -> ErrorBody:
    conn.execute(insert(Note.__table__), {"store_id": store_id, "device_id": device_id, "kind": kind,
                                          "created_at": now, "message": message})
    return ErrorBody(code=kind, message=message)


def apply_opened(conn: Connection, device_id: str, store_id: str, store_code: str, opened: ShiftOpened,
                 now: datetime) -> None:
    _own_store(store_code, opened.store_code)
    row = _existing(conn, opened.shift_id, device_id)
    values = {"opened_at": opened.opened_at.astimezone(UTC), "opened_by": opened.opened_by,
              "opened_by_name": opened.opened_by_name, "opening_float": opened.opening_float}
    if row is None:
        conn.execute(insert(_SHIFTS), {"shift_id": opened.shift_id, "store_id": store_id,
                                       "device_id": device_id, "terminal_no": opened.terminal_no,
                                       "received_at": now, **values})
    else:  # the close came first; it carried the same opening figures
        conn.execute(update(_SHIFTS).where(_SHIFTS.c.shift_id == opened.shift_id).values(**values))


def apply_moved(conn: Connection, device_id: str, store_id: str, store_code: str, event_id: str,
                moved: CashMoved, now: datetime) -> None:
    _own_store(store_code, moved.store_code)
    taken = conn.execute(select(_MOVES.c.movement_id)
                         .where(_MOVES.c.movement_id == moved.movement_id)).first()
    if taken is not None:
        raise ShiftRejection("movement_id_reused", "Another event already recorded this cash movement.")
    conn.execute(insert(_MOVES), {
        "movement_id": moved.movement_id, "store_id": store_id, "device_id": device_id,
        "shift_id": moved.shift_id, "direction": moved.direction, "amount": moved.amount,
        "reason": moved.reason, "note": moved.note, "staff": moved.staff, "approved_by": moved.approved_by,
        "occurred_at": moved.at.astimezone(UTC), "event_id": event_id, "received_at": now})


def check_figures(closed: ShiftClosed) -> None:
    expected = (closed.opening_float + closed.cash_sales - closed.cash_refunds + closed.cash_in
                - closed.cash_out)
    if expected != closed.expected_cash or closed.counted_cash - closed.expected_cash != closed.over_short:
        raise ShiftRejection("totals_mismatch", "The Z report's cash figures do not add up.")


def apply_closed(conn: Connection, device_id: str, store_id: str, store_code: str, closed: ShiftClosed,
                 now: datetime) -> ErrorBody | None:
    _own_store(store_code, closed.store_code)
    check_figures(closed)
    row = _existing(conn, closed.shift_id, device_id)
    conflict = None
    if row is not None and row.closed_at is not None:
        return _note(conn, store_id, device_id, "shift_closed_twice",
                     f"Shift {closed.shift_id} was already closed as Z{row.z_no}; "
                     f"a second close as Z{closed.z_no} is kept only in the event log.", now)
    reused = conn.execute(select(_SHIFTS.c.shift_id).where(
        _SHIFTS.c.device_id == device_id, _SHIFTS.c.z_no == closed.z_no,
        _SHIFTS.c.shift_id != closed.shift_id)).first()
    if reused is not None:
        conflict = _note(conn, store_id, device_id, "z_number_reused",
                         f"Till {closed.terminal_no} closed two shifts as Z{closed.z_no} "
                         "(restored from an old backup?): both are kept.", now)
    values = {
        "closed_at": closed.closed_at.astimezone(UTC), "closed_by": closed.closed_by, "z_no": closed.z_no,
        "sale_count": closed.sale_count, "sales_total": closed.sales_total, "cash_sales": closed.cash_sales,
        "cash_refunds": closed.cash_refunds, "cash_in": closed.cash_in, "cash_out": closed.cash_out,
        "expected_cash": closed.expected_cash, "counted_cash": closed.counted_cash,
        "over_short": closed.over_short, "tenders": [t.model_dump() for t in closed.tenders],
    }
    if row is None:
        conn.execute(insert(_SHIFTS), {
            "shift_id": closed.shift_id, "store_id": store_id, "device_id": device_id,
            "terminal_no": closed.terminal_no, "opened_at": closed.opened_at.astimezone(UTC),
            "opened_by": closed.opened_by, "opening_float": closed.opening_float, "received_at": now,
            **values})
    else:
        conn.execute(update(_SHIFTS).where(_SHIFTS.c.shift_id == closed.shift_id).values(**values))
    return conflict
