"""Stock work against a real central: an RFID count of 1,000 tags with sales during the count,
reconciled; a transfer asked for by S001, sent by S002 and received at S001 with a shortage."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from epcpy.epc_schemes.sgtin import SGTIN, SGTINFilterValue
from sqlalchemy import select, text

from central.db import session_factory
from central.models import Note, StockCount, Transfer
from central.server import EmbeddedCentral
from drivers.interfaces import TagRead
from pos_client.config import Paths
from pos_client.domain.sale import Cashier
from pos_client.services.checkout import Approver
from pos_client.services.stock_work import NeedsApproval
from pos_client.services.till import Till, enroll
from tests.conftest import make_code
from tests.helpers import central_level

CASHIER = Cashier("s", "1001", "李娜")


def sync(till: Till) -> None:
    with till.client() as client:
        report = till.sync_engine(client).run_once()
    assert report.ok, report.error


def epc(gtin14: str, serial: int) -> str:
    tag = SGTIN.from_gtin_plus_serial(gtin14, str(serial), 7)
    return tag.hex(
        binary_coding_scheme=SGTIN.BinaryCodingScheme.SGTIN_96, filter_value=SGTINFilterValue.POS_ITEM
    ).upper()


def read(epc_hex: str) -> TagRead:
    return TagRead(epc=epc_hex, antenna=1, rssi=-50)


@pytest.fixture
def s002_till(central: EmbeddedCentral, tmp_path: Path) -> Iterator[Till]:
    paths = Paths.resolve(tmp_path / "s002-till")
    enroll(paths, central.url, make_code(central, "S002"), "s002-till")
    t = Till(paths)
    sync(t)
    yield t
    t.close()


def test_an_rfid_count_of_a_thousand_tags_with_sales_during_it_is_reconciled(
    till: Till, central: EmbeddedCentral
) -> None:
    with till.engine.connect() as conn:
        goods = conn.execute(
            text(
                "SELECT b.code, b.sku, s.on_hand FROM barcode b JOIN stock_level s ON s.sku = b.sku "
                "WHERE length(b.code) = 13 ORDER BY s.on_hand DESC"
            )
        ).all()
    # Each SKU's shelf holds its level less one (a unit missing), until 1,000 tags are there.
    shelf: dict[str, list[str]] = {}
    total = 0
    for code, sku, on_hand in goods:
        if total >= 1000:
            break
        present = min(on_hand - 1, 1000 - total)
        shelf[sku] = [epc("0" + code, n) for n in range(1, present + 1)]
        total += present
    assert total == 1000
    work = till.stock_work()
    sync(till)
    count = work.start_count("store", "whole store")
    first, second = list(shelf)[:2]
    # The count reads half of the first SKU's tags; then three tagged units are sold: two it had
    # read, one it had not (it leaves the store unread).
    for tag in shelf[first][:20]:
        count.add_tag(read(tag))
    checkout = till.checkout()
    for _ in range(3):
        checkout.add_sku(first)
    sale = checkout.complete_cash_sale(10_000_000, CASHIER)
    sold = [shelf[first][0], shelf[first][1], shelf[first][30]]
    till.sold_tags.record([(t, first) for t in sold], sale.sale_id, sale.receipt_no)
    sync(till)  # this sale reaches central before the count does
    for tag in shelf[first][2:]:
        if tag != shelf[first][30]:
            count.add_tag(read(tag))
    # A second sale, by barcode (untagged), of a unit of the second SKU the count has not seen yet,
    # sent after the count: its unit was on the shelf at the start.
    later = till.checkout()
    later.add_sku(second)
    later.complete_cash_sale(10_000_000, CASHIER)
    for sku, tags in shelf.items():
        if sku == first:
            continue
        for tag in tags[:-1] if sku == second else tags:
            count.add_tag(read(tag))
            count.add_tag(read(tag))  # read twice: counted once
    count.add_tag(read(epc("00614141123452", 9)))  # a GTIN this store does not sell
    summary = count.summary()
    assert summary.unknown_gtins == {"00614141123452": 1}
    levels = count.expected
    lines = {ln.sku: ln for ln in work.submit_count(count, "2001")}
    assert lines[first].counted == len(shelf[first]) - 1 and lines[first].sold_unseen == 1
    assert lines[second].sold_unseen == 1
    # What was there at the start, less the level: one missing of each (more of the last SKU).
    assert all(lines[s].difference == len(shelf[s]) - levels[s][0] for s in shelf)
    assert sum(lines[s].difference == -1 for s in shelf) >= len(shelf) - 1
    sync(till)
    for sku, tags in shelf.items():
        sold_here = 3 if sku == first else 1 if sku == second else 0
        assert central_level(central, "S001", sku) == len(tags) - sold_here, sku
    # SKUs of the store the count did not find are counted as none there (a whole-store count).
    missing = [s for s, (q, _p) in levels.items() if s not in shelf and q]
    assert missing and all(central_level(central, "S001", s) == 0 for s in missing)
    with session_factory(central.app.state.engine)() as s:
        kept = s.scalars(select(StockCount)).one()
    assert kept.scope == "store" and len(kept.lines) == len(shelf) + len(missing)


def test_a_transfer_asked_by_s001_sent_by_s002_is_received_at_s001(
    till: Till, s002_till: Till, central: EmbeddedCentral
) -> None:
    low = till.stock_work().below_safety()
    assert low and all(s.suggested == s.target_qty - s.on_hand for s in low)
    sku = low[0].sku
    qty = low[0].suggested
    before_a, before_b = central_level(central, "S001", sku), central_level(central, "S002", sku)
    # The nearest with spare stock is the Kunshan warehouse; this time S002 is asked all the same.
    assert till.stock_work().nearest_with_spare(sku, qty) == "W001"
    asked = till.stock_work().request_transfer("S002", {sku: qty}, "3001", note="below safety stock")
    assert asked.status == "requested" and asked.transfer_no.startswith("TR")
    sync(s002_till)
    outgoing = s002_till.stock_work().outgoing()
    assert [t["transfer_id"] for t in outgoing] == [asked.transfer_id]
    s002_till.stock_work().ship(outgoing[0], "3001")
    sync(s002_till)
    assert central_level(central, "S002", sku) == before_b - qty
    sync(till)
    incoming = till.stock_work().incoming()
    assert incoming[0]["status"] == "shipped"
    receiving = till.stock_work().start_receiving(incoming[0])
    with till.engine.connect() as conn:
        barcode = conn.execute(text("SELECT code FROM barcode WHERE sku = :s"), {"s": sku}).scalar()
    for _ in range(qty - 1):  # one unit short in the carton
        receiving.scanned[till.stock_work().sku_of(barcode)] += 1
    lines = till.stock_work().submit_receiving(receiving, "1001")
    assert [(ln.sku, ln.expected, ln.received, ln.shortage) for ln in lines] == [(sku, qty, qty - 1, 1)]
    sync(till)
    assert central_level(central, "S001", sku) == before_a + qty - 1
    with session_factory(central.app.state.engine)() as s:
        transfer = s.get(Transfer, asked.transfer_id)
        notes = [n.message for n in s.scalars(select(Note).where(Note.kind == "receipt_difference"))]
    assert transfer.status == "received" and transfer.lines[0]["received"] == qty - 1
    assert len(notes) == 1 and f"{sku}: {qty - 1} of {qty}" in notes[0]
    assert till.stock_work().incoming() == []


def test_damage_and_write_off_are_gated_by_role(till: Till, central: EmbeddedCentral) -> None:
    work = till.stock_work()
    with pytest.raises(NeedsApproval):
        work.write_down("damage", "broken", {"SKU0000001": 1}, "1001", "cashier")
    before = central_level(central, "S001", "SKU0000001")
    work.write_down(
        "damage", "broken", {"SKU0000001": 1}, "1001", "cashier", approver=Approver("2001", "supervisor")
    )
    with pytest.raises(NeedsApproval):  # a supervisor may not write off
        work.write_down("write_off", "expired", {"SKU0000001": 2}, "2001", "supervisor")
    work.write_down("write_off", "expired", {"SKU0000001": 2}, "3001", "manager")
    sync(till)
    assert central_level(central, "S001", "SKU0000001") == before - 3
