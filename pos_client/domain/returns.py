"""Taking goods back: what each line of a sale may still return, what it refunds, and to which tender.

A returned unit refunds what the customer actually paid for it: the line's amount after every
promotion and discount, shared over its units so that returning them all, in any number of
returns, refunds exactly the line's amount and never a fen more.  Refunds go back to the
tenders the sale was paid with (card and wallet first, as far as each covered the sale), the
rest in cash; a store may choose cash for everything instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

from .money import Amount, round_half_up
from .sale import Cashier
from .tenders import CASH, Tender

MAX_RETURN_LINES = 200


class RefundPolicy(Enum):
    ORIGINAL = "original"
    """Back to the card or wallet that paid, as far as each covered the sale; the rest in cash."""
    CASH = "cash"

    @classmethod
    def from_config(cls, value: object) -> RefundPolicy:
        try:
            return cls(value)
        except ValueError:
            return cls.ORIGINAL


class ReturnError(ValueError):
    """A return the rules refuse; `reason` is a stable word the UI explains."""

    def __init__(self, reason: str, limit: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.limit = limit


@dataclass(frozen=True, slots=True)
class OriginalLine:
    line_no: int
    sku: str
    name: str
    qty: int
    amount: Amount
    """What the customer paid for the whole line."""
    weight_g: int | None = None
    returned_qty: int = 0

    @property
    def returnable(self) -> int:
        return max(0, self.qty - self.returned_qty)


@dataclass(frozen=True, slots=True)
class OriginalSale:
    sale_id: str
    receipt_no: str
    store_code: str
    occurred_at: datetime
    lines: tuple[OriginalLine, ...]
    tenders: tuple[Tender, ...]
    refunded: tuple[Tender, ...] = ()
    """Refunds already given against this sale, by tender."""
    source: str = "local"
    """'local' (this till's own records) or 'central' (looked up online)."""

    def line(self, line_no: int) -> OriginalLine:
        for ln in self.lines:
            if ln.line_no == line_no:
                return ln
        raise ReturnError("no_such_line")


@dataclass(frozen=True, slots=True)
class ReturnLine:
    sku: str
    name: str
    qty: int
    amount: Amount
    """Refunded for these units."""
    restock: bool = True
    """Back on the shelf (stock moves up); False for damaged goods written off."""
    original_line_no: int | None = None
    weight_g: int | None = None


def refund_for(line: OriginalLine, qty: int) -> Amount:
    """The refund for `qty` more units of the line: exact shares, so all units refund the whole."""
    if qty <= 0:
        raise ReturnError("nothing_to_return")
    if qty > line.returnable:
        raise ReturnError("more_than_sold", line.returnable)
    before = round_half_up(line.amount * line.returned_qty, line.qty)
    after = round_half_up(line.amount * (line.returned_qty + qty), line.qty)
    return after - before


def return_lines(sale: OriginalSale, wanted: dict[int, tuple[int, bool]]) -> tuple[ReturnLine, ...]:
    """`wanted`: original line number → (units, restock)."""
    chosen = {no: v for no, v in wanted.items() if v[0] > 0}
    if not chosen:
        raise ReturnError("nothing_to_return")
    out = []
    for line_no in sorted(chosen):
        qty, restock = chosen[line_no]
        line = sale.line(line_no)
        out.append(ReturnLine(sku=line.sku, name=line.name, qty=qty, amount=refund_for(line, qty),
                              restock=restock, original_line_no=line_no,
                              weight_g=line.weight_g if qty == line.qty else None))
    return tuple(out)


def refund_tenders(total: Amount, sale: OriginalSale | None, policy: RefundPolicy) -> tuple[Tender, ...]:
    """How `total` goes back: to the original non-cash tenders by policy, the rest in cash."""
    if total <= 0:
        raise ReturnError("nothing_to_return")
    refunds: list[Tender] = []
    left = total
    if sale is not None and policy is RefundPolicy.ORIGINAL:
        already: dict[tuple[str, str | None], Amount] = {}
        for r in sale.refunded:
            already[(r.kind, r.reference)] = already.get((r.kind, r.reference), 0) + r.amount
        for t in sale.tenders:
            if t.kind == CASH or left == 0:
                continue
            room = t.amount - already.get((t.kind, t.reference), 0)
            take = min(left, max(0, room))
            if take:
                refunds.append(Tender(t.kind, take, take, reference=t.reference, last4=t.last4,
                                      provider=t.provider))
                already[(t.kind, t.reference)] = already.get((t.kind, t.reference), 0) + take
                left -= take
    if left:
        refunds.append(Tender(CASH, left, left))
    return tuple(refunds)


@dataclass(frozen=True, slots=True)
class Return:
    return_id: str
    receipt_no: str
    store_code: str
    terminal_no: str
    cashier: Cashier
    occurred_at: datetime
    lines: tuple[ReturnLine, ...]
    refunds: tuple[Tender, ...]
    reason: str
    original: OriginalSale | None = None
    """None for a return without a receipt."""
    approved_by: str | None = None
    currency: str = "CNY"
    notes: tuple[str, ...] = field(default=())

    @property
    def total(self) -> Amount:
        return sum(ln.amount for ln in self.lines)

    @property
    def cash_out(self) -> Amount:
        return sum(t.amount for t in self.refunds if t.kind == CASH)
