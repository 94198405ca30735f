"""A guide order paid at this till on screen: placed from the guide screen with "pays at this till",
the payment dialog opens with the order's amount due, part card and part cash; a second payment of
the same order is refused with a message.  Offline, the synced network stock snapshot with its age."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from central.server import EmbeddedCentral
from pos_client.services.till import Till
from pos_client.ui.app import TillApp
from sync.client import CentralClient
from tests.helpers import central_level
from tests.ui.test_guide_window import TEE, ctrl, login, sync_now
from tests.ui.test_keyboard_sale import till_app, type_into_focus  # noqa: F401  (fixture)


def test_a_guide_order_is_paid_at_the_till_with_card_and_cash_and_not_twice(
        qtbot, till_app: TillApp, till: Till, central: EmbeddedCentral) -> None:  # noqa: F811
    window = till_app.window
    login(qtbot, window, "4001", "5678")
    ctrl(qtbot, Qt.Key.Key_G)
    qtbot.waitUntil(lambda: window.guide_controls.guide_window is not None)
    guide = window.guide_controls.guide_window
    qtbot.waitUntil(lambda: QApplication.focusWidget() is guide.search_field)
    type_into_focus(qtbot, TEE)
    qtbot.waitUntil(lambda: guide.network.rowCount() > 0, timeout=5000)
    guide.add_to_order()
    guide.tabs.setCurrentIndex(1)
    guide.fulfilment.setCurrentIndex(guide.fulfilment.findData("pickup_here"))
    guide.payment.setCurrentIndex(guide.payment.findData("till"))
    qtbot.mouseClick(guide.place_button, Qt.MouseButton.LeftButton)
    # The order is saved; its amount due goes on the sale and the normal payment dialog opens.
    qtbot.waitUntil(lambda: window.payment_dialog is not None and window.payment_dialog.isVisible(),
                    timeout=5000)
    assert window.guide_controls.guide_window is None
    dialog = window.payment_dialog
    assert dialog.payment.total == 14_900
    qtbot.mouseClick(dialog.card_button, Qt.MouseButton.LeftButton)
    dialog.card_amount.setText("100.00")
    dialog.card_reference.setText("REF123")
    dialog.card_last4.setText("4242")
    qtbot.mouseClick(dialog.card_confirm, Qt.MouseButton.LeftButton)
    assert dialog.payment.remaining == 4_900
    qtbot.keyClick(dialog.cash_field, Qt.Key.Key_Return)  # the rest, exact cash
    qtbot.waitUntil(lambda: window.last_sale is not None, timeout=5000)
    sale = window.last_sale
    assert sale.guide_order_id and {t.kind: t.amount for t in sale.tenders} == {"card": 10_000, "cash": 4_900}
    sync_now(qtbot, till)
    assert till.guide().data.order(sale.guide_order_id).state == "paid"

    # Asked again from the order list: refused, said, nothing on the sale.
    ctrl(qtbot, Qt.Key.Key_G)
    qtbot.waitUntil(lambda: window.guide_controls.guide_window is not None)
    guide = window.guide_controls.guide_window
    guide.tabs.setCurrentIndex(2)
    guide.orders_table.selectRow(0)
    qtbot.mouseClick(guide.pay_button, Qt.MouseButton.LeftButton)
    assert "already paid" in guide.message.text() and sale.receipt_no in guide.message.text()
    assert window.checkout.checkout.cart.is_empty and window.payment_dialog is None


def test_offline_the_guide_screen_shows_the_synced_snapshot_with_its_age(
        qtbot, till_app: TillApp, till: Till, central: EmbeddedCentral) -> None:  # noqa: F811
    window = till_app.window
    with till.client() as client:  # a sync as the app runs it keeps the nearest locations' stock
        qtbot.waitUntil(lambda: till.sync_engine(client, network_snapshot=True).run_once().ok, timeout=5000)
    login(qtbot, window, "4001", "5678")
    ctrl(qtbot, Qt.Key.Key_G)
    qtbot.waitUntil(lambda: window.guide_controls.guide_window is not None)
    guide = window.guide_controls.guide_window
    guide.service._client = lambda: CentralClient("http://127.0.0.1:9")  # central is away
    guide.show_product("SKU0000003")  # never looked up live on this till
    qtbot.waitUntil(lambda: "OFFLINE" in guide.freshness.text(), timeout=5000)
    assert "snapshot" in guide.freshness.text() and "ago" in guide.freshness.text()
    assert [guide.network.item(r, 0).text()[:4] for r in range(guide.network.rowCount())] == [
        "S001", "W001", "S002", "S003"]
    s002 = central_level(central, "S002", "SKU0000003")
    assert guide.network.item(2, 2).text() == str(s002)
