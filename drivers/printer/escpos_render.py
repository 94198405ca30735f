"""Rendering a receipt document to ESC/POS bytes.

python-escpos supplies the command set (alignment, emphasis, size, barcode,
cut, drawer pulse).  Its text layer picks single-byte code pages, which cannot
print Chinese, so text goes through our own layer: Chinese printers take
GB18030 (or GBK) bytes after FS & (enter Chinese character mode).
"""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass

from escpos.constants import CD_KICK_2, CD_KICK_5

from .document import Align, Barcode, Columns, QrCode, ReceiptDocument, Rule, TextLine
from .text_image import text_image
from .textwidth import pad_between, wrap_cells

FS_CHINESE_ON = b"\x1c\x26"
ESC_INIT = b"\x1b\x40"
DRAWER_PINS = {2: CD_KICK_2, 5: CD_KICK_5}
# The half-width yen/yuan sign is not in GBK and is four bytes in GB18030, which printers
# show as garbage: print the full-width sign Chinese receipts use.
_PRINTABLE = str.maketrans({"\u00a5": "\uffe5"})


def drawer_kick(pin: int) -> bytes:
    """ESC p m t1 t2: a pulse on connector pin 2 (m=0) or pin 5 (m=1), python-escpos's timing."""
    if pin not in DRAWER_PINS:
        raise ValueError(f"drawer pin must be 2 or 5, not {pin}")
    return DRAWER_PINS[pin]


@dataclass(frozen=True, slots=True)
class PaperProfile:
    """Characters per line in the printer's standard font A."""

    columns: int
    encoding: str = "gb18030"
    chinese_mode: bool = True
    drawer_pin: int = 2
    text_as_image: bool = False
    """Print text as a raster image: for printers without a Chinese font."""
    font_path: str = ""

    def __post_init__(self) -> None:
        if self.drawer_pin not in DRAWER_PINS:
            raise ValueError(f"drawer pin must be 2 or 5, not {self.drawer_pin}")
        if self.columns < 16:
            raise ValueError(f"{self.columns} columns is too narrow for a receipt")

    @classmethod
    def for_width(cls, paper_mm: int, **kw: object) -> PaperProfile:
        return cls(columns=32 if paper_mm <= 58 else 48, **kw)  # type: ignore[arg-type]


def render(doc: ReceiptDocument, profile: PaperProfile) -> bytes:
    # Imported here: python-escpos loads its printer capability database on import (about
    # 0.4 s), which every till command and the app's first frame would otherwise wait for.
    from escpos.printer import Dummy

    p = Dummy()
    p._raw(ESC_INIT)
    if profile.chinese_mode and not profile.text_as_image:
        p._raw(FS_CHINESE_ON)

    pending: list[tuple[str, Align, bool]] = []

    def text(value: str) -> None:
        p._raw(value.translate(_PRINTABLE).encode(profile.encoding, errors="replace"))

    def line(value: str, align: Align = Align.LEFT, large: bool = False) -> None:
        if profile.text_as_image:
            pending.append((value, align, large))
        else:
            text(value + "\n")

    def flush_image() -> None:
        if pending:
            p.set(align="left", normal_textsize=True)
            p.image(text_image(pending, profile.columns, profile.font_path), impl="bitImageRaster")
            pending.clear()

    for block in doc.blocks:
        if isinstance(block, TextLine):
            # python-escpos sends no size command for double_*=False: ask for normal size
            # explicitly, or everything after a large title prints large too.
            if not profile.text_as_image:
                if block.large:
                    p.set(align=block.align.value, bold=block.bold, double_height=True, double_width=True)
                else:
                    p.set(align=block.align.value, bold=block.bold, normal_textsize=True)
            width = profile.columns // 2 if block.large else profile.columns
            for piece in wrap_cells(block.text.translate(_PRINTABLE), width):
                line(piece, block.align, block.large)
        elif isinstance(block, Columns):
            if not profile.text_as_image:
                p.set(align="left", bold=block.bold, normal_textsize=True)
            for piece in pad_between(block.left.translate(_PRINTABLE), block.right.translate(_PRINTABLE),
                                     profile.columns):
                line(piece)
        elif isinstance(block, Rule):
            if not profile.text_as_image:
                p.set(align="left", normal_textsize=True)
            line(block.char * profile.columns)
        elif isinstance(block, Barcode):
            flush_image()
            p.set(align="center", normal_textsize=True)
            with contextlib.redirect_stdout(io.StringIO()):  # python-escpos prints a notice on stdout
                p.barcode("{B" + block.data, block.kind, height=60, width=2, pos="BELOW",
                          function_type="B", check=False)
        elif isinstance(block, QrCode):
            flush_image()
            p.set(align="center", normal_textsize=True)
            p.qr(block.data, size=block.size, native=True)
            text("\n")
    flush_image()
    p.set(align="left")
    if doc.cut:
        p.cut()
    if doc.open_drawer:
        p._raw(drawer_kick(profile.drawer_pin))
    return p.output
