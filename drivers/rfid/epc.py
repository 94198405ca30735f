"""What a tag's EPC says, through epcpy (GS1 EPC Tag Data Standard): SGTIN-96 to GTIN + serial.

Many tags in a store are not GS1-encoded (blank tags with the chip's factory EPC,
a supplier's own numbering): those are reported as such, with their hex, not as errors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from epcpy import hex_to_tag_encodable
from epcpy.epc_schemes.sgtin import SGTIN

_HEX = re.compile(r"^[0-9A-Fa-f]+$")


@dataclass(frozen=True, slots=True)
class DecodedEpc:
    epc: str
    gs1: bool
    scheme: str
    """"sgtin", "sscc", "giai" ... for GS1 tags; "not-gs1" otherwise; "invalid" for malformed hex."""
    uri: str | None = None
    gtin: str | None = None
    serial: str | None = None
    note: str = ""


def decode_epc(epc_hex: str) -> DecodedEpc:
    epc = epc_hex.strip().upper()
    if not epc or not _HEX.match(epc) or len(epc) % 2:
        return DecodedEpc(epc, False, "invalid", note="not an even number of hex digits")
    try:
        tag = hex_to_tag_encodable(epc)
    except Exception as exc:  # epcpy raises ConvertException and, on odd bit patterns, ValueError & co
        return DecodedEpc(epc, False, "not-gs1", note=str(exc) or type(exc).__name__)
    uri = tag.epc_uri
    scheme = uri.split(":")[3] if uri.count(":") >= 3 else type(tag).__name__.lower()
    if isinstance(tag, SGTIN):
        try:
            gtin = tag.gtin()
        except Exception as exc:
            return DecodedEpc(epc, True, scheme, uri, note=f"no GTIN: {exc}")
        return DecodedEpc(epc, True, scheme, uri, gtin=gtin, serial=uri.rsplit(".", 1)[-1])
    return DecodedEpc(epc, True, scheme, uri)
