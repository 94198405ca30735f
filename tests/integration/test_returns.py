"""Returns against a receipt (this till's offline, another store's online), partial, restocked or
not, refunded to the tender that paid; without a receipt only with approval; never twice."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from central.db import session_factory
from central.models import Note, ReturnRecord
from central.server import EmbeddedCentral
from pos_client.config import Paths
from pos_client.domain.returns import ReturnError, ReturnLine, return_lines
from pos_client.domain.sale import Cashier
from pos_client.domain.tenders import CARD, CASH, card_tender
from pos_client.services.checkout import ApprovalNeeded, Approver, ReasonNeeded
from pos_client.services.returns import ReturnService, SaleNotFound
from pos_client.services.till import Till, enroll
from sync.client import CentralClient
from tests.conftest import make_code
from tests.helpers import central_level, central_sales

CASHIER = Cashier("s", "1001", "李娜")
GREEN_TEA = "6972718281825"  # SKU0000001, 13.40
PRINGLES = "6958898621712"  # SKU0000002, 15.70


def sync(till: Till) -> None:
    with till.client() as client:
        report = till.sync_engine(client).run_once()
    assert report.ok, report.error


@pytest.fixture
def other_store_till(central: EmbeddedCentral, tmp_path: Path) -> Iterator[Till]:
    paths = Paths.resolve(tmp_path / "s002-till")
    enroll(paths, central.url, make_code(central, "S002"), "s002-till")
    t = Till(paths)
    sync(t)
    yield t
    t.close()


def sell_tea_and_chips(till: Till, *, card: bool = False):
    checkout = till.checkout()
    for code in (GREEN_TEA, GREEN_TEA, GREEN_TEA, PRINGLES):
        checkout.scan(code)
    if not card:
        return checkout.complete_cash_sale(10_000, CASHIER)
    payment = checkout.payment()
    payment.add(card_tender(3000, payment.remaining, "AUTH5566", "4321"))
    payment.add_cash(5000)
    return checkout.complete_sale(payment, CASHIER)


def test_a_partial_return_at_the_same_till_works_offline_and_reaches_central(
        till: Till, central: EmbeddedCentral) -> None:
    sale = sell_tea_and_chips(till, card=True)
    # The till is offline (central unreachable): its own sales are still found.
    service = ReturnService(till.engine, till.writer, till.identity(), lambda: CentralClient("http://127.0.0.1:9"))
    original = service.find_sale(sale.receipt_no.lower())  # as typed, in any case
    assert original.source == "local" and [ln.returnable for ln in original.lines] == [3, 1]
    lines = return_lines(original, {1: (2, True), 2: (1, False)})  # the chips were opened: written off
    assert sum(ln.amount for ln in lines) == 2 * 1340 + 1570
    done = service.complete(original, lines, reason="defective", cashier=CASHIER, actor_role="cashier")
    assert done.receipt_no.endswith("-R0001")
    refunds = [(t.kind, t.amount, t.reference) for t in done.refunds]
    assert refunds == [(CARD, 3000, "AUTH5566"), (CASH, 1250, None)]
    again = service.find_sale(sale.receipt_no)
    assert [ln.returnable for ln in again.lines] == [1, 0]
    with pytest.raises(ReturnError) as err:
        return_lines(again, {1: (2, True)})
    assert (err.value.reason, err.value.limit) == ("more_than_sold", 1)

    tea, chips = central_level(central, "S001", "SKU0000001"), central_level(central, "S001", "SKU0000002")
    sync(till)
    with session_factory(central.app.state.engine)() as s:
        [record] = s.scalars(select(ReturnRecord)).all()
    assert (record.original_sale_id, record.total) == (sale.sale_id, 4250)
    assert central_level(central, "S001", "SKU0000001") == tea - 3 + 2  # sold 3, two back on the shelf
    assert central_level(central, "S001", "SKU0000002") == chips - 1  # written off: not back in stock


def test_another_store_finds_the_sale_online_and_cannot_return_it_twice(
        till: Till, other_store_till: Till, central: EmbeddedCentral) -> None:
    sale = sell_tea_and_chips(till)
    sync(till)
    service = other_store_till.returns()
    original = service.find_sale(sale.receipt_no)
    assert original.source == "central" and original.store_code == "S001"
    done = service.complete(original, return_lines(original, {2: (1, True)}), reason="wrong_item",
                            cashier=CASHIER, actor_role="cashier")
    assert [(t.kind, t.amount) for t in done.refunds] == [(CASH, 1570)]
    sync(other_store_till)
    after = service.find_sale(sale.receipt_no)
    assert [ln.returnable for ln in after.lines] == [3, 0]  # central knows the chips came back
    with pytest.raises(SaleNotFound) as missing:
        service.find_sale("S001-01-20200101-9999")
    assert missing.value.asked_central


def test_the_same_goods_returned_at_two_tills_offline_are_kept_and_flagged(
        till: Till, other_store_till: Till, central: EmbeddedCentral) -> None:
    sale = sell_tea_and_chips(till)
    sync(till)
    found_there = other_store_till.returns().find_sale(sale.receipt_no)  # then it loses the network
    here = till.returns()
    found_here = here.find_sale(sale.receipt_no)
    here.complete(found_here, return_lines(found_here, {2: (1, True)}),
                  reason="defective", cashier=CASHIER, actor_role="cashier")
    other_store_till.returns().complete(found_there, return_lines(found_there, {2: (1, True)}),
                                        reason="defective", cashier=CASHIER, actor_role="cashier")
    sync(till)
    sync(other_store_till)
    with session_factory(central.app.state.engine)() as s:
        assert len(s.scalars(select(ReturnRecord)).all()) == 2  # both refunds stand
        [note] = s.scalars(select(Note.message).where(Note.kind == "over_return")).all()
    assert "2 returned of 1 sold" in note


def test_without_a_receipt_a_supervisor_approves_up_to_their_limit(till: Till,
                                                                   central: EmbeddedCentral) -> None:
    service = till.returns()
    item = till.catalog.by_barcode((GREEN_TEA,))
    lines = (ReturnLine(sku=item.sku, name=item.name, qty=1, amount=item.price),)
    with pytest.raises(ReasonNeeded):
        service.complete(None, lines, reason=None, cashier=CASHIER, actor_role="supervisor")
    with pytest.raises(ApprovalNeeded):
        service.complete(None, lines, reason="defective", cashier=CASHIER, actor_role="cashier")
    big = (ReturnLine(sku=item.sku, name=item.name, qty=20, amount=item.price * 20),)  # 268 yuan
    with pytest.raises(ApprovalNeeded):
        service.complete(None, big, reason="defective", cashier=CASHIER, actor_role="cashier",
                         approver=Approver("2001", "supervisor"))  # a supervisor's limit is 200 yuan
    done = service.complete(None, lines, reason="defective", cashier=CASHIER, actor_role="cashier",
                            approver=Approver("2001", "supervisor"))
    assert [(t.kind, t.amount) for t in done.refunds] == [(CASH, 1340)] and done.approved_by == "2001"
    sync(till)
    assert len(central_sales(central)) == 0
    with session_factory(central.app.state.engine)() as s:
        assert s.scalars(select(ReturnRecord.original_sale_id)).all() == [None]
