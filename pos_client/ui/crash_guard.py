"""Unhandled exceptions: logged with their trace, shown to staff, and the till keeps running.

PySide6 hands an exception escaping a slot to `sys.excepthook` and then returns to the
event loop, so the window, and the sale on it, stay as they were. The default hook only
prints to a terminal nobody reads; this one writes the trace to the rotating log and
tells the cashier what happened and what to do, without closing anything. Exceptions in
background threads are logged too (their callers report failures on their own).
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger("pos_client.crash")


def crash_text(error: BaseException, log_dir: Path | None) -> str:
    where = str(log_dir) if log_dir else "-"
    return QCoreApplication.translate(
        "CrashGuard",
        "Something went wrong inside the till program ({error}). The sale in progress is kept: "
        "carry on, or put it on hold (F7) and restart the till if this happens again. "
        "The details are in the log for IT ({where}).").format(error=type(error).__name__, where=where)


class CrashGuard:
    """Installed once by the app; `uninstall` puts the previous hooks back (tests)."""

    def __init__(self, parent: QWidget | None, log_dir: Path | None,
                 on_shown: Callable[[QMessageBox], None] | None = None) -> None:
        self._parent = parent
        self._log_dir = log_dir
        self._on_shown = on_shown
        self._previous = sys.excepthook
        self._previous_thread = threading.excepthook
        self.dialog: QMessageBox | None = None
        self.count = 0
        sys.excepthook = self._hook
        threading.excepthook = self._thread_hook

    def set_parent(self, parent: QWidget | None) -> None:
        """The window the message is shown over (a new one after a language switch)."""
        self._parent = parent

    def _hook(self, kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous(kind, error, trace)
            return
        self.count += 1
        log.error("unhandled exception in the window (the sale in progress is kept)",
                  exc_info=(kind, error, trace))
        QTimer.singleShot(0, lambda: self._show(error))  # never open a dialog inside a failing slot

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        log.error("unhandled exception in thread %s", args.thread.name if args.thread else "?",
                  exc_info=(args.exc_type, args.exc_value, args.exc_traceback))

    def _show(self, error: BaseException) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            return  # one dialog at a time, however many follow
        box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("CrashGuard", "Till problem"),
                          crash_text(error, self._log_dir), QMessageBox.StandardButton.Ok, self._parent)
        box.setAccessibleName(QCoreApplication.translate("CrashGuard", "Till problem"))
        box.setMinimumWidth(480)
        box.open()  # not exec(): the event loop, the sync and the printer keep running
        self.dialog = box
        if self._on_shown:
            self._on_shown(box)

    def uninstall(self) -> None:
        sys.excepthook = self._previous
        threading.excepthook = self._previous_thread
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
