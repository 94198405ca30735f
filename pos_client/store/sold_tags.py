"""EPCs of RFID-tagged goods sold at this till (table sold_tag, migration d01_sold_tags)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, select
from sqlalchemy.dialects.sqlite import insert

from .schema import fulfilment_done, fulfilment_order, fulfilment_pick_tag, sold_tag


class SoldTags:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def receipt_of(self, epc: str) -> str | None:
        """The receipt a tag was sold on, or None (a read: fine on the UI thread)."""
        with self._engine.connect() as conn:
            return conn.scalar(select(sold_tag.c.receipt_no).where(sold_tag.c.epc == epc))

    def picked_for(self, epc: str) -> str | None:
        """The delivery order whose tote holds this tag and has not shipped yet, or None.

        The goods are reserved for that customer: checkout must not sell them off the packing
        table (the tote pick refuses sold tags the other way round)."""
        shipped = select(fulfilment_done.c.fulfilment_id).where(fulfilment_done.c.stage == "shipped")
        with self._engine.connect() as conn:
            return conn.scalar(
                select(fulfilment_order.c.delivery_order_id)
                .join(fulfilment_pick_tag,
                      fulfilment_pick_tag.c.fulfilment_id == fulfilment_order.c.fulfilment_id)
                .where(fulfilment_pick_tag.c.epc == epc,
                       fulfilment_order.c.status.not_in(("shipped", "rejected", "cancelled")),
                       fulfilment_order.c.fulfilment_id.not_in(shipped))
                .limit(1))

    def record(self, tags: Iterable[tuple[str, str]], sale_id: str, receipt_no: str) -> int:
        """(epc, sku) pairs sold on one sale; a tag recorded before keeps its first sale."""
        with self._engine.begin() as conn:
            return record_sold_tags(conn, tags, sale_id, receipt_no)


def record_sold_tags(conn: Connection, tags: Iterable[tuple[str, str]], sale_id: str, receipt_no: str) -> int:
    """The same, inside a transaction the caller holds (the sale's own)."""
    rows = [{"epc": epc, "sku": sku, "sale_id": sale_id, "receipt_no": receipt_no,
             "sold_at": datetime.now(UTC).isoformat()} for epc, sku in tags]
    if rows:
        conn.execute(insert(sold_tag).on_conflict_do_nothing(index_elements=["epc"]), rows)
    return len(rows)
