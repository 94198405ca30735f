"""What a scanned or typed code is, before the catalog is asked about it.

Scanners send noise (a half-read, a stray control character) and people mistype
digits; the GTIN check digit exists to catch both, so a code that fails it is
refused here with the reason, instead of being looked up and reported "unknown".

Besides plain GTINs and in-store codes, two kinds carry a measure:
- EAN-13 labels from the store's own scales, prefix 20-29 (restricted circulation):
  prefix, item number, then the price or the weight, in a layout each store sets
  (`VariableLayout`).  The item is looked up by the label with the measure zeroed,
  which is how such items are listed in a catalog (2200123000006 for item 00123).
- GS1-128 and GS1 DataBar element strings (scanners send "]C1" or "]e0" and FNC1 as
  the GS character; people type "(01)...(3103)..."): GTIN (01), net weight in kg
  (310n), price (392n), best-before or expiry date (15, 17) and batch (10), read
  with biip.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

import biip
from biip.checksums import gs1_standard_check_digit
from biip.gs1_messages import GS1Message

from .money import Amount

_INTERNAL_CODE = re.compile(r"^[A-Za-z][A-Za-z0-9\-_.]{1,31}$")
_GTIN_LENGTHS = (8, 12, 13, 14)
MAX_CODE_LENGTH = 64


class CodeKind(Enum):
    GTIN = "gtin"
    INTERNAL = "internal"


_GS1_PREFIXES = ("]C1", "]e0", "]d2", "]Q3")  # GS1-128, DataBar, DataMatrix, QR symbology ids
_GS = "\x1d"
MAX_WEIGHT_G = 999_999  # a label for a tonne is a misread


@dataclass(frozen=True, slots=True)
class VariableLayout:
    """One kind of in-store scale label: `prefix` + item digits + value digits + check digit."""

    prefix: str
    measure: str
    """'price' (value in fen) or 'weight' (value in grams)."""
    item_digits: int = 5

    @property
    def value_digits(self) -> int:
        return 12 - len(self.prefix) - self.item_digits

    @classmethod
    def from_config(cls, raw: dict[str, Any]) -> VariableLayout:
        """From a store's config as central sends it; ValueError for a layout that cannot work."""
        layout = cls(prefix=str(raw["prefix"]), measure=str(raw["measure"]),
                     item_digits=int(raw.get("item_digits", 5)))
        if not (layout.prefix.isdigit() and layout.prefix[0] == "2" and 1 <= len(layout.prefix) <= 3):
            raise ValueError(f"prefix {layout.prefix!r}: scale labels start with 2 (20-29)")
        if layout.measure not in ("price", "weight"):
            raise ValueError(f"measure {layout.measure!r}: price or weight")
        if not 3 <= layout.item_digits <= 6 or layout.value_digits < 4:
            raise ValueError(f"{layout.item_digits} item digits leave no room for the value")
        return layout


def variable_layouts(config: Iterable[dict[str, Any]] | None) -> tuple[VariableLayout, ...]:
    """The usable layouts of a store config's `variable_barcodes`, longest prefix first."""
    layouts = []
    for raw in config or ():
        try:
            layouts.append(VariableLayout.from_config(raw))
        except (KeyError, TypeError, ValueError):
            continue  # a bad layout from central must not stop the till from selling
    return tuple(sorted(layouts, key=lambda lay: -len(lay.prefix)))


@dataclass(frozen=True, slots=True)
class ScannedCode:
    kind: CodeKind
    value: str
    """For a GTIN: the code as printed on the pack (8, 12, 13 or 14 digits)."""
    expanded: str | None = None
    """An 8-digit code that is a UPC-E rather than an EAN-8: the GTIN-12 it stands for."""
    weight_g: int | None = None
    """Net weight the label or element string carries, in grams."""
    price: Amount | None = None
    """Price printed into the label or element string (the line's amount), in fen."""
    expires: date | None = None
    batch: str | None = None
    by_weight: bool = False
    """The weight prices the item (a scale's weight label).  A weight in a GS1 element string
    prices it only when the product is sold by the kilogram; on a fixed-measure pack it is
    information."""

    def lookup_keys(self) -> tuple[str, ...]:
        if self.kind is not CodeKind.GTIN:
            return (self.value,)
        keys = gtin_lookup_keys(self.value)
        return keys + gtin_lookup_keys(self.expanded) if self.expanded else keys


