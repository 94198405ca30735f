"""A guide-assisted order as the guide fills it in, and what is missing before it can go.

Checked on the till before anything is written, so an order never waits in the
outbox only for central to refuse it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

FULFILMENTS = ("delivery", "pickup_other", "pickup_here")
PAYMENTS = ("link", "till")
_PHONE = re.compile(r"^1[3-9][0-9]{9}$")


@dataclass(frozen=True, slots=True)
class DraftLine:
    sku: str
    name: str
    category: str
    qty: int
    unit_price: int

    @property
    def amount(self) -> int:
        return self.qty * self.unit_price


@dataclass(frozen=True, slots=True)
class OrderDraft:
    lines: tuple[DraftLine, ...]
    fulfilment: str
    member_id: str | None = None
    pickup_store_code: str | None = None
    name: str = ""
    phone: str = ""
    address: str = ""
    payment: str = "link"
    tenders: tuple[tuple[str, int], ...] = field(default=())
    """Paid at this till: (kind, amount) in fen."""

    @property
    def total(self) -> int:
        return sum(line.amount for line in self.lines)


def problems(draft: OrderDraft, own_store: str) -> list[str]:
    """Codes of what stops the order (empty: it can be placed).  The UI words each one."""
    out = []
    if not draft.lines:
        out.append("no_lines")
    if any(line.qty < 1 or line.qty > 10_000 for line in draft.lines):
        out.append("bad_qty")
    if draft.fulfilment not in FULFILMENTS:
        out.append("no_fulfilment")
    if draft.fulfilment == "delivery":
        if not draft.name.strip():
            out.append("no_name")
        if not _PHONE.match(draft.phone.strip()):
            out.append("bad_phone")
        if len(draft.address.strip()) < 4:
            out.append("no_address")
    if draft.fulfilment == "pickup_other" and (not draft.pickup_store_code
                                               or draft.pickup_store_code == own_store):
        out.append("no_pickup_store")
    if draft.payment not in PAYMENTS:
        out.append("no_payment")
    # Paid at this till: taken as a sale right after the order is placed (services/order_payment.py);
    # tenders named on the draft itself must still cover it.
    if draft.payment == "till" and draft.tenders and sum(a for _k, a in draft.tenders) < draft.total:
        out.append("underpaid")
    return out
