"""The network stock snapshot a till keeps for offline use: the available figure per SKU at the
store's nearest locations, sent as what moved since a cursor so a refresh stays small.

The cursor is a stock movement number: a page is the next movements of those locations (in
number order), and for every (location, SKU) they touch the *current* level and reservations
are sent.  Sending current figures makes a page idempotent and lets a first pull (cursor 0) and a
refresh be the same query.  Also `GET /stock/position`: the store's ledger position for counts.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, tuple_
from sqlalchemy.orm import Session

from sync.protocol import NetworkSnapshot, SnapshotLocation, StockPosition

from .models import Site, StockLevel, StockMovement, Store
from .network_stock import distance_m, reserved_quantities

NEAREST = 10
PAGE = 20_000
_M, _L = StockMovement.__table__, StockLevel.__table__


def nearest(session: Session, store_id: str, n: int = NEAREST) -> list[tuple[str, SnapshotLocation]]:
    """(store id, location) of the asking store and its n-1 nearest, nearest first."""
    sites = {sid: (kind, lat, lon) for sid, kind, lat, lon in session.execute(
        select(Site.store_id, Site.kind, Site.latitude_e6, Site.longitude_e6)).all()}

    def where(sid: str) -> tuple[int, int] | None:
        s = sites.get(sid)
        return (s[1], s[2]) if s and s[1] is not None and s[2] is not None else None

    here = where(store_id)
    out = []
    for sid, code, name in session.execute(select(Store.id, Store.code, Store.name)).all():
        d = 0 if sid == store_id else distance_m(here, where(sid))
        out.append((sid, SnapshotLocation(store_code=code, name=name, kind=sites.get(sid, ("store",))[0],
                                          distance_m=d)))
    out.sort(key=lambda x: (x[1].distance_m is None, x[1].distance_m or 0, x[1].store_code))
    return out[:n]


def snapshot(session: Session, store_id: str, since: int, now: datetime, page: int = PAGE,
             n: int = NEAREST) -> NetworkSnapshot:
    places = nearest(session, store_id, n)
    ids = [sid for sid, _ in places]
    code_of = {sid: loc.store_code for sid, loc in places}
    moved = session.execute(
        select(_M.c.id, _M.c.store_id, _M.c.sku).where(_M.c.id > since, _M.c.store_id.in_(ids))
        .order_by(_M.c.id).limit(page)).all()
    pairs = sorted({(s, k) for _i, s, k in moved})
    rows: list[tuple[str, str, int, int]] = []
    for i in range(0, len(pairs), 500):
        chunk = pairs[i : i + 500]
        levels = dict(((s, k), q) for s, k, q in session.execute(
            select(_L.c.store_id, _L.c.sku, _L.c.on_hand)
            .where(tuple_(_L.c.store_id, _L.c.sku).in_(chunk))).all())
        held = reserved_quantities(session, sorted({k for _s, k in chunk}))
        rows += [(code_of[s], k, int(levels.get((s, k), 0)), int(held.get((s, k), 0))) for s, k in chunk]
    return NetworkSnapshot(locations=[loc for _, loc in places], rows=rows,
                           next_cursor=moved[-1][0] if moved else since, has_more=len(moved) == page,
                           server_time=now)


def store_position(session: Session, store_id: str, now: datetime) -> StockPosition:
    last = session.scalar(select(func.max(_M.c.id)).where(_M.c.store_id == store_id))
    return StockPosition(position=int(last or 0), server_time=now)
