"""A till's shift: the cash drawer from the opening float to the blind count and the Z report.

The drawer should hold the opening float, plus the cash taken for sales, minus cash
refunded, plus cash put in, minus cash taken out.  At close the cashier counts the drawer
without being shown that figure (a blind count: a count made to match a number on screen
is no count), and only then is the difference shown: over when there is more cash than
expected, short when there is less.

An X report shows the shift so far and changes nothing; the Z report closes the shift
(the till's business day) and carries a number per till that is never given out twice.
Pure: the store keeps shifts and numbers, the service wires them to sales and events.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime

from .money import MAX_TENDER, Amount

CASH_IN, CASH_OUT = "in", "out"
CASH_IN_REASONS = ("float_top_up", "change_delivery", "correction")
CASH_OUT_REASONS = ("safe_drop", "bank_deposit", "petty_expense", "supplier_payment", "correction")
REASONS = {CASH_IN: CASH_IN_REASONS, CASH_OUT: CASH_OUT_REASONS}
"""Stable reason codes per direction; the UI words them."""

SEES_EXPECTED_CASH = frozenset({"supervisor", "manager", "admin"})
"""Roles whose X report shows the cash the drawer should hold.  A cashier's does not,
or printing an X report just before closing would make the blind count pointless."""

TAKES_CASH_OUT_ALONE = frozenset({"supervisor", "manager", "admin"})
"""Roles that may take cash out of a drawer by themselves; anyone else needs one of them to
approve with their staff number and PIN.  Putting cash in needs nobody."""

MAX_FLOAT: Amount = 10_000_000
"""¥100,000: above this an opening float is a stuck key, not cash."""
MAX_COUNT: Amount = 100_000_000
"""¥1,000,000: above this a drawer count is a stuck key (a busy appliance till may hold ¥200,000)."""


class ShiftError(ValueError):
    """A shift operation refused; `reason` is a stable word the UI explains."""

    def __init__(self, reason: str, amount: Amount | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.amount = amount


@dataclass(frozen=True, slots=True)
class CashMovement:
    """Cash put into or taken out of the drawer other than for a sale (the drawer opens)."""

    movement_id: str
    direction: str
    amount: Amount
    """Always positive; `direction` says which way."""
    reason: str
    staff: str
    at: datetime
    note: str = ""
    approved_by: str | None = None
    """The supervisor who approved a cash out made by someone who may not do it alone."""

    @property
    def signed(self) -> Amount:
        return self.amount if self.direction == CASH_IN else -self.amount


@dataclass(frozen=True, slots=True)
class TenderTotal:
    kind: str
    count: int
    amount: Amount


@dataclass(frozen=True, slots=True)
class SalesSummary:
    """What the shift's completed sales add up to, as read from the till's own records."""

    sale_count: int = 0
    sales_total: Amount = 0
    cash_sales: Amount = 0
    """Cash kept for sales: each cash tender's amount (tendered minus change)."""
    cash_refunds: Amount = 0
    """Cash paid back to customers, as a positive amount."""
    tenders: tuple[TenderTotal, ...] = ()


@dataclass(frozen=True, slots=True)
class Shift:
    shift_id: str
    store_code: str
    terminal_no: str
    opened_at: datetime
    opened_by: str
    opened_by_name: str
    opening_float: Amount
    movements: tuple[CashMovement, ...] = ()
    closed_at: datetime | None = None
    closed_by: str | None = None
    z_no: int | None = None
    counted: Amount | None = None

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def cash_in(self) -> Amount:
        return sum(m.amount for m in self.movements if m.direction == CASH_IN)

    @property
    def cash_out(self) -> Amount:
        return sum(m.amount for m in self.movements if m.direction == CASH_OUT)


@dataclass(frozen=True, slots=True)
class ShiftReport:
    """The figures of an X or Z report, ready to print or send."""

    kind: str
    """'X' (the shift so far) or 'Z' (the shift closed)."""
    shift: Shift
    sales: SalesSummary
    at: datetime
    by: str
    expected_cash: Amount
    show_expected: bool = True
    counted: Amount | None = None
    z_no: int | None = None
    movements: tuple[CashMovement, ...] = field(default=())

    @property
    def over_short(self) -> Amount | None:
        """Counted minus expected: positive is over, negative is short; None before a count."""
        return None if self.counted is None else self.counted - self.expected_cash


def check_amount(amount: Amount, limit: Amount = MAX_FLOAT, *, allow_zero: bool = True) -> Amount:
    if not isinstance(amount, int) or isinstance(amount, bool):
        raise ShiftError("bad_amount")
    if amount < 0 or amount > limit or (amount == 0 and not allow_zero):
        raise ShiftError("bad_amount", amount)
    return amount


