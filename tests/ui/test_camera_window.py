"""A camera scanner with ?preview=1 at the till: its window shows frames, and its scan reaches the sale."""

from __future__ import annotations

import cv2
import numpy as np
import qrcode
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from pos_client.services.till import Till
from pos_client.ui.app import TillApp


def test_camera_preview_and_scan_into_the_sale(qapp, qtbot, till: Till, tmp_path) -> None:
    with till.engine.connect() as conn:
        code = conn.execute(text("SELECT b.code FROM barcode b JOIN price pr ON pr.sku=b.sku "
                                 "WHERE b.code NOT LIKE '2%' ORDER BY b.rowid LIMIT 1")).scalar()
    image = np.full((480, 640, 3), 255, np.uint8)
    image[40:440, 120:520] = np.array(qrcode.make(code).convert("RGB").resize((400, 400)))
    cv2.imwrite(str(tmp_path / "code.png"), image)
    till.config.scanner.urls = [f"sim://camera?file={tmp_path / 'code.png'}&preview=1"]
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
        (preview,) = app.camera_windows
        qtbot.waitUntil(lambda: preview.frames_shown > 0, timeout=5000)
        cart = window.checkout.checkout.cart
        # the code was held up before login too: the debounce lets it through again after 1.5 s
        qtbot.waitUntil(lambda: len(cart.lines) == 1, timeout=5000)
        assert code in preview.last_label.text()
    finally:
        app.close()
