"""Ship-from-store: the tote is read with the till's RFID reader (a real serial driver on a
pseudo-terminal reader), each tag counting once, a wrong item refused at once by name, and what is
still missing shown, until the order is picked and can be packed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from central.server import EmbeddedCentral
from pos_client.services.till import Till
from tests.integration.test_pickup import CHIPS, TEA, sync
from tests.integration.test_ship_from_store import CHIPS_CODE, TEA_CODE, deliver
from tests.support.till_window import till_with_reader
from tests.ui.test_rfid_basket import epc

YOGHURT_CODE = "6925078961609"


def test_a_tote_read_by_rfid_picks_the_order_and_refuses_wrong_items(
        qapp, qtbot, till: Till, central: EmbeddedCentral) -> None:
    deliver(central, "UI-T1", [(TEA, 2, 1340), (CHIPS, 1, 1570)])
    sync(till)
    with till_with_reader(qapp, qtbot, till) as running:
        window, sim = running.window, running.reader
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: window.fulfilment_dialog is not None)
        dialog = window.fulfilment_dialog
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.scan_field)

        # The tote already lies on the reader before anyone asks for it to be read: nothing counts yet.
        sim.tags = [epc(TEA_CODE, 1), epc(YOGHURT_CODE, 1)]
        rounds = window.rfid_reader.rounds
        qtbot.waitUntil(lambda: window.rfid_reader.rounds >= rounds + 3, timeout=5000)
        assert dialog.lines.item(0, 2).text() == "0" and window.checkout.checkout.cart.is_empty

        qtbot.keyClick(dialog.scan_field, Qt.Key.Key_F6)  # Read tote (RFID)
        assert dialog.tote is not None
        qtbot.waitUntil(lambda: "Wrong item" in dialog.message.text(), timeout=5000)
        yoghurt = till.catalog.by_barcode((YOGHURT_CODE,)).name
        assert "not on this order" in dialog.message.text() and yoghurt in dialog.message.text()
        assert dialog.lines.item(0, 2).text() == "1"
        assert "Still missing" in dialog.missing.text() and "× 1" in dialog.missing.text()

        sim.tags = [epc(TEA_CODE, 1), epc(CHIPS_CODE, 7), epc(CHIPS_CODE, 8)]  # tea 1 again: once only
        qtbot.waitUntil(lambda: "One too many" in dialog.message.text(), timeout=5000)
        assert [dialog.lines.item(r, 2).text() for r in range(2)] == ["1", "1"]

        sim.tags = [epc(TEA_CODE, 2)]
        qtbot.waitUntil(lambda: "Every item is picked" in dialog.message.text(), timeout=5000)
        assert dialog.tote is None and "pack it" in dialog.missing.text()
        assert [dialog.lines.item(r, 2).text() for r in range(2)] == ["2", "1"]
        with till.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM fulfilment_pick_tag")).scalar() == 3

        qtbot.keyClick(dialog.scan_field, Qt.Key.Key_F2)
        assert "Packed" in dialog.message.text()
        qtbot.keyClick(dialog.tracking, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: window.fulfilment_dialog is None)


def test_a_till_without_a_reader_says_how_to_pick(qtbot, till: Till, central: EmbeddedCentral) -> None:
    from pos_client.domain.sale import Cashier
    from pos_client.ui.fulfilment_queue import FulfilmentDialog

    deliver(central, "UI-T2", [(TEA, 1, 1340)])
    sync(till)
    dialog = FulfilmentDialog(till.fulfilment(), Cashier("s", "1001", "李娜"), reader=None)
    qtbot.addWidget(dialog)
    dialog.toggle_tote()
    assert dialog.tote is None and "no RFID reader" in dialog.message.text()
