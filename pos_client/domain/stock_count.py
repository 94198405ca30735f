"""Stock counts against the ledger: what a count means when sales go on while it runs.

A count is taken against a ledger position (central's level as the till last
received it, after a sync at the start).  Central adds ``counted - level at that
position`` to the ledger, so every movement after the position (sales made during
the count) still counts.  For that to be right, the figure sent must be what was on
the shelf *at the position*: a unit sold during the count that the count never saw
was there at the start and is added back; a unit the count saw and then sold is
already in.  Pure rules, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CountLine:
    sku: str
    expected: int
    """The level at the position."""
    counted: int
    """Seen by the count (tags read, items scanned)."""
    sold_unseen: int
    """Sold at this till during the count without the count having seen the unit."""
    position: int

    @property
    def at_position(self) -> int:
        return self.counted + self.sold_unseen

    @property
    def difference(self) -> int:
        """Counted (at the position) minus expected: negative is a shortage."""
        return self.at_position - self.expected


def sold_unseen(sold_tags: Iterable[tuple[str, str]], untagged_sold: Mapping[str, int],
                seen_epcs: set[str]) -> dict[str, int]:
    """Units sold during the count that the count had not seen, by SKU.

    `sold_tags` are (epc, sku) of tagged units sold since the count started: those whose
    tag the count read are already counted.  `untagged_sold` are units sold by barcode
    in that time: nothing says the count saw them, so they are taken as unseen."""
    out: dict[str, int] = dict(untagged_sold)
    for epc, sku in sold_tags:
        if epc not in seen_epcs:
            out[sku] = out.get(sku, 0) + 1
    return {k: v for k, v in out.items() if v}


def count_lines(expected: Mapping[str, tuple[int, int]], counted: Mapping[str, int],
                unseen: Mapping[str, int], *, whole_scope: bool) -> list[CountLine]:
    """Lines to send: every SKU counted or sold unseen; with `whole_scope` (a whole store, or
    a shelf whose expected list is known) also the expected SKUs found missing (counted 0).

    `expected` maps SKU -> (level, position)."""
    skus = set(counted) | set(unseen)
    if whole_scope:
        skus |= {s for s, (level, _pos) in expected.items() if level}
    lines = []
    for sku in sorted(skus):
        level, position = expected.get(sku, (0, 0))
        lines.append(CountLine(sku, level, counted.get(sku, 0), unseen.get(sku, 0), position))
    return lines


@dataclass(frozen=True, slots=True)
class ReceiptLine:
    sku: str
    expected: int
    received: int

    @property
    def shortage(self) -> int:
        return max(self.expected - self.received, 0)

    @property
    def extra(self) -> int:
        return max(self.received - self.expected, 0)


def receipt_lines(expected: Mapping[str, int], received: Mapping[str, int]) -> list[ReceiptLine]:
    """Expected list against what was scanned or read: every SKU of either, with its difference."""
    return [ReceiptLine(sku, expected.get(sku, 0), received.get(sku, 0))
            for sku in sorted(set(expected) | set(received))]


def suggested_order(on_hand: int, min_qty: int, target_qty: int) -> int:
    """Below safety stock: enough to bring the shelf back to its target; else nothing."""
    if on_hand >= min_qty:
        return 0
    return max(target_qty - on_hand, 0)


# Damage and write-off take goods out of stock for good: a supervisor may record damage,
# only a manager may write off (lost, expired, stolen); anyone else needs their approval.
ADJUST_REASONS = {
    "damage": ("broken", "water", "packaging", "customer_damage"),
    "write_off": ("expired", "lost", "theft", "recall"),
}
_MAY_ADJUST = {"damage": frozenset({"supervisor", "manager", "admin"}),
               "write_off": frozenset({"manager", "admin"})}


def may_adjust(role: str, kind: str) -> bool:
    """Whether a role may record this kind of loss by itself (else an approver's PIN is needed)."""
    return role in _MAY_ADJUST.get(kind, frozenset())
