"""An RFID basket cannot sell units held for online pickup orders when the store blocks it: the reader
fills the cart up to what is free, and the cashier is told why the rest was not added."""

from __future__ import annotations

from central.db import session_factory
from central.pickup import set_pickup_settings
from central.server import EmbeddedCentral
from pos_client.services.till import Till
from tests.integration.test_pickup import TEA, place, sync
from tests.support.till_window import till_with_reader
from tests.ui.test_rfid_basket import epc

TEA_EAN = "6972718281825"


def test_a_bag_read_by_rfid_stops_at_the_units_free_to_sell(qapp, qtbot, till: Till,
                                                            central: EmbeddedCentral) -> None:
    assert place(central, "WEB-RB1", [(TEA, 18, 1340)]).status_code == 200  # 2 of 20 free
    with session_factory(central.app.state.engine)() as s:
        set_pickup_settings(s, "S001", reserved_policy="block")
        s.commit()
    sync(till)
    with till_with_reader(qapp, qtbot, till) as running:
        window, sim = running.window, running.reader
        sim.tags = [epc(TEA_EAN, n) for n in (1, 2, 3)]  # three teas in the bag
        cart = window.checkout.checkout.cart
        qtbot.waitUntil(lambda: "18 are held for online pickup" in window.checkout.message_label.text(),
                        timeout=5000)
        assert [(line.product.sku, line.qty) for line in cart.lines] == [(TEA, 2)]
        assert "Only 2 of this item are free" in window.checkout.message_label.text()
