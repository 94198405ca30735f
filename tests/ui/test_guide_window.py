"""The guide and stock screens in the real window, driven with keys and clicks: network stock
live and offline, an order placed online and one queued offline that turns placed after sync,
a guide's badge at checkout, an RFID + scan count, damage refused without approval."""

from __future__ import annotations

from epcpy.epc_schemes.sgtin import SGTIN, SGTINFilterValue
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from central.server import EmbeddedCentral
from drivers.interfaces import TagRead
from pos_client.services.till import Till
from pos_client.ui.app import TillApp
from sync.client import CentralClient
from tests.helpers import central_sales
from tests.ui.test_keyboard_sale import till_app, type_into_focus  # noqa: F401  (fixture)

TEE = "SKU0000012"
GREEN_TEA = "6972718281825"


def login(qtbot, window, code: str, pin: str) -> None:
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.login.staff_field)
    type_into_focus(qtbot, code)
    type_into_focus(qtbot, pin)
    assert window.pages.currentWidget() is window.checkout


def sync_now(qtbot, till: Till) -> None:
    """One whole sync; the window's own scheduler may be syncing this moment (SyncBusy): wait for it."""
    def done() -> bool:
        with till.client() as client:
            return till.sync_engine(client).run_once().ok

    qtbot.waitUntil(done, timeout=5000)


def ctrl(qtbot, key) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, Qt.KeyboardModifier.ControlModifier)


def test_a_guide_sees_stock_nearest_first_and_orders_online_and_offline(
        qtbot, till_app: TillApp, till: Till, central: EmbeddedCentral) -> None:  # noqa: F811
    window = till_app.window
    login(qtbot, window, "4001", "5678")
    ctrl(qtbot, Qt.Key.Key_G)
    qtbot.waitUntil(lambda: window.guide_controls.guide_window is not None)
    guide = window.guide_controls.guide_window
    guide.resize(1024, 700)  # a tablet
    qtbot.waitUntil(lambda: QApplication.focusWidget() is guide.search_field)
    type_into_focus(qtbot, TEE)
    qtbot.waitUntil(lambda: guide.network.rowCount() == 4, timeout=5000)
    assert "Live from central" in guide.freshness.text()
    assert [guide.network.item(r, 0).text()[:4] for r in range(4)] == ["S001", "W001", "S002", "S003"]
    qtbot.mouseClick(next(b for b in guide.findChildren(type(guide.place_button))
                          if b.text().startswith("Add to the customer")), Qt.MouseButton.LeftButton)
    assert guide.lines_table.rowCount() == 1
    guide.tabs.setCurrentIndex(1)
    guide.fulfilment.setCurrentIndex(guide.fulfilment.findData("delivery"))
    qtbot.mouseClick(guide.place_button, Qt.MouseButton.LeftButton)  # no address yet
    qtbot.waitUntil(lambda: "delivery address" in guide.message.text())
    guide.name_field.setText("王先生")
    guide.phone_field.setText("13812345678")
    guide.address_field.setText("上海市静安区南京西路 1 号")
    qtbot.keyClick(guide.address_field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "placed" in guide.message.text(), timeout=5000)
    assert guide.orders_table.rowCount() == 1 and guide.order_state(0).startswith("Placed")
    order_no = guide.orders_table.item(0, 0).text()
    slip = till.paths.data_dir / "devices" / "printer" / f"order-{order_no}.bin"
    qtbot.waitUntil(slip.exists, timeout=5000)

    # Central goes away: the last network stock is shown, marked, and an order is queued.
    guide.service._client = lambda: CentralClient("http://127.0.0.1:9")
    guide.tabs.setCurrentIndex(0)
    guide.show_product(TEE)
    qtbot.waitUntil(lambda: "OFFLINE" in guide.freshness.text(), timeout=5000)
    assert "last synced network stock" in guide.freshness.text() and guide.network.rowCount() == 4
    guide.add_to_order()
    guide.fulfilment.setCurrentIndex(guide.fulfilment.findData("pickup_here"))
    guide.place_order()
    qtbot.waitUntil(lambda: "queued" in guide.message.text(), timeout=5000)
    assert guide.order_state(0).startswith("Queued")
    sync_now(qtbot, till)  # back online: the outbox places it
    window.guide_controls.on_sync()
    assert guide.order_state(0).startswith("Placed") and guide.order_state(1).startswith("Placed")


def test_a_guide_badge_scanned_at_checkout_attributes_the_sale(
        qtbot, till_app: TillApp, till: Till, central: EmbeddedCentral) -> None:  # noqa: F811
    window = till_app.window
    login(qtbot, window, "1001", "1234")
    type_into_focus(qtbot, "GD1001")  # a cashier's number is no guide's badge
    assert "no sales guide" in window.checkout.message_label.text()
    type_into_focus(qtbot, "GD4001")
    assert "赵磊" in window.checkout.message_label.text()
    type_into_focus(qtbot, GREEN_TEA)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: window.payment_dialog is not None)
    qtbot.keyClick(window.payment_dialog.cash_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.last_sale is not None, timeout=5000)
    assert window.last_sale.guide_code == "4001"
    sync_now(qtbot, till)
    assert len(central_sales(central)) == 1
    assert till.guide().commission("today", "4001").guides[0].commission == 13  # 1 % of 13.40
    # The guide's own figures on the guide screen: from central, then offline from this till.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    login(qtbot, window, "4001", "5678")
    ctrl(qtbot, Qt.Key.Key_G)
    qtbot.waitUntil(lambda: window.guide_controls.guide_window is not None)
    guide = window.guide_controls.guide_window
    guide.tabs.setCurrentIndex(3)
    guide.refresh_commission()
    qtbot.waitUntil(lambda: guide.commission_table.rowCount() == 1, timeout=5000)
    assert "Your attributed sales" in guide.commission_label.text()
    assert [guide.commission_table.item(0, c).text() for c in (2, 4)] == ["¥0.13", "¥0.13"]
    guide.service._client = lambda: CentralClient("http://127.0.0.1:9")
    guide.commission_table.setRowCount(0)
    guide.refresh_commission()
    qtbot.waitUntil(lambda: "OFFLINE" in guide.commission_label.text(), timeout=5000)
    assert guide.commission_table.item(0, 2).text() == "¥0.13"


