"""Choosing and loading the UI language: zh_CN or en, from settings or the system locale."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
TRANSLATIONS = RESOURCES / "translations"
SUPPORTED = ("zh_CN", "en")


def pick_language(configured: str) -> str:
    if configured in SUPPORTED:
        return configured
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load our strings and Qt's own (dialog buttons) for the language; keep the refs alive."""
    installed: list[QTranslator] = []
    QLocale.setDefault(QLocale("zh_CN" if language == "zh_CN" else "en_US"))  # dates and numbers follow
    if language == "en":
        return installed
    ours = QTranslator(app)
    if ours.load(str(TRANSLATIONS / f"pos_{language}.qm")):
        app.installTranslator(ours)
        installed.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    return installed


def ui_language() -> str:
    """The language the windows are in now (set with the translators), for text Qt does not make."""
    return "zh_CN" if QLocale().name().startswith("zh") else "en"
