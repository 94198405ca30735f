"""The devices panel (Ctrl+D): what is configured, whether it is there, and a test button for each.

Tests run off the UI thread (the task runner's network pool); a printer prints its
test page through the same path as `pos-client devices test`, a customer display
shows its test pattern.  Scanners and readers are already reading for the till:
their panel row shows where they stand, and a scan proves them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
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
# save([(kind, index, url)]) -> None when saved, else the message saying why not.
Save = Callable[[list[tuple[str, int, str]]], str | None]


class DevicesDialog(QDialog):
    def __init__(self, devices: list[dict[str, Any]], run_test: Callable[[str, str], None],
                 parent: QWidget | None = None, save: Save | None = None) -> None:
        """`devices`: entries of services.devices.list_devices()["configured"]; `run_test(kind, url)`;
        `save` given (staff who may configure the till): the URL cells can be edited, and rows
        are offered for a further scanner and for a reader or display not yet configured."""
        super().__init__(parent)
        self.setObjectName("devicesDialog")
        self.setWindowTitle(self.tr("Devices"))
        self.setMinimumSize(1000, 360)
        self._run_test = run_test
        self._save = save
        devices = list(devices)
        self.slots: list[tuple[str, int]] = []
        """Row -> (kind, index among that kind's devices), for saving."""
        counts: dict[str, int] = {}
        for d in devices:
            self.slots.append((d["kind"], counts.get(d["kind"], 0)))
            counts[d["kind"]] = counts.get(d["kind"], 0) + 1
        if save is not None:
            for kind in (DeviceKind.SCANNER.value, DeviceKind.RFID.value, DeviceKind.DISPLAY.value):
                if kind == DeviceKind.SCANNER.value or not counts.get(kind):
                    devices.append({"kind": kind, "url": "", "driver": None, "problem": None,
                                    "present": None})
                    self.slots.append((kind, counts.get(kind, 0)))
        self.table = QTableWidget(len(devices), 5)
        self.table.setHorizontalHeaderLabels([self.tr("Device"), self.tr("URL"), self.tr("Driver"),
                                              self.tr("Found"), ""])
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
            if save is not None else QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, 320)  # the URL is what IT reads and edits: shown whole
        names = {DeviceKind.PRINTER.value: self.tr("Receipt printer"),
                 DeviceKind.SCANNER.value: self.tr("Scanner"),
                 DeviceKind.RFID.value: self.tr("RFID reader"),
                 DeviceKind.DISPLAY.value: self.tr("Customer display")}
        found = {True: self.tr("yes"), False: self.tr("NOT FOUND"), None: "—"}
        self.buttons: dict[str, QPushButton] = {}
        self.table.verticalHeader().setDefaultSectionSize(44)
        self.original_urls: list[str] = []
        for row, d in enumerate(devices):
            if not d["url"]:
                driver = self.tr("none: type a URL to add one")
            else:
                driver = d["driver"] or self.tr("Problem: {problem}").format(problem=d["problem"])
            cells = (names.get(d["kind"], d["kind"]), d["url"], driver, found[d["present"]])
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if col != 1 or save is None:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                else:
                    item.setToolTip(self.tr("Double-click or F2 to change: tcp://HOST:9100, "
                                            "serial:///dev/ttyUSB0?baud=9600, file:///dev/usb/lp0, sim://…"))
                self.table.setItem(row, col, item)
            self.original_urls.append(d["url"])
            if d["kind"] in TESTABLE and d["driver"]:
                button = QPushButton(self.tr("Test"))
                button.clicked.connect(lambda _=False, k=d["kind"], u=d["url"]: self._test(k, u))
                self.table.setCellWidget(row, 4, button)
                self.buttons[d["url"]] = button
        self.result_label = QLabel(self.tr("A scan or a tag read proves a scanner or a reader."))
        self.result_label.setObjectName("devicesResult")
        self.result_label.setWordWrap(True)
        close = QPushButton(self.tr("Close"))
        close.setMinimumHeight(44)
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.result_label, 1)
        self.save_button: QPushButton | None = None
        if save is not None:
            self.save_button = QPushButton(self.tr("Save"))
            self.save_button.setObjectName("primaryButton")
            self.save_button.setMinimumHeight(44)
            self.save_button.clicked.connect(self.save_changes)
            bottom.addWidget(self.save_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def changes(self) -> list[tuple[str, int, str]]:
        out = []
        for row, (kind, index) in enumerate(self.slots):
            url = self.table.item(row, 1).text().strip()
            if url != self.original_urls[row]:
                out.append((kind, index, url))
        return out

    def save_changes(self) -> None:
        if self._save is None:
            return
        changes = self.changes()
        if not changes:
            self.result_label.setText(self.tr("Nothing changed."))
            return
        problem = self._save(changes)
        if problem:
            self.result_label.setText(self.tr("Not saved: {problem}").format(problem=problem))
            return
        for row, _slot in enumerate(self.slots):
            self.original_urls[row] = self.table.item(row, 1).text().strip()
        self.result_label.setText(self.tr("Saved. The till uses the new devices from its next start: "
                                          "close the POS and start it again."))

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
