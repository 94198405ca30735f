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


def _reprice_everything(central: EmbeddedCentral, skus: list[str], amount: int) -> None:
    """A price change across many SKUs at central, logged as one change per price."""
    with session_factory(central.app.state.engine)() as s:
        for sku in skus:
            s.get(Price, (sku, "*")).amount = amount
            log_change(s, entity="price", entity_id=f"{sku}@*",
                       data={"sku": sku, "amount": amount, "scope": "chain"})
        s.commit()


def _till_prices(till: Till, skus: list[str]) -> set[int]:
    return {till.catalog.by_sku(sku).price for sku in skus}


def test_prices_switch_over_only_when_the_pull_is_whole(till: Till, central: EmbeddedCentral) -> None:
    from pos_client.services.sync_service import TillState
    from sync.engine import SyncEngine

    with till.engine.connect() as conn:
        skus = [r[0] for r in conn.execute(text("SELECT sku FROM product ORDER BY sku LIMIT 30"))]
    before = _till_prices(till, skus)
    _reprice_everything(central, skus, 4321)
    seen_mid_pull: list[set[int]] = []

    def after_each_page(entity: str, done: int, total: int) -> None:
        seen_mid_pull.append(_till_prices(till, skus))

    with till.client() as client:
        engine = SyncEngine(client, till.config.device.device_id, till.outbox,
                            TillState(till.settings, till.applier), page_size=7, progress=after_each_page)
        report = engine.run_once()
    assert report.ok, report.error
    assert len(seen_mid_pull) >= 5  # it really took several pages
    assert all(prices == before for prices in seen_mid_pull[:-1])  # never a half-updated set
    assert seen_mid_pull[-1] == {4321}
    assert till.applier.staged() == 0


def test_a_pull_cut_short_keeps_the_old_prices_until_a_later_pull_finishes(
        till: Till, central: EmbeddedCentral) -> None:
    from pos_client.services.sync_service import TillState
    from sync.engine import SyncEngine
    from sync.errors import NotCentral

    with till.engine.connect() as conn:
        skus = [r[0] for r in conn.execute(text("SELECT sku FROM product ORDER BY sku LIMIT 20"))]
    before = _till_prices(till, skus)
    _reprice_everything(central, skus, 999)

    class CutAfterTwoPages:
        def __init__(self, inner) -> None:
            self._inner, self._pages = inner, 0

        def __getattr__(self, name):
            return getattr(self._inner, name)

        def changes(self, since, limit=1000):
            self._pages += 1
            if self._pages > 2:
                raise NotCentral("the network went away mid-pull")
            return self._inner.changes(since, limit)

    with till.client() as client:
        engine = SyncEngine(CutAfterTwoPages(client), till.config.device.device_id, till.outbox,
                            TillState(till.settings, till.applier), page_size=5)
        report = engine.run_once()
    assert not report.ok
    assert till.applier.staged() == 10  # two pages wait, durably, with the cursor
    assert _till_prices(till, skus) == before
    # A restart in between changes nothing: the staged changes are in the database.
    till.close()
    again = Till(till.paths)
    try:
        assert again.applier.staged() == 10
        assert _till_prices(again, skus) == before
        sync(again)
        assert _till_prices(again, skus) == {999}
        assert again.applier.staged() == 0
    finally:
        again.close()
