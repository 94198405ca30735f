"""Problems that stop the till before its window opens, told in the till's language."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from .i18n import install_translators, pick_language

log = logging.getLogger(__name__)


def database_too_new_text(found: str, newest_known: str) -> str:
    return QCoreApplication.translate(
        "StartupErrors",
        "This till's data was written by a newer version of the till software (database {found}; "
        "this version knows up to {known}). Nothing was changed. Install that version or newer, "
        "or ask IT to restore a backup made by this version.").format(found=found, known=newest_known)


def show_database_too_new(found: str, newest_known: str, configured_language: str = "") -> None:
    """A dialog staff can read (the window never opens on a database this build cannot read)."""
    log.error("database revision %s is newer than this build (%s); refused", found, newest_known)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    translators = install_translators(app, pick_language(configured_language))
    box = QMessageBox(QMessageBox.Icon.Critical,
                      QCoreApplication.translate("StartupErrors", "The till cannot start"),
                      database_too_new_text(found, newest_known), QMessageBox.StandardButton.Close)
    box.exec()
    for t in translators:
        app.removeTranslator(t)
