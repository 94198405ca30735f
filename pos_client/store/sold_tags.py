"""EPCs of RFID-tagged goods sold at this till (table sold_tag, migration d01_sold_tags)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, select
from sqlalchemy.dialects.sqlite import insert

from .schema import sold_tag


class SoldTags:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def receipt_of(self, epc: str) -> str | None:
        """The receipt a tag was sold on, or None (a read: fine on the UI thread)."""
        with self._engine.connect() as conn:
            return conn.scalar(select(sold_tag.c.receipt_no).where(sold_tag.c.epc == epc))

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
