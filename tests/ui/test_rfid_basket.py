"""RFID basket checkout at the real window: a bag on the reader, each tag one unit once; sold tags warn."""

from __future__ import annotations

from types import SimpleNamespace

from epcpy.epc_schemes.sgtin import SGTIN, SGTINFilterValue
from sqlalchemy import text

from drivers.interfaces import TagRead
from pos_client.domain.cart import Cart, Product
from pos_client.domain.sale import sold_lines
from pos_client.services.rfid_basket import RfidBasket, TagOutcome
from pos_client.services.rfid_count import catalog_lookup
from pos_client.services.till import Till
from tests.support.till_window import till_with_reader


def epc(ean13: str, serial: int) -> str:
    tag = SGTIN.from_gtin_plus_serial("0" + ean13, str(serial), 7)
    return tag.hex(binary_coding_scheme=SGTIN.BinaryCodingScheme.SGTIN_96,
                   filter_value=SGTINFilterValue.POS_ITEM).upper()


def two_products(till: Till) -> list[tuple[str, str]]:
    with till.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(
            "SELECT b.code, b.sku FROM barcode b JOIN price pr ON pr.sku=b.sku WHERE length(b.code)=13 "
            "AND b.code NOT LIKE '2%' ORDER BY b.rowid LIMIT 2"))]


def test_basket_rules_and_sold_tags(till: Till):
    (ean_a, sku_a), (ean_b, sku_b) = two_products(till)
    till.sold_tags.record([(epc(ean_b, 99), sku_b)], "sale-0", "S001-01-20261201-0001")
    basket = RfidBasket(catalog_lookup(till.catalog), till.sold_tags.receipt_of)
    outcomes = [basket.add(TagRead(e)).outcome for e in
                (epc(ean_a, 1), epc(ean_a, 2), epc(ean_a, 1), epc(ean_b, 99), "E2801160600002084D9D0C3B")]
    assert outcomes == [TagOutcome.ADDED, TagOutcome.ADDED, TagOutcome.REPEAT, TagOutcome.ALREADY_SOLD,
                        TagOutcome.NOT_GS1]
    assert basket.add(TagRead(epc("0614141123452", 1))).outcome is TagOutcome.UNKNOWN_GTIN

    cart = Cart()  # one unit of A was voided before paying: only one of its two tags is sold
    cart.add(Product(sku_a, "A", "A", "件", 100), 1)
    sold = basket.sold_tags(SimpleNamespace(lines=sold_lines(cart)))
    assert sold == [(epc(ean_a, 1), sku_a)]
    assert till.sold_tags.record(sold, "sale-1", "S001-01-20261203-0007") == 1
    assert till.sold_tags.receipt_of(epc(ean_a, 1)) == "S001-01-20261203-0007"
    assert till.sold_tags.receipt_of(epc(ean_a, 2)) is None


def test_a_bag_on_the_reader_fills_the_cart(qapp, qtbot, till: Till):
    (ean_a, sku_a), (ean_b, sku_b) = two_products(till)
    till.sold_tags.record([(epc(ean_b, 7), sku_b)], "sale-0", "S001-01-20261201-0001")
    with till_with_reader(qapp, qtbot, till) as running:
        window, sim = running.window, running.reader
        sim.tags = [epc(ean_a, 1), epc(ean_a, 2), epc(ean_a, 3), epc(ean_b, 7)]  # the bag goes on the reader
        cart = window.checkout.checkout.cart
        qtbot.waitUntil(lambda: sum(line.qty for line in cart.lines) == 3, timeout=5000)
        qtbot.wait(300)  # the reader keeps reading the same bag: nothing more is added
        assert [(line.product.sku, line.qty) for line in cart.lines] == [(sku_a, 3)]
        assert "S001-01-20261201-0001" in window.checkout.message_label.text()


def test_sold_tags_are_written_in_the_sale_s_own_transaction(till: Till):
    """A sale that fails to commit leaves no tag marked sold, and a committed one has them all."""
    import pytest

    from pos_client.domain.sale import Cashier
    from pos_client.store.sold_tags import record_sold_tags

    (ean_a, sku_a), _ = two_products(till)
    checkout = till.checkout()
    checkout.scan(ean_a)
    tags = [(epc(ean_a, 41), sku_a)]

    def tags_then_power_cut(conn, sale):
        record_sold_tags(conn, tags, sale.sale_id, sale.receipt_no)
        raise OSError("disk I/O error")  # as if the machine died before the commit

    payment = checkout.payment()
    payment.add_cash(payment.cash_due)
    with pytest.raises(OSError):
        checkout.complete_sale(payment, Cashier("s", "1001", "李娜"), also=tags_then_power_cut)
    assert till.sold_tags.receipt_of(tags[0][0]) is None
    with till.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM sale")).scalar() == 0

    sale = checkout.complete_sale(payment, Cashier("s", "1001", "李娜"),
                                  also=lambda conn, s: record_sold_tags(conn, tags, s.sale_id, s.receipt_no))
    assert till.sold_tags.receipt_of(tags[0][0]) == sale.receipt_no
