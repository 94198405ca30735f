"""The devices panel (Ctrl+D): what is configured, whether it is there, and a test button for each.

Tests run off the UI thread (the task runner's network pool); a printer prints its
test page through the same path as `pos-client devices test`, a customer display
shows its test pattern.  Scanners and readers are already reading for the till:
their panel row shows where they stand, and a scan proves them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from drivers.interfaces import DeviceKind

TESTABLE = ("printer", "display")


class DevicesDialog(QDialog):
    def __init__(self, devices: list[dict[str, Any]], run_test: Callable[[str, str], None],
                 parent: QWidget | None = None) -> None:
        """`devices`: entries of services.devices.list_devices()["configured"]; `run_test(kind, url)`."""
        super().__init__(parent)
        self.setObjectName("devicesDialog")
        self.setWindowTitle(self.tr("Devices"))
        self.setMinimumSize(820, 360)
        self._run_test = run_test
        self.table = QTableWidget(len(devices), 5)
        self.table.setHorizontalHeaderLabels([self.tr("Device"), self.tr("URL"), self.tr("Driver"),
                                              self.tr("Found"), ""])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        names = {DeviceKind.PRINTER.value: self.tr("Receipt printer"),
                 DeviceKind.SCANNER.value: self.tr("Scanner"),
                 DeviceKind.RFID.value: self.tr("RFID reader"),
                 DeviceKind.DISPLAY.value: self.tr("Customer display")}
        found = {True: self.tr("yes"), False: self.tr("NOT FOUND"), None: "—"}
        self.buttons: dict[str, QPushButton] = {}
        for row, d in enumerate(devices):
            driver = d["driver"] or self.tr("Problem: {problem}").format(problem=d["problem"])
            cells = (names.get(d["kind"], d["kind"]), d["url"], driver, found[d["present"]])
            for col, value in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(value))
            if d["kind"] in TESTABLE and d["driver"]:
                button = QPushButton(self.tr("Test"))
                button.clicked.connect(lambda _=False, k=d["kind"], u=d["url"]: self._test(k, u))
                self.table.setCellWidget(row, 4, button)
                self.buttons[d["url"]] = button
        self.result_label = QLabel(self.tr("A scan or a tag read proves a scanner or a reader."))
        self.result_label.setObjectName("devicesResult")
        self.result_label.setWordWrap(True)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.result_label, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def _test(self, kind: str, url: str) -> None:
        self.result_label.setText(self.tr("Testing {url}…").format(url=url))
        for button in self.buttons.values():
            button.setEnabled(False)
        self._run_test(kind, url)

    def show_result(self, result: dict[str, Any] | None, error: str = "") -> None:
        for button in self.buttons.values():
            button.setEnabled(True)
        if result is None:
            self.result_label.setText(self.tr("The test failed: {error}").format(error=error[:200]))
        elif result.get("kind") == "printer" and result.get("printed"):
            text = self.tr("Test page sent ({columns} columns, drawer on pin {pin}); the printer said: "
                           "{status}.")
            self.result_label.setText(text.format(columns=result["columns"], pin=result["drawer_pin"],
                                                  status=result["status"]))
        elif result.get("kind") == "printer":
            text = self.tr("Not printed: {detail}")
            self.result_label.setText(text.format(detail=result.get("detail", "")))
        elif result.get("ok"):
            self.result_label.setText(self.tr("The customer display showed its test pattern."))
        else:
            text = self.tr("The test failed: {error}")
            self.result_label.setText(text.format(error=result.get("detail", "")))
