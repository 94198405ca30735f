"""The pickup desk in the real window, driven by keys: Ctrl+U opens it, the customer's code is
typed, the pick list prints, the order is made ready, a line refused, the rest handed over, and
a second try with the same code says who handed it over."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from central.db import session_factory
from central.pickup import set_pickup_settings
from central.server import EmbeddedCentral
from pos_client.services.till import Till
from pos_client.ui.app import TillApp
from tests.helpers import escpos_text
from tests.integration.test_pickup import CHIPS, TEA, central_order, place
from tests.support.till_window import sync_beside_the_app
from tests.ui.test_keyboard_sale import till_app, type_into_focus  # noqa: F401  (fixture)


def test_the_desk_verifies_a_code_prints_the_pick_list_and_hands_over_once(
        qtbot, till_app: TillApp, till: Till, central: EmbeddedCentral) -> None:  # noqa: F811
    with session_factory(central.app.state.engine)() as s:
        set_pickup_settings(s, "S001", id_check_above=2000)  # over 20.00 needs an ID check
        s.commit()
    order = place(central, "UI-1", [(TEA, 2, 1340), (CHIPS, 1, 1570)]).json()
    place(central, "UI-2", [(TEA, 1, 1340)])
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
    assert desk.orders.rowCount() == 2
    assert "王**  ****1234" in [desk.orders.item(r, 3).text() for r in range(2)]
    assert "13800001234" not in "".join(desk.orders.item(r, 3).text() for r in range(2))

    desk.search_field.setText(order["order_id"][-6:])
    assert desk.orders.rowCount() == 1 and desk.orders.item(0, 0).text() == order["order_id"]
    desk.search_field.setText("")
    desk.code_field.setFocus()

    wrong = "12345678" if order["pickup_code"] != "12345678" else "87654321"
    type_into_focus(qtbot, wrong)
    assert "No order here has this code" in desk.message.text() and "4 tries" in desk.message.text()
    type_into_focus(qtbot, order["pickup_code"])
    assert order["order_id"] in desk.title.text() and "Code verified" in desk.message.text()
    assert [desk.lines.item(r, 2).text() for r in range(2)] == ["2", "1"]  # reserved per line

    qtbot.keyClick(desk.code_field, Qt.Key.Key_F3)
    job = till.paths.data_dir / "devices" / "printer" / f"pick-{order['order_id']}.bin"
    qtbot.waitUntil(job.exists, timeout=5000)
    assert "PICK LIST" in escpos_text(job.read_bytes())

    qtbot.keyClick(desk.code_field, Qt.Key.Key_F2)
    assert "Ready" in desk.title.text()
    desk.lines.selectRow(1)
    qtbot.keyClick(desk.code_field, Qt.Key.Key_F4)
    assert desk.lines.item(1, 2).text() == "0" and desk.lines.item(1, 3).text() == "1"
    assert desk.id_prompt.isVisible()
    qtbot.keyClick(desk.code_field, Qt.Key.Key_F12)
    assert "check the customer's ID" in desk.message.text() and desk.current.handover is None
    desk.id_prompt.setChecked(True)
    qtbot.keyClick(desk.code_field, Qt.Key.Key_F12)
    assert "handed over" in desk.message.text()
    assert "Handed over" in desk.title.text()

    desk.code_field.setFocus()
    type_into_focus(qtbot, order["qr_payload"])  # the QR, as the scanner types it
    assert "Already handed over" in desk.message.text() and "李娜" in desk.message.text()
    qtbot.keyClick(desk.code_field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.pickup_dialog is None)
    sync_beside_the_app(qtbot, till)
    with till.engine.connect() as conn:
        types = conn.exec_driver_sql("SELECT type FROM outbox").scalars().all()
    assert "pickup.handed_over" not in types  # central took them all
    assert central_order(central, order["order_id"]).status == "partly_handed_over"
