"""Finding products for people and scripts: by barcode, by SKU, or by name, pinyin and initials.

What a code means is decided the way the checkout decides it (check digits and all), so
`pos-client lookup` answers exactly what a scan at this till would do; anything that is
not a code the till knows is searched by name.
"""

from __future__ import annotations

from dataclasses import dataclass

from pos_client.domain.barcodes import CodeKind, MalformedCode, classify, variable_layouts
from pos_client.store.catalog import CatalogReader, ProductDetails


@dataclass(frozen=True, slots=True)
class LookupResult:
    matched_by: str
    """'barcode', 'sku' or 'name'."""
    product: ProductDetails


def lookup(catalog: CatalogReader, query: str, limit: int = 20) -> list[LookupResult]:
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
