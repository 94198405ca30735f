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


def _login(qtbot, window, code: str, pin: str) -> None:
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.login.staff_field)
    window.login.staff_field.setText(code)
    window.login.staff_field.returnPressed.emit()
    window.login.pin_field.setText(pin)
    window.login.pin_field.returnPressed.emit()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.checkout)


def test_a_manager_changes_device_urls_in_the_panel_and_a_bad_one_changes_nothing(
        qapp, qtbot, till: Till) -> None:
    from pos_client.config import load_config

    app = TillApp(till, app=qapp, sync_enabled=False)
    try:
        window = app.window
        window.show()
        _login(qtbot, window, "3001", "4567")  # 陈静, manager
        qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: window.devices_dialog is not None)
        dialog = window.devices_dialog
        kinds = [slot[0] for slot in dialog.slots]
        assert kinds[0] == "printer" and {"scanner", "rfid", "display"} <= set(kinds[1:])
        printer_row, scanner_row = 0, kinds.index("scanner")

        def edit(row: int, text: str) -> None:  # as typed into the cell's editor
            from PySide6.QtWidgets import QLineEdit

            dialog.table.setCurrentCell(row, 1)
            qtbot.keyClick(dialog.table, Qt.Key.Key_F2)
            [editor] = [e for e in dialog.table.viewport().findChildren(QLineEdit) if e.isVisible()]
            editor.selectAll()
            qtbot.keyClicks(editor, text)
            qtbot.keyClick(editor, Qt.Key.Key_Return)
            qtbot.waitUntil(lambda: dialog.table.item(row, 1).text() == text)

        edit(printer_row, "tcp://10.0.0.7:9100")
        edit(scanner_row, "carrier-pigeon://3")
        dialog.save_button.click()
        assert "Not saved" in dialog.result_label.text() and "carrier-pigeon" in dialog.result_label.text()
        assert load_config(till.paths.config_file).printer.url != "tcp://10.0.0.7:9100"  # all or nothing

        edit(scanner_row, "serial:///dev/ttyUSB0?baud=9600")
        dialog.save_button.click()
        assert "Saved" in dialog.result_label.text()
        saved = load_config(till.paths.config_file)
        assert saved.printer.url == "tcp://10.0.0.7:9100"
        assert saved.scanner.urls[-1] == "serial:///dev/ttyUSB0?baud=9600"
        dialog.accept()
    finally:
        app.close()


def test_a_cashier_sees_the_devices_but_cannot_change_them(qapp, qtbot, till: Till) -> None:
    app = TillApp(till, app=qapp, sync_enabled=False)
    try:
        window = app.window
        window.show()
        _login(qtbot, window, "1001", "1234")
        qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: window.devices_dialog is not None)
        dialog = window.devices_dialog
        assert dialog.save_button is None
        assert not dialog.table.item(0, 1).flags() & Qt.ItemFlag.ItemIsEditable
        dialog.accept()
    finally:
        app.close()


def test_the_command_line_sets_a_device_the_same_way(till: Till, capsys) -> None:
    from pos_client.cli import main
    from pos_client.config import load_config

    data = str(till.paths.data_dir)
    till.close()
    assert main(["devices", "set", "rfid", "serial:///dev/ttyUSB1?baud=57600&protocol=r2000",
                 "--data-dir", data]) == 0
    assert "next start" in capsys.readouterr().out
    assert main(["devices", "set", "printer", "", "--data-dir", data]) == 2
    assert "needs a receipt printer" in capsys.readouterr().err
    assert load_config(till.paths.config_file).rfid.url.endswith("protocol=r2000")
