"""Exactly once under a faulty network: a real TCP proxy between the till and central drops,
duplicates, delays, resets and cuts requests and answers, and every sale still lands once."""

from __future__ import annotations

import os
import random
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from central.db import session_factory
from central.models import StockMovement, Store
from central.server import EmbeddedCentral
from pos_client.config import Paths, save_config
from pos_client.domain.sale import Cashier, Sale
from pos_client.services.checkout import CheckoutService
from pos_client.services.till import Till, enroll
from sync.engine import SyncReport
from tests.conftest import make_code
from tests.helpers import central_events, central_level, central_sales, central_stock
from tests.support.fault_proxy import FAULTS, FaultProxy

CASHIER = Cashier("staff-1", "1001", "李娜")
PUSH = "/api/v1/sync/push"
SEED = int(os.environ.get("POS_FAULT_SEED", "7"))
SALES = 40
MAX_ROUNDS = 200
MIXED = {kind: 0.08 for kind in FAULTS}  # 56% of requests meet a fault


def point_at(till: Till, url: str) -> None:
    till.config.central.url = url
    save_config(till.paths.config_file, till.config)


def sellable_codes(till: Till) -> list[str]:
    with till.engine.connect() as conn:
        codes = [r[0] for r in conn.execute(text("SELECT code FROM barcode ORDER BY code"))]
    checkout = till.checkout()
    found = []
    for code in codes:
        try:
            checkout.lookup(code)
        except (LookupError, ValueError):
            continue
        found.append(code)
    assert len(found) >= 10, "the seeded catalog should have sellable barcodes"
    return found


def sell(checkout: CheckoutService, codes: list[str], extra_cash: int = 0) -> Sale:
    for code in codes:
        checkout.scan(code)
    sale = checkout.complete_cash_sale(checkout.cart.total + extra_cash, CASHIER)
    checkout.new_sale()
    return sale


def ledger(central: EmbeddedCentral) -> dict[tuple[str, str], int]:
    """Central's non-opening stock movements summed per (store code, SKU)."""
    with session_factory(central.app.state.engine)() as s:
        rows = s.execute(select(Store.code, StockMovement.sku, func.sum(StockMovement.delta))
                         .join(Store, Store.id == StockMovement.store_id)
                         .where(StockMovement.reason != "initial")
                         .group_by(Store.code, StockMovement.sku)).all()
    return {(store, sku): int(total) for store, sku, total in rows}


def sold_per_sku(sales: list[Sale]) -> Counter[str]:
    sold: Counter[str] = Counter()
    for sale in sales:
        for line in sale.lines:
            sold[line.sku] += line.qty
    return sold


# --------------------------------------------------------------------------- a day of bad network
def test_forty_sales_reach_central_exactly_once_through_a_faulty_network(till: Till,
                                                                         central: EmbeddedCentral) -> None:
    rng = random.Random(SEED)
    codes = sellable_codes(till)
    sales: list[Sale] = []
    reports: list[SyncReport] = []
    with FaultProxy(central.url, seed=SEED, probabilities=MIXED, delay_ms=(5, 60)) as proxy:
        point_at(till, proxy.url)
        checkout = till.checkout()
        with till.client() as client:
            engine = till.sync_engine(client)
            for _ in range(SALES):
                basket = [rng.choice(codes) for _ in range(rng.randint(1, 4))]
                sales.append(sell(checkout, basket, rng.choice([0, 0, 50, 1000, 10000])))
                if rng.random() < 0.6:  # sync between some sales: batches of varied size
                    for _ in range(rng.randint(1, 3)):
                        reports.append(engine.run_once())
            while till.outbox.stats().pending and len(reports) < MAX_ROUNDS:
                reports.append(engine.run_once())
            # A last clean round, so the till also ends with central's state.
            proxy.probabilities = {}
            final = engine.run_once()
        seen = f"seed {SEED}: faults {dict(proxy.counts)}, {len(reports)} rounds"
        push_faults = Counter(h.fault for h in proxy.handled(PUSH) if h.fault)

    print(seen, dict(push_faults))
    assert final.ok, f"{seen}: {final.error!r}"
    stats = till.outbox.stats()
    assert (stats.pending, stats.rejected) == (0, 0), seen

    # Every fault kind really happened, and pushes really met lost answers.
    assert all(proxy.counts[kind] > 0 for kind in FAULTS), seen
    errors = Counter(r.error.code for r in reports if r.error is not None)
    assert errors["unreachable"] > 0 and errors["not_central"] > 0, f"{seen}: {errors}"
    assert sum(r.duplicates for r in reports) > 0, f"{seen}: no lost answer was ever resent"
    assert push_faults["drop_response"] + push_faults["reset"] + push_faults["truncate"] > 0, seen
    sizes = {r.pushed for r in reports if r.pushed}
    assert len(sizes) > 1, f"{seen}: every batch had the same size {sizes}"

    # Central holds exactly the till's sales, with the till's totals.
    at_central = {s.sale_id: (s.receipt_no, s.total, s.change) for s in central_sales(central)}
    at_till = {s.sale_id: (s.receipt_no, s.total, s.change) for s in sales}
    assert len(at_central) == SALES, seen
    assert at_central == at_till, seen

    # Every event the till numbered arrived once, accepted: the sales, and the journal's
    # entries, which go up in batches of 50 or more (audit.recorded).
    events = central_events(central)
    with till.engine.connect() as conn:
        made = conn.exec_driver_sql("SELECT value FROM counter WHERE name = 'outbox_seq'").scalar_one()
    assert [(e.seq, e.status) for e in events] == [(seq, "accepted") for seq in range(1, made + 1)], seen
    assert Counter(e.type for e in events)["sale.completed"] == SALES, seen
    assert len({e.event_id for e in events}) == made, seen

    # The ledger moved by exactly what was sold, once.
    expected = {("S001", sku): -qty for sku, qty in sold_per_sku(sales).items()}
    assert ledger(central) == expected, seen
    for sku, qty in list(sold_per_sku(sales).items())[:3]:
        assert central_stock(central, sku) == -qty, seen


