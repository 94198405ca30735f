"""State down: snapshots for a first load, change pages after, 410 and re-bootstrap, tombstones."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import text

from central.catalog import CatalogRow, add_products
from central.changelog import log_change
from central.db import session_factory
from central.maintenance import compact_change_log
from central.models import CHAIN_SCOPE, Barcode, Price, Product
from central.server import EmbeddedCentral
from pos_client.domain.sale import Cashier
from pos_client.services.till import Till
from pos_client.store.changes import CURSOR_KEY
from tests.conftest import TEST_PRODUCTS
from tests.helpers import central_sales


def count(till: Till, table: str) -> int:
    with till.engine.connect() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()


def sync(till: Till):
    with till.client() as client:
        report = till.sync_engine(client).run_once()
    assert report.ok, report.error
    return report


def test_first_load_comes_from_snapshots_and_later_changes_from_pages(till: Till,
                                                                     central: EmbeddedCentral) -> None:
    assert count(till, "product") == TEST_PRODUCTS
    assert count(till, "barcode") == TEST_PRODUCTS
    assert count(till, "price") == TEST_PRODUCTS
    assert count(till, "stock_level") == TEST_PRODUCTS
    assert till.settings.get(CURSOR_KEY)
    with session_factory(central.app.state.engine)() as s:
        add_products(s, [CatalogRow("NEW1", "新品 茉莉花茶", "New jasmine tea", "饮料", "新品", "瓶", 650,
                                    ["6900000000014"])])
        s.commit()
    report = sync(till)
    assert report.loaded == 0 and report.pulled == 3  # product, barcode, price: pages, not a reload
    item = till.catalog.by_barcode(("6900000000014",))
    assert item is not None and (item.name, item.price) == ("新品 茉莉花茶", 650)


def test_tombstones_remove_what_central_deleted(till: Till, central: EmbeddedCentral) -> None:
    with till.engine.connect() as conn:
        code, sku = conn.execute(text("SELECT code, sku FROM barcode LIMIT 1")).one()
    with session_factory(central.app.state.engine)() as s:
        s.delete(s.get(Barcode, code))
        log_change(s, entity="barcode", entity_id=code, data=None, scope=CHAIN_SCOPE, op="delete")
        s.commit()
    sync(till)
    assert till.catalog.by_barcode((code,)) is None
    assert till.catalog.by_sku(sku) is not None


def test_cursor_older_than_retention_reloads_snapshots_keeping_unsent_events(
        till: Till, central: EmbeddedCentral) -> None:
    with till.engine.connect() as conn:
        code = conn.execute(text("SELECT code FROM barcode LIMIT 1")).scalar_one()
    checkout = till.checkout()
    checkout.scan(code)
    sale = checkout.complete_cash_sale(checkout.cart.total, Cashier("s", "1001", "李娜"))

    with session_factory(central.app.state.engine)() as s:
        # Meanwhile at central: a product is deleted (its tombstone is then compacted away)
        # and the log is compacted so the till's cursor is too old.
        victim = s.scalars(Product.__table__.select().limit(1)).first()
        gone_sku = victim
        s.query(Barcode).filter(Barcode.sku == gone_sku).delete()
        s.query(Price).filter(Price.sku == gone_sku).delete()
        s.query(Product).filter(Product.sku == gone_sku).delete()
        log_change(s, entity="product", entity_id=gone_sku, data=None, op="delete")
        s.commit()
        compact_change_log(s, timedelta(seconds=-1))  # keep nothing
    assert till.catalog.by_sku(gone_sku) is not None

    report = sync(till)
    assert report.pushed == 1 and report.loaded > 0  # the sale went up; state was reloaded
    assert [s.sale_id for s in central_sales(central)] == [sale.sale_id]
    assert till.catalog.by_sku(gone_sku) is None  # the snapshot sweep removed it
    assert count(till, "product") == TEST_PRODUCTS - 1
    report = sync(till)
    assert report.loaded == 0  # and from the new cursor on, pages again


def test_cursor_from_another_life_is_refused_cleanly(till: Till) -> None:
    from sync.errors import ServerFault

    with till.client() as client:
        try:
            client.changes("not-a-cursor")
        except ServerFault as exc:
            assert "bad_cursor" in exc.message
        else:
            raise AssertionError("a forged cursor was accepted")
