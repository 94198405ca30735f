"""The reserved-stock guard (available = on hand - reserved; warn or block by store policy) holds for
every way a line reaches the sale: weighed scale labels, products picked by SKU (search, RFID basket)
and raised quantities, not only scanned packaged goods."""

from __future__ import annotations

import pytest
from biip.checksums import gs1_standard_check_digit
from sqlalchemy import select

from central.catalog import add_products
from central.db import session_factory
from central.models import Store
from central.pickup import set_pickup_settings
from central.seed import scale_item_rows
from central.server import EmbeddedCentral
from central.stock import seed_stock
from pos_client.domain.permissions import Action
from pos_client.services.pickup import ReservedStockBlocked
from pos_client.services.till import Till
from tests.integration.test_pickup import TEA, place, sync


def label(body: str) -> str:
    return body + str(gs1_standard_check_digit(body))


def apples(grams: int) -> str:
    """A scale label for 富士苹果 (FRESH001, PLU 00001) weighing `grams`."""
    return label(f"2200001{grams:05d}")


def policy(central: EmbeddedCentral, value: str) -> None:
    with session_factory(central.app.state.engine)() as s:
        set_pickup_settings(s, "S001", reserved_policy=value)
        s.commit()


def test_weighed_lines_are_guarded_in_grams(till: Till, central: EmbeddedCentral) -> None:
    with session_factory(central.app.state.engine)() as s:  # the store starts selling loose apples
        add_products(s, scale_item_rows())
        seed_stock(s, s.scalar(select(Store.id).where(Store.code == "S001")), [("FRESH001", 5000)])
        s.commit()
    assert place(central, "WEB-W1", [("FRESH001", 4800, 1290)]).status_code == 200  # 4.8 kg held online
    policy(central, "block")
    sync(till)
    checkout = till.checkout()
    with pytest.raises(ReservedStockBlocked) as refused:
        checkout.scan(apples(525))  # 525 g of the 200 g free
    assert (refused.value.verdict.available, refused.value.verdict.wanted) == (200, 525)
    assert checkout.cart.is_empty
    checkout.scan(apples(150))
    assert checkout.stock_warning is None
    with pytest.raises(ReservedStockBlocked):
        checkout.scan(apples(100))  # 250 g in all
    assert [ln.weight_g for ln in checkout.cart.lines] == [150]

    policy(central, "warn")
    sync(till)
    warned = till.checkout()
    warned.scan(apples(525))
    assert warned.stock_warning is not None and warned.stock_warning.wanted == 525


def test_picked_lines_and_raised_quantities_are_guarded(till: Till, central: EmbeddedCentral) -> None:
    assert place(central, "WEB-W2", [(TEA, 18, 1340)]).status_code == 200  # 2 of 20 free
    policy(central, "block")
    sync(till)
    checkout = till.checkout()
    row = checkout.add_sku(TEA)  # as the search dialog and the RFID basket add a line
    with pytest.raises(ReservedStockBlocked):
        checkout.change_line(row, Action.RAISE_QTY, 3, actor_role="cashier", actor_code="1001")
    assert checkout.cart.lines[row].qty == 1
    checkout.change_line(row, Action.RAISE_QTY, 2, actor_role="cashier", actor_code="1001")
    with pytest.raises(ReservedStockBlocked):
        checkout.add_sku(TEA)
    assert checkout.cart.lines[row].qty == 2
