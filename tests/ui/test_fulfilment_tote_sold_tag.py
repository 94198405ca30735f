"""Ship-from-store: a tag sold at this till (checkout's RFID basket recorded it) that turns up in a tote
is refused at once, naming the item and the receipt it was sold on, and counts for nothing; the
real serial driver reads the tote on a pseudo-terminal reader."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from central.server import EmbeddedCentral
from drivers.interfaces import TagRead
from pos_client.services.rfid_basket import RfidBasket, TagOutcome
from pos_client.services.rfid_count import catalog_lookup
from pos_client.services.till import Till
from pos_client.services.tote_pick import ToteOutcome, pick_tag
from tests.integration.test_pickup import STAFF, TEA, sync
from tests.integration.test_ship_from_store import TEA_CODE, deliver
from tests.support.till_window import till_with_reader
from tests.ui.test_rfid_basket import epc


def _sell_by_rfid(till: Till, tag: str) -> str:
    """One tea sold at this till through the checkout's RFID basket, as the window does it."""
    basket = RfidBasket(catalog_lookup(till.catalog), till.sold_tags.receipt_of)
    assert basket.add(TagRead(tag)).outcome is TagOutcome.ADDED
    checkout = till.checkout()
    checkout.scan(TEA_CODE)
    payment = checkout.payment()
    payment.add_cash(payment.cash_due)
    return checkout.complete_sale(payment, STAFF, also=basket.record_sold).receipt_no


def _picked_tags(till: Till) -> int:
    with till.engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM fulfilment_pick_tag")).scalar()


def test_a_tag_sold_at_this_till_is_refused_from_the_tote_with_its_receipt(
        qapp, qtbot, till: Till, central: EmbeddedCentral) -> None:
    sold = epc(TEA_CODE, 5)
    receipt = _sell_by_rfid(till, sold)
    assert till.sold_tags.receipt_of(sold) == receipt
    deliver(central, "UI-S1", [(TEA, 2, 1340)])
    sync(till)
    queue = till.fulfilment()
    [order] = queue.queue()
    refused = pick_tag(queue, order.fulfilment_id, sold.lower(), STAFF)  # the service refuses it, too
    assert refused.outcome is ToteOutcome.SOLD and refused.refused and refused.receipt_no == receipt
    assert _picked_tags(till) == 0

    with till_with_reader(qapp, qtbot, till) as running:
        window, sim = running.window, running.reader
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: window.fulfilment_dialog is not None)
        dialog = window.fulfilment_dialog
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.scan_field)

        qtbot.keyClick(dialog.scan_field, Qt.Key.Key_F6)  # Read tote (RFID)
        assert dialog.tote is not None
        sim.tags = [sold]  # the customer's tea, sold on `receipt`, went into the tote
        qtbot.waitUntil(lambda: "Already sold" in dialog.message.text(), timeout=5000)
        tea = till.catalog.by_barcode((TEA_CODE,)).name
        assert tea in dialog.message.text() and receipt in dialog.message.text()
        assert sold[-8:] in dialog.message.text() and "nothing was counted" in dialog.message.text()
        assert dialog.lines.item(0, 2).text() == "0" and "× 2" in dialog.missing.text()
        assert window.checkout.checkout.cart.is_empty  # nor did it go to the checkout's basket

        sim.tags = [sold, epc(TEA_CODE, 1), epc(TEA_CODE, 2)]  # two from the shelf instead
        qtbot.waitUntil(lambda: "Every item is picked" in dialog.message.text(), timeout=5000)
        assert dialog.lines.item(0, 2).text() == "2" and _picked_tags(till) == 2
        qtbot.keyClick(dialog.scan_field, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: window.fulfilment_dialog is None)

        # The other way round: a tea picked into the tote cannot be sold at checkout before it ships.
        sim.tags = []
        window.on_rfid_tag(TagRead(epc(TEA_CODE, 1)))
        assert window.checkout.checkout.cart.is_empty
        assert order.delivery_order_id in window.checkout.message_label.text()
        assert "tote" in window.checkout.message_label.text()
        window.on_rfid_tag(TagRead(epc(TEA_CODE, 9)))  # one still on the shelf sells as usual
        assert [ln.qty for ln in window.checkout.checkout.cart.lines] == [1]
