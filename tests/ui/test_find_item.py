"""An item without a readable barcode: found by initials, pinyin or Chinese name from the real window."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from central.spoken_names import spoken_forms
from pos_client.services.till import Till
from pos_client.ui.app import TillApp
from pos_client.ui.search_dialog import ROW_HEIGHT
from tests.ui.test_keyboard_sale import type_into_focus


@pytest.fixture
def logged_in(qapp, qtbot, till: Till) -> Iterator[TillApp]:
    app = TillApp(till, app=qapp, sync_enabled=False)
    app.window.resize(1366, 768)
    app.window.show()
    app.window.activateWindow()
    qtbot.waitExposed(app.window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is app.window.login.staff_field)
    type_into_focus(qtbot, "1001")
    type_into_focus(qtbot, "1234")
    assert QApplication.focusWidget() is app.window.checkout.scan_field
    yield app
    app.close()


def coke(till: Till) -> tuple[str, str]:
    """A product whose name starts with Chinese characters (sku, name)."""
    with till.engine.connect() as conn:
        return tuple(conn.execute(text(
            "SELECT p.sku, p.name FROM product p JOIN price pr ON pr.sku = p.sku "
            "WHERE unicode(p.name) > 19967 ORDER BY p.sku LIMIT 1")).one())


def test_f2_find_by_initials_then_down_and_enter_adds_the_item(qtbot, logged_in: TillApp, till: Till) -> None:
    window = logged_in.window
    sku, name = coke(till)
    initials = spoken_forms(name)[1].split()[0]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.search_dialog is not None and window.search_dialog.isVisible())
    dialog = window.search_dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.query_field)
    qtbot.keyClicks(dialog.query_field, initials)
    found = [m.item.sku for m in dialog.model.matches]
    assert sku in found
    for _ in range(found.index(sku)):
        qtbot.keyClick(dialog.query_field, Qt.Key.Key_Down)  # the text field keeps the keyboard
    assert QApplication.focusWidget() is dialog.query_field
    qtbot.keyClick(dialog.query_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.search_dialog is None)
    cart = window.checkout.checkout.cart
    assert [(ln.product.sku, ln.qty) for ln in cart.lines] == [(sku, 1)]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.checkout.scan_field)  # back to scanning


def test_letters_typed_in_the_scan_field_open_the_search_with_them(qtbot, logged_in: TillApp,
                                                                   till: Till) -> None:
    window = logged_in.window
    sku, name = coke(till)
    pinyin = spoken_forms(name)[0].split()[0][:5]
    type_into_focus(qtbot, pinyin)
    qtbot.waitUntil(lambda: window.search_dialog is not None and window.search_dialog.isVisible())
    dialog = window.search_dialog
    assert dialog.query_field.text() == pinyin
    assert sku in [m.item.sku for m in dialog.model.matches]
    qtbot.keyClick(dialog.query_field, Qt.Key.Key_Escape)  # back, nothing added
    qtbot.waitUntil(lambda: window.search_dialog is None)
    assert window.checkout.checkout.cart.is_empty
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.checkout.scan_field)


def test_chinese_name_search_and_a_tap_on_add(qtbot, logged_in: TillApp, till: Till) -> None:
    window = logged_in.window
    sku, name = coke(till)
    qtbot.mouseClick(window.checkout.find_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.search_dialog is not None and window.search_dialog.isVisible())
    dialog = window.search_dialog
    dialog.query_field.setText(name.split()[0][:2])  # as an input method commits Chinese text
    rows = [m.item.sku for m in dialog.model.matches]
    assert sku in rows
    row = rows.index(sku)
    rect = dialog.table.visualRect(dialog.model.index(row, 0))
    assert rect.height() >= 44 and dialog.add_button.height() >= 44  # touch targets
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.search_dialog is None)
    assert [ln.product.sku for ln in window.checkout.checkout.cart.lines] == [sku]
    assert ROW_HEIGHT >= 44


def test_letters_that_find_nothing_are_an_unknown_code(qtbot, logged_in: TillApp) -> None:
    window = logged_in.window
    type_into_focus(qtbot, "ZQXJV")
    assert window.search_dialog is None
    assert "ZQXJV" in window.checkout.message_label.text()
