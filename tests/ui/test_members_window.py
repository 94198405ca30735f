"""Members in the real window: found by phone, points pay part of the sale; a new customer signs up."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pos_client.services.till import Till
from pos_client.ui.app import TillApp
from tests.helpers import escpos_text
from tests.ui.test_keyboard_sale import till_app, type_into_focus  # noqa: F401  (fixture)

GREEN_TEA = "6972718281825"  # 13.40


def ctrl(qtbot, key) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, Qt.KeyboardModifier.ControlModifier)


def test_a_member_found_by_phone_pays_with_points_and_the_receipt_shows_them_masked(
        qtbot, till_app: TillApp, till: Till) -> None:  # noqa: F811
    window = till_app.window
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.login.staff_field)
    type_into_focus(qtbot, "1001")
    type_into_focus(qtbot, "1234")
    type_into_focus(qtbot, GREEN_TEA)
    ctrl(qtbot, Qt.Key.Key_I)
    qtbot.waitUntil(lambda: window.member_dialog is not None)
    dialog = window.member_dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.field)
    type_into_focus(qtbot, "hello")
    assert "neither a mobile number" in dialog.error_label.text()
    dialog.field.clear()
    type_into_focus(qtbot, "13912345678")
    assert "139****5678" in dialog.card.text() and "800" in dialog.card.text()
    assert "13912345678" not in dialog.card.text()
    assert window.member_dialog is dialog and dialog.isVisible(), "found, not yet attached"
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.member_dialog is None)
    assert "139****5678" in window.checkout.member_label.text()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.checkout.scan_field)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: window.payment_dialog is not None)
    pay = window.payment_dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is pay.cash_field)
    qtbot.keyClick(pay.cash_field, Qt.Key.Key_F5)
    assert pay.payment.remaining == 1340 - 800
    qtbot.keyClick(pay.cash_field, Qt.Key.Key_Return)  # exact cash for the rest
    qtbot.waitUntil(lambda: window.last_sale is not None, timeout=5000)
    sale = window.last_sale
    assert [(t.kind, t.amount) for t in sale.tenders] == [("points", 800), ("cash", 540)]
    assert (sale.points_earned, sale.points_balance) == (5, 5)
    job = till.paths.data_dir / "devices" / "printer" / f"{sale.receipt_no}.bin"
    qtbot.waitUntil(job.exists, timeout=5000)
    printed = escpos_text(job.read_bytes())
    assert "139****5678" in printed and "13912345678" not in printed and "+5 -800" in printed
    assert window.checkout.member_label.text() == ""  # the next sale starts without a member


def test_a_new_customer_signs_up_by_phone_in_the_dialog(qtbot, till_app: TillApp) -> None:  # noqa: F811
    window = till_app.window
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.login.staff_field)
    type_into_focus(qtbot, "1001")
    type_into_focus(qtbot, "1234")
    ctrl(qtbot, Qt.Key.Key_I)
    qtbot.waitUntil(lambda: window.member_dialog is not None)
    dialog = window.member_dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.field)
    type_into_focus(qtbot, "13600001111")
    assert "F2 signs" in dialog.error_label.text()
    qtbot.keyClick(dialog.field, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.member_dialog is None)
    member = window.checkout.checkout.member
    assert member is not None and member.phone_masked == "136****1111" and member.points == 0
    assert window.till.outbox.stats().pending >= 1  # member.signed_up waits for central


def test_a_manager_sees_a_members_full_contact_once_with_their_pin_and_central_records_it(
        qtbot, till_app: TillApp, till: Till, central) -> None:  # noqa: F811
    from sqlalchemy import select

    from central.db import session_factory
    from central.models import Note

    window = till_app.window
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.login.staff_field)
    type_into_focus(qtbot, "1001")
    type_into_focus(qtbot, "1234")
    ctrl(qtbot, Qt.Key.Key_I)
    qtbot.waitUntil(lambda: window.member_dialog is not None)
    dialog = window.member_dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.field)
    type_into_focus(qtbot, "13800138000")
    assert "138****8000" in dialog.card.text()
    qtbot.keyClick(dialog.field, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.manager_field)
    type_into_focus(qtbot, "1001")  # the cashier's own number: not a manager
    type_into_focus(qtbot, "1234")
    qtbot.waitUntil(lambda: not dialog.asking, timeout=5000)
    assert "Only a manager" in dialog.error_label.text() and "13800138000" not in dialog.contact_label.text()
    dialog.manager_field.setFocus()
    dialog.manager_field.clear()
    type_into_focus(qtbot, "3001")
    type_into_focus(qtbot, "0000")  # wrong PIN
    qtbot.waitUntil(lambda: not dialog.asking, timeout=5000)
    assert "wrong" in dialog.error_label.text()
    dialog.manager_field.setFocus()
    dialog.manager_field.clear()
    type_into_focus(qtbot, "3001")
    type_into_focus(qtbot, "4567")
    qtbot.waitUntil(lambda: "13800138000" in dialog.contact_label.text(), timeout=5000)
    assert "王小明" in dialog.contact_label.text()
    with till.engine.connect() as conn:  # nothing of it was kept at the till
        from sqlalchemy import text
        assert conn.execute(text("SELECT count(*) FROM member WHERE phone_masked LIKE '%13800138000%'"
                                 " OR name_masked = '王小明'")).scalar() == 0
    with session_factory(central.app.state.engine)() as s:
        kinds = list(s.scalars(select(Note.kind).where(Note.kind.like("member_contact%")).order_by(Note.id)))
    assert kinds == ["member_contact_refused", "member_contact_refused", "member_contact_viewed"]
    dialog.reject()
