"""Shifts on disk, and the cash the till's own sale records say each shift took.

A shift's sales are read from the sale rows themselves (no hook in the checkout): the
sales whose rowid lies between the highest rowid when the shift opened and the highest
when it closed.  Writes happen inside the transaction (BEGIN IMMEDIATE) that records the
shift change, so a sale commits either wholly before a boundary or wholly after it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, insert, select, text, update

from pos_client.domain.shifts import CashMovement, SalesSummary, Shift, from_totals

from .sales import next_counter
from .schema import cash_movement, shift

Z_COUNTER = "z_report"
"""Z numbers come from the till's counter table: they only ever grow, and a unique key on
shift.z_no refuses a second shift with the same number."""


_LAST_SALE = text("SELECT coalesce(max(rowid), 0) FROM sale")
_IN_RANGE = ("FROM sale s JOIN sale_tender t ON t.sale_id = s.sale_id "
             "WHERE s.rowid > :after AND s.rowid <= :upto")
_TENDERS = text("SELECT t.kind, count(*), coalesce(sum(t.amount), 0), "
                "coalesce(sum(CASE WHEN t.amount > 0 THEN t.amount ELSE 0 END), 0), "
                "coalesce(sum(CASE WHEN t.amount < 0 THEN -t.amount ELSE 0 END), 0) "
                + _IN_RANGE + " GROUP BY t.kind")
_SALES = text("SELECT count(*) FROM sale WHERE rowid > :after AND rowid <= :upto")


def _at(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def last_sale_rowid(conn: Connection) -> int:
    return int(conn.execute(_LAST_SALE).scalar_one())


def movements(conn: Connection, shift_id: str) -> tuple[CashMovement, ...]:
    rows = conn.execute(select(cash_movement).where(cash_movement.c.shift_id == shift_id)
                        .order_by(cash_movement.c.at, cash_movement.c.movement_id)).all()
    return tuple(CashMovement(r.movement_id, r.direction, r.amount, r.reason, r.staff,
                              datetime.fromisoformat(r.at), r.note, r.approved_by) for r in rows)


def _shift(conn: Connection, row, store_code: str, terminal_no: str) -> Shift:
    return Shift(row.shift_id, store_code, terminal_no, datetime.fromisoformat(row.opened_at), row.opened_by,
                 row.opened_by_name, row.opening_float, movements(conn, row.shift_id),
                 closed_at=_at(row.closed_at), closed_by=row.closed_by, z_no=row.z_no, counted=row.counted)


def open_row(conn: Connection):
    return conn.execute(select(shift).where(shift.c.state == "open")).first()


def current(conn: Connection, store_code: str, terminal_no: str) -> tuple[Shift, int] | None:
    """The open shift and the sale rowid it counts from, or None."""
    row = open_row(conn)
    return (_shift(conn, row, store_code, terminal_no), row.sales_after) if row else None


def last_closed(conn: Connection, store_code: str, terminal_no: str) -> tuple[Shift, int, int] | None:
    row = conn.execute(select(shift).where(shift.c.state == "closed")
                       .order_by(shift.c.z_no.desc()).limit(1)).first()
    return (_shift(conn, row, store_code, terminal_no), row.sales_after, row.sales_upto) if row else None


def insert_shift(conn: Connection, opened: Shift, sales_after: int) -> None:
    conn.execute(insert(shift).values(
        shift_id=opened.shift_id, state="open", opened_at=opened.opened_at.isoformat(),
        opened_by=opened.opened_by, opened_by_name=opened.opened_by_name,
        opening_float=opened.opening_float, sales_after=sales_after))


def insert_movement(conn: Connection, shift_id: str, movement: CashMovement) -> None:
    conn.execute(insert(cash_movement).values(
        movement_id=movement.movement_id, shift_id=shift_id, at=movement.at.isoformat(),
        direction=movement.direction, amount=movement.amount, reason=movement.reason, note=movement.note,
        staff=movement.staff, approved_by=movement.approved_by))


def next_z_number(conn: Connection) -> int:
    return next_counter(conn, Z_COUNTER)


def mark_closed(conn: Connection, closed: Shift, sales_upto: int, expected: int) -> None:
    assert closed.closed_at is not None
    conn.execute(update(shift).where(shift.c.shift_id == closed.shift_id, shift.c.state == "open").values(
        state="closed", sales_upto=sales_upto, closed_at=closed.closed_at.isoformat(),
        closed_by=closed.closed_by, z_no=closed.z_no, counted=closed.counted, expected=expected))


def sales_summary(conn: Connection, after: int, upto: int | None = None) -> SalesSummary:
    """The tenders of the sales committed after rowid `after` (up to `upto`, once closed)."""
    bounds = {"after": after, "upto": upto if upto is not None else 2**62}
    count = int(conn.execute(_SALES, bounds).scalar_one())
    # Added up by SQLite: a busy day's 10,000 sales cost no Python per row.
    return from_totals(count, [(r[0], int(r[1]), int(r[2]), int(r[3]), int(r[4]))
                               for r in conn.execute(_TENDERS, bounds)])


__all__ = ["Z_COUNTER", "current", "insert_movement", "insert_shift", "last_closed", "last_sale_rowid",
           "mark_closed", "movements", "next_z_number", "sales_summary"]
