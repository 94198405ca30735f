"""The real window, driven by the keyboard alone: log in, scan, pay, print, and reach central."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import text

from central.server import EmbeddedCentral
from pos_client.services.till import Till
from pos_client.ui.app import TillApp
from tests.helpers import central_events, central_sales, escpos_text


@pytest.fixture
def till_app(qapp, till: Till) -> Iterator[TillApp]:
    app = TillApp(till, app=qapp)
    app.window.resize(1366, 768)
    app.window.show()
    app.window.activateWindow()
    yield app
    app.close()


def type_into_focus(qtbot, text_: str, *, enter: bool = True) -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has keyboard focus"
    qtbot.keyClicks(widget, text_)
    if enter:
        qtbot.keyClick(widget, Qt.Key.Key_Return)
    return widget


def barcodes(till: Till) -> list[tuple[str, str, int]]:
    with till.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(
            "SELECT b.code, p.name, pr.amount FROM barcode b JOIN product p ON p.sku=b.sku "
            "JOIN price pr ON pr.sku=p.sku ORDER BY b.rowid LIMIT 2"))]


def test_keyboard_cash_sale_prints_and_reaches_central(qtbot, till_app: TillApp, till: Till,
                                                        central: EmbeddedCentral) -> None:
    window = till_app.window
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.login.staff_field)

    type_into_focus(qtbot, "1001")
    assert QApplication.focusWidget() is window.login.pin_field
    type_into_focus(qtbot, "1234")
    assert window.pages.currentWidget() is window.checkout
    assert QApplication.focusWidget() is window.checkout.scan_field
    assert "李娜" in window.top_bar.staff_label.text()

    (code_a, name_a, price_a), (code_b, _name_b, price_b) = barcodes(till)
    type_into_focus(qtbot, code_a)
    type_into_focus(qtbot, code_b)
    type_into_focus(qtbot, code_a)  # again: quantity, not a new line
    cart = window.checkout.checkout.cart
    assert [(ln.product.barcode, ln.qty) for ln in cart.lines] == [(code_a, 2), (code_b, 1)]
    assert window.checkout.table.currentIndex().row() == 0  # the line scanned last is highlighted

    type_into_focus(qtbot, "6901234567890")  # bad check digit
    assert "check digit" in window.checkout.message_label.text()
    type_into_focus(qtbot, "6900000000007")  # valid, not in the catalog
    assert "6900000000007" in window.checkout.message_label.text()
    type_into_focus(qtbot, "#$%")
    assert len(cart.lines) == 2 and cart.item_count == 3

    due = 2 * price_a + price_b
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: window.payment_dialog is not None and window.payment_dialog.isVisible())
    dialog = window.payment_dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.cash_field)
    tendered = (due // 10000 + 1) * 10000  # the next round ¥100
    type_into_focus(qtbot, str(tendered // 100), enter=False)
    assert dialog.change_label.text().endswith(f"{(tendered - due) // 100}.{(tendered - due) % 100:02d}")
    qtbot.keyClick(dialog.cash_field, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: window.last_sale is not None, timeout=5000)
    sale = window.last_sale
    assert sale.total == due and sale.change == tendered - due
    assert "Change" in window.checkout.result_label.text()
    assert till.sales.by_receipt(sale.receipt_no) is not None  # durable before "paid" showed
    assert window.checkout.checkout.cart.is_empty
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.checkout.scan_field)

    job = till.paths.data_dir / "devices" / "printer" / f"{sale.receipt_no}.bin"
    qtbot.waitUntil(job.exists, timeout=5000)
    data = job.read_bytes()
    assert name_a.encode("gb18030") in data
    printed = escpos_text(data)
    for expected in (sale.receipt_no, "李娜", "￥", "找零"):
        assert expected in printed
    cut, kick = data.rfind(b"\x1dV"), data.rfind(b"\x1bp")
    assert 0 < cut < kick, "the job ends with a cut and then a drawer kick"

    qtbot.waitUntil(lambda: len(central_sales(central)) == 1, timeout=10000)
    [received] = central_sales(central)
    assert (received.sale_id, received.total, received.change) == (sale.sale_id, due, tendered - due)
    assert [e.type for e in central_events(central)] == ["sale.completed"]
    qtbot.waitUntil(lambda: window.top_bar.unsent_label.property("state") == "ok", timeout=10000)
    assert window.top_bar.online_label.property("state") == "online"


def test_paying_an_empty_sale_or_too_little_cash_is_refused(qtbot, till_app: TillApp) -> None:
    window = till_app.window
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.login.staff_field)
    type_into_focus(qtbot, "1002")
    type_into_focus(qtbot, "2345")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F12)
    assert window.payment_dialog is None
    assert "empty" in window.checkout.message_label.text()

    code = barcodes(till_app.till)[0][0]
    type_into_focus(qtbot, code)
    window.checkout.pay_button.click()  # the on-screen button works like F12
    qtbot.waitUntil(lambda: window.payment_dialog is not None)
    dialog = window.payment_dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.cash_field)
    type_into_focus(qtbot, "0.01")
    assert dialog.isVisible() and "less than" in dialog.error_label.text()
    qtbot.keyClick(dialog.cash_field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.payment_dialog is None)
    assert len(window.checkout.checkout.cart.lines) == 1  # nothing lost by backing out
    assert window.last_sale is None


def test_with_central_down_the_sale_completes_and_waits_visibly(qtbot, till: Till,
                                                                  central: EmbeddedCentral, qapp) -> None:
    central.stop()
    app = TillApp(till, app=qapp)
    try:
        window = app.window
        window.show()
        window.activateWindow()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.top_bar.online_label.property("state") == "offline", timeout=10000)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is window.login.staff_field)
        type_into_focus(qtbot, "1001")
        type_into_focus(qtbot, "1234")
        type_into_focus(qtbot, barcodes(till)[0][0])
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F12)
        qtbot.waitUntil(lambda: window.payment_dialog is not None)
        dialog = window.payment_dialog
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.cash_field)
        qtbot.keyClick(dialog.cash_field, Qt.Key.Key_Return)  # Enter on empty: exact cash
        qtbot.waitUntil(lambda: window.last_sale is not None, timeout=5000)
        assert window.last_sale.change == 0
        assert till.outbox.stats().pending == 1
        qtbot.waitUntil(lambda: window.top_bar.unsent_label.property("state") == "waiting", timeout=5000)
        assert "1" in window.top_bar.unsent_label.text()
        assert window.top_bar.online_label.property("state") == "offline"
        slip = till.paths.data_dir / "devices" / "printer" / f"{window.last_sale.receipt_no}.bin"
        qtbot.waitUntil(slip.exists, timeout=5000)  # printing is the printer thread's job
    finally:
        app.close()
