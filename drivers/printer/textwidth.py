"""Column widths as a thermal printer counts them: a Chinese character takes two cells.

In Chinese mode a printer prints every double-byte GB character at full width,
including the East Asian "ambiguous" ones (·, ×, °, ①, Greek, Cyrillic) that a
Western terminal shows narrow; counting those as one cell pushes amounts past
the edge of the paper.  Combining marks take no cell of their own.
"""

from __future__ import annotations

import unicodedata


def char_cells(ch: str) -> int:
    if ch < "\x7f":
        return 1
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F", "A") else 1


def cell_width(text: str) -> int:
    return sum(char_cells(ch) for ch in text)


def wrap_cells(text: str, width: int) -> list[str]:
    """Break text into lines of at most `width` cells without splitting a character.

    Chinese breaks anywhere; a Latin word that would be cut moves whole to the next
    line when a space before it allows (the space stays at the end of the line, so
    joining the lines gives the text back).
    """
    lines: list[str] = []
    current: list[str] = []
    used = 0
    for ch in text:
        w = char_cells(ch)
        if used + w > width and current:
            cut = _word_break(current) if ch != " " and w == 1 else None
            if cut:
                lines.append("".join(current[:cut]))
                current = current[cut:]
                used = cell_width("".join(current))
            if not cut or used + w > width:
                lines.append("".join(current))
                current, used = [], 0
        current.append(ch)
        used += w
    if current or not lines:
        lines.append("".join(current))
    return [line for line in lines if line] or [""]


def _word_break(current: list[str]) -> int | None:
    """Where to cut `current` so the Latin word at its end moves on: just after its last space."""
    for k in range(len(current) - 1, 0, -1):
        if current[k] == " ":
            return k + 1 if k + 1 < len(current) else None
        if char_cells(current[k]) != 1:
            return None
    return None


def pad_between(left: str, right: str, width: int) -> list[str]:
    """Left text (wrapped) with the right text flush right on its last line."""
    right_w = cell_width(right)
    lines = wrap_cells(left, width)
    last = lines[-1]
    gap = width - cell_width(last) - right_w
    if gap >= 1:
        lines[-1] = last + " " * gap + right
    else:
        lines.append(" " * max(0, width - right_w) + right)
    return lines
