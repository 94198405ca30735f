"""Finding products for people and scripts: by barcode, by SKU, or by name, pinyin and initials.

What a code means is decided the way the checkout decides it (check digits and all), so
`pos-client lookup` answers exactly what a scan at this till would do; anything that is
not a code the till knows is searched by name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pos_client.domain.barcodes import CodeKind, MalformedCode, classify, variable_layouts
from pos_client.domain.promotions import applying_to
from pos_client.store.catalog import CatalogReader, ProductDetails
from pos_client.store.promotions import PromotionReader


@dataclass(frozen=True, slots=True)
class PromotionShown:
    id: str
    version: int
    kind: str
    name: str
    name_en: str
    members_only: bool


@dataclass(frozen=True, slots=True)
class LookupResult:
    matched_by: str
    """'barcode', 'sku' or 'name'."""
    product: ProductDetails
    promotions: tuple[PromotionShown, ...] = field(default=())
    """Running now in this store and naming the product; what they take off depends on the cart."""


def with_promotions(catalog: CatalogReader, results: list[LookupResult],
                    now: datetime | None = None) -> list[LookupResult]:
    config = catalog.store_config() or {}
    try:
        zone = ZoneInfo(config.get("timezone") or "Asia/Shanghai")
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("Asia/Shanghai")
    local = (now or datetime.now(UTC)).astimezone(zone).replace(tzinfo=None)
    rules = PromotionReader(catalog.engine).current()
    out = []
    for r in results:
        p = r.product
        found = applying_to(rules, p.sku, p.category, p.brand, store_code=config.get("store_code", ""),
                            local=local)
        out.append(LookupResult(r.matched_by, p, tuple(
            PromotionShown(x.id, x.version, x.kind, x.name, x.name_en, x.members_only) for x in found)))
    return out


def lookup(catalog: CatalogReader, query: str, limit: int = 20, now: datetime | None = None
           ) -> list[LookupResult]:
    return with_promotions(catalog, _lookup(catalog, query, limit), now)


def _lookup(catalog: CatalogReader, query: str, limit: int) -> list[LookupResult]:
    try:
        code = classify(query, variable_layouts((catalog.store_config() or {}).get("variable_barcodes")))
    except MalformedCode:
        code = None
    if code is not None:
        if code.kind is CodeKind.GTIN:
            item = catalog.by_barcode(code.lookup_keys())
            if item is not None:
                return [LookupResult("barcode", catalog.details(item.sku))]
            return []  # a well-formed GTIN names one product or none: no name can match digits
        item = catalog.by_barcode((code.value,))
        if item is not None:
            return [LookupResult("barcode", catalog.details(item.sku))]
        item = catalog.by_sku(code.value)
        if item is not None:
            return [LookupResult("sku", catalog.details(item.sku))]
    return [LookupResult("name", catalog.details(m.item.sku)) for m in catalog.search(query, limit)]
