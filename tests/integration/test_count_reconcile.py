"""Counts against central's store-level ledger position, with two tills of one store selling while
the count runs: no unit lost or counted twice; and a large count sent in parts, one event each."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from central.db import session_factory
from central.models import StockCount, StockCountPart
from central.server import EmbeddedCentral
from pos_client.config import Paths
from pos_client.domain.sale import Cashier
from pos_client.services.till import Till, enroll
from tests.conftest import make_code
from tests.helpers import central_level

CASHIER = Cashier("s", "1001", "李娜")
SKU = "SKU0000012"


def sync(till: Till) -> None:
    with till.client() as client:
        report = till.sync_engine(client).run_once()
    assert report.ok, report.error


@pytest.fixture
def second_till(central: EmbeddedCentral, tmp_path: Path) -> Iterator[Till]:
    paths = Paths.resolve(tmp_path / "till-2")
    enroll(paths, central.url, make_code(central, "S001"), "till-2")
    t = Till(paths)
    sync(t)
    yield t
    t.close()


def sell(till: Till, sku: str, n: int) -> None:
    checkout = till.checkout()
    for _ in range(n):
        checkout.add_sku(sku)
    checkout.complete_cash_sale(10_000_000, CASHIER)


def test_sales_at_another_till_during_a_count_are_neither_lost_nor_counted_twice(
    till: Till, second_till: Till, central: EmbeddedCentral
) -> None:
    sync(till)
    level = central_level(central, "S001", SKU)
    assert level is not None and level > 6
    # Till 2 sells one unit before the count starts, but is slow to send it (offline a while).
    sell(second_till, SKU, 1)
    work = till.stock_work()
    count = work.start_count("shelf", "aisle 3")
    assert count.store_position is not None  # central's store-level position, taken live
    # While the count runs, till 2 sells two more (units the count had not reached yet) and this till
    # one; till 2 sends all three of its sales now, during the count.
    sell(second_till, SKU, 2)
    sell(till, SKU, 1)
    sync(second_till)
    # Till 2 sells one more during the count, and sends it only after the count reached central.
    sell(second_till, SKU, 1)
    # On the shelf at the end: the level less the 5 sold, and one unit is missing (shrinkage).
    for _ in range(level - 5 - 1):
        count.add_scan(SKU)
    lines = work.submit_count(count, "2001")
    assert [(ln.sku, ln.counted, ln.sold_unseen) for ln in lines] == [(SKU, level - 6, 1)]
    sync(till)
    # The count already shows the unit till 2 sold last as gone from the shelf ...
    assert central_level(central, "S001", SKU) == level - 6
    sync(second_till)
    sync(second_till)  # a retry of the same events changes nothing
    # ... and its sale, arriving late, does not take it off a second time.
    assert central_level(central, "S001", SKU) == level - 6  # the five sold and the one missing
    with session_factory(central.app.state.engine)() as s:
        [row] = s.scalars(select(StockCount)).all()
    # Expected at the start: the level less till 2's early sale; counted: what was there at the start.
    assert row.lines[0]["expected_at_position"] == level - 1 and row.lines[0]["delta"] == -2


def test_a_large_count_goes_up_in_parts_each_reconciled_once(till: Till, central: EmbeddedCentral) -> None:
    work = till.stock_work()
    work.part_lines = 7  # a small limit stands in for 100,000 SKUs against the 5 MB push limit
    sync(till)
    count = work.start_count("store", "whole store")
    levels = {s: q for s, (q, _p) in count.expected.items() if q > 0}
    assert len(levels) > 20
    for sku, q in levels.items():  # every SKU present, one short of its level
        for _ in range(q - 1):
            count.add_scan(sku)
    work._clock = lambda: count.started_at + timedelta(seconds=5)
    lines = work.submit_count(count, "2001")
    parts = -(-len(lines) // 7)
    assert till.outbox.stats().pending == parts
    sync(till)
    with session_factory(central.app.state.engine)() as s:
        stored = s.scalars(select(StockCountPart)).all()
        assert len(stored) == parts and {p.parts for p in stored} == {parts}
        assert sorted(ln["sku"] for p in stored for ln in p.lines) == sorted(ln.sku for ln in lines)
        assert s.scalar(select(func.count()).select_from(StockCount)) == 0
    for sku, q in levels.items():
        assert central_level(central, "S001", sku) == q - 1, sku
