"""Reads back the ESC/POS bytes this project emits: text, barcodes, QR codes, cuts, drawer kicks.

Tests assert on what a printer would do with the bytes, not on byte offsets.
Anything the decoder does not know is collected in `unknown`, so a test notices
a new command instead of reading it as text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ESC, GS, FS, DLE = 0x1B, 0x1D, 0x1C, 0x10
_ESC_ONE_ARG = set(b"!EaM-GtdJ3{VRr")
_GS_ONE_ARG = set(b"!BhwHfLW")


@dataclass
class Decoded:
    text: str = ""
    barcodes: list[tuple[int, str]] = field(default_factory=list)
    qr_codes: list[str] = field(default_factory=list)
    cuts: int = 0
    drawer_pins: list[int] = field(default_factory=list)
    chinese_mode: bool = False
    inits: int = 0
    status_queries: list[int] = field(default_factory=list)
    images: list[tuple[int, int, bytes]] = field(default_factory=list)
    """Raster images (GS v 0): width in dots, height in dots, the packed 1-bit rows."""
    unknown: list[bytes] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    """Order of what happened: "text", "barcode", "qr", "cut", "drawer"."""


def decode(data: bytes, encoding: str = "gb18030") -> Decoded:
    out = Decoded()
    text = bytearray()
    i, n = 0, len(data)

    def flush() -> None:
        if text:
            out.text += text.decode(encoding, errors="replace")
            text.clear()
            if not out.events or out.events[-1] != "text":
                out.events.append("text")

    while i < n:
        b = data[i]
        nxt = data[i + 1] if i + 1 < n else None
        if b == ESC and nxt is not None:
            if nxt == ord("@"):
                out.inits += 1
                i += 2
            elif nxt == ord("p"):
                flush()
                out.drawer_pins.append(2 if data[i + 2] in (0, 48) else 5)
                out.events.append("drawer")
                i += 5
            elif nxt in _ESC_ONE_ARG:
                i += 3
            else:
                out.unknown.append(data[i:i + 2])
                i += 2
        elif b == FS and nxt is not None:
            if nxt == ord("&"):
                out.chinese_mode = True
            elif nxt == ord("."):
                out.chinese_mode = False
            else:
                out.unknown.append(data[i:i + 2])
            i += 2
        elif b == DLE and nxt == 0x04:
            out.status_queries.append(data[i + 2])
            i += 3
        elif b == GS and nxt is not None:
            if nxt == ord("V"):
                flush()
                out.cuts += 1
                out.events.append("cut")
                i += 3 if data[i + 2] in (0, 1, 48, 49) else 4
            elif nxt == ord("k"):
                flush()
                m = data[i + 2]
                if m <= 6:  # function A: NUL-terminated
                    end = data.index(0, i + 3)
                    payload, i = data[i + 3:end], end + 1
                else:
                    length = data[i + 3]
                    payload, i = data[i + 4:i + 4 + length], i + 4 + length
                value = payload.decode("ascii", errors="replace")
                out.barcodes.append((m, value[2:] if value.startswith("{") else value))
                out.events.append("barcode")
            elif nxt == ord("(") and i + 2 < n and data[i + 2] == ord("k"):
                length = data[i + 3] + 256 * data[i + 4]
                body = data[i + 5:i + 5 + length]
                if body[:2] == b"1P":  # store QR data: cn fn m data
                    flush()
                    out.qr_codes.append(body[3:].decode("utf-8", errors="replace"))
                    out.events.append("qr")
                i += 5 + length
            elif nxt == ord("v") and i + 2 < n and data[i + 2] == ord("0"):
                flush()
                x_bytes = data[i + 4] + 256 * data[i + 5]
                height = data[i + 6] + 256 * data[i + 7]
                rows = data[i + 8:i + 8 + x_bytes * height]
                out.images.append((x_bytes * 8, height, rows))
                out.events.append("image")
                i += 8 + x_bytes * height
            elif nxt in _GS_ONE_ARG:
                i += 3
            else:
                out.unknown.append(data[i:i + 2])
                i += 2
        else:
            text.append(b)
            i += 1
    flush()
    return out