def open_shift(shift_id: str, store_code: str, terminal_no: str, at: datetime, staff: str, staff_name: str,
               opening_float: Amount, current: Shift | None = None) -> Shift:
    """A new shift with its opening float (zero is allowed: a till started with an empty drawer)."""
    if current is not None and current.is_open:
        raise ShiftError("already_open")
    check_amount(opening_float)
    return Shift(shift_id, store_code, terminal_no, at, staff, staff_name, opening_float)


def expected_cash(opening_float: Amount, sales: SalesSummary, movements: Iterable[CashMovement]) -> Amount:
    """What the drawer should hold now."""
    return opening_float + sales.cash_sales - sales.cash_refunds + sum(m.signed for m in movements)


def needs_approval(role: str, direction: str) -> bool:
    return direction == CASH_OUT and role not in TAKES_CASH_OUT_ALONE


def move_cash(shift: Shift | None, movement_id: str, direction: str, amount: Amount, reason: str,
              staff: str, at: datetime, sales: SalesSummary, note: str = "", *, role: str,
              approver: tuple[str, str] | None = None) -> tuple[Shift, CashMovement]:
    """Cash in or out with a reason; taking out more than the drawer should hold is refused.

    `approver` is (staff number, role) of whoever approved; a cash out by a role that may not
    take cash alone is refused without one that may."""
    if shift is None or not shift.is_open:
        raise ShiftError("not_open")
    if direction not in REASONS:
        raise ShiftError("bad_direction")
    if reason not in REASONS[direction]:
        raise ShiftError("bad_reason")
    check_amount(amount, MAX_TENDER, allow_zero=False)
    approved_by = None
    if needs_approval(role, direction):
        if approver is None or needs_approval(approver[1], direction):
            raise ShiftError("approval_needed")
        approved_by = approver[0]
    if direction == CASH_OUT:
        available = expected_cash(shift.opening_float, sales, shift.movements)
        if amount > available:
            raise ShiftError("not_enough_cash", available)
    movement = CashMovement(movement_id, direction, amount, reason, staff, at, note.strip()[:200],
                            approved_by)
    return replace(shift, movements=(*shift.movements, movement)), movement


def x_report(shift: Shift | None, sales: SalesSummary, at: datetime, staff: str, role: str) -> ShiftReport:
    """The shift so far; prints any number of times and changes nothing."""
    if shift is None or not shift.is_open:
        raise ShiftError("not_open")
    expected = expected_cash(shift.opening_float, sales, shift.movements)
    return ShiftReport("X", shift, sales, at, staff, expected,
                       show_expected=role in SEES_EXPECTED_CASH, movements=shift.movements)


def close_shift(shift: Shift | None, sales: SalesSummary, counted: Amount, z_no: int, at: datetime,
                staff: str) -> tuple[Shift, ShiftReport]:
    """Close with the blind count; the Z report carries the number the store handed out."""
    if shift is None or not shift.is_open:
        raise ShiftError("not_open")
    check_amount(counted, MAX_COUNT)
    if z_no < 1:
        raise ShiftError("bad_z_number")
    closed = replace(shift, closed_at=at, closed_by=staff, z_no=z_no, counted=counted)
    report = ShiftReport("Z", closed, sales, at, staff,
                         expected_cash(shift.opening_float, sales, shift.movements), counted=counted,
                         z_no=z_no, movements=shift.movements)
    return closed, report


def summarize(tenders: Iterable[tuple[str, str, Amount]]) -> SalesSummary:
    """Sum (sale_id, kind, amount) tender rows: a negative cash amount is a refund paid out."""
    kinds: dict[str, list[int]] = {}
    sales: set[str] = set()
    total = cash_sales = cash_refunds = 0
    for sale_id, kind, amount in tenders:
        sales.add(sale_id)
        total += amount
        seen = kinds.setdefault(kind, [0, 0])
        seen[0] += 1
        seen[1] += amount
        if kind == "cash":
            if amount >= 0:
                cash_sales += amount
            else:
                cash_refunds -= amount
    return SalesSummary(len(sales), total, cash_sales, cash_refunds,
                        tuple(TenderTotal(k, n, a) for k, (n, a) in sorted(kinds.items())))


def from_totals(sale_count: int, per_kind: Iterable[tuple[str, int, Amount, Amount, Amount]]) -> SalesSummary:
    """The same summary from totals a database added up: (kind, count, amount, positive part,
    negative part as a positive amount) per tender kind."""
    rows = sorted(per_kind)
    cash = next((r for r in rows if r[0] == "cash"), None)
    return SalesSummary(sale_count, sum(r[2] for r in rows), cash[3] if cash else 0, cash[4] if cash else 0,
                        tuple(TenderTotal(kind, count, amount) for kind, count, amount, _p, _n in rows))


def z_label(z_no: int) -> str:
    return f"Z{z_no:05d}"