# --------------------------------------------------------------------------- one fault at a time
# kind -> (error code of the first round, sales at central after it, duplicates in the next round)
ONE_FAULT = {
    "drop_request": ("unreachable", 0, 0),
    "drop_response": ("unreachable", 1, 1),
    "duplicate_request": (None, 1, 0),
    "delay": (None, 1, 0),
    "reset": ("unreachable", 1, 1),
    "truncate": ("unreachable", 1, 1),
    "captive_portal": ("not_central", 0, 0),
}


@pytest.mark.parametrize("kind", FAULTS)
def test_one_fault_on_the_push_leaves_exactly_one_sale(kind: str, till: Till,
                                                       central: EmbeddedCentral) -> None:
    first_error, committed, resent_duplicates = ONE_FAULT[kind]
    codes = sellable_codes(till)
    sale = sell(till.checkout(), [codes[0], codes[1], codes[0]], 1000)
    with FaultProxy(central.url) as proxy:
        proxy.script(kind, PUSH, delay_ms=300)
        point_at(till, proxy.url)
        with till.client() as client:
            engine = till.sync_engine(client)
            started = time.monotonic()
            first = engine.run_once()
            took = time.monotonic() - started
            assert proxy.pending_script() == 0
            pushes = proxy.handled(PUSH)
            assert [h.fault for h in pushes] == [kind]
            assert pushes[0].forwarded == {"drop_request": 0, "captive_portal": 0,
                                           "duplicate_request": 2}.get(kind, 1)

            if first_error is None:
                assert first.ok, first.error
                assert first.pushed == 1
                assert till.outbox.stats().pending == 0
            else:
                assert first.error is not None and first.error.code == first_error, first.error
                assert first.pushed == 0 and not first.reached_central
                assert till.outbox.stats().pending == 1  # the till never heard: the sale waits
            if kind == "duplicate_request":
                assert first.duplicates == 1  # the second copy was answered `duplicate`
            if kind == "delay":
                assert took >= 0.3
            assert len(central_sales(central)) == committed

            second = engine.run_once()
        assert second.ok, second.error
        assert second.pushed == (1 if first_error else 0)
        assert second.duplicates == resent_duplicates

    assert till.outbox.stats().pending == 0
    assert [(s.sale_id, s.total, s.change) for s in central_sales(central)] == [
        (sale.sale_id, sale.total, 1000)]
    assert [(e.seq, e.status) for e in central_events(central)] == [(1, "accepted")]
    assert ledger(central) == {("S001", sku): -qty for sku, qty in sold_per_sku([sale]).items()}


# --------------------------------------------------------------------------- two stores offline
def test_two_stores_sell_the_same_sku_offline_and_the_ledger_adds_up(till: Till, central: EmbeddedCentral,
                                                                     tmp_path: Path) -> None:
    paths2 = Paths.resolve(tmp_path / "till2")
    enroll(paths2, central.url, make_code(central, "S002"), "test-till-2")
    till2 = Till(paths2)
    try:
        with till2.client() as client:
            assert till2.sync_engine(client).run_once().ok
        assert till2.identity().store_code == "S002"
        code = next(c for c in sellable_codes(till) if c in set(sellable_codes(till2)))
        sku = till.catalog.by_barcode((code,)).sku
        opening = {store: central_level(central, store, sku) for store in ("S001", "S002")}
        assert all(level is not None and level > 10 for level in opening.values()), opening
        k1, k2 = 3, 5

        with FaultProxy(central.url) as dead:
            dead.set_always("drop_request")  # the stores' uplink is down
            for t in (till, till2):
                point_at(t, dead.url)
            sell(till.checkout(), [code] * k1)
            sell(till2.checkout(), [code] * k2)
            for t in (till, till2):
                with t.client() as client:
                    report = t.sync_engine(client).run_once()
                assert report.error is not None and report.error.code == "unreachable"
                assert t.outbox.stats().pending == 1
            assert dead.counts["drop_request"] == 2 and dead.forwarded() == 0
        assert central_sales(central) == []

        for t in (till, till2):
            point_at(t, central.url)
            with t.client() as client:
                report = t.sync_engine(client).run_once()
            assert report.ok and report.pushed == 1, report.error
            assert t.outbox.stats().pending == 0

        with session_factory(central.app.state.engine)() as s:
            per_store = dict(s.execute(
                select(Store.code, func.sum(StockMovement.delta))
                .join(Store, Store.id == StockMovement.store_id)
                .where(StockMovement.sku == sku, StockMovement.reason != "initial")
                .group_by(Store.code)).all())
        assert per_store == {"S001": -k1, "S002": -k2}
        assert central_stock(central, sku) == -(k1 + k2)
        assert central_level(central, "S001", sku) == opening["S001"] - k1
        assert central_level(central, "S002", sku) == opening["S002"] - k2
        for t, k, store in ((till, k1, "S001"), (till2, k2, "S002")):
            with t.engine.connect() as conn:
                local = conn.execute(text("SELECT on_hand FROM stock_level WHERE sku = :s"),
                                     {"s": sku}).scalar()
            assert local == opening[store] - k  # each till sees its own store's level come back down
    finally:
        till2.close()

