"""Network-wide stock for the sales guide: every store and warehouse, nearest first.

One SKU's style is looked up, then the levels of all its variants in every
location in one indexed query (stock_levels by SKU), so a lookup costs the same
with 50 stores and 100,000 SKUs as with three.  Reserved stock comes from
`reserved_quantities`, the single place pickup reservations will be read from.
"""

from __future__ import annotations

import math
from datetime import datetime
from functools import lru_cache

from sqlalchemy import Connection, bindparam, func, select
from sqlalchemy.orm import Session

from sync.protocol import NetworkStockResponse, VariantView

from .db import as_utc, utcnow
from .models import Device, Product, Site, StockLevel, Store, Variant

EARTH_M = 6_371_000


class UnknownSku(LookupError):
    pass


@lru_cache(maxsize=65_536)
def distance_m(a: tuple[int, int] | None, b: tuple[int, int] | None) -> int | None:
    """Great-circle distance in whole metres (haversine) between microdegree coordinates;
    None when either place has none."""
    if a is None or b is None:
        return None
    lat1, lon1, lat2, lon2 = (math.radians(v / 1_000_000) for v in (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return round(2 * EARTH_M * math.asin(math.sqrt(h)))


def reserved_quantities(session: Session, skus: list[str]) -> dict[tuple[str, str], int]:
    """Units held by online orders' reservations (BOPIS, ship-from-store), by (store_id, sku)."""
    from sqlalchemy import func

    from .models import Reservation

    if not skus:
        return {}
    stmt = (select(Reservation.store_id, Reservation.sku, func.sum(Reservation.qty))
            .where(Reservation.sku.in_(skus), Reservation.status == "held")
            .group_by(Reservation.store_id, Reservation.sku))
    rows = session.connection().execute(stmt).all()  # Core: no ORM result machinery per lookup
    return {(store_id, sku): int(qty) for store_id, sku, qty in rows}


_P, _V, _L = Product.__table__, Variant.__table__, StockLevel.__table__
_S, _SITE, _D = Store.__table__, Site.__table__, Device.__table__
# Built once, with bound parameters: a guide's lookup runs seven small statements.
_PRODUCT = select(_P.c.name).where(_P.c.sku == bindparam("sku"))
_STYLE = select(_V.c.style).where(_V.c.sku == bindparam("sku"))
_VARIANTS = (select(_V.c.sku, _P.c.name, _V.c.size, _V.c.colour).join(_P, _P.c.sku == _V.c.sku)
             .where(_V.c.style == bindparam("style")).order_by(_V.c.colour, _V.c.size, _V.c.sku))
_LEVELS = select(_L.c.store_id, _L.c.sku, _L.c.on_hand).where(_L.c.sku.in_(bindparam("skus", expanding=True)))
_SITES = select(_SITE.c.store_id, _SITE.c.kind, _SITE.c.latitude_e6, _SITE.c.longitude_e6)
_STORES = select(_S.c.id, _S.c.code, _S.c.name)
_HEARD = select(_D.c.store_id, func.max(_D.c.last_seen_at)).group_by(_D.c.store_id)


def style_of(conn: Connection, sku: str) -> tuple[str, list[VariantView]]:
    """The SKU's style and all its variants (the SKU alone when it has none)."""
    name = conn.execute(_PRODUCT, {"sku": sku}).scalar()
    if name is None:
        raise UnknownSku(sku)
    style = conn.execute(_STYLE, {"sku": sku}).scalar()
    if style is None:
        return "", [VariantView(sku=sku, name=name)]
    rows = conn.execute(_VARIANTS, {"style": style}).all()
    return style, [VariantView.model_construct(sku=s, name=n, size=z, colour=c) for s, n, z, c in rows]


def network_stock(session: Session, sku: str, asking_store_id: str,
                  now: datetime | None = None) -> NetworkStockResponse:
    """The answer as a model, for callers inside central; the HTTP route sends `network_stock_data`."""
    return NetworkStockResponse.model_validate(network_stock_data(session, sku, asking_store_id, now))


def network_stock_data(session: Session, sku: str, asking_store_id: str,
                       now: datetime | None = None) -> dict:
    """The answer as plain data (NetworkStockResponse's shape), ready for orjson.

    Built as dicts, not models: 50 locations x 12 variants made 660 model_construct calls a lookup,
    half of its time in central (bench/network_stock.py)."""
    now = now or utcnow()
    conn = session.connection()
    style, variants = style_of(conn, sku)
    skus = [v.sku for v in variants]
    sites = {sid: (kind, lat, lon) for sid, kind, lat, lon in conn.execute(_SITES).all()}
    stores = conn.execute(_STORES).all()
    heard = dict(conn.execute(_HEARD).all())
    levels: dict[str, dict[str, int]] = {}
    for store_id, level_sku, on_hand in conn.execute(_LEVELS, {"skus": skus}).all():
        levels.setdefault(store_id, {})[level_sku] = on_hand
    reserved = reserved_quantities(session, skus)

    def where(store_id: str) -> tuple[int, int] | None:
        site = sites.get(store_id)
        return (site[1], site[2]) if site and site[1] is not None and site[2] is not None else None

    here = where(asking_store_id)
    locations = []
    for store_id, code, name in stores:
        kind = sites.get(store_id, ("store",))[0]
        own = levels.get(store_id, {})
        lines = []
        for s in skus:
            on_hand = own.get(s, 0)
            held = reserved.get((store_id, s), 0)
            lines.append({"sku": s, "on_hand": on_hand, "reserved": held,
                          "available": max(on_hand - held, 0)})
        # A warehouse's ledger is kept at central itself; a store's is as fresh as its last contact.
        seen = now if kind == "warehouse" else heard.get(store_id)
        away = 0 if store_id == asking_store_id else distance_m(here, where(store_id))
        locations.append({"store_code": code, "name": name, "kind": kind, "distance_m": away,
                          "as_of": as_utc(seen) if seen else None, "skus": lines})
    locations.sort(key=lambda loc: (loc["distance_m"] is None, loc["distance_m"] or 0, loc["store_code"]))
    return {"sku": sku, "style": style, "variants": [v.model_dump() for v in variants],
            "locations": locations, "server_time": now}
