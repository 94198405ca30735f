"""The application-wide key filter for keyboard-wedge scanners.

Keys that may be the start of a scanner's burst are held (drivers.scanner.wedge_burst
decides by timing); a burst ending in the suffix is handed over whole as a scan,
and keys that turn out to be typing are replayed to the widget that had focus, in
order, a few tens of milliseconds later.  So a scan never lands half in a search
box, and typing is never taken for a scan.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from drivers.scanner.wedge_burst import Burst, BurstDetector, Release

_SUFFIX_KEYS = {"enter": (Qt.Key.Key_Return, Qt.Key.Key_Enter), "tab": (Qt.Key.Key_Tab,)}
_MODIFIER_KEYS = {Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta, Qt.Key.Key_AltGr,
                  Qt.Key.Key_CapsLock, Qt.Key.Key_NumLock}
"""Pressed on their own (a scanner sends Shift for capitals): neither typing nor the end of a burst."""
_COMMAND_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                      | Qt.KeyboardModifier.MetaModifier)


@dataclass(frozen=True, slots=True)
class HeldKey:
    key: int
    modifiers: Qt.KeyboardModifier
    text: str


class WedgeFilter(QObject):
    def __init__(self, app: QApplication, on_scan: Callable[[str], bool], *, max_gap_ms: float = 30.0,
                 min_length: int = 4, suffix: str = "enter") -> None:
        """`on_scan(text)` returns True when it took the scan; otherwise the keys go to the focus widget."""
        super().__init__(app)
        self._on_scan = on_scan
        self._suffix_keys = _SUFFIX_KEYS.get(suffix, ())
        self.detector: BurstDetector[HeldKey] = BurstDetector(max_gap_ms=max_gap_ms, min_length=min_length,
                                                              suffix_ends=bool(self._suffix_keys))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._tick)
        self._replaying = False
        app.installEventFilter(self)

    @staticmethod
    def _now() -> float:
        return time.perf_counter() * 1000

    def remove(self) -> None:
        QCoreApplication.instance().removeEventFilter(self)
        self._timer.stop()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if self._replaying:
            return False
        if isinstance(event, QKeyEvent) and event.key() in _MODIFIER_KEYS:
            return False
        if event.type() == QEvent.Type.ShortcutOverride and self.detector.holding:
            # F12 and the like fire as shortcuts before any KeyPress: typing held so far goes
            # to the field first, so it never lands in the dialog the shortcut opens.
            assert isinstance(event, QKeyEvent)
            printable = bool(event.text()) and event.text().isprintable()
            command = bool(event.modifiers() & _COMMAND_MODIFIERS)
            if command or not (printable or event.key() in self._suffix_keys):
                self._apply(self.detector.other(self._now()))
            return False
        if event.type() != QEvent.Type.KeyPress:
            return False
        if not isinstance(obj, QWidget) or obj is not QApplication.focusWidget():
            return False  # the same press seen again while it propagates to parents
        assert isinstance(event, QKeyEvent)
        now = self._now()
        held = HeldKey(event.key(), event.modifiers(), event.text())
        if event.modifiers() & _COMMAND_MODIFIERS:
            self._apply(self.detector.other(now))
            return False
        if event.key() in self._suffix_keys:
            self._apply(self.detector.suffix(held, now))
            return True
        if held.text and held.text.isprintable():
            self._apply(self.detector.key(held.text, held, now))
            self._arm()
            return True
        self._apply(self.detector.other(now))  # held typing first, then this key as usual
        return False

    def _arm(self) -> None:
        deadline = self.detector.deadline()
        if deadline is not None:
            self._timer.start(max(1, int(deadline - self._now()) + 1))

    def _tick(self) -> None:
        self._apply(self.detector.tick(self._now()))
        self._arm()

    def _apply(self, actions: list) -> None:
        for action in actions:
            if isinstance(action, Burst):
                if not self._on_scan(action.text):
                    self._replay(action.keys)
            elif isinstance(action, Release):
                self._replay(action.keys)

    def _replay(self, keys: list[HeldKey]) -> None:
        target = QApplication.focusWidget()
        if target is None:
            return
        self._replaying = True
        try:
            for k in keys:
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QCoreApplication.sendEvent(target, QKeyEvent(kind, k.key, k.modifiers, k.text))
        finally:
            self._replaying = False
