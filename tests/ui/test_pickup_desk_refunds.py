"""The pickup desk tells staff a refused paid line is refunded online to the customer (and says nothing
of a refund for an order that was never paid)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from central.server import EmbeddedCentral
from pos_client.services.till import Till
from pos_client.ui.app import TillApp
from tests.integration.test_pickup import CHIPS, TEA, place
from tests.support.till_window import sync_beside_the_app
from tests.ui.test_keyboard_sale import till_app, type_into_focus  # noqa: F401  (fixture)


def test_refusing_a_paid_line_says_it_is_refunded_online(
        qtbot, till_app: TillApp, till: Till, central: EmbeddedCentral) -> None:  # noqa: F811
    paid = place(central, "UI-F1", [(TEA, 2, 1340), (CHIPS, 1, 1570)]).json()
    unpaid = place(central, "UI-F2", [(TEA, 1, 1340)], paid=False).json()
    sync_beside_the_app(qtbot, till)
    window = till_app.window
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.login.staff_field)
    type_into_focus(qtbot, "1001")
    type_into_focus(qtbot, "1234")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.checkout.scan_field)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.pickup_dialog is not None)
    desk = window.pickup_dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is desk.code_field)

    type_into_focus(qtbot, paid["pickup_code"])
    desk.lines.selectRow(1)
    qtbot.keyClick(desk.code_field, Qt.Key.Key_F4)
    assert "refunded online to the customer" in desk.message.text() and "15.70" in desk.message.text()
    qtbot.keyClick(desk.code_field, Qt.Key.Key_F12)
    assert "handed over" in desk.message.text() and "15.70 is refunded online" in desk.message.text()

    desk.code_field.setFocus()
    type_into_focus(qtbot, unpaid["pickup_code"])
    desk.lines.selectRow(0)
    qtbot.keyClick(desk.code_field, Qt.Key.Key_F4)
    assert "refused" in desk.message.text() and "refunded" not in desk.message.text()
    qtbot.keyClick(desk.code_field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.pickup_dialog is None)
