"""Returns in the real window, by keyboard: a receipt's lines chosen and refunded; no receipt approved."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from central.db import session_factory
from central.models import ReturnRecord
from central.server import EmbeddedCentral
from pos_client.domain.sale import Cashier
from pos_client.services.till import Till
from pos_client.ui.app import TillApp
from tests.helpers import escpos_text
from tests.ui.test_keyboard_sale import type_into_focus

GREEN_TEA = "6972718281825"  # 13.40
PRINGLES = "6958898621712"  # 15.70


@pytest.fixture
def app_after_a_sale(qapp, till: Till) -> Iterator[tuple[TillApp, str]]:
    checkout = till.checkout()
    for code in (GREEN_TEA, GREEN_TEA, PRINGLES):
        checkout.scan(code)
    sale = checkout.complete_cash_sale(5000, Cashier("s", "1001", "李娜"))
    app = TillApp(till, app=qapp)
    app.window.resize(1366, 768)
    app.window.show()
    app.window.activateWindow()
    yield app, sale.receipt_no
    app.close()


def login(qtbot, window) -> None:
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.login.staff_field)
    type_into_focus(qtbot, "1001")
    type_into_focus(qtbot, "1234")


def test_a_receipt_is_found_its_units_chosen_and_refunded_in_cash(
        qtbot, app_after_a_sale: tuple[TillApp, str], till: Till, central: EmbeddedCentral) -> None:
    app, receipt_no = app_after_a_sale
    window = app.window
    login(qtbot, window)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.return_dialog is not None)
    dialog = window.return_dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.code_field)
    type_into_focus(qtbot, "S001-01-20000101-0001")  # no such receipt
    qtbot.waitUntil(lambda: not dialog.searching, timeout=5000)
    assert "No sale has receipt number" in dialog.error_label.text()
    dialog.code_field.clear()
    type_into_focus(qtbot, receipt_no)
    qtbot.waitUntil(lambda: dialog.original is not None, timeout=5000)
    assert QApplication.focusWidget() is dialog.qty_field
    type_into_focus(qtbot, "3")  # only 2 were sold
    assert "at most 2" in dialog.error_label.text()
    type_into_focus(qtbot, "1")  # one tea; the selection moves on to the chips
    type_into_focus(qtbot, "1")
    qtbot.keyClick(dialog.qty_field, Qt.Key.Key_F4)  # the chips were opened: written off
    assert "29.10" in dialog.refund_label.text()  # written off or not, the customer is refunded
    qtbot.keyClick(dialog.qty_field, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: window.return_dialog is None)
    done = window.last_return
    assert (done.total, [(ln.sku, ln.restock) for ln in done.lines]) == (
        2910, [("SKU0000001", True), ("SKU0000002", False)])
    assert "Refund" in window.checkout.message_label.text()

    slip = till.paths.data_dir / "devices" / "printer" / f"{done.receipt_no}.bin"
    qtbot.waitUntil(slip.exists, timeout=5000)
    printed = escpos_text(slip.read_bytes())
    for expected in ("退货单", receipt_no, "29.10", "报损"):
        assert expected in printed, expected
    assert b"\x1bp" in slip.read_bytes()  # cash went out: the drawer opens

    def at_central() -> list:
        with session_factory(central.app.state.engine)() as s:
            return s.scalars(select(ReturnRecord)).all()
    qtbot.waitUntil(lambda: len(at_central()) == 1, timeout=10000)


def test_without_a_receipt_the_supervisor_approves_in_the_dialog(
        qtbot, app_after_a_sale: tuple[TillApp, str], till: Till) -> None:
    app, _receipt = app_after_a_sale
    window = app.window
    login(qtbot, window)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.return_dialog is not None)
    dialog = window.return_dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.code_field)
    qtbot.keyClick(dialog.code_field, Qt.Key.Key_F3)
    type_into_focus(qtbot, GREEN_TEA)
    assert [ln.amount for ln in dialog.lines()] == [1340]
    qtbot.keyClick(dialog.code_field, Qt.Key.Key_F12)
    assert "needs a supervisor" in dialog.error_label.text() and window.return_dialog is dialog
    dialog.approver_field.setFocus()
    type_into_focus(qtbot, "2001", enter=False)
    dialog.pin_field.setFocus()
    type_into_focus(qtbot, "3456")
    qtbot.waitUntil(lambda: window.return_dialog is None)
    assert window.last_return.approved_by == "2001" and window.last_return.original is None


def test_a_wallet_sale_is_refunded_to_the_wallet_and_offline_the_cashier_may_pay_cash(
        qtbot, qapp, till: Till, central: EmbeddedCentral) -> None:
    from central.models import WalletRefund
    from pos_client.services.wallet import WalletPayments, new_idempotency_key

    checkout = till.checkout()
    for code in (GREEN_TEA, GREEN_TEA):
        checkout.scan(code)
    payment = checkout.payment()
    payment.add(WalletPayments(till.client, till.identity()).charge("134567890123456789", payment.remaining,
                                                                  new_idempotency_key()))
    sale = checkout.complete_sale(payment, Cashier("s", "1001", "李娜"))
    app = TillApp(till, app=qapp)
    try:
        window = app.window
        window.resize(1366, 768)
        window.show()
        login(qtbot, window)

        def open_return(units: str):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
            qtbot.waitUntil(lambda: window.return_dialog is not None)
            dialog = window.return_dialog
            qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.code_field)
            type_into_focus(qtbot, sale.receipt_no)
            qtbot.waitUntil(lambda: dialog.original is not None, timeout=5000)
            type_into_focus(qtbot, units)
            return dialog

        dialog = open_return("1")
        assert "mobile pay" in dialog.refund_label.text()
        qtbot.keyClick(dialog.qty_field, Qt.Key.Key_F12)
        qtbot.waitUntil(lambda: window.return_dialog is None, timeout=10000)  # answered off the UI thread
        [back] = window.last_return.refunds
        assert back.kind == "wallet" and back.refund_id
        with session_factory(central.app.state.engine)() as s:
            assert [r.amount for r in s.scalars(select(WalletRefund))] == [1340]

        central.stop()  # the network is down: the second tea cannot go back to the wallet
        dialog = open_return("1")
        qtbot.keyClick(dialog.qty_field, Qt.Key.Key_F12)
        qtbot.waitUntil(lambda: dialog.cash_button.isVisible(), timeout=15000)
        assert "central cannot be reached" in dialog.error_label.text()
        assert window.return_dialog is dialog  # nothing refunded yet
        qtbot.keyClick(dialog.qty_field, Qt.Key.Key_F5)
        qtbot.waitUntil(lambda: window.return_dialog is None)
        assert [(t.kind, t.amount) for t in window.last_return.refunds] == [("cash", 1340)]
    finally:
        app.close()
