"""The sales guide against a real central: network stock nearest first, an order taken offline
placed exactly once, commission booked and taken back by a return."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from central.db import session_factory
from central.models import CommissionEntry, GuideOrder, Variant
from central.server import EmbeddedCentral
from pos_client.domain.guide_order import DraftLine, OrderDraft
from pos_client.domain.returns import return_lines
from pos_client.domain.sale import Cashier
from pos_client.services.guide import GuideService, NetworkView, OrderProblems
from pos_client.services.returns import ReturnService
from pos_client.services.till import Till
from sync.client import CentralClient
from sync.errors import AuthRejected, NotFoundAtCentral, ServerFault
from sync.protocol import OrderPlaced
from tests.helpers import central_level

CASHIER = Cashier("s", "1001", "李娜")
GREEN_TEA = "6972718281825"  # SKU0000001, 13.40, 饮料
PRINGLES = "6958898621712"  # SKU0000002, 15.70
DEAD = "http://127.0.0.1:9"


def sync(till: Till) -> None:
    with till.client() as client:
        report = till.sync_engine(client).run_once()
    assert report.ok, report.error


def offline(till: Till) -> GuideService:
    return GuideService(till.catalog, till.writer, till.identity(), lambda: CentralClient(DEAD))


def guide_of(till: Till) -> Cashier:
    return till.guide().guide_by_code("GD4001")


def orders_at_central(central: EmbeddedCentral) -> list[GuideOrder]:
    with session_factory(central.app.state.engine)() as s:
        return list(s.scalars(select(GuideOrder)))


def test_network_stock_lists_every_store_and_warehouse_nearest_first_with_variants(
    till: Till, central: EmbeddedCentral
) -> None:
    with session_factory(central.app.state.engine)() as s:  # two sizes of one style
        for v in (
            Variant(sku="SKU0000012", style="STTEST", size="XXL", colour="黑色"),
            Variant(sku="SKU0000026", style="STTEST", size="L", colour="灰色"),
        ):
            s.merge(v)
        s.commit()
    view = till.guide().network("SKU0000012")
    assert view.live and not view.own_store_only
    assert [v.sku for v in view.stock.variants] == ["SKU0000026", "SKU0000012"]  # by colour, then size
    codes = [loc.store_code for loc in view.stock.locations]
    assert codes == ["S001", "W001", "S002", "S003"]  # here, Kunshan, Beijing, Shenzhen
    distances = [loc.distance_m for loc in view.stock.locations]
    assert distances[0] == 0 and 40_000 < distances[1] < 60_000 and distances[2] < distances[3]
    s002 = view.stock.locations[2]
    at = {x.sku: x for x in s002.skus}
    assert at["SKU0000012"].on_hand == central_level(central, "S002", "SKU0000012")
    assert at["SKU0000012"].available == at["SKU0000012"].on_hand - at["SKU0000012"].reserved
    assert view.stock.locations[0].as_of is not None  # S001's till was just heard from
    # Offline: the last answer, marked as such, with its age.
    kept = offline(till).network("SKU0000026")
    assert isinstance(kept, NetworkView) and not kept.live and kept.fetched_at == view.fetched_at
    assert [loc.store_code for loc in kept.stock.locations] == codes
    # Offline and never looked up: this store alone, said so.
    alone = offline(till).network("SKU0000003")
    assert alone.own_store_only and [loc.store_code for loc in alone.stock.locations] == ["S001"]


def _draft(**kw) -> OrderDraft:
    line = DraftLine("SKU0000012", "李宁 速干运动T恤 黑色 XXL", "服装", 2, 14900)
    return OrderDraft(lines=(line,), **kw)


def test_an_order_taken_offline_is_placed_once_however_often_it_is_sent(
    till: Till, central: EmbeddedCentral
) -> None:
    guide = guide_of(till)
    service = offline(till)
    try:
        service.place(_draft(fulfilment="delivery", name="王先生", phone="12345"), guide)
        raise AssertionError("a bad phone must stop the order")
    except OrderProblems as exc:
        assert exc.codes == ["bad_phone", "no_address"]
    order_id = service.place(
        _draft(
            fulfilment="delivery", name="王先生", phone="13812345678", address="上海市静安区南京西路 1 号"
        ),
        guide,
    )
    assert service.submit(order_id).state == "queued"  # central unreachable: kept
    assert till.outbox.stats().pending == 1
    assert orders_at_central(central) == []
    # Back online: the outbox sends the order.placed event, central makes the order, the pull
    # brings it back numbered.
    sync(till)
    row = till.guide().data.order(order_id)
    assert row is not None and row.state == "placed" and row.order_no and row.payment_url
    # A retry of the POST (the guide pressed again, a lost answer): the same order.
    again = till.guide().submit(order_id)
    with till.client() as client:
        direct = client.place_order(OrderPlaced.model_validate(row.data))
    assert again.order_no == direct.order_no == row.order_no
    placed = orders_at_central(central)
    assert len(placed) == 1 and placed[0].total == 2 * 14900
    with session_factory(central.app.state.engine)() as s:  # 服装 by delivery: 4 %
        assert s.scalar(select(func.sum(CommissionEntry.commission))) == 1192


def test_an_order_placed_online_and_its_late_event_make_one_order(
    till: Till, central: EmbeddedCentral
) -> None:
    service = till.guide()
    order_id = service.place(_draft(fulfilment="pickup_other", pickup_store_code="S002"), guide_of(till))
    row = service.submit(order_id)
    assert row.state == "placed" and row.order_no.startswith("GO")
    sync(till)  # the order.placed event arrives after the POST made the order
    assert len(orders_at_central(central)) == 1
    assert till.guide().data.order(order_id).order_no == row.order_no


def test_commission_of_a_guided_sale_is_taken_back_by_a_return(till: Till, central: EmbeddedCentral) -> None:
    checkout = till.checkout()
    checkout.guide = guide_of(till)
    for code in (GREEN_TEA, GREEN_TEA, GREEN_TEA, PRINGLES):
        checkout.scan(code)
    sale = checkout.complete_cash_sale(10_000, CASHIER)
    assert sale.guide_id == checkout.guide.staff_id
    sync(till)
    report = till.guide().commission("today", "4001")
    assert [(g.guide_code, g.sales, g.commission) for g in report.guides] == [("4001", 5590, 56)]
    # The manager sees every guide; a cashier asking sees only themself (nothing).
    assert till.guide().commission("month", "3001").guides[0].commission == 56
    assert till.guide().commission("today", "1001").guides == []
    service = ReturnService(till.engine, till.writer, till.identity(), till.client)
    original = service.find_sale(sale.receipt_no)
    service.complete(
        original,
        return_lines(original, {1: (2, True)}),
        reason="defective",
        cashier=CASHIER,
        actor_role="cashier",
    )
    sync(till)
    after = till.guide().commission("today", "4001").guides[0]
    assert (after.sales, after.commission) == (5590 - 2680, 56 - 27)
    # Offline, the till works it out from its own sales and returns with central's rules: the same.
    mine = offline(till).local_commission("month", "4001").guides
    assert [(g.guide_code, g.sales, g.commission, g.count) for g in mine] == [("4001", 5590 - 2680, 29, 1)]


def test_a_held_sale_keeps_its_guide(till: Till) -> None:
    checkout = till.checkout()
    checkout.guide = guide_of(till)
    checkout.scan(GREEN_TEA)
    held = checkout.hold("1001")
    assert checkout.guide is None
    assert checkout.resume(held.id, "1001")
    assert checkout.guide is not None and checkout.guide.code == "4001"


def test_central_refuses_what_it_cannot_honour(till: Till, central: EmbeddedCentral) -> None:
    with till.client() as client:
        with pytest.raises(NotFoundAtCentral):
            client.network_stock("NOSUCHSKU")
        with pytest.raises(AuthRejected):  # nobody named: no figures
            client.commission("today", "9999")
        service = till.guide()
        order_id = service.place(_draft(fulfilment="pickup_here"), guide_of(till))
        placed = service.submit(order_id)
        other = OrderPlaced.model_validate({**placed.data, "total": 1, "lines": [
            {**placed.data["lines"][0], "qty": 1, "unit_price": 1, "amount": 1}]})
        with pytest.raises(ServerFault, match="409 order_id_reused"):  # the same key, another order
            client.place_order(other)
    assert len(orders_at_central(central)) == 1
