"""Network-wide stock for the sales guide: every store and warehouse, nearest first.

One SKU's style is looked up, then the levels of all its variants in every
location in one indexed query (stock_levels by SKU), so a lookup costs the same
with 50 stores and 100,000 SKUs as with three.  Reserved stock comes from
`reserved_quantities`, the single place pickup reservations will be read from.
"""

from __future__ import annotations

import math
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sync.protocol import NetworkStockResponse, StockAtSku, StockLocation, VariantView

from .db import as_utc, utcnow
from .models import Device, Product, Site, StockLevel, Store, Variant

EARTH_M = 6_371_000


class UnknownSku(LookupError):
    pass


def distance_m(a: tuple[int, int] | None, b: tuple[int, int] | None) -> int | None:
    """Great-circle distance in whole metres (haversine) between microdegree coordinates;
    None when either place has none."""
    if a is None or b is None:
        return None
    lat1, lon1, lat2, lon2 = (math.radians(v / 1_000_000) for v in (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return round(2 * EARTH_M * math.asin(math.sqrt(h)))


def reserved_quantities(session: Session, skus: list[str]) -> dict[tuple[str, str], int]:
    """Units held by reservations, by (store_id, sku).

    Pickup reservations (issue 5) are not in this branch's schema yet: nothing is reserved.
    Wire the reservations table in here and every lookup shows it."""
    return {}


def style_of(session: Session, sku: str) -> tuple[str, list[VariantView]]:
    """The SKU's style and all its variants (the SKU alone when it has none)."""
    product = session.get(Product, sku)
    if product is None:
        raise UnknownSku(sku)
    variant = session.get(Variant, sku)
    if variant is None:
        return "", [VariantView(sku=sku, name=product.name)]
    rows = session.execute(
        select(Variant.sku, Product.name, Variant.size, Variant.colour)
        .join(Product, Product.sku == Variant.sku)
        .where(Variant.style == variant.style).order_by(Variant.colour, Variant.size, Variant.sku)).all()
    return variant.style, [VariantView(sku=s, name=n, size=z, colour=c) for s, n, z, c in rows]


def network_stock(session: Session, sku: str, asking_store_id: str,
                  now: datetime | None = None) -> NetworkStockResponse:
    now = now or utcnow()
    style, variants = style_of(session, sku)
    skus = [v.sku for v in variants]
    sites = {sid: (kind, lat, lon) for sid, kind, lat, lon in session.execute(
        select(Site.store_id, Site.kind, Site.latitude_e6, Site.longitude_e6)).all()}
    stores = session.execute(select(Store.id, Store.code, Store.name)).all()
    heard = dict(session.execute(select(Device.store_id, func.max(Device.last_seen_at))
                                 .group_by(Device.store_id)).all())
    levels: dict[str, dict[str, int]] = {}
    for store_id, level_sku, on_hand in session.execute(
            select(StockLevel.store_id, StockLevel.sku, StockLevel.on_hand)
            .where(StockLevel.sku.in_(skus))).all():
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
            # Built without re-validation: 50 stores x 12 variants is 600 of these per answer.
            lines.append(StockAtSku.model_construct(sku=s, on_hand=on_hand, reserved=held,
                                                    available=max(on_hand - held, 0)))
        # A warehouse's ledger is kept at central itself; a store's is as fresh as its last contact.
        seen = now if kind == "warehouse" else heard.get(store_id)
        locations.append(StockLocation.model_construct(store_code=code, name=name, kind=kind,
                                       distance_m=0 if store_id == asking_store_id
                                       else distance_m(here, where(store_id)),
                                       as_of=as_utc(seen) if seen else None, skus=lines))
    locations.sort(key=lambda loc: (loc.distance_m is None, loc.distance_m or 0, loc.store_code))
    return NetworkStockResponse(sku=sku, style=style, variants=variants, locations=locations, server_time=now)
