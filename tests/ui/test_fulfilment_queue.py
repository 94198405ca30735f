"""Ship-from-store in the real window: Ctrl+E, scan the items (a wrong one refused), pack, ship."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from central.db import session_factory
from central.models import FulfilmentOrder
from central.server import EmbeddedCentral
from pos_client.services.till import Till
from pos_client.ui.app import TillApp
from tests.integration.test_pickup import TEA
from tests.integration.test_ship_from_store import TEA_CODE, deliver
from tests.support.till_window import sync_beside_the_app
from tests.ui.test_keyboard_sale import till_app, type_into_focus  # noqa: F401  (fixture)


def test_a_delivery_order_is_picked_packed_and_shipped_from_the_queue(
        qtbot, till_app: TillApp, till: Till, central: EmbeddedCentral) -> None:  # noqa: F811
    deliver(central, "UI-D1", [(TEA, 2, 1340)])
    sync_beside_the_app(qtbot, till)
    window = till_app.window
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.login.staff_field)
    type_into_focus(qtbot, "1001")
    type_into_focus(qtbot, "1234")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.checkout.scan_field)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.fulfilment_dialog is not None)
    dialog = window.fulfilment_dialog
    assert dialog.orders.rowCount() == 1 and dialog.current is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.scan_field)
    type_into_focus(qtbot, "6958898621712")  # chips: not on the order
    assert "not on this order" in dialog.message.text()
    type_into_focus(qtbot, TEA_CODE)
    type_into_focus(qtbot, TEA_CODE)
    assert dialog.lines.item(0, 2).text() == "2"
    qtbot.keyClick(dialog.scan_field, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.tracking)
    type_into_focus(qtbot, "sf0001112223")
    assert "Shipped" in dialog.message.text() and dialog.orders.rowCount() == 0
    fid = dialog.current.fulfilment_id
    qtbot.keyClick(dialog.tracking, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.fulfilment_dialog is None)
    sync_beside_the_app(qtbot, till)
    with session_factory(central.app.state.engine)() as s:
        assert s.get(FulfilmentOrder, fid).tracking_no == "SF0001112223"
