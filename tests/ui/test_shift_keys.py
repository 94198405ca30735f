"""Shifts, auto-lock and staff switch from the real window, by keyboard: open with a float, sell,
take cash out, close with a blind count, print the Z report, and find the shift at central."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from sqlalchemy import select

from central.db import session_factory
from central.models import CashMovement, TillShift
from central.server import EmbeddedCentral
from pos_client.domain.money import format_money
from pos_client.services.till import Till
from pos_client.store import journal
from pos_client.ui.app import TillApp
from tests.helpers import central_events, escpos_text
from tests.ui.test_find_item import logged_in  # noqa: F401 - the fixture
from tests.ui.test_keyboard_sale import type_into_focus
from tests.ui.test_line_keys import scan_two

CTRL = Qt.KeyboardModifier.ControlModifier


def ctrl(qtbot, key: Qt.Key) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, CTRL)


def wait_dialog(qtbot, window, name: str):
    qtbot.waitUntil(lambda: window.shift_controls.dialog is not None
                    and window.shift_controls.dialog.objectName() == name
                    and window.shift_controls.dialog.isVisible())
    return window.shift_controls.dialog


def texts(widget: QWidget) -> str:
    return " ".join(label.text() for label in widget.findChildren(QLabel) if label.isVisible())


def assert_touch_sized(dialog) -> None:
    from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton
    for widget in dialog.findChildren(QPushButton) + dialog.findChildren(QComboBox) + \
            dialog.findChildren(QLineEdit):
        if widget.isVisible():
            assert widget.height() >= 44, (widget.objectName(), widget.height())


def test_open_sell_cash_out_blind_close_and_z_report_reach_central(qtbot, logged_in: TillApp,  # noqa: F811
                                                                   till: Till,
                                                                   central: EmbeddedCentral) -> None:
    window = logged_in.window
    printer_dir = till.paths.data_dir / "devices" / "printer"

    ctrl(qtbot, Qt.Key.Key_O)
    dialog = wait_dialog(qtbot, window, "openShiftDialog")
    assert_touch_sized(dialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.float_field)
    type_into_focus(qtbot, "500")
    qtbot.waitUntil(lambda: window.shift_controls.dialog is None)
    qtbot.waitUntil(lambda: len(list(printer_dir.glob("open-01-*.bin"))) == 1)
    assert b"\x1bp" in next(printer_dir.glob("open-01-*.bin")).read_bytes()  # the drawer opened
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.checkout.scan_field)  # back to scanning

    scan_two(qtbot, till)
    qtbot.keyClick(window.checkout.scan_field, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: window.payment_dialog is not None and window.payment_dialog.isVisible())
    qtbot.keyClick(window.payment_dialog.cash_field, Qt.Key.Key_Return)  # exact cash
    qtbot.waitUntil(lambda: window.last_sale is not None)
    sale = window.last_sale
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.checkout.scan_field)

    ctrl(qtbot, Qt.Key.Key_M)
    dialog = wait_dialog(qtbot, window, "cashMoveDialog")
    assert_touch_sized(dialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.direction_box)
    assert dialog.direction_box.currentData() == "out"
    assert not dialog.approver_field.isHidden()  # a cashier takes cash out only with a supervisor
    qtbot.keyClick(dialog.direction_box, Qt.Key.Key_Tab)
    type_into_focus(qtbot, "100")
    assert "supervisor" in dialog.error_label.text().lower() or "主管" in dialog.error_label.text()
    qtbot.keyClicks(dialog.approver_field, "2001")
    qtbot.keyClicks(dialog.pin_field, "3456")
    qtbot.keyClick(dialog.pin_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.shift_controls.dialog is None)
    qtbot.waitUntil(lambda: len(list(printer_dir.glob("cash-*.bin"))) == 1)
    slip = next(printer_dir.glob("cash-*.bin")).read_bytes()
    assert b"\x1bp" in slip and "取出现金 CASH OUT" in escpos_text(slip)
    with till.engine.connect() as conn:
        last = list(journal.entries(conn))[-1]
    assert (last.kind, last.data["reason"], last.data["amount"], last.data["approved_by"]) == (
        "drawer.opened", "cash out", 10_000, "2001")

    expected = 50_000 + sale.total - 10_000
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.checkout.scan_field)
    ctrl(qtbot, Qt.Key.Key_B)
    dialog = wait_dialog(qtbot, window, "closeShiftDialog")
    assert_touch_sized(dialog)
    shown = texts(dialog)
    for form in (format_money(expected, "en"), format_money(expected, "zh_CN"), f"{expected / 100:.2f}"):
        assert form not in shown, "the count must be blind"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.count_field)
    counted = expected - 100  # one yuan short
    type_into_focus(qtbot, f"{counted // 100}.{counted % 100:02d}")
    qtbot.waitUntil(lambda: dialog.result_label.isVisible())
    assert dialog.report.over_short == -100 and dialog.report.z_no == 1
    assert format_money(100, window.locale) in dialog.result_label.text()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.shift_controls.dialog is None)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.checkout.scan_field)

    z_file = printer_dir / "Z00001-01.bin"
    qtbot.waitUntil(z_file.exists)
    z = escpos_text(z_file.read_bytes())
    for part in ("Z 报表", "Z00001", "备用金 Opening float", "￥500.00", "取出 Cash out", "￥100.00",
                 "实点现金 Counted cash", "短款 SHORT", "￥-1.00"):
        assert part in z, part
    assert b"\x1bp" not in z_file.read_bytes()

    with till.client() as client:
        assert till.sync_engine(client).run_once().ok
    types = [e.type for e in central_events(central)]
    assert types[:4] == ["shift.opened", "sale.completed", "cash.moved", "shift.closed"]
    with session_factory(central.app.state.engine)() as s:
        shift = s.scalars(select(TillShift)).one()
        assert (shift.z_no, shift.opening_float, shift.cash_sales, shift.cash_out, shift.counted_cash,
                shift.over_short) == (1, 50_000, sale.total, 10_000, counted, -100)
        moved = s.scalars(select(CashMovement)).one()
        assert (moved.reason, moved.staff, moved.approved_by) == ("safe_drop", "1001", "2001")


def test_x_report_prints_and_leaves_the_shift_open(qtbot, logged_in: TillApp, till: Till) -> None:  # noqa: F811
    window = logged_in.window
    ctrl(qtbot, Qt.Key.Key_T)
    assert "Ctrl+O" in window.checkout.message_label.text()  # no shift yet: says how to open one
    window.shift_controls.service.open(window.session.cashier, 0)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.checkout.scan_field)
    ctrl(qtbot, Qt.Key.Key_T)
    printer_dir = till.paths.data_dir / "devices" / "printer"
    qtbot.waitUntil(lambda: len(list(printer_dir.glob("X-01-*.bin"))) == 1)
    x = escpos_text(next(printer_dir.glob("X-01-*.bin")).read_bytes())
    assert "X 报表" in x and "Expected cash" not in x  # a cashier's X report keeps the count blind
    assert window.shift_controls.service.current() is not None


def test_idle_till_locks_and_the_same_cashier_carries_on(qtbot, logged_in: TillApp,  # noqa: F811
                                                         till: Till) -> None:
    window = logged_in.window
    codes = scan_two(qtbot, till)
    qtbot.keyClick(window.checkout.scan_field, Qt.Key.Key_F12)  # walked away during payment
    qtbot.waitUntil(lambda: window.payment_dialog is not None and window.payment_dialog.isVisible())
    window.shift_controls.idle.set_minutes(0.005)  # 0.3 s instead of the default 5 minutes
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.login, timeout=3000)
    assert window.payment_dialog is None  # closed: nothing was charged
    assert window.session is None and "李娜" in window.login.error_label.text()
    assert window.checkout.checkout.cart.is_empty  # on hold, on disk, for 李娜
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.login.staff_field)
    window.shift_controls.idle.set_minutes(5)
    type_into_focus(qtbot, "1001")
    type_into_focus(qtbot, "1234")
    assert window.pages.currentWidget() is window.checkout
    assert [ln.product.barcode for ln in window.checkout.checkout.cart.lines] == codes
    assert window.checkout.model.rowCount() == 2
    with till.engine.connect() as conn:
        kinds = [(e.kind, e.data.get("reason")) for e in journal.entries(conn)]
    assert ("till.locked", "idle") in kinds and [k for k, _ in kinds][-3:] == ["till.locked", "login",
                                                                               "sale.resumed"]


def test_key_presses_keep_the_till_unlocked(qtbot, logged_in: TillApp) -> None:  # noqa: F811
    window = logged_in.window
    window.shift_controls.idle.set_minutes(0.01)  # 0.6 s
    for _ in range(6):  # 1.5 s of typing through the window, as a keyboard or scanner delivers it
        qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Shift)
        qtbot.wait(250)
        assert window.pages.currentWidget() is window.checkout
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.login, timeout=3000)


def test_quick_switch_holds_the_sale_for_its_cashier(qtbot, logged_in: TillApp, till: Till) -> None:  # noqa: F811
    window = logged_in.window
    codes = scan_two(qtbot, till)
    ctrl(qtbot, Qt.Key.Key_L)
    assert window.pages.currentWidget() is window.login
    assert "#1" in window.login.error_label.text()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.login.staff_field)
    type_into_focus(qtbot, "1002")  # 张伟 takes over the till
    type_into_focus(qtbot, "2345")
    assert window.session.cashier.code == "1002" and window.checkout.checkout.cart.is_empty
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.checkout.scan_field)
    held = window.checkout.checkout.held_sales()
    assert [(h.staff, h.items) for h in held] == [("1001", 2)]

    type_into_focus(qtbot, codes[0])  # 张伟 sells, pays
    qtbot.keyClick(window.checkout.scan_field, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: window.payment_dialog is not None and window.payment_dialog.isVisible())
    qtbot.keyClick(window.payment_dialog.cash_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.last_sale is not None)
    assert window.last_sale.cashier.code == "1002"

    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.checkout.scan_field)
    ctrl(qtbot, Qt.Key.Key_L)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.login.staff_field)
    type_into_focus(qtbot, "1001")  # 李娜 is back: her sale comes back by itself
    type_into_focus(qtbot, "1234")
    assert [ln.product.barcode for ln in window.checkout.checkout.cart.lines] == codes
    assert window.checkout.checkout.held_sales() == []


def test_the_shift_button_offers_every_action_by_touch(qtbot, logged_in: TillApp, till: Till) -> None:  # noqa: F811
    window = logged_in.window
    controls = window.shift_controls
    assert controls.button.isVisible() and controls.button.height() >= 44
    qtbot.mouseClick(controls.button, Qt.MouseButton.LeftButton)
    menu = wait_dialog(qtbot, window, "shiftMenu")
    assert_touch_sized(menu)
    assert menu.buttons["open"].isEnabled() and not menu.buttons["close"].isEnabled()
    qtbot.mouseClick(menu.buttons["open"], Qt.MouseButton.LeftButton)
    dialog = wait_dialog(qtbot, window, "openShiftDialog")
    qtbot.keyClicks(dialog.float_field, "0")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controls.dialog is None and controls.service.current() is not None)

    qtbot.mouseClick(controls.button, Qt.MouseButton.LeftButton)
    menu = wait_dialog(qtbot, window, "shiftMenu")
    assert not menu.buttons["open"].isEnabled()
    qtbot.mouseClick(menu.buttons["close"], Qt.MouseButton.LeftButton)
    dialog = wait_dialog(qtbot, window, "closeShiftDialog")
    qtbot.keyClicks(dialog.count_field, "0")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_label.isVisible())
    assert "balances" in dialog.result_label.text() or "无差异" in dialog.result_label.text()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controls.dialog is None)

    qtbot.mouseClick(controls.button, Qt.MouseButton.LeftButton)
    menu = wait_dialog(qtbot, window, "shiftMenu")
    qtbot.mouseClick(menu.buttons["reprint"], Qt.MouseButton.LeftButton)
    printer_dir = till.paths.data_dir / "devices" / "printer"
    qtbot.waitUntil(lambda: len(list(printer_dir.glob("Z00001-01-copy-*.bin"))) == 1)
    assert "重印 COPY" in escpos_text(next(printer_dir.glob("Z00001-01-copy-*.bin")).read_bytes())
