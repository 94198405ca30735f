"""AIM symbology identifiers (ISO/IEC 15424): `]` + code character + modifier, sent before the data.

Scanners configured to send them tell which symbology was read; that decides
whether the data is GS1 (element strings with FNC1) or a plain code, and a
stray `]E0` must never reach a barcode lookup.  Stripped here and reported.
"""

from __future__ import annotations

import re

_AIM = re.compile(r"^\][A-Za-z][0-9A-Za-z]")
_BY_CODE = {
    "A": "Code 39", "C": "Code 128", "E": "EAN/UPC", "F": "Codabar", "G": "Code 93", "H": "Code 11",
    "I": "ITF", "L": "PDF417", "M": "MSI", "Q": "QR Code", "S": "Industrial 2 of 5", "X": "Other",
    "d": "Data Matrix", "e": "GS1 DataBar", "z": "Aztec", "J": "GS1 Digital Link",
}
_EXACT = {
    "]C1": "GS1-128", "]E0": "EAN-13", "]E3": "EAN-13 + add-on", "]E4": "EAN-8", "]e0": "GS1 DataBar",
    "]d2": "GS1 DataMatrix", "]Q3": "GS1 QR Code", "]Q5": "GS1 QR Code",
}
GS1_IDENTIFIERS = frozenset({"]C1", "]e0", "]d2", "]Q3", "]Q5", "]J1"})


def split_aim(data: str) -> tuple[str | None, str]:
    """(identifier or None, data without it)."""
    if _AIM.match(data):
        return data[:3], data[3:]
    return None, data


def symbology_name(aim: str | None) -> str | None:
    if aim is None:
        return None
    return _EXACT.get(aim) or _BY_CODE.get(aim[1], f"unknown ({aim})")


def is_gs1(aim: str | None) -> bool:
    return aim in GS1_IDENTIFIERS
