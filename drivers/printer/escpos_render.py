"""Rendering a receipt document to ESC/POS bytes.

python-escpos supplies the command set (alignment, emphasis, size, barcode,
cut, drawer pulse).  Its text layer picks single-byte code pages, which cannot
print Chinese, so text goes through our own layer: Chinese printers take
GB18030 (or GBK) bytes after FS & (enter Chinese character mode).
"""

from __future__ import annotations

from dataclasses import dataclass

from escpos.printer import Dummy

from .document import Barcode, Columns, ReceiptDocument, Rule, TextLine
from .textwidth import pad_between, wrap_cells

FS_CHINESE_ON = b"\x1c\x26"
ESC_INIT = b"\x1b\x40"


@dataclass(frozen=True, slots=True)
class PaperProfile:
    """Characters per line in the printer's standard font A."""

    columns: int
    encoding: str = "gb18030"
    chinese_mode: bool = True
    drawer_pin: int = 2

    @classmethod
    def for_width(cls, paper_mm: int, **kw: object) -> PaperProfile:
        return cls(columns=32 if paper_mm <= 58 else 48, **kw)  # type: ignore[arg-type]


def render(doc: ReceiptDocument, profile: PaperProfile) -> bytes:
    p = Dummy()
    p._raw(ESC_INIT)
    if profile.chinese_mode:
        p._raw(FS_CHINESE_ON)

    def text(value: str) -> None:
        p._raw(value.encode(profile.encoding, errors="replace"))

    for block in doc.blocks:
        if isinstance(block, TextLine):
            # python-escpos sends no size command for double_*=False: ask for normal size
            # explicitly, or everything after a large title prints large too.
            if block.large:
                p.set(align=block.align.value, bold=block.bold, double_height=True, double_width=True)
            else:
                p.set(align=block.align.value, bold=block.bold, normal_textsize=True)
            width = profile.columns // 2 if block.large else profile.columns
            for line in wrap_cells(block.text, width):
                text(line + "\n")
        elif isinstance(block, Columns):
            p.set(align="left", bold=block.bold, normal_textsize=True)
            for line in pad_between(block.left, block.right, profile.columns):
                text(line + "\n")
        elif isinstance(block, Rule):
            p.set(align="left", normal_textsize=True)
            text(block.char * profile.columns + "\n")
        elif isinstance(block, Barcode):
            p.set(align="center", normal_textsize=True)
            p.barcode("{B" + block.data, block.kind, height=60, width=2, pos="BELOW",
                      function_type="B", check=False)
    p.set(align="left")
    if doc.cut:
        p.cut()
    if doc.open_drawer:
        p.cashdraw(profile.drawer_pin)
    return p.output
