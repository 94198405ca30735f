"""Scale labels and GS1 element strings, from the scan to central's stock ledger."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from biip.checksums import gs1_standard_check_digit
from sqlalchemy import func, select

from central.db import session_factory
from central.models import SaleLine, StockMovement
from central.seed import seed_demo
from central.server import EmbeddedCentral
from pos_client.domain.barcodes import MalformedCode
from pos_client.domain.sale import Cashier
from pos_client.services.checkout import ExpiredItem, NeedsWeight, UnknownCode
from pos_client.services.receipts import receipt_document
from pos_client.services.till import Till
from tests.conftest import TEST_PRODUCTS
from tests.helpers import central_sales
from tests.helpers import run_main as run


def label(body: str) -> str:
    return body + str(gs1_standard_check_digit(body))


CASHIER = Cashier("staff-x", "1001", "李娜")


@pytest.fixture
def central(central_db_url: str) -> Iterator[EmbeddedCentral]:
    """The demo chain with its weighed and deli items (the shared fixture leaves them out)."""
    server = EmbeddedCentral(central_db_url).start()
    with session_factory(server.app.state.engine)() as session:
        seed_demo(session, products=TEST_PRODUCTS, scale_items=True, promotions=False)
    yield server
    server.stop()


def sync(till: Till):
    with till.client() as client:
        report = till.sync_engine(client).run_once()
    assert report.ok, report.error
    return report


def central_movements(central: EmbeddedCentral, sku: str) -> int:
    with session_factory(central.app.state.engine)() as s:
        return s.scalar(select(func.coalesce(func.sum(StockMovement.delta), 0))
                        .where(StockMovement.sku == sku, StockMovement.reason == "sale")) or 0


def test_weighed_and_labelled_items_sell_print_and_reach_central(till: Till,
                                                                 central: EmbeddedCentral) -> None:
    checkout = till.checkout()
    apples = checkout.scan(label("220000100525"))   # 富士苹果 0.525 kg at 12.90/kg
    beef = checkout.scan(label("210000402350"))     # 熟食 卤牛肉, label price 23.50
    again = checkout.scan(label("220000100410"))    # more apples: a line of its own
    lines = checkout.cart.lines
    assert [apples, beef, again] == [0, 1, 2]
    assert [(ln.product.sku, ln.weight_g, ln.label_price, ln.gross) for ln in lines] == [
        ("FRESH001", 525, None, 677), ("DELI001", None, 2350, 2350), ("FRESH001", 410, None, 529)]
    sale = checkout.complete_cash_sale(5000, CASHIER)
    assert sale.total == 677 + 2350 + 529

    text = "\n".join(str(b) for b in receipt_document(sale, "测试店").blocks)
    assert "0.525 kg x 12.90/kg" in text and "1 x 23.50" in text

    assert sync(till).pushed == 1
    [at_central] = central_sales(central)
    assert at_central.total == sale.total
    with session_factory(central.app.state.engine)() as s:
        weights = s.scalars(select(SaleLine.weight_g).where(SaleLine.sale_id == sale.sale_id)
                            .order_by(SaleLine.line_no)).all()
    assert weights == [525, None, 410]
    assert central_movements(central, "FRESH001") == -935  # weighed goods are stocked in grams
    assert central_movements(central, "DELI001") == -1


def test_the_listed_code_itself_or_a_zero_weight_is_no_sale(till: Till) -> None:
    checkout = till.checkout()
    for code in (label("220000100000"), label("210000400000")):
        with pytest.raises(MalformedCode) as info:
            checkout.scan(code)
        assert info.value.reason == "measure"
    assert checkout.cart.is_empty


def test_gs1_pack_with_weight_and_dates(till: Till) -> None:
    checkout = till.checkout()
    item = checkout.lookup(sellable_gtin(till))
    gtin14 = "0" + item.barcode
    good = (date.today() + timedelta(days=3)).strftime("%y%m%d")
    row = checkout.scan(f"]C101{gtin14}3103000750\x1d17{good}\x1d10LOT7")
    line = checkout.cart.lines[row]
    # A pack counted in units: its weight is information, the price is per pack.
    assert (line.product.sku, line.weight_g, line.qty) == (item.sku, None, 1)
    apples = checkout.scan(f"(01)02200001000001(3103)000750(17){good}")  # sold by the kilogram
    assert (checkout.cart.lines[apples].weight_g, checkout.cart.lines[apples].gross) == (750, 968)
    past = (date.today() - timedelta(days=1)).strftime("%y%m%d")
    with pytest.raises(ExpiredItem) as info:
        checkout.scan(f"(01){gtin14}(17){past}")
    assert info.value.item.sku == item.sku
    assert len(checkout.cart.lines) == 2  # the expired pack added nothing


def sellable_gtin(till: Till) -> str:
    from sqlalchemy import text

    with till.engine.connect() as conn:
        return conn.execute(text("SELECT b.code FROM barcode b JOIN price p ON p.sku = b.sku "
                                 "WHERE length(b.code) = 13 AND b.code LIKE '69%' AND p.amount > 0 "
                                 "ORDER BY b.code LIMIT 1")).scalar_one()


def test_a_store_with_its_own_scale_layout_gets_it_by_sync(till: Till, central: EmbeddedCentral) -> None:
    result = run("central.cli", "scale-labels", "--db", central.db_url, "--store", "S001",
                 "--layout", "27:weight:5", "--layout", "28:price:4")
    assert result.returncode == 0, result.stderr
    sync(till)
    checkout = till.checkout()
    # The catalog lists apples as 2200001000001; a 27-label for item 00001 is another code.
    with pytest.raises(UnknownCode):
        checkout.scan(label("270000100525"))
    with pytest.raises(NeedsWeight):  # 22 is a plain GTIN here now: the apples, but no weight
        checkout.scan(label("220000100000"))
    bad = run("central.cli", "scale-labels", "--db", central.db_url, "--store", "S001",
              "--layout", "31:weight")
    assert bad.returncode == 2 and "scale labels start with 2" in bad.stderr
    back = run("central.cli", "scale-labels", "--db", central.db_url, "--store", "S001", "--chain-default")
    assert back.returncode == 0
    sync(till)
    assert till.checkout().scan(label("220000100525")) == 0


def test_goods_sold_by_weight_need_the_scale(till: Till) -> None:
    checkout = till.checkout()
    with pytest.raises(NeedsWeight):
        checkout.add_sku("FRESH001")  # picked by name: still needs a weight
    assert checkout.cart.is_empty
