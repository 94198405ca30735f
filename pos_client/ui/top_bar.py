"""The bar staff glance at: store and till, who is on, online or not, unsent events, printer, time."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from pos_client.ui.time_text import time_text

from .messages import printer_condition_text


class TopBar(QWidget):
    def __init__(self, store_text: str) -> None:
        super().__init__()
        self.setObjectName("topBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # let the style sheet paint it
        self.store_label = QLabel(store_text)
        self.store_label.setObjectName("storeLabel")
        self.staff_label = QLabel()
        self.online_label = QLabel()
        self.online_label.setObjectName("onlineLabel")
        self.unsent_label = QLabel()
        self.unsent_label.setObjectName("unsentLabel")
        self.printer_label = QLabel()
        self.printer_label.setObjectName("printerLabel")
        self.clock_label = QLabel()
        self.clock_label.setObjectName("clockLabel")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.store_label)
        layout.addWidget(self.staff_label)
        layout.addStretch(1)
        for label in (self.online_label, self.unsent_label, self.printer_label, self.clock_label):
            layout.addWidget(label)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self._timer.start(1000)
        self._tick()
        self.set_online(None)
        self.set_unsent(0, None)
        self.set_printer(True, 0)

    def _tick(self) -> None:
        self.clock_label.setText(time_text(datetime.now().astimezone(), seconds=True))

    def set_staff(self, name: str | None) -> None:
        self.staff_label.setText(self.tr("Staff: {name}").format(name=name) if name else "")

    def set_online(self, online: bool | None, detail: str = "") -> None:
        if online is None:
            text, state = self.tr("Connecting…"), "unknown"
        elif online:
            text, state = self.tr("● Online"), "online"
        else:
            text, state = self.tr("● Offline"), "offline"
        self.online_label.setText(text)
        self.online_label.setToolTip(detail)
        self.online_label.setProperty("state", state)
        self.online_label.style().unpolish(self.online_label)
        self.online_label.style().polish(self.online_label)

    def set_loading(self, what: str, done: int, total: int) -> None:
        if total <= 0 or done >= total:
            return
        self.online_label.setText(self.tr("Loading {what} {pct}%").format(
            what=what, pct=done * 100 // total))

    def set_stopped(self, detail: str) -> None:
        """Sync paused for something only a person can fix (revoked, too old)."""
        self.online_label.setText(self.tr("● Sync stopped"))
        self.online_label.setToolTip(detail)
        self.online_label.setProperty("state", "offline")
        self.online_label.style().unpolish(self.online_label)
        self.online_label.style().polish(self.online_label)

    def set_unsent(self, pending: int, oldest_age_s: float | None) -> None:
        if pending == 0:
            self.unsent_label.setText(self.tr("All sent"))
            self.unsent_label.setProperty("state", "ok")
        else:
            minutes = int((oldest_age_s or 0) // 60)
            self.unsent_label.setText(self.tr("Unsent: {n} (oldest {m} min)").format(
                n=pending, m=minutes))
            self.unsent_label.setProperty("state", "waiting")
        self.unsent_label.style().unpolish(self.unsent_label)
        self.unsent_label.style().polish(self.unsent_label)

    def set_printer(self, ok: bool, waiting: int, condition: str = "") -> None:
        if ok and waiting == 0:
            if condition == "paper_low":
                self.printer_label.setText(self.tr("Printer: paper running low"))
            else:
                self.printer_label.setText(self.tr("Printer OK"))
            self.printer_label.setProperty("state", "ok")
        elif waiting == 0:
            what = printer_condition_text(condition)
            self.printer_label.setText(self.tr("Printer: {what}").format(what=what))
            self.printer_label.setProperty("state", "fault")
        else:
            self.printer_label.setText(self.tr("Printer fault: {n} waiting").format(n=waiting))
            self.printer_label.setProperty("state", "fault")
        self.printer_label.style().unpolish(self.printer_label)
        self.printer_label.style().polish(self.printer_label)
