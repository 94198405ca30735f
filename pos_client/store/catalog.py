"""Reading the catalog at the till: one indexed lookup per scan.

The UI thread calls this on every scan, so it is one prepared statement over
primary-key indexes (barcode → product → price), well under a millisecond even
with a million products.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import Engine, func, select, text

from .schema import product, store_config

_BY_BARCODE = text(
    """
    SELECT p.sku, p.name, p.name_en, p.unit, b.code,
           COALESCE((SELECT amount FROM price WHERE sku = p.sku AND scope = 'store'),
                    (SELECT amount FROM price WHERE sku = p.sku AND scope = 'chain')) AS amount
    FROM barcode b JOIN product p ON p.sku = b.sku
    WHERE b.code = :code
    """
)
_BY_SKU = text(
    """
    SELECT p.sku, p.name, p.name_en, p.unit,
           (SELECT code FROM barcode WHERE sku = p.sku LIMIT 1) AS code,
           COALESCE((SELECT amount FROM price WHERE sku = p.sku AND scope = 'store'),
                    (SELECT amount FROM price WHERE sku = p.sku AND scope = 'chain')) AS amount
    FROM product p WHERE p.sku = :code
    """
)


@dataclass(frozen=True, slots=True)
class CatalogItem:
    sku: str
    name: str
    name_en: str
    unit: str
    barcode: str | None
    price: int | None
    """None when central has sent no price: such an item cannot be sold."""


class CatalogReader:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def _one(self, stmt, code: str) -> CatalogItem | None:
        with self._engine.connect() as conn:
            row = conn.execute(stmt, {"code": code}).first()
        if row is None:
            return None
        return CatalogItem(sku=row[0], name=row[1], name_en=row[2], unit=row[3], barcode=row[4],
                           price=row[5])

    def by_barcode(self, codes: tuple[str, ...]) -> CatalogItem | None:
        for code in codes:
            item = self._one(_BY_BARCODE, code)
            if item is not None:
                return item
        return None

    def by_sku(self, sku: str) -> CatalogItem | None:
        return self._one(_BY_SKU, sku)

    def product_count(self) -> int:
        with self._engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(product)).scalar() or 0

    def store_config(self) -> dict | None:
        with self._engine.connect() as conn:
            raw = conn.execute(select(store_config.c.data)).scalar()
        return json.loads(raw) if raw else None
