"""Paid lines refused at the pickup desk are owed back online, in the same `online_refunds` flow as
returns of online orders, exactly once over resent and repeated events; unpaid orders owe nothing."""

from __future__ import annotations

from datetime import datetime

import httpx
from sqlalchemy import select

from central.db import session_factory
from central.models import OnlineRefund
from central.server import EmbeddedCentral
from pos_client.domain.identifiers import new_id
from pos_client.services.till import Till
from sync.protocol import Event
from tests.integration.test_online_order_returns import channel
from tests.integration.test_pickup import CHIPS, STAFF, TEA, central_order, place, sync


def owed(central: EmbeddedCentral) -> list[tuple[str, int, str, str]]:
    rows = httpx.get(f"{central.url}/api/v1/online-refunds", headers=channel(central)).json()
    return [(r["order_id"], r["amount"], r["reason"], r["external_ref"]) for r in rows]


def queued(till: Till) -> list[Event]:
    return [Event(event_id=q.event_id, type=q.type, seq=q.seq,
                  occurred_at=datetime.fromisoformat(q.occurred_at), payload=q.payload)
            for q in till.outbox.pending(50)]


def test_a_refused_paid_line_is_refunded_online_once_over_resent_and_repeated_events(
        till: Till, central: EmbeddedCentral) -> None:
    order = place(central, "WEB-F1", [(TEA, 2, 1340), (CHIPS, 1, 1570)]).json()
    sync(till)
    desk = till.pickup_desk()
    verified = desk.verify(order["pickup_code"], STAFF)
    desk.refuse_line(order["order_id"], 2, "damaged", STAFF)
    desk.hand_over(verified, STAFF)
    sent = queued(till)
    assert [e.type for e in sent if e.type.startswith("pickup.")] == ["pickup.rejected", "pickup.handed_over"]
    sync(till)
    assert central_order(central, order["order_id"]).status == "partly_handed_over"
    assert owed(central) == [(order["order_id"], 1570, "refused", "WEB-F1")]

    last = max(e.seq for e in sent)
    again = [e.model_copy(update={"event_id": new_id(), "seq": last + i})  # the same facts, reported anew
             for i, e in enumerate((e for e in sent if e.type.startswith("pickup.")), start=1)]
    with till.client() as client:
        resent = client.push(till.config.device.device_id, sent)
        repeated = client.push(till.config.device.device_id, again)
    assert {r.status for r in resent.results} == {"duplicate"}
    assert [r.status for r in repeated.results] == ["accepted", "accepted"]
    assert owed(central) == [(order["order_id"], 1570, "refused", "WEB-F1")]  # still once

    [refund] = httpx.get(f"{central.url}/api/v1/online-refunds", headers=channel(central)).json()
    paid = httpx.post(f"{central.url}/api/v1/online-refunds/{refund['return_id']}/paid",
                      headers=channel(central))
    assert paid.json()["status"] == "paid" and paid.json()["reason"] == "refused"
    with till.client() as client:
        late = [e.model_copy(update={"event_id": new_id(), "seq": last + 9}) for e in again[:1]]
        client.push(till.config.device.device_id, late)
    assert owed(central) == []  # paid out, and a late repeat owes nothing new


def test_refusing_every_line_cancels_the_order_and_refunds_what_was_paid_but_not_an_unpaid_order(
        till: Till, central: EmbeddedCentral) -> None:
    paid = place(central, "WEB-F2", [(TEA, 2, 1340), (CHIPS, 1, 1570)]).json()
    unpaid = place(central, "WEB-F3", [(TEA, 18, 1340)], paid=False).json()
    sync(till)
    desk = till.pickup_desk()
    for order, lines in ((paid, (1, 2)), (unpaid, (1,))):
        desk.verify(order["pickup_code"], STAFF)
        for line_no in lines:
            desk.refuse_line(order["order_id"], line_no, "unwanted", STAFF)
    sync(till)
    assert central_order(central, paid["order_id"]).status == "cancelled"
    assert central_order(central, unpaid["order_id"]).status == "cancelled"
    with session_factory(central.app.state.engine)() as s:
        rows = s.scalars(select(OnlineRefund).where(OnlineRefund.reason == "refused")).all()
        assert sorted((r.order_id, r.amount) for r in rows) == [(paid["order_id"], 1570),
                                                                (paid["order_id"], 2680)]
        assert sum(r.amount for r in rows) == paid["total"]
    assert place(central, "WEB-F4", [(TEA, 20, 1340)]).status_code == 200  # all 20 are free again
