"""Holding a sale, bringing it back (also after a restart), voiding a sale, reprinting a copy."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pos_client.services.till import Till
from pos_client.store import journal
from pos_client.ui.app import TillApp
from tests.helpers import escpos_text
from tests.ui.test_find_item import logged_in  # noqa: F401 - the fixture
from tests.ui.test_keyboard_sale import type_into_focus
from tests.ui.test_line_keys import scan_two


def kinds(till: Till) -> list[str]:
    with till.engine.connect() as conn:
        return [e.kind for e in journal.entries(conn)]


def test_hold_serve_someone_else_and_recall(qtbot, logged_in: TillApp, till: Till) -> None:  # noqa: F811
    window = logged_in.window
    codes = scan_two(qtbot, till)
    qtbot.keyClick(window.checkout.scan_field, Qt.Key.Key_F7)
    cart = window.checkout.checkout.cart
    assert cart.is_empty and "#1" in window.checkout.message_label.text()
    assert window.checkout.model.rowCount() == 0

    type_into_focus(qtbot, codes[0])  # the next customer
    qtbot.keyClick(window.checkout.scan_field, Qt.Key.Key_F8)
    assert window.held_dialog is None and "F7" in window.checkout.message_label.text()  # sale in progress
    window.checkout.checkout.new_sale()
    window.checkout.model.set_cart(window.checkout.checkout.cart)

    # The till restarts: held sales are on disk.
    logged_in.window.till.close()
    restarted = Till(till.paths)
    assert [h.number for h in restarted.checkout().held_sales()] == [1]
    restarted.close()

    qtbot.keyClick(window.checkout.scan_field, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: window.held_dialog is not None and window.held_dialog.isVisible())
    assert window.held_dialog.list.count() == 1
    qtbot.keyClick(window.held_dialog.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.held_dialog is None)
    assert [ln.product.barcode for ln in window.checkout.checkout.cart.lines] == codes
    assert window.checkout.model.rowCount() == 2
    assert kinds(till)[-2:] == ["sale.held", "sale.resumed"]


def test_void_sale_needs_a_supervisor_and_a_reason(qtbot, logged_in: TillApp, till: Till) -> None:  # noqa: F811
    window = logged_in.window
    scan_two(qtbot, till)
    qtbot.keyClick(window.checkout.scan_field, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: window.line_dialog is not None and window.line_dialog.isVisible())
    dialog = window.line_dialog
    assert not dialog.reason_box.isHidden() and dialog.value_field.isHidden()
    qtbot.keyClicks(dialog.approver_field, "2001")
    qtbot.keyClicks(dialog.pin_field, "3456")
    qtbot.keyClick(dialog.pin_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.line_dialog is None)
    assert window.checkout.checkout.cart.is_empty
    with till.engine.connect() as conn:
        voided = [e for e in journal.entries(conn) if e.kind == "sale.void"][-1]
    assert voided.data["approved_by"] == "2001" and len(voided.data["lines"]) == 2
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.checkout.scan_field)


def test_reprint_is_marked_as_a_copy_and_keeps_the_drawer_shut(qtbot, logged_in: TillApp,  # noqa: F811
                                                               till: Till) -> None:
    window = logged_in.window
    qtbot.keyClick(window.checkout.scan_field, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert "reprint" in window.checkout.message_label.text().lower() or "重印" in \
        window.checkout.message_label.text()
    scan_two(qtbot, till)
    qtbot.keyClick(window.checkout.scan_field, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: window.payment_dialog is not None and window.payment_dialog.isVisible())
    qtbot.keyClick(window.payment_dialog.cash_field, Qt.Key.Key_Return)  # exact cash
    qtbot.waitUntil(lambda: window.last_sale is not None)
    receipt = window.last_sale.receipt_no
    printer_dir = till.paths.data_dir / "devices" / "printer"
    qtbot.waitUntil(lambda: (printer_dir / f"{receipt}.bin").exists())
    qtbot.keyClick(window.checkout.scan_field, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(list(printer_dir.glob(f"{receipt}-copy-*.bin"))) == 1)
    copy = next(printer_dir.glob(f"{receipt}-copy-*.bin")).read_bytes()
    assert "重印 COPY" in escpos_text(copy)
    assert b"\x1bp" not in copy  # no drawer kick on a copy
    assert b"\x1bp" in (printer_dir / f"{receipt}.bin").read_bytes()
    assert kinds(till)[-1] == "receipt.reprinted"
