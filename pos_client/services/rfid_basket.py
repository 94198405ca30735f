"""RFID basket checkout: read a bag, and each tag becomes one unit on its product's line, once.

A tag read again (in this sale) is ignored; a tag already sold at this till
warns with the receipt it was sold on and adds nothing, and so does a tag picked into the
tote of a delivery order that has not shipped; a non-GS1 tag or a GTIN
the store does not sell is reported for the cashier to handle by hand.  After
the sale is paid, `sold_tags(sale)` gives the tags to record, no more than the
units of each product the sale really holds (a voided line's tags are not sold).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from drivers.interfaces import TagRead
from drivers.rfid.epc import decode_epc
from pos_client.domain.sale import Sale

from .rfid_count import Lookup, gtin_candidates


class TagOutcome(Enum):
    ADDED = "added"
    REPEAT = "repeat"
    ALREADY_SOLD = "already_sold"
    PICKED_FOR_DELIVERY = "picked_for_delivery"
    UNKNOWN_GTIN = "unknown_gtin"
    NOT_GS1 = "not_gs1"


@dataclass(frozen=True, slots=True)
class BasketEvent:
    outcome: TagOutcome
    epc: str
    sku: str | None = None
    gtin: str | None = None
    receipt_no: str | None = None
    order_id: str | None = None


@dataclass
class RfidBasket:
    lookup: Lookup
    sold_on: Callable[[str], str | None]
    """EPC -> receipt number it was sold on, or None."""
    picked_for: Callable[[str], str | None] = lambda _epc: None
    """EPC -> the delivery order whose packed tote holds it (not shipped yet), or None."""
    _in_sale: dict[str, str] = field(default_factory=dict)
    _seen: set[str] = field(default_factory=set)

    def add(self, tag: TagRead) -> BasketEvent:
        epc = tag.epc.upper()
        if epc in self._seen:
            return BasketEvent(TagOutcome.REPEAT, epc, self._in_sale.get(epc))
        self._seen.add(epc)
        decoded = decode_epc(epc)
        if not decoded.gs1 or decoded.gtin is None:
            return BasketEvent(TagOutcome.NOT_GS1, epc)
        receipt = self.sold_on(epc)
        if receipt is not None:
            return BasketEvent(TagOutcome.ALREADY_SOLD, epc, gtin=decoded.gtin, receipt_no=receipt)
        order = self.picked_for(epc)
        if order is not None:
            return BasketEvent(TagOutcome.PICKED_FOR_DELIVERY, epc, gtin=decoded.gtin, order_id=order)
        sku = self.lookup(gtin_candidates(decoded.gtin))
        if sku is None:
            return BasketEvent(TagOutcome.UNKNOWN_GTIN, epc, gtin=decoded.gtin)
        self._in_sale[epc] = sku
        return BasketEvent(TagOutcome.ADDED, epc, sku, decoded.gtin)

    def sold_tags(self, sale: Sale) -> list[tuple[str, str]]:
        units = Counter()
        for line in sale.lines:
            units[line.sku] += line.qty
        out = []
        for epc, sku in self._in_sale.items():
            if units[sku] > 0:
                units[sku] -= 1
                out.append((epc, sku))
        return out

    def record_sold(self, conn, sale: Sale) -> int:
        """Write this sale's tags as sold, inside the sale's own transaction (complete_sale's `also`)."""
        from pos_client.store.sold_tags import record_sold_tags

        return record_sold_tags(conn, self.sold_tags(sale), sale.sale_id, sale.receipt_no)

    def reset(self) -> None:
        """A new sale: tags read from now on are new."""
        self._in_sale.clear()
        self._seen.clear()
