"""F3-F6 from the real window: a cashier changes a line, a supervisor approves inline with a PIN."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from pos_client.services.till import Till
from pos_client.store import journal
from pos_client.ui.app import TillApp
from tests.ui.test_find_item import logged_in  # noqa: F401 - the fixture
from tests.ui.test_keyboard_sale import type_into_focus


def scan_two(qtbot, till: Till) -> list[str]:
    with till.engine.connect() as conn:
        codes = conn.execute(text("SELECT b.code FROM barcode b JOIN price p ON p.sku = b.sku "
                                  "WHERE p.amount > 0 ORDER BY b.code LIMIT 2")).scalars().all()
    for code in codes:
        type_into_focus(qtbot, code)
    return list(codes)


def open_dialog(qtbot, window, key: Qt.Key):
    qtbot.keyClick(QApplication.focusWidget(), key)
    qtbot.waitUntil(lambda: window.line_dialog is not None and window.line_dialog.isVisible())
    return window.line_dialog


def test_raising_a_quantity_needs_nobody(qtbot, logged_in: TillApp, till: Till) -> None:  # noqa: F811
    window = logged_in.window
    scan_two(qtbot, till)
    qtbot.keyClick(window.checkout.scan_field, Qt.Key.Key_Up)  # the first line
    dialog = open_dialog(qtbot, window, Qt.Key.Key_F3)
    assert dialog.approver_field.isHidden()
    dialog.value_field.selectAll()
    qtbot.keyClicks(dialog.value_field, "3")
    qtbot.keyClick(dialog.value_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.line_dialog is None)
    assert [ln.qty for ln in window.checkout.checkout.cart.lines] == [3, 1]
    assert window.checkout.model.index(0, 1).data() == "3"


def test_voiding_a_line_asks_for_a_supervisor_pin_inline(qtbot, logged_in: TillApp, till: Till) -> None:  # noqa: F811
    window = logged_in.window
    codes = scan_two(qtbot, till)
    dialog = open_dialog(qtbot, window, Qt.Key.Key_F4)  # the last line scanned is chosen
    assert not dialog.approver_field.isHidden() and not dialog.reason_box.isHidden()
    assert dialog.ok_button.height() >= 44
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # no supervisor yet
    assert "supervisor" in dialog.error_label.text().lower() or "主管" in dialog.error_label.text()
    assert len(window.checkout.checkout.cart.lines) == 2
    qtbot.keyClicks(dialog.approver_field, "2001")
    qtbot.keyClicks(dialog.pin_field, "0000")  # wrong PIN
    qtbot.keyClick(dialog.pin_field, Qt.Key.Key_Return)
    assert window.line_dialog is dialog and len(window.checkout.checkout.cart.lines) == 2
    assert dialog.pin_field.text() == ""
    qtbot.keyClicks(dialog.pin_field, "3456")
    qtbot.keyClick(dialog.pin_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.line_dialog is None)
    lines = window.checkout.checkout.cart.lines
    assert [ln.product.barcode for ln in lines] == [codes[0]]
    with till.engine.connect() as conn:
        kinds = [(e.kind, e.staff, e.data.get("approved_by")) for e in journal.entries(conn)]
    assert ("approval.failed", "2001", None) in kinds
    assert kinds[-1] == ("line.void", "1001", "2001")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.checkout.scan_field)