class MalformedCode(ValueError):
    """A code that cannot be a product code; `reason` is a stable machine word."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(f"{reason}: {code!r}")
        self.code = code
        self.reason = reason


def classify(raw: str, layouts: tuple[VariableLayout, ...] = ()) -> ScannedCode:
    # A scanner behind a Chinese input method can send full-width digits (９６…): NFKC
    # makes them ASCII.  Any other script's digits stay non-ASCII and are refused below.
    code = unicodedata.normalize("NFKC", raw).strip()
    if not code:
        raise MalformedCode(raw, "empty")
    if len(code) > MAX_CODE_LENGTH or not code.replace(_GS, "").isprintable():
        raise MalformedCode(raw, "garbled")
    if code.startswith(_GS1_PREFIXES) or code.startswith("(") or _GS in code:
        return _element_string(code)
    if code.isascii() and code.isdigit():
        if len(code) not in _GTIN_LENGTHS:
            raise MalformedCode(code, "length")
        result = biip.parse(code)
        if result.gtin is None:
            raise MalformedCode(code, "check_digit")
        if len(code) == 13 and code[0] == "2":
            for layout in layouts:
                if code.startswith(layout.prefix):
                    return _scale_label(code, layout)
        # Eight digits are an EAN-8 or a UPC-E; biip reads a UPC-E as its full GTIN-12.
        expanded = result.gtin.value if result.gtin.value != code else None
        return ScannedCode(CodeKind.GTIN, code, expanded)
    if _INTERNAL_CODE.match(code):
        return ScannedCode(CodeKind.INTERNAL, code.upper())
    raise MalformedCode(code, "garbled")


def _scale_label(code: str, layout: VariableLayout) -> ScannedCode:
    item_end = len(layout.prefix) + layout.item_digits
    value = int(code[item_end:12])
    body = code[:item_end] + "0" * layout.value_digits
    listed = body + str(gs1_standard_check_digit(body))
    if layout.measure == "weight":
        if not 0 < value <= MAX_WEIGHT_G:
            raise MalformedCode(code, "measure")
        return ScannedCode(CodeKind.GTIN, listed, weight_g=value, by_weight=True)
    if value <= 0:
        raise MalformedCode(code, "measure")
    return ScannedCode(CodeKind.GTIN, listed, price=value)


def _element_string(code: str) -> ScannedCode:
    try:
        if code.startswith("("):
            message = GS1Message.parse_hri(code)
        else:
            for prefix in _GS1_PREFIXES:
                code = code.removeprefix(prefix)
            message = GS1Message.parse(code)
    except Exception as exc:  # biip raises its own ParseError family on anything unreadable
        raise MalformedCode(code, "garbled") from exc
    found = {es.ai.ai: es for es in message.element_strings}
    gtin = found.get("01") or found.get("02")
    if gtin is None:
        raise MalformedCode(code, "no_gtin")
    # biip leaves .gtin unset for restricted-circulation numbers (a store's own 2x codes);
    # those are still GTIN-14s whose check digit must hold.
    value = gtin.gtin.value if gtin.gtin is not None else gtin.value
    if not (len(value) == 14 and value.isdigit()
            and str(gs1_standard_check_digit(value[:-1])) == value[-1]):
        raise MalformedCode(code, "check_digit")
    weight_g = price = None
    for ai, es in found.items():
        if ai.startswith("310") and es.decimal is not None:  # net weight, kg
            weight_g = int((es.decimal * 1000).to_integral_value())
        elif ai.startswith("392") and es.decimal is not None:  # price in local currency
            price = int((es.decimal * 100).to_integral_value())
    if weight_g is not None and not 0 < weight_g <= MAX_WEIGHT_G:
        raise MalformedCode(code, "measure")
    if price is not None and price <= 0:
        raise MalformedCode(code, "measure")
    expiry = found.get("17") or found.get("15")
    batch = found.get("10")
    return ScannedCode(CodeKind.GTIN, value, weight_g=weight_g, price=price,
                       expires=expiry.date if expiry is not None else None,
                       batch=batch.value if batch is not None else None)


def gtin_lookup_keys(code: str) -> tuple[str, ...]:
    """The forms under which a GTIN may be stored: as scanned and as GTIN-13/14.

    A UPC-A (12 digits) is the same item as its EAN-13 with a leading zero, and
    catalogs store either form; a GTIN-14 from a GS1 element string starts with the
    zeros that pad an EAN-13 or UPC-A.
    """
    keys = [code]
    if len(code) == 12:
        keys.append("0" + code)
    elif len(code) == 13 and code.startswith("0"):
        keys.append(code[1:])
    elif len(code) == 14 and code.startswith("0"):
        keys.append(code[1:])
        if code.startswith("00"):
            keys.append(code[2:])
    return tuple(keys)