def _epc(gtin14: str, serial: int) -> str:
    tag = SGTIN.from_gtin_plus_serial(gtin14, str(serial), 7)
    return tag.hex(binary_coding_scheme=SGTIN.BinaryCodingScheme.SGTIN_96,
                   filter_value=SGTINFilterValue.POS_ITEM).upper()


def test_a_count_by_rfid_and_scans_and_damage_needs_approval(
        qtbot, till_app: TillApp, till: Till, central: EmbeddedCentral) -> None:  # noqa: F811
    window = till_app.window
    login(qtbot, window, "1001", "1234")
    ctrl(qtbot, Qt.Key.Key_K)
    qtbot.waitUntil(lambda: window.guide_controls.stock_window is not None)
    stock = window.guide_controls.stock_window
    qtbot.mouseClick(next(b for b in stock.findChildren(type(stock.submit_count_button))
                          if b.text() == "Start the count"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: stock.count is not None, timeout=5000)
    with till.engine.connect() as conn:
        code, sku = conn.execute(text("SELECT code, sku FROM barcode WHERE length(code) = 13 "
                                      "AND sku != 'SKU0000001' LIMIT 1")).one()
    for n in range(1, 201):
        window.on_rfid_tag(TagRead(epc=_epc("0" + code, n)))
    window.on_rfid_tag(TagRead(epc="E2801160600002084D9D0C3B"))  # not a product tag
    stock.count_scan.setText(GREEN_TEA)
    qtbot.keyClick(stock.count_scan, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "201 tags" in stock.count_status.text(), timeout=5000)
    assert stock.unknown.count() == 1 and "Not a product tag" in stock.unknown.item(0).text()
    rows = {row[0]: row[2] for row in stock.count_table.model().rows}
    assert rows[sku] == 200 and rows["SKU0000001"] == 1
    qtbot.mouseClick(stock.submit_count_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Count saved" in stock.message.text(), timeout=5000)
    assert till.outbox.stats().pending >= 1

    stock.tabs.setCurrentIndex(3)
    stock.damage_code.setText(GREEN_TEA)
    stock.write_down()
    qtbot.waitUntil(lambda: "needs a supervisor" in stock.message.text(), timeout=5000)
    stock.approver_code.setText("2001")
    stock.approver_pin.setText("3456")
    stock.write_down()
    qtbot.waitUntil(lambda: "booked out of stock" in stock.message.text(), timeout=5000)


def test_a_transfer_asked_for_on_screen_is_received_on_screen(
        qtbot, till_app: TillApp, till: Till, central: EmbeddedCentral, tmp_path) -> None:  # noqa: F811
    from pos_client.config import Paths
    from pos_client.services.till import enroll
    from tests.conftest import make_code
    from tests.helpers import central_level

    window = till_app.window
    login(qtbot, window, "3001", "4567")
    ctrl(qtbot, Qt.Key.Key_K)
    qtbot.waitUntil(lambda: window.guide_controls.stock_window is not None)
    stock = window.guide_controls.stock_window
    stock.tabs.setCurrentIndex(2)
    assert stock.safety_table.rowCount() > 0
    sku, qty = stock._low[0].sku, stock._low[0].suggested
    stock.safety_table.selectRow(0)
    stock.request_transfer()  # no store typed: the nearest with spare stock is found
    qtbot.waitUntil(lambda: stock.source_store.text() == "W001", timeout=5000)
    stock.source_store.setText("S002")
    stock.request_transfer()
    qtbot.waitUntil(lambda: "asked of S002" in stock.message.text(), timeout=5000)
    # S002 sends it (its own till), S001 sees it coming.
    paths = Paths.resolve(tmp_path / "s002")
    enroll(paths, central.url, make_code(central, "S002"), "s002")
    other = Till(paths)
    sync_now(qtbot, other)
    other.stock_work().ship(other.stock_work().outgoing()[0], "3001")
    sync_now(qtbot, other)
    other.close()
    sync_now(qtbot, till)
    window.guide_controls.on_sync()
    stock.tabs.setCurrentIndex(1)
    assert stock.incoming.count() == 1 and "on its way" in stock.incoming.item(0).text()
    stock.incoming.setCurrentRow(0)
    stock.start_receiving()
    with till.engine.connect() as conn:
        barcode = conn.execute(text("SELECT code FROM barcode WHERE sku = :s"), {"s": sku}).scalar()
    before = central_level(central, "S001", sku)
    for _ in range(qty + 1):  # one more than was sent
        stock.receive_scan.setText(barcode)
        qtbot.keyClick(stock.receive_scan, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stock.receive_table.model().rows == [(sku, qty, qty + 1, 0, 1)], timeout=5000)
    stock.submit_receiving()
    qtbot.waitUntil(lambda: "1 extra" in stock.message.text(), timeout=5000)
    sync_now(qtbot, till)
    assert central_level(central, "S001", sku) == before + qty + 1
