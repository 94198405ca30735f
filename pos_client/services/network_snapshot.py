"""Keeping the network stock snapshot fresh, and reading it for the guide screen offline.

Refreshed after each successful pull (sync_service.make_engine's after_pull): what moved at the
store's nearest locations since the cursor, a few pages per sync so a first load of a large chain
is spread over several syncs rather than holding one up.  A central that has no snapshot yet (an
older version) or a failure here never fails the sync: the snapshot is a convenience for offline.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from sqlalchemy import Engine

from pos_client.store import network_snapshot as kept
from sync.client import CentralClient
from sync.errors import SyncError
from sync.protocol import NetworkStockResponse, StockAtSku, StockLocation, VariantView

log = logging.getLogger(__name__)
PAGES_PER_SYNC = 5


def refresh(client: CentralClient, engine: Engine, *, pages: int = PAGES_PER_SYNC,
            limit: int | None = None) -> int:
    """Pull up to `pages` pages; returns the number of rows applied."""
    applied = 0
    try:
        since = kept.cursor(engine)
        for _ in range(pages):
            page = client.network_snapshot(since, limit)
            with engine.begin() as conn:
                kept.apply_page(conn, [loc.model_dump() for loc in page.locations], page.rows,
                                page.next_cursor, datetime.now(UTC))
            applied += len(page.rows)
            since = page.next_cursor
            if not page.has_more:
                break
    except SyncError as exc:  # offline, or a central without snapshots: the last snapshot stays
        log.info("network stock snapshot not refreshed: %s", exc)
    return applied


def snapshot_view(engine: Engine, sku: str, variants: list[VariantView],
                  now: datetime) -> tuple[NetworkStockResponse, datetime] | None:
    """The snapshot's figures for the style, as a network stock answer; None when it has none."""
    skus = [v.sku for v in variants] or [sku]
    locations, rows, at = kept.read(engine, skus)
    if at is None or not locations or not rows:
        return None
    return NetworkStockResponse(
        sku=sku, variants=variants, server_time=now,
        locations=[StockLocation(
            store_code=loc.store_code, name=loc.name, kind=loc.kind, distance_m=loc.distance_m, as_of=at,
            skus=[StockAtSku(sku=s, on_hand=rows.get((loc.store_code, s), (0, 0))[0],
                             reserved=rows.get((loc.store_code, s), (0, 0))[1],
                             available=max(rows.get((loc.store_code, s), (0, 0))[0]
                                           - rows.get((loc.store_code, s), (0, 0))[1], 0))
                  for s in skus]) for loc in locations]), at
