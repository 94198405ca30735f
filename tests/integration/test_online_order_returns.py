"""An online order collected at a store is returned at a store: found online by its order number
or the customer's pickup QR, refunded through the web shop, never more than was handed over."""

from __future__ import annotations

import httpx
from sqlalchemy import select

from central.db import session_factory
from central.models import OnlineRefund, StockLevel, Store
from central.pickup import channel_key
from central.server import EmbeddedCentral
from pos_client.domain.returns import return_lines
from pos_client.domain.sale import Cashier
from pos_client.services.till import Till
from tests.helpers import central_events
from tests.integration.test_pickup import TEA, place, sync

STAFF = Cashier("s", "1001", "李娜")


def channel(central: EmbeddedCentral) -> dict[str, str]:
    with session_factory(central.app.state.engine)() as s:
        key = channel_key(s)
        s.commit()
    return {"X-Channel-Key": key}


def on_hand(central: EmbeddedCentral, sku: str) -> int:
    with session_factory(central.app.state.engine)() as s:
        store_id = s.scalar(select(Store.id).where(Store.code == "S001"))
        return s.get(StockLevel, (store_id, sku)).on_hand


def test_a_collected_online_order_is_returned_and_the_shop_is_told_to_pay_it_back(
        till: Till, central: EmbeddedCentral) -> None:
    order = place(central, "WEB-R1", [(TEA, 3, 1340)]).json()
    sync(till)
    desk = till.pickup_desk()
    desk.hand_over(desk.verify(order["pickup_code"], STAFF), STAFF)
    sync(till)
    stock_after_pickup = on_hand(central, TEA)

    service = till.returns()
    found = service.find_sale(order["qr_payload"])  # the customer's pickup QR, scanned
    assert (found.source, found.receipt_no) == ("central", order["order_id"])
    assert [(ln.sku, ln.qty, ln.returnable) for ln in found.lines] == [(TEA, 3, 3)]
    done = service.complete(found, return_lines(found, {1: (2, True)}), reason="defective", cashier=STAFF,
                            actor_role="cashier")
    assert [(t.kind, t.amount, t.reference) for t in done.refunds] == [("online", 2680, "WEB-R1")]
    sync(till)

    [event] = [e for e in central_events(central) if e.type == "return.completed"]
    assert event.status == "accepted" and not event.outcome["conflict"]
    assert on_hand(central, TEA) == stock_after_pickup + 2  # back on the shelf of the returning store
    owed = httpx.get(f"{central.url}/api/v1/online-refunds", headers=channel(central)).json()
    assert [(r["order_id"], r["external_ref"], r["amount"]) for r in owed] == [
        (order["order_id"], "WEB-R1", 2680)]
    assert httpx.get(f"{central.url}/api/v1/online-refunds").status_code == 401  # the shop's key only
    paid = httpx.post(f"{central.url}/api/v1/online-refunds/{done.return_id}/paid", headers=channel(central))
    assert paid.json()["status"] == "paid"
    assert httpx.get(f"{central.url}/api/v1/online-refunds", headers=channel(central)).json() == []
    with session_factory(central.app.state.engine)() as s:
        assert s.get(OnlineRefund, done.return_id).paid_at is not None

    again = service.find_sale(order["order_id"].lower())  # typed, in any case
    assert [ln.returnable for ln in again.lines] == [1]


def test_an_order_not_yet_collected_cannot_be_returned(till: Till, central: EmbeddedCentral) -> None:
    import pytest

    from pos_client.services.returns import SaleNotFound

    order = place(central, "WEB-R2", [(TEA, 1, 1340)]).json()
    sync(till)
    with pytest.raises(SaleNotFound):
        till.returns().find_sale(order["order_id"])
