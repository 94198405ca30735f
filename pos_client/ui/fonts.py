"""Fonts the till ships: a subset of Noto Sans SC (OFL), so Chinese renders on any machine."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFontDatabase

from .i18n import RESOURCES

log = logging.getLogger(__name__)
FONTS = RESOURCES / "fonts"


def register_shipped_fonts() -> list[str]:
    """Add every font in resources/fonts to Qt's database; returns the families they bring."""
    families: list[str] = []
    for path in sorted(FONTS.glob("*.[ot]tf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.error("shipped font %s could not be loaded", path)
            continue
        families += QFontDatabase.applicationFontFamilies(font_id)
    return families
