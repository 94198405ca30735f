"""A store central sets to sell in yen: the till's windows show, suggest and read yen, not yuan."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from central.cli import main as central_main
from central.server import EmbeddedCentral
from pos_client.services.till import Till
from pos_client.ui.app import TillApp
from tests.helpers import central_sales, escpos_text
from tests.ui.test_keyboard_sale import barcodes, type_into_focus


@pytest.fixture
def yen_till(qapp, till: Till, central: EmbeddedCentral) -> Iterator[TillApp]:
    assert central_main(["store-policy", "--db", central.db_url, "--store", "S001", "--currency", "JPY"]) == 0
    with till.client() as client:
        assert till.sync_engine(client).run_once().ok
    app = TillApp(till, app=qapp)
    app.window.resize(1366, 768)
    app.window.show()
    yield app
    app.close()


def test_a_yen_store_sells_in_whole_yen(qtbot, yen_till: TillApp, till: Till, central: EmbeddedCentral,
                                       capsys) -> None:
    window = yen_till.window
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.login.staff_field)
    type_into_focus(qtbot, "1001")
    type_into_focus(qtbot, "1234")
    (code, _name, price), _ = barcodes(till)
    type_into_focus(qtbot, code)
    assert window.checkout.total_label.text() == f"¥{price:,}"  # 1250 in yen is ¥1,250: no decimals

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: window.payment_dialog is not None and window.payment_dialog.isVisible())
    dialog = window.payment_dialog
    assert dialog.due_label.text() == f"¥{price:,}"
    notes = [b.text() for b in dialog.quick_buttons[1:]]
    assert notes and all(n.startswith("¥") and "." not in n for n in notes)
    assert f"¥{-(-price // 1000) * 1000:,}" in notes  # the next 1,000-yen note, not the next ¥10
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.cash_field)
    type_into_focus(qtbot, "12.50")  # yen has no minor unit
    assert dialog.isVisible() and dialog.error_label.text()
    dialog.cash_field.clear()
    tendered = -(-price // 1000) * 1000 + 1000
    type_into_focus(qtbot, str(tendered))
    qtbot.waitUntil(lambda: window.last_sale is not None, timeout=5000)
    sale = window.last_sale
    assert (sale.currency, sale.total, sale.change) == ("JPY", price, tendered - price)
    assert f"¥{tendered - price:,}" in window.checkout.result_label.text()

    job = till.paths.data_dir / "devices" / "printer" / f"{sale.receipt_no}.bin"
    qtbot.waitUntil(job.exists, timeout=5000)
    assert f"￥{price}" in escpos_text(job.read_bytes())
    qtbot.waitUntil(lambda: len(central_sales(central)) == 1, timeout=10000)
    assert central_sales(central)[0].currency == "JPY"

    capsys.readouterr()
    assert central_main(["store-policy", "--db", central.db_url, "--store", "S001", "--currency", "HKD"]) == 2
    assert "has sales in JPY" in capsys.readouterr().err  # history in yen is never re-read as HK cents
