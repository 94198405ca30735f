"""The till's look: one style sheet for sizes and states, light or dark colours over it.

`system` follows the desktop's colour scheme where Qt can read it (Windows, macOS, GNOME and
KDE); a till in a bright shop usually wants `light`, a bar or a cinema `dark`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from .i18n import RESOURCES

THEMES = ("light", "dark", "system")


def resolve_theme(name: str) -> str:
    """'light' or 'dark' for a configured name; anything unknown is light."""
    name = (name or "light").lower()
    if name == "system":
        app = QGuiApplication.instance()
        hints = app.styleHints() if isinstance(app, QGuiApplication) else None
        scheme = hints.colorScheme() if hints is not None and hasattr(hints, "colorScheme") else None
        return "dark" if scheme == Qt.ColorScheme.Dark else "light"
    return name if name in ("light", "dark") else "light"


def style_sheet(theme: str) -> str:
    style = RESOURCES / "style"
    parts = [(style / "pos.qss").read_text("utf-8")]
    if theme == "dark":
        parts.append((style / "pos-dark.qss").read_text("utf-8"))
    return "\n".join(parts)


def apply_theme(app: QApplication, name: str) -> str:
    """Style the whole application; returns the theme used."""
    theme = resolve_theme(name)
    app.setStyleSheet(style_sheet(theme))
    app.setProperty("posTheme", theme)
    return theme
