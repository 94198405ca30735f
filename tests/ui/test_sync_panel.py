"""The sync panel and a revoked till: staff see why, the till keeps selling, re-enrolment resumes sync."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from central.db import session_factory
from central.models import Device
from central.server import EmbeddedCentral
from pos_client.services.till import Till
from pos_client.store.sales import OutgoingEvent, enqueue
from pos_client.ui.app import TillApp
from tests.conftest import make_code
from tests.helpers import central_sales
from tests.ui.test_keyboard_sale import barcodes, type_into_focus


def log_in(qtbot, window, code: str, pin: str) -> None:
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.login.staff_field)
    type_into_focus(qtbot, code)
    type_into_focus(qtbot, pin)
    assert window.pages.currentWidget() is window.checkout


def test_panel_shows_what_waits_and_what_central_refused(qtbot, qapp, till: Till,
                                                         central: EmbeddedCentral) -> None:
    till.writer.run(lambda conn: enqueue(conn, OutgoingEvent(
        "0190f2c4-0000-7000-8000-00000000abcd", "sale.completed", datetime.now(UTC), {"sale_id": "x"})))
    app = TillApp(till, app=qapp)
    try:
        window = app.window
        log_in(qtbot, window, "3001", "4567")  # the manager
        qtbot.waitUntil(lambda: till.outbox.stats().rejected == 1, timeout=10000)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F9)
        qtbot.waitUntil(lambda: window.sync_panel is not None and window.sync_panel.isVisible())
        panel = window.sync_panel
        qtbot.waitUntil(lambda: panel.attention.rowCount() == 1, timeout=5000)
        assert panel.attention.item(0, 2).text() == "invalid_payload"
        qtbot.waitUntil(lambda: "Online" in panel.status_label.text(), timeout=5000)
        assert "72 h" in panel.limits_label.text()
        assert panel.enrol_button.isEnabled()  # a manager may enrol the till again
        panel.accept()
        qtbot.waitUntil(lambda: window.sync_panel is None)
    finally:
        app.close()


def test_revoked_till_keeps_selling_and_resumes_after_enrolment(qtbot, qapp, till: Till,
                                                                central: EmbeddedCentral) -> None:
    with session_factory(central.app.state.engine)() as s:
        s.get(Device, till.config.device.device_id).revoked_at = datetime.now(UTC)
        s.commit()
    app = TillApp(till, app=qapp)
    try:
        window = app.window
        log_in(qtbot, window, "3001", "4567")
        qtbot.waitUntil(lambda: window.top_bar.online_label.text().endswith("Sync stopped"), timeout=10000)
        assert "revoked" in window.top_bar.online_label.toolTip()
        assert app.scheduler is not None and app.scheduler.paused_by is not None

        type_into_focus(qtbot, barcodes(till)[0][0])  # selling goes on
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F12)
        qtbot.waitUntil(lambda: window.payment_dialog is not None)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is window.payment_dialog.cash_field)
        qtbot.keyClick(window.payment_dialog.cash_field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.last_sale is not None, timeout=5000)
        assert central_sales(central) == []

        window.open_sync_panel()
        qtbot.waitUntil(lambda: window.sync_panel is not None)
        window.sync_panel.enrol_button.click()
        qtbot.waitUntil(lambda: window.enrol_dialog is not None)
        dialog = window.enrol_dialog
        dialog.code_field.setText(make_code(central))
        dialog.ok_button.click()
        qtbot.waitUntil(lambda: len(central_sales(central)) == 1, timeout=15000)
        assert central_sales(central)[0].sale_id == window.last_sale.sale_id
        qtbot.waitUntil(lambda: window.top_bar.online_label.property("state") == "online", timeout=10000)
    finally:
        app.close()


def test_a_cashier_cannot_enrol_the_till(qtbot, qapp, till: Till) -> None:
    app = TillApp(till, app=qapp, sync_enabled=False)
    try:
        window = app.window
        log_in(qtbot, window, "1001", "1234")
        window.open_sync_panel()
        qtbot.waitUntil(lambda: window.sync_panel is not None)
        assert not window.sync_panel.enrol_button.isEnabled()
    finally:
        app.close()
