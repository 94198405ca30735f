"""A receipt as a document, not bytes: what to print, not how a printer wants it.

Services build documents from sales; each printer model renders them (ESC/POS
now; a PDF or a test decoder later) at its own paper width and code page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Align(Enum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


@dataclass(frozen=True, slots=True)
class TextLine:
    text: str
    align: Align = Align.LEFT
    bold: bool = False
    large: bool = False


@dataclass(frozen=True, slots=True)
class Columns:
    """Left text and right text on one line (item and amount); the left side wraps."""

    left: str
    right: str
    bold: bool = False


@dataclass(frozen=True, slots=True)
class Rule:
    char: str = "-"


@dataclass(frozen=True, slots=True)
class Barcode:
    data: str
    kind: str = "CODE128"


@dataclass(frozen=True, slots=True)
class QrCode:
    """Printed by the printer itself (GS ( k), so it costs a few bytes, not an image."""

    data: str
    size: int = 6


Block = TextLine | Columns | Rule | Barcode | QrCode


@dataclass(frozen=True, slots=True)
class ReceiptDocument:
    job_id: str
    """Stable name of the job (the receipt number), so a reprint replaces, never duplicates."""
    blocks: tuple[Block, ...]
    open_drawer: bool = False
    cut: bool = True
    meta: dict[str, str] = field(default_factory=dict)
