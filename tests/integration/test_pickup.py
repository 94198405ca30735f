"""BOPIS end to end against a real central over loopback: online order → reservation → sync →
verify offline → hand over → sync → central's order state and stock; brute-force lockout;
reservation expiry; an order cancelled online then handed over; two tills racing one order."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select, update

from central.changes import Cursor, changes_for_store
from central.db import session_factory
from central.models import Device, Note, PickupNotification, PickupOrder, Reservation, StockLevel, Store
from central.pickup import channel_key, expire, set_pickup_settings
from central.server import EmbeddedCentral
from pos_client.config import Paths
from pos_client.domain.sale import Cashier
from pos_client.services.pickup import (
    AlreadyHandedOver,
    CodeNotRecognised,
    DeskLocked,
    IdCheckRequired,
    NotCollectable,
    NotPaid,
    ReservedStockBlocked,
)
from pos_client.services.till import Till, enroll
from tests.conftest import make_code

STAFF = Cashier("s", "1001", "李娜")
OTHER = Cashier("s2", "1002", "张伟")
TEA = "SKU0000001"  # 20 on hand in every demo store, 13.40
CHIPS = "SKU0000002"  # 27 on hand, 15.70


def sync(till: Till) -> None:
    with till.client() as client:
        report = till.sync_engine(client).run_once()
    assert report.ok, report.error


def place(central: EmbeddedCentral, ref: str, lines: list[tuple[str, int, int]], *, paid: bool = True,
          store: str = "S001") -> httpx.Response:
    with session_factory(central.app.state.engine)() as s:
        key = channel_key(s)
        s.commit()
    return httpx.post(f"{central.url}/api/v1/online-orders", headers={"X-Channel-Key": key}, json={
        "external_ref": ref, "store_code": store, "customer_name": "王小明", "customer_phone": "13800001234",
        "paid": paid, "lines": [{"sku": sku, "qty": qty, "unit_price": price} for sku, qty, price in lines]})


def call(central: EmbeddedCentral, path: str) -> httpx.Response:
    with session_factory(central.app.state.engine)() as s:
        key = channel_key(s)
        s.commit()
    return httpx.post(f"{central.url}/api/v1/online-orders/{path}", headers={"X-Channel-Key": key})


def central_order(central: EmbeddedCentral, order_id: str) -> PickupOrder:
    with session_factory(central.app.state.engine)() as s:
        o = s.get(PickupOrder, order_id)
        s.expunge(o)
        return o


def on_hand(central: EmbeddedCentral, sku: str, store: str = "S001") -> int:
    with session_factory(central.app.state.engine)() as s:
        store_id = s.scalar(select(Store.id).where(Store.code == store))
        return s.get(StockLevel, (store_id, sku)).on_hand


@pytest.fixture
def second_till(central: EmbeddedCentral, tmp_path: Path) -> Iterator[Till]:
    paths = Paths.resolve(tmp_path / "till-2")
    enroll(paths, central.url, make_code(central, "S001"), "till-2")
    t = Till(paths)
    sync(t)
    yield t
    t.close()


def test_online_order_is_reserved_verified_offline_handed_over_once_and_counted_once(
        till: Till, central: EmbeddedCentral) -> None:
    answer = place(central, "WEB-1", [(TEA, 2, 1340), (CHIPS, 1, 1570)])
    assert answer.status_code == 200, answer.text
    order = answer.json()
    code = order["pickup_code"]
    assert len(code) == 8 and code.isdigit() and order["qr_payload"].endswith(code)
    assert place(central, "WEB-1", [(TEA, 2, 1340)]).json()["order_id"] == order["order_id"]  # idempotent

    short = place(central, "WEB-2", [(TEA, 19, 1340)])
    assert short.status_code == 409
    assert short.json()["error"]["code"] == "not_enough_stock"
    assert short.json()["available"] == [{"sku": TEA, "on_hand": 20, "reserved": 2, "available": 18}]

    assert httpx.post(f"{central.url}/api/v1/online-orders", headers={"X-Channel-Key": "guess"},
                      json={}).json()["error"]["code"] == "bad_channel_key"
    with session_factory(central.app.state.engine)() as s:  # only the pickup store hears of it
        other = s.scalar(select(Store.id).where(Store.code == "S002"))
        sent, _cursor, _more = changes_for_store(s, other, Cursor(), 5000)
        assert not [c for c in sent if c.entity in ("pickup_order", "reservation")]
    sync(till)
    desk = till.pickup_desk()
    with till.engine.connect() as conn:  # the store never receives the code
        raw = conn.exec_driver_sql("SELECT * FROM pickup_order").all()
    assert raw and code not in repr(raw)
    assert desk.orders.reserved([TEA, CHIPS]) == {TEA: 2, CHIPS: 1}
    assert desk.stock_verdict(TEA, 20, 19).eats_reserved

    verified = desk.verify(code, STAFF)  # no network needed: the hash is local
    assert verified.order.order_id == order["order_id"] and verified.order.customer == "王**"
    assert verified.order.phone_last4 == "1234"
    assert [ln.reserved for ln in verified.order.lines] == [2, 1]
    assert desk.verify(order["qr_payload"], STAFF).via == "qr"
    desk.mark_ready(order["order_id"], STAFF)
    desk.hand_over(verified, STAFF)
    with pytest.raises(AlreadyHandedOver) as again:
        desk.hand_over(desk.verify(code, STAFF), OTHER)
    assert again.value.handover.staff_name == "李娜"

    sync(till)
    done = central_order(central, order["order_id"])
    assert done.status == "handed_over" and done.conflict is None
    assert on_hand(central, TEA) == 18 and on_hand(central, CHIPS) == 26
    with session_factory(central.app.state.engine)() as s:
        assert s.scalars(select(PickupNotification.order_id)).all() == [order["order_id"]]
        assert {r.status for r in s.scalars(select(Reservation))} == {"consumed"}
    sync(till)  # nothing counted twice on a second round
    assert on_hand(central, TEA) == 18
    assert desk.orders.reserved([TEA]) == {}  # central's tombstones and new level arrived


def test_a_refused_line_is_released_and_a_silent_store_is_promised_nothing(
        till: Till, central: EmbeddedCentral) -> None:
    order = place(central, "WEB-3", [(TEA, 1, 1340), (CHIPS, 2, 1570)]).json()
    sync(till)
    desk = till.pickup_desk()
    verified = desk.verify(order["pickup_code"], STAFF)
    after = desk.refuse_line(order["order_id"], 2, "damaged", STAFF)
    assert [ln.reserved for ln in after.lines] == [1, 0]
    assert desk.orders.reserved([CHIPS]) == {}
    desk.hand_over(verified, STAFF)
    sync(till)
    done = central_order(central, order["order_id"])
    assert done.status == "partly_handed_over"
    assert on_hand(central, TEA) == 19 and on_hand(central, CHIPS) == 27

    # A store silent past its heartbeat is promised nothing, and its ready orders cannot be cancelled.
    order = place(central, "WEB-11", [(TEA, 1, 1340)]).json()
    sync(till)
    till.pickup_desk().mark_ready(order["order_id"], STAFF)
    sync(till)
    assert central_order(central, order["order_id"]).status == "ready"
    with session_factory(central.app.state.engine)() as s:
        s.execute(update(Device).values(last_seen_at=datetime.now(UTC) - timedelta(hours=2)))
        s.commit()
    refused = place(central, "WEB-12", [(TEA, 1, 1340)])
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "store_offline"
    cancel = call(central, f"{order['order_id']}/cancel")
    assert cancel.status_code == 409 and cancel.json()["error"]["code"] == "store_offline"
    assert central_order(central, order["order_id"]).status == "ready"


def test_wrong_codes_lock_the_desk_for_minutes_and_every_attempt_is_audited(
        till: Till, central: EmbeddedCentral) -> None:
    order = place(central, "WEB-4", [(TEA, 1, 1340)]).json()
    sync(till)
    now = [datetime(2026, 12, 3, 10, 0, tzinfo=UTC)]
    desk = till.pickup_desk(clock=lambda: now[0])
    wrong = "00000000" if order["pickup_code"] != "00000000" else "11111111"
    for left in (4, 3, 2, 1):
        with pytest.raises(CodeNotRecognised) as refused:
            desk.verify(wrong, STAFF)
        assert refused.value.failures_left == left
    with pytest.raises(DeskLocked) as locked:
        desk.verify("not a code", STAFF)
    assert locked.value.until == now[0] + timedelta(minutes=5)
    with pytest.raises(DeskLocked):
        desk.verify(order["pickup_code"], STAFF)  # even the right code waits
    now[0] += timedelta(minutes=5, seconds=1)
    assert desk.verify(order["pickup_code"], STAFF).order.order_id == order["order_id"]
    with till.engine.connect() as conn:
        audited = conn.exec_driver_sql(
            "SELECT data FROM journal WHERE kind = 'pickup.verify'").scalars().all()
    assert len(audited) == 7 and order["pickup_code"] not in "".join(audited)
    with till.client() as client:
        assert till.sync_engine(client, flush_journal=True).run_once().ok
    with session_factory(central.app.state.engine)() as s:
        from central.models import AuditEntry

        assert len(s.scalars(select(AuditEntry).where(AuditEntry.kind == "pickup.verify")).all()) == 7


def test_an_unpaid_order_expires_by_centrals_clock_and_its_stock_is_free_again(
        till: Till, central: EmbeddedCentral) -> None:
    order = place(central, "WEB-5", [(TEA, 20, 1340)], paid=False).json()
    assert place(central, "WEB-6", [(TEA, 1, 1340)]).status_code == 409
    sync(till)
    assert till.pickup_desk().orders.reserved([TEA]) == {TEA: 20}
    unpaid = till.pickup_desk()
    with pytest.raises(NotPaid):  # the goods do not leave before central has seen the payment
        unpaid.hand_over(unpaid.verify(order["pickup_code"], STAFF), STAFF)
    with session_factory(central.app.state.engine)() as s:
        assert expire(s.connection(), datetime.now(UTC) + timedelta(minutes=16)) == 1
        s.commit()
    assert central_order(central, order["order_id"]).status == "expired"
    sync(till)
    desk = till.pickup_desk()
    assert desk.orders.reserved([TEA]) == {}
    with pytest.raises(NotCollectable):
        desk.hand_over(desk.verify(order["pickup_code"], STAFF), STAFF)
    assert place(central, "WEB-7", [(TEA, 20, 1340)]).status_code == 200


def test_an_order_cancelled_online_while_the_store_was_offline_then_handed_over_is_a_conflict(
        till: Till, central: EmbeddedCentral) -> None:
    with session_factory(central.app.state.engine)() as s:
        set_pickup_settings(s, "S001", id_check_above=30_000)
        s.commit()
    order = place(central, "WEB-8", [(CHIPS, 27, 1570)]).json()  # 423.90: over the store's ID-check line
    sync(till)
    assert call(central, f"{order['order_id']}/cancel").json()["status"] == "cancelled"
    desk = till.pickup_desk()  # offline: the till has not heard of the cancellation
    verified = desk.verify(order["pickup_code"], STAFF)
    with pytest.raises(IdCheckRequired):
        desk.hand_over(verified, STAFF)
    desk.hand_over(verified, STAFF, id_checked=True)
    sync(till)
    done = central_order(central, order["order_id"])
    assert done.conflict == "pickup_cancelled_then_handed_over"
    assert on_hand(central, CHIPS) == 0  # the goods did leave
    with session_factory(central.app.state.engine)() as s:
        assert s.scalars(select(Note.kind).where(Note.kind == "pickup_conflict")).all() == ["pickup_conflict"]
    sync(till)
    assert desk.order(order["order_id"]).conflict == "pickup_cancelled_then_handed_over"


def test_two_tills_hand_over_the_same_order_offline_first_counts_second_is_a_conflict(
        till: Till, second_till: Till, central: EmbeddedCentral) -> None:
    order = place(central, "WEB-9", [(TEA, 3, 1340)]).json()
    raced = place(central, "WEB-13", [(TEA, 4, 1340)]).json()
    sync(till)
    sync(second_till)
    for t, who in ((till, STAFF), (second_till, OTHER)):
        desk = t.pickup_desk()
        desk.hand_over(desk.verify(order["pickup_code"], who), who)
    sync(till)
    sync(second_till)
    done = central_order(central, order["order_id"])
    assert done.status == "handed_over" and done.conflict == "pickup_handed_over_twice"
    assert done.handed_over_by.startswith("1001")
    assert on_hand(central, TEA) == 17

    # The same again, both tills pushing at the same moment: still counted once.
    for t, who in ((till, STAFF), (second_till, OTHER)):
        desk = t.pickup_desk()
        desk.hand_over(desk.verify(raced["pickup_code"], who), who)
    errors: list[BaseException] = []

    def push(t: Till) -> None:
        try:
            sync(t)
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=push, args=(t,)) for t in (till, second_till)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert not errors
    assert on_hand(central, TEA) == 13
    assert central_order(central, raced["order_id"]).conflict == "pickup_handed_over_twice"
    with session_factory(central.app.state.engine)() as s:
        assert len(s.scalars(select(Note).where(Note.kind == "pickup_conflict")).all()) == 2


def test_the_till_shows_available_stock_and_warns_or_blocks_by_store_policy_and_central_flags_oversells(
        till: Till, central: EmbeddedCentral) -> None:
    place(central, "WEB-10", [(TEA, 18, 1340)])  # 2 of 20 left to sell
    sync(till)
    match = next(m for m in till.catalog.search("绿茶") if m.item.sku == TEA)
    assert (match.on_hand, match.reserved, match.available) == (20, 18, 2)
    assert till.catalog.details(TEA).reserved == 18
    checkout = till.checkout()
    for _ in range(2):
        checkout.scan("6972718281825")
        assert checkout.stock_warning is None
    checkout.scan("6972718281825")  # store policy 'warn': sold, with a warning
    assert checkout.stock_warning is not None and checkout.stock_warning.available == 2
    checkout.complete_cash_sale(10_000, STAFF)
    sync(till)
    with session_factory(central.app.state.engine)() as s:
        assert s.scalars(select(Note.kind).where(Note.kind == "pickup_oversell")).all() == ["pickup_oversell"]
        set_pickup_settings(s, "S001", reserved_policy="block")
        s.commit()
    sync(till)
    blocked = till.checkout()
    with pytest.raises(ReservedStockBlocked):
        blocked.scan("6972718281825")  # 17 on hand, 18 held: none free
    assert blocked.cart.is_empty


def test_seed_demo_makes_pickup_orders_across_the_stores_and_a_new_till_loads_its_own_from_snapshots(
        central: EmbeddedCentral, tmp_path: Path) -> None:
    from central.pickup import seed_demo_pickups

    with session_factory(central.app.state.engine)() as s:
        made = seed_demo_pickups(s)
        assert seed_demo_pickups(s) == []  # once
        statuses = {(o.store_id, o.status) for o in s.scalars(select(PickupOrder))}
        ready = s.scalars(select(PickupNotification.order_id)).all()
    assert {m["status"] for m in made} == {"ready", "paid", "expired"}
    assert len({store for store, _status in statuses}) == 3
    assert len(ready) == sum(m["status"] == "ready" for m in made)
    paths = Paths.resolve(tmp_path / "new-till")  # enrolled after the orders: they come in snapshots
    enroll(paths, central.url, make_code(central, "S001"), "new-till")
    fresh = Till(paths)
    try:
        sync(fresh)
        desk = fresh.pickup_desk()
        mine = [m for m in made if m["external_ref"] in ("DEMO-001", "DEMO-002", "DEMO-003")]  # S001's
        assert sorted(o.order_id for o, _shown in desk.listing()) == sorted(m["order_id"] for m in mine)
        ready = next(m for m in mine if m["status"] == "ready")
        assert desk.verify(ready["pickup_code"], STAFF).order.status == "ready"
        assert sum(desk.orders.reserved_for_order(m["order_id"]) != {} for m in mine) == 2  # not the expired
    finally:
        fresh.close()
