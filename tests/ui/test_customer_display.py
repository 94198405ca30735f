"""The customer sees the current line and the total: second-screen window and a pole display on a pty."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from pos_client.services.till import Till
from pos_client.ui.app import TillApp


def test_window_and_pole_display_follow_the_sale(qapp, qtbot, till: Till) -> None:
    till.config.display.url = "sim://display"
    till.config.display.window = True
    with till.engine.connect() as conn:
        code, name_en = conn.execute(text(
            "SELECT b.code, p.name_en FROM barcode b JOIN product p ON p.sku=b.sku JOIN price pr "
            "ON pr.sku=b.sku WHERE b.code NOT LIKE '2%' ORDER BY b.rowid LIMIT 1")).one()
    app = TillApp(till, app=qapp, sync_enabled=False)
    try:
        pole = app.displays.displays[0].simulator
        assert pole.wait(1)[0].startswith("WELCOME")
        window = app.window
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is window.login.staff_field)
        window.login.staff_field.setText("1001")
        window.login.staff_field.returnPressed.emit()
        window.login.pin_field.setText("1234")
        window.login.pin_field.returnPressed.emit()
        qtbot.waitUntil(lambda: window.pages.currentWidget() is window.checkout)
        window.checkout.scan_code(code)
        window.checkout.scan_code(code)
        cart = window.checkout.checkout.cart
        total = f"{cart.total // 100}.{cart.total % 100:02d}"
        assert app.customer_window.total_label.text() == "￥" + total
        assert app.customer_window.line_label.text().endswith(" x2")
        qtbot.waitUntil(lambda: pole.lower.endswith(total), timeout=3000)
        assert pole.upper.startswith(name_en[:8]) and pole.lower.startswith("TOTAL")
    finally:
        app.close()
