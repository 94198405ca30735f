"""Scanners configured at the till reach the sale: a serial scanner on a pty and a keyboard wedge."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from pos_client.services.till import Till
from pos_client.ui.app import TillApp


def test_serial_and_wedge_scans_land_in_the_sale_whole(qapp, qtbot, till: Till) -> None:
    till.config.scanner.urls = ["sim://scanner", "wedge://?max_gap_ms=40"]
    with till.engine.connect() as conn:
        code_a, code_b = [r[0] for r in conn.execute(text(
            "SELECT b.code FROM barcode b JOIN price pr ON pr.sku=b.sku WHERE b.code NOT LIKE '2%' "
            "ORDER BY b.rowid LIMIT 2"))]
    app = TillApp(till, app=qapp, sync_enabled=False)
    try:
        window = app.window
        window.show()
        window.activateWindow()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is window.login.staff_field)
        for value in ("1001", "1234"):  # a person typing, key by key
            for ch in value:
                qtbot.keyClicks(QApplication.focusWidget(), ch)
                qtbot.wait(45)
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
            qtbot.wait(45)
        qtbot.waitUntil(lambda: window.pages.currentWidget() is window.checkout, timeout=3000)

        serial_scanner = app.scanners[0]
        qtbot.waitUntil(lambda: serial_scanner.connected, timeout=3000)
        serial_scanner.simulator.scan(code_a, aim="]E0")
        qtbot.waitUntil(lambda: len(window.checkout.checkout.cart.lines) == 1, timeout=3000)

        field = window.checkout.scan_field
        qtbot.keyClicks(field, code_b)  # a wedge burst: as fast as keys can come
        qtbot.keyClick(field, Qt.Key.Key_Return)
        lines = window.checkout.checkout.cart.lines
        assert len(lines) == 2 and lines[0].product.sku != lines[1].product.sku
        assert field.text() == ""
    finally:
        app.close()
