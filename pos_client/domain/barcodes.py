"""What a scanned or typed code is, before the catalog is asked about it.

Scanners send noise (a half-read, a stray control character) and people mistype
digits; the GTIN check digit exists to catch both, so a code that fails it is
refused here with the reason, instead of being looked up and reported "unknown".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum

import biip

_INTERNAL_CODE = re.compile(r"^[A-Za-z][A-Za-z0-9\-_.]{1,31}$")
_GTIN_LENGTHS = (8, 12, 13, 14)
MAX_CODE_LENGTH = 64


class CodeKind(Enum):
    GTIN = "gtin"
    INTERNAL = "internal"


@dataclass(frozen=True, slots=True)
class ScannedCode:
    kind: CodeKind
    value: str
    """For a GTIN: the code as printed on the pack (8, 12, 13 or 14 digits)."""
    expanded: str | None = None
    """An 8-digit code that is a UPC-E rather than an EAN-8: the GTIN-12 it stands for."""

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


def classify(raw: str) -> ScannedCode:
    # A scanner behind a Chinese input method can send full-width digits (９６…): NFKC
    # makes them ASCII.  Any other script's digits stay non-ASCII and are refused below.
    code = unicodedata.normalize("NFKC", raw).strip()
    if not code:
        raise MalformedCode(raw, "empty")
    if len(code) > MAX_CODE_LENGTH or not code.isprintable():
        raise MalformedCode(raw, "garbled")
    if code.isascii() and code.isdigit():
        if len(code) not in _GTIN_LENGTHS:
            raise MalformedCode(code, "length")
        result = biip.parse(code)
        if result.gtin is None:
            raise MalformedCode(code, "check_digit")
        # Eight digits are an EAN-8 or a UPC-E; biip reads a UPC-E as its full GTIN-12.
        expanded = result.gtin.value if result.gtin.value != code else None
        return ScannedCode(CodeKind.GTIN, code, expanded)
    if _INTERNAL_CODE.match(code):
        return ScannedCode(CodeKind.INTERNAL, code.upper())
    raise MalformedCode(code, "garbled")


def gtin_lookup_keys(code: str) -> tuple[str, ...]:
    """The forms under which a GTIN may be stored: as scanned and as GTIN-13/14.

    A UPC-A (12 digits) is the same item as its EAN-13 with a leading zero, and
    catalogs store either form.
    """
    keys = [code]
    if len(code) == 12:
        keys.append("0" + code)
    elif len(code) == 13 and code.startswith("0"):
        keys.append(code[1:])
    return tuple(keys)
