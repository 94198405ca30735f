"""Ctrl+D: the devices panel lists what is configured and its test button prints a test page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from drivers.printer.simulator import LoopbackPrinter
from pos_client.services.till import Till
from pos_client.ui.app import TillApp
from tests.support.escpos_decoder import decode


def test_devices_panel_tests_the_printer(qapp, qtbot, till: Till) -> None:
    with LoopbackPrinter() as printer:
        till.config.printer.url = printer.url
        till.config.scanner.urls = ["serial:///dev/ttyNOPE3"]
        app = TillApp(till, app=qapp, sync_enabled=False)
        try:
            window = app.window
            window.show()
            qtbot.waitExposed(window)
            qtbot.waitUntil(lambda: QApplication.focusWidget() is window.login.staff_field)
            window.login.staff_field.setText("1001")
            window.login.staff_field.returnPressed.emit()
            window.login.pin_field.setText("1234")
            window.login.pin_field.returnPressed.emit()
            qtbot.waitUntil(lambda: window.pages.currentWidget() is window.checkout)
            qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
            qtbot.waitUntil(lambda: window.devices_dialog is not None)
            dialog = window.devices_dialog
            assert dialog.table.rowCount() == 2
            assert dialog.table.item(1, 3).text() == "NOT FOUND"
            dialog.buttons[printer.url].click()
            qtbot.waitUntil(lambda: "Test page sent" in dialog.result_label.text(), timeout=5000)
            page = decode(printer.wait_for_jobs(1)[0])
            assert "打印测试" in page.text and page.drawer_pins == [2]
            dialog.accept()
            qtbot.waitUntil(lambda: window.devices_dialog is None)
        finally:
            app.close()
