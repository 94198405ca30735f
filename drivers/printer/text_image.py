"""Text as an image, for printers without a Chinese font (or with a wrong one).

The lines are drawn with a CJK font on the machine (Noto CJK, WenQuanYi, Microsoft
YaHei, PingFang, or `font_path` from the printer config) into a 1-bit image as wide
as the paper's print area (12 dots per column: 384 dots at 58 mm, 576 at 80 mm),
each character on the printer's own grid (one or two cells) so columns line up as
in text mode, and sent as a raster image (GS v 0).  Slower to print than text, but it prints.
"""

from __future__ import annotations

import functools
import glob
import os
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from .document import Align
from .textwidth import cell_width, char_cells

DOTS_PER_CELL = 12
LINE_DOTS = 30
FONT_CANDIDATES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simsun.ttc",
    "/System/Library/Fonts/PingFang.ttc",
)
# The subset the till ships (resources/fonts): Chinese prints as an image on any machine.
SHIPPED_FONT = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "NotoSansSC-Subset.otf"


@functools.cache
def find_cjk_font(configured: str = "") -> str | None:
    for path in (configured, *FONT_CANDIDATES):
        if path and os.path.exists(path):
            return path
    found = sorted(glob.glob("/usr/share/fonts/**/*CJK*.tt[cf]", recursive=True))
    if found:
        return found[0]
    return str(SHIPPED_FONT) if SHIPPED_FONT.exists() else None


@functools.cache
def _font(path: str | None, size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    if path:
        return ImageFont.truetype(path, size)
    return ImageFont.load_default(size)


def text_image(lines: list[tuple[str, Align, bool]], columns: int, font_path: str = "") -> Image.Image:
    """`lines`: (text, alignment, large). Returns a 1-bit image `columns * 12` dots wide."""
    width = columns * DOTS_PER_CELL
    heights = [LINE_DOTS * (2 if large else 1) for _t, _a, large in lines]
    image = Image.new("1", (width, max(1, sum(heights))), 1)
    draw = ImageDraw.Draw(image)
    path = find_cjk_font(font_path)
    y = 0
    for (text, align, large), height in zip(lines, heights, strict=True):
        scale = 2 if large else 1
        font = _font(path, 24 * scale)
        used = cell_width(text) * DOTS_PER_CELL * scale
        x = max(0, 0 if align is Align.LEFT else (width - used) // (2 if align is Align.CENTER else 1))
        for ch in text:  # on the printer's grid, so columns line up as they do in text mode
            cell = char_cells(ch) * DOTS_PER_CELL * scale
            glyph = draw.textlength(ch, font=font)
            draw.text((x + max(0.0, (cell - glyph) / 2), y + 2 * scale), ch, font=font, fill=0)
            x += cell
        y += height
    return image
