"""In the real window: promotions named beside the total and on the receipt; part cash, rest by card."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from central.db import session_factory
from central.models import SalePricing, SaleTender
from central.promotions import put_promotion
from central.server import EmbeddedCentral
from pos_client.services.till import Till
from pos_client.ui.app import TillApp
from tests.helpers import central_sales, escpos_text
from tests.ui.test_keyboard_sale import type_into_focus

GREEN_TEA = "6972718281825"  # 统一 绿茶, 饮料, 13.40
PRINGLES = "6958898621712"  # 品客 薯片, 休闲零食, 15.70
DRINKS = {"kind": "item_discount", "name": "饮料9折", "name_en": "Drinks 10% off", "percent_off": 10,
          "priority": 10, "target": {"categories": ["饮料"]}}
SNACKS = {"kind": "multi_buy", "name": "零食第二件半价", "name_en": "Snacks: 2nd half price", "buy": 1,
          "get": 1, "percent_off": 50, "priority": 20, "target": {"categories": ["休闲零食"]}}


@pytest.fixture
def promo_app(qapp, till: Till, central: EmbeddedCentral) -> Iterator[TillApp]:
    with session_factory(central.app.state.engine)() as s:
        put_promotion(s, "P-DRINK-90", DRINKS)
        put_promotion(s, "P-SNACK-2ND", SNACKS)
        s.commit()
    with till.client() as client:
        assert till.sync_engine(client).run_once().ok
    app = TillApp(till, app=qapp)
    app.window.resize(1366, 768)
    app.window.show()
    app.window.activateWindow()
    yield app
    app.close()


def test_promotions_are_explained_on_screen_and_on_the_receipt_and_a_card_pays_the_rest(
        qtbot, promo_app: TillApp, till: Till, central: EmbeddedCentral) -> None:
    window = promo_app.window
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.login.staff_field)
    type_into_focus(qtbot, "1001")
    type_into_focus(qtbot, "1234")
    for code in (PRINGLES, GREEN_TEA, PRINGLES):
        type_into_focus(qtbot, code)
    screen = window.checkout
    assert screen.checkout.cart.total == 3561
    savings = screen.savings_label.text()
    assert "9.19" in savings and "Drinks 10% off" in savings and "Snacks: 2nd half price" in savings
    lines = screen.checkout.cart.lines
    pringles_row = next(i for i, ln in enumerate(lines) if ln.product.barcode == PRINGLES)
    assert screen.model.index(pringles_row, 3).data() == "-7.85"  # the deal shows on its own line

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: window.payment_dialog is not None)
    dialog = window.payment_dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.cash_field)
    type_into_focus(qtbot, "20")  # Enter alone refuses too little cash: a slip of the finger
    assert "Ctrl+Enter" in dialog.error_label.text() and not dialog.payment.tenders
    qtbot.keyClick(dialog.cash_field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.payment.remaining == 1561 and dialog.isVisible()
    qtbot.keyClick(dialog.cash_field, Qt.Key.Key_F3)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.card_reference)
    assert dialog.card_amount.text() == "15.61"
    type_into_focus(qtbot, "12")  # too short a reference
    type_into_focus(qtbot, "1234")
    assert "4 to 32" in dialog.error_label.text()
    assert QApplication.focusWidget() is dialog.card_reference  # selected: typing replaces it
    type_into_focus(qtbot, "AUTH7788")
    type_into_focus(qtbot, "4321")
    qtbot.waitUntil(lambda: window.last_sale is not None, timeout=5000)
    sale = window.last_sale
    assert [(t.kind, t.amount) for t in sale.tenders] == [("cash", 2000), ("card", 1561)]
    assert sale.change == 0

    job = till.paths.data_dir / "devices" / "printer" / f"{sale.receipt_no}.bin"
    qtbot.waitUntil(job.exists, timeout=5000)
    printed = escpos_text(job.read_bytes())
    for expected in ("饮料9折", "零食第二件半价", "本单共节省", "9.19", "****4321", "AUTH7788"):
        assert expected in printed, expected

    qtbot.waitUntil(lambda: len(central_sales(central)) == 1, timeout=10000)
    with session_factory(central.app.state.engine)() as s:
        tenders = s.scalars(select(SaleTender).where(SaleTender.sale_id == sale.sale_id)).all()
        pricing = s.get(SalePricing, sale.sale_id)
    assert sorted((t.kind, t.amount) for t in tenders) == [("card", 1561), ("cash", 2000)]
    assert pricing.recomputed_total == 3561
    assert pricing.tender_refs == [{"kind": "card", "reference": "AUTH7788", "last4": "4321",
                                    "provider": None}]


def test_a_scanned_wallet_code_pays_through_central_and_a_declined_one_says_why(
        qtbot, promo_app: TillApp, till: Till, central: EmbeddedCentral) -> None:
    window = promo_app.window
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.login.staff_field)
    type_into_focus(qtbot, "1001")
    type_into_focus(qtbot, "1234")
    type_into_focus(qtbot, GREEN_TEA)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: window.payment_dialog is not None)
    dialog = window.payment_dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.cash_field)
    type_into_focus(qtbot, "281234567890120000")  # the scanner types the customer's code + Enter
    qtbot.waitUntil(lambda: not dialog.charging, timeout=5000)
    assert "too little money" in dialog.error_label.text() and not dialog.payment.tenders
    assert window.last_sale is None
    type_into_focus(qtbot, "134567890123456789")
    qtbot.waitUntil(lambda: window.last_sale is not None, timeout=5000)
    sale = window.last_sale
    [tender] = sale.tenders
    assert (tender.kind, tender.amount, tender.provider) == ("wallet", 1206, "wechat")
    job = till.paths.data_dir / "devices" / "printer" / f"{sale.receipt_no}.bin"
    qtbot.waitUntil(job.exists, timeout=5000)
    assert tender.reference in escpos_text(job.read_bytes())
    assert b"\x1bp" not in job.read_bytes()  # no cash: the drawer stays shut
