"""What a customer is owed for pickup lines that did not leave the store (pure rules).

A paid online order whose lines are refused at the desk (damaged, unwanted, not found)
was paid for goods the customer never took: the web shop pays that back through its
own channel.  Central records it once in `online_refunds`; the desk tells staff.

The amount is a function of the order's state, not of the event that changed it, so
recording "owed now minus recorded before" is exactly once over retries, duplicates
and two tills reporting the same refusal: a repeat finds nothing left to record.

A paid order central expires because the customer never came owes the rest: every unit
not refused (those are owed as refused) and not handed over (`expired_owed`).  Refused
plus expired is then exactly what was paid.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

HANDED_STATUSES = ("handed_over", "partly_handed_over")


def refused_units(line: Mapping, status: str) -> int:
    """Units of an order line the customer did not take.  Once the order was handed over,
    everything not handed over counts (refused at the desk or left out of the handover);
    before that, what the desk refused so far."""
    qty = int(line["qty"])
    if status in HANDED_STATUSES:
        return max(0, qty - int(line.get("handed_qty", 0)))
    return max(0, min(qty, int(line.get("rejected_qty", 0))))


def line_refund(line: Mapping, units: int) -> int:
    """The money for `units` of a line, in fen: its unit price, never more than the line cost."""
    qty = int(line["qty"])
    amount = int(line.get("amount", int(line.get("unit_price", 0)) * qty))
    if units >= qty:
        return amount
    return min(amount, int(line.get("unit_price", 0)) * units)


def refused_owed(lines: Sequence[Mapping], status: str, paid: bool) -> int:
    """All the order owes back for refused lines; nothing when it was never paid online."""
    if not paid:
        return 0
    return sum(line_refund(ln, refused_units(ln, status)) for ln in lines)


def expired_owed(lines: Sequence[Mapping], paid: bool) -> int:
    """What a paid order that expired uncollected owes back beyond its refused lines: each line's
    amount less the part owed for its refused units and the part handed over; nothing if unpaid."""
    if not paid:
        return 0
    owed = 0
    for ln in lines:
        qty = int(ln["qty"])
        amount = int(ln.get("amount", int(ln.get("unit_price", 0)) * qty))
        refused = line_refund(ln, refused_units(ln, "expired"))
        handed = line_refund(ln, min(qty, int(ln.get("handed_qty", 0))))
        owed += max(0, amount - refused - handed)
    return owed
