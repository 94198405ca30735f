"""Counting stock with the RFID reader: each tag once, counted by product, for the stock work to send.

The reader already drops re-reads within its window; a count session goes further
and counts every EPC at most once for the whole session, however often it comes
back into the field.  SGTIN tags are resolved to a product through the local
catalog by their GTIN (GTIN-14, and the EAN-13/UPC-A/EAN-8 it carries); tags that
are not GS1 and GTINs this store does not sell are kept apart, for a person to look at.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from drivers.interfaces import TagRead
from drivers.rfid.epc import decode_epc

Lookup = Callable[[tuple[str, ...]], str | None]
"""Barcodes to try, in order -> the SKU of the first one the catalog knows."""


def gtin_candidates(gtin14: str) -> tuple[str, ...]:
    """A GTIN-14 as the codes a store's catalog may hold it under (indicator 0 drops to GTIN-13 ...)."""
    out = [gtin14]
    if gtin14.startswith("0"):
        out.append(gtin14[1:])  # GTIN-13 / EAN-13
        if gtin14.startswith("00"):
            out.append(gtin14[2:])  # GTIN-12 / UPC-A
        if gtin14.startswith("000000"):
            out.append(gtin14[6:])  # GTIN-8
    return tuple(out)


@dataclass
class CountSummary:
    by_sku: dict[str, int]
    unknown_gtins: dict[str, int]
    not_gs1: list[str]
    tags: int
    reads: int


@dataclass
class RfidCountSession:
    lookup: Lookup
    _seen: set[str] = field(default_factory=set)
    _by_sku: Counter = field(default_factory=Counter)
    _unknown: Counter = field(default_factory=Counter)
    _not_gs1: list[str] = field(default_factory=list)
    _sku_of_gtin: dict[str, str | None] = field(default_factory=dict)
    reads: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, tag: TagRead) -> str | None:
        """Count one read (from any thread); returns the SKU counted, or None (repeat, unknown, not GS1)."""
        with self._lock:
            self.reads += 1
            if tag.epc in self._seen:
                return None
            self._seen.add(tag.epc)
        decoded = decode_epc(tag.epc)
        if not decoded.gs1 or decoded.gtin is None:
            with self._lock:
                self._not_gs1.append(tag.epc)
            return None
        if decoded.gtin not in self._sku_of_gtin:
            self._sku_of_gtin[decoded.gtin] = self.lookup(gtin_candidates(decoded.gtin))
        sku = self._sku_of_gtin[decoded.gtin]
        with self._lock:
            if sku is None:
                self._unknown[decoded.gtin] += 1
            else:
                self._by_sku[sku] += 1
        return sku

    def seen_epcs(self) -> set[str]:
        """Every EPC this session has read (a copy), so a stock count knows which sold tags it saw."""
        with self._lock:
            return set(self._seen)

    def summary(self) -> CountSummary:
        with self._lock:
            return CountSummary(dict(self._by_sku), dict(self._unknown), list(self._not_gs1),
                                len(self._seen), self.reads)


def catalog_lookup(catalog) -> Lookup:
    """The local catalog as a count session's lookup."""
    def lookup(codes: tuple[str, ...]) -> str | None:
        item = catalog.by_barcode(codes)
        return item.sku if item is not None else None

    return lookup
