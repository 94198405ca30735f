"""Picking a ship-from-store order by reading its tote with the till's RFID reader.

Each tag the reader reports goes through `ToteRead.add`: an SGTIN-96 tag decodes to its
GTIN, the GTIN to the product through the local catalog (as the RFID basket and the stock
count do), and the item is counted against its line at once, in the same transaction as
the tag itself (`fulfilment_pick_tag`), so a tag counts once for its order however often
the tote is read.  A tag already sold at this till (`sold_tag`, as the checkout's RFID
basket checks) is refused with the receipt it was sold on: that unit is a customer's.  An
item the order does not want, or wants no more of, is refused at once with what it is and
why; tags that are no product tag are refused as such.  What the order still misses is
there to show after every tag.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from drivers.interfaces import TagRead
from drivers.rfid.epc import decode_epc
from pos_client.domain.sale import Cashier

from .fulfilment import FulfilmentQueue, QueueLine, QueueOrder, TagAlreadyPicked, TagSold, WrongItem
from .rfid_count import gtin_candidates


class ToteOutcome(Enum):
    PICKED = "picked"
    REPEAT = "repeat"
    """Already counted for this order (this read or an earlier one): nothing more."""
    NOT_ON_ORDER = "not_on_order"
    """A product of the store the order does not have (or whose line was rejected)."""
    LINE_COMPLETE = "line_complete"
    """On the order, but every unit of its line is in the tote already: one too many."""
    UNKNOWN_GTIN = "unknown_gtin"
    NOT_GS1 = "not_gs1"
    SOLD = "sold"
    """Sold at this till already (its receipt in `receipt_no`): not stock, take it out of the tote."""


@dataclass(frozen=True, slots=True)
class TagPick:
    outcome: ToteOutcome
    epc: str
    sku: str | None = None
    name: str | None = None
    gtin: str | None = None
    order: QueueOrder | None = None
    receipt_no: str | None = None
    """For SOLD: the receipt the tag was sold on."""

    @property
    def accepted(self) -> bool:
        return self.outcome is ToteOutcome.PICKED

    @property
    def refused(self) -> bool:
        """Staff must take this item out of the tote (or look at the tag)."""
        return self.outcome not in (ToteOutcome.PICKED, ToteOutcome.REPEAT)


def pick_tag(queue: FulfilmentQueue, fid: str, epc: str, staff: Cashier) -> TagPick:
    """One tag read into the order's tote: counted, a repeat, or refused with why."""
    epc = epc.strip().upper()
    decoded = decode_epc(epc)
    if not decoded.gs1 or decoded.gtin is None:
        return TagPick(ToteOutcome.NOT_GS1, epc)
    item = queue.catalog.by_barcode(gtin_candidates(decoded.gtin))
    if item is None:
        return TagPick(ToteOutcome.UNKNOWN_GTIN, epc, gtin=decoded.gtin)
    try:
        order = queue.scan_item(fid, item.barcode or item.sku, staff, epc=epc)
    except TagAlreadyPicked:
        return TagPick(ToteOutcome.REPEAT, epc, item.sku, item.name, decoded.gtin)
    except TagSold as sold:
        return TagPick(ToteOutcome.SOLD, epc, item.sku, item.name, decoded.gtin, queue.order(fid),
                       receipt_no=sold.receipt_no)
    except WrongItem:
        o = queue.order(fid)
        wanted = o is not None and any(ln.sku == item.sku for ln in o.open_lines)
        outcome = ToteOutcome.LINE_COMPLETE if wanted else ToteOutcome.NOT_ON_ORDER
        return TagPick(outcome, epc, item.sku, item.name, decoded.gtin, o)
    return TagPick(ToteOutcome.PICKED, epc, item.sku, item.name, decoded.gtin, order)


def still_missing(order: QueueOrder) -> list[tuple[QueueLine, int]]:
    """Open lines not yet fully in the tote, with how many units each still needs."""
    return [(ln, ln.qty - ln.picked) for ln in order.open_lines if ln.picked < ln.qty]


@dataclass
class ToteRead:
    """One reading of one order's tote (from pressing "Read tote" until it stops)."""

    queue: FulfilmentQueue
    fulfilment_id: str
    staff: Cashier
    picked: list[TagPick] = field(default_factory=list)
    refused: list[TagPick] = field(default_factory=list)
    _seen: set[str] = field(default_factory=set)

    def add(self, tag: TagRead) -> TagPick | None:
        """A tag from the reader; None for a tag this read already handled."""
        epc = tag.epc.strip().upper()
        if epc in self._seen:
            return None
        self._seen.add(epc)
        result = pick_tag(self.queue, self.fulfilment_id, epc, self.staff)
        if result.accepted:
            self.picked.append(result)
        elif result.refused:
            self.refused.append(result)
        return result

    def missing(self) -> list[tuple[QueueLine, int]]:
        order = self.queue.order(self.fulfilment_id)
        return [] if order is None else still_missing(order)
