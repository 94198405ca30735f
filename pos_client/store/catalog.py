"""Reading the catalog at the till: one indexed lookup per scan.

The UI thread calls this on every scan, so it is one prepared statement over
primary-key indexes (barcode → product → price), well under a millisecond even
with a million products.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import Engine, func, select, text

from pos_client.domain.search_text import match_query

from .schema import barcode, price, product, stock_level, store_config

_BY_BARCODE = text(
    """
    SELECT p.sku, p.name, p.name_en, p.unit, b.code,
           COALESCE((SELECT amount FROM price WHERE sku = p.sku AND scope = 'store'),
                    (SELECT amount FROM price WHERE sku = p.sku AND scope = 'chain')) AS amount,
           p.category, p.brand, (SELECT amount FROM price WHERE sku = p.sku AND scope = 'member')
    FROM barcode b JOIN product p ON p.sku = b.sku
    WHERE b.code = :code
    """
)
_BY_SKU = text(
    """
    SELECT p.sku, p.name, p.name_en, p.unit,
           (SELECT code FROM barcode WHERE sku = p.sku LIMIT 1) AS code,
           COALESCE((SELECT amount FROM price WHERE sku = p.sku AND scope = 'store'),
                    (SELECT amount FROM price WHERE sku = p.sku AND scope = 'chain')) AS amount,
           p.category, p.brand, (SELECT amount FROM price WHERE sku = p.sku AND scope = 'member')
    FROM product p WHERE p.sku = :code
    """
)


_SEARCH = text(
    """
    SELECT p.sku, p.name, p.name_en, p.unit,
           (SELECT code FROM barcode WHERE sku = p.sku ORDER BY code LIMIT 1) AS code,
           COALESCE((SELECT amount FROM price WHERE sku = p.sku AND scope = 'store'),
                    (SELECT amount FROM price WHERE sku = p.sku AND scope = 'chain')) AS amount,
           (SELECT on_hand FROM stock_level WHERE sku = p.sku) AS on_hand,
           (SELECT SUM(r.qty) FROM reservation r WHERE r.sku = p.sku AND NOT EXISTS (
                SELECT 1 FROM pickup_refusal f WHERE f.order_id = r.order_id AND f.line_no = r.line_no)
           ) AS reserved
    FROM product p
    WHERE p.rowid IN (SELECT rowid FROM product_fts WHERE product_fts MATCH :query LIMIT :candidates)
    """
)
_RESERVED = text(
    """
    SELECT SUM(r.qty) FROM reservation r WHERE r.sku = :sku AND NOT EXISTS (
        SELECT 1 FROM pickup_refusal f WHERE f.order_id = r.order_id AND f.line_no = r.line_no)
    """
)
SEARCH_CANDIDATES = 400
"""Matches ranked per search.  FTS5's own bm25 ranking reads every match of a short
prefix (a single letter matches most of a million products, 200 ms); ranking a bounded
set keeps every keystroke fast, and a cashier who sees too many types one more letter."""


@dataclass(frozen=True, slots=True)
class CatalogItem:
    sku: str
    name: str
    name_en: str
    unit: str
    barcode: str | None
    price: int | None
    """None when central has sent no price: such an item cannot be sold."""
    category: str = ""
    brand: str = ""
    member_price: int | None = None


@dataclass(frozen=True, slots=True)
class ProductMatch:
    item: CatalogItem
    on_hand: int | None
    """This store's stock as central last sent it; None when central sent none."""
    reserved: int = 0
    """Units of it held for online pickup orders here: available is on_hand - reserved."""

    @property
    def available(self) -> int | None:
        return None if self.on_hand is None else self.on_hand - self.reserved


@dataclass(frozen=True, slots=True)
class ProductDetails:
    """Everything the till knows of one product: for lookups by staff and scripts."""

    sku: str
    name: str
    name_en: str
    category: str
    brand: str
    unit: str
    barcodes: tuple[str, ...]
    price: int | None
    """The price a sale here uses: this store's own if central set one, else the chain's."""
    chain_price: int | None
    store_price: int | None
    member_price: int | None
    on_hand: int | None
    reserved: int = 0
    """Units held here for online pickup and delivery orders (available = on_hand - reserved)."""


def _rank(typed: str, item: CatalogItem) -> tuple:
    """Names that start with what was typed, then names with a word that does, then the rest;
    within each, sellable before unpriced, shorter (closer) names first, then by SKU."""
    t = " ".join(typed.lower().split())
    names = (item.name.lower(), item.name_en.lower())
    if any(n.startswith(t) for n in names):
        place = 0
    elif any(w.startswith(t) for n in names for w in n.split()):
        place = 1
    else:
        place = 2
    return (place, item.price is None, len(item.name), item.sku)


class CatalogReader:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    @property
    def engine(self) -> Engine:
        return self._engine

    def _one(self, stmt, code: str) -> CatalogItem | None:
        with self._engine.connect() as conn:
            row = conn.execute(stmt, {"code": code}).first()
        if row is None:
            return None
        return CatalogItem(sku=row[0], name=row[1], name_en=row[2], unit=row[3], barcode=row[4],
                           price=row[5], category=row[6] or "", brand=row[7] or "", member_price=row[8])

    def by_barcode(self, codes: tuple[str, ...]) -> CatalogItem | None:
        for code in codes:
            item = self._one(_BY_BARCODE, code)
            if item is not None:
                return item
        return None

    def by_sku(self, sku: str) -> CatalogItem | None:
        return self._one(_BY_SKU, sku)

    def search(self, typed: str, limit: int = 20) -> list[ProductMatch]:
        """Products whose name, English name, brand, pinyin or initials match what was typed."""
        query = match_query(typed)
        if query is None:
            return []
        with self._engine.connect() as conn:
            rows = conn.execute(_SEARCH, {"query": query, "candidates": SEARCH_CANDIDATES}).all()
        matches = [ProductMatch(CatalogItem(sku=r[0], name=r[1], name_en=r[2], unit=r[3], barcode=r[4],
                                            price=r[5]), r[6], int(r[7] or 0)) for r in rows]
        matches.sort(key=lambda m: _rank(typed, m.item))
        return matches[:limit]

    def details(self, sku: str) -> ProductDetails | None:
        with self._engine.connect() as conn:
            row = conn.execute(select(product).where(product.c.sku == sku)).first()
            if row is None:
                return None
            codes = tuple(conn.execute(select(barcode.c.code).where(barcode.c.sku == sku)
                                       .order_by(barcode.c.code)).scalars())
            prices = dict(conn.execute(select(price.c.scope, price.c.amount).where(price.c.sku == sku)).all())
            on_hand = conn.execute(select(stock_level.c.on_hand).where(stock_level.c.sku == sku)).scalar()
            reserved = conn.execute(_RESERVED, {"sku": sku}).scalar() or 0
        store_price, chain_price = prices.get("store"), prices.get("chain")
        return ProductDetails(
            sku=row.sku, name=row.name, name_en=row.name_en, category=row.category, brand=row.brand,
            unit=row.unit, barcodes=codes, price=store_price if store_price is not None else chain_price,
            chain_price=chain_price, store_price=store_price, member_price=prices.get("member"),
            on_hand=on_hand, reserved=int(reserved))

    def product_count(self) -> int:
        with self._engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(product)).scalar() or 0

    def store_config(self) -> dict | None:
        with self._engine.connect() as conn:
            raw = conn.execute(select(store_config.c.data)).scalar()
        return json.loads(raw) if raw else None
