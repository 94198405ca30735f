"""Ship-from-store against a real central: a delivery order goes to the nearest store with the
stock, is picked item by item (a wrong item refused at once), packed and shipped with a tracking
number, and a line the store cannot fill is re-routed to the next nearest store."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import select

from central.db import session_factory
from central.models import DeliveryOrder, FulfilmentOrder, Store
from central.pickup import channel_key
from central.server import EmbeddedCentral
from pos_client.services.fulfilment import NotReady, WrongItem
from pos_client.services.till import Till
from tests.integration.test_pickup import CHIPS, STAFF, TEA, on_hand, place, sync
from tests.ui.test_rfid_basket import epc

TEA_CODE, CHIPS_CODE = "6972718281825", "6958898621712"
PUDONG = (31_221_000, 121_544_000)  # a customer in Shanghai: S001 is nearest


def deliver(central: EmbeddedCentral, ref: str, lines: list[tuple[str, int, int]],
            at: tuple[int, int] = PUDONG) -> httpx.Response:
    with session_factory(central.app.state.engine)() as s:
        key = channel_key(s)
        s.commit()
    return httpx.post(f"{central.url}/api/v1/delivery-orders", headers={"X-Channel-Key": key}, json={
        "external_ref": ref, "customer_name": "陈一", "customer_phone": "13911112222",
        "address": "上海市浦东新区",
        "latitude_e6": at[0], "longitude_e6": at[1],
        "lines": [{"sku": sku, "qty": qty, "unit_price": price} for sku, qty, price in lines]})


def test_a_delivery_order_is_routed_to_the_nearest_store_picked_packed_and_shipped(
        till: Till, central: EmbeddedCentral) -> None:
    answer = deliver(central, "D-1", [(TEA, 2, 1340), (CHIPS, 1, 1570)])
    assert answer.status_code == 200, answer.text
    order = answer.json()
    assert {ln["store_code"] for ln in order["lines"]} == {"S001"}
    sync(till)
    queue = till.fulfilment()
    [todo] = queue.queue()
    assert todo.customer == "陈*" and [ln.qty for ln in todo.lines] == [2, 1]
    assert till.pickup_desk().orders.reserved([TEA]) == {TEA: 2}  # held like a pickup order
    with pytest.raises(WrongItem):
        queue.scan_item(todo.fulfilment_id, "6925078961609", STAFF)  # yoghurt: not on the order
    queue.scan_item(todo.fulfilment_id, TEA_CODE, STAFF)
    with pytest.raises(NotReady):
        queue.pack(todo.fulfilment_id, STAFF)
    tote = [epc(TEA_CODE, 1), epc(TEA_CODE, 1), epc(CHIPS_CODE, 7), epc(CHIPS_CODE, 8), "E200001122334455"]
    accepted, refused = queue.pick_tote_epcs(todo.fulfilment_id, tote, STAFF)
    assert accepted == [tote[0], tote[2]]  # a tag read twice is one item
    assert refused == [tote[3], tote[4]]  # one chips too many; a tag that is no GS1 item
    assert queue.order(todo.fulfilment_id).status == "picked"
    with pytest.raises(NotReady):
        queue.ship(todo.fulfilment_id, "SF1234567890", "SF", STAFF)  # not packed yet
    queue.pack(todo.fulfilment_id, STAFF)
    shipped = queue.ship(todo.fulfilment_id, "sf1234567890", "SF", STAFF)
    assert shipped.status == "shipped" and shipped.tracking_no == "SF1234567890"
    with pytest.raises(NotReady):
        queue.ship(todo.fulfilment_id, "SF1234567890", "SF", STAFF)
    sync(till)
    with session_factory(central.app.state.engine)() as s:
        f = s.get(FulfilmentOrder, todo.fulfilment_id)
        assert (f.status, f.tracking_no) == ("shipped", "SF1234567890")
        assert s.get(DeliveryOrder, order["order_id"]).status == "shipped"
    assert on_hand(central, TEA) == 18 and on_hand(central, CHIPS) == 26
    assert queue.queue() == []


def test_a_line_the_store_rejects_is_rerouted_to_the_next_nearest_store(
        till: Till, central: EmbeddedCentral) -> None:
    place(central, "HOLD-1", [(TEA, 20, 1340)])  # S001's tea is all held for a pickup order
    routed = deliver(central, "D-2", [(TEA, 1, 1340)]).json()
    assert {ln["store_code"] for ln in routed["lines"]} == {"S002"}  # Beijing is next to Shanghai
    order = deliver(central, "D-3", [(CHIPS, 1, 1570), ("SKU0000003", 1, 1020)]).json()
    assert {ln["store_code"] for ln in order["lines"]} == {"S001"}
    sync(till)
    queue = till.fulfilment()
    [todo] = queue.queue()
    queue.reject_line(todo.fulfilment_id, 1, "damaged", STAFF)
    sync(till)
    with session_factory(central.app.state.engine)() as s:
        codes = dict(s.execute(select(Store.id, Store.code)).all())
        parts = {codes[f.store_id]: f for f in s.scalars(select(FulfilmentOrder).where(
            FulfilmentOrder.delivery_order_id == order["order_id"]))}
        assert set(parts) == {"S001", "S002"}
        assert [ln["sku"] for ln in parts["S002"].lines] == [CHIPS]
        lines = s.get(DeliveryOrder, order["order_id"]).lines
        assert [(ln["sku"], codes[ln["store_id"]]) for ln in lines] == [
            (CHIPS, "S002"), ("SKU0000003", "S001")]
    assert [ln.rejected for ln in queue.order(todo.fulfilment_id).lines] == [True, False]


def test_an_order_no_single_store_can_fill_is_split_line_by_line_and_refused_when_none_can(
        central: EmbeddedCentral) -> None:
    place(central, "HOLD-2", [(TEA, 20, 1340)])  # S001: no tea free
    place(central, "HOLD-3", [(CHIPS, 27, 1570)], store="S002")  # S002, S003: no chips free
    place(central, "HOLD-4", [(CHIPS, 27, 1570)], store="S003")
    split = deliver(central, "D-4", [(TEA, 1, 1340), (CHIPS, 1, 1570)]).json()
    assert [(ln["sku"], ln["store_code"]) for ln in split["lines"]] == [(TEA, "S002"), (CHIPS, "S001")]
    none = deliver(central, "D-5", [(TEA, 100, 1340)])
    assert none.status_code == 409 and none.json()["error"]["code"] == "not_enough_stock"


def test_a_delivery_order_cancelled_online_then_shipped_by_an_offline_store_is_a_conflict(
        till: Till, central: EmbeddedCentral) -> None:
    order = deliver(central, "D-6", [(TEA, 1, 1340)]).json()
    sync(till)
    queue = till.fulfilment()
    [todo] = queue.queue()
    queue.scan_item(todo.fulfilment_id, TEA_CODE, STAFF)
    queue.pack(todo.fulfilment_id, STAFF)
    with session_factory(central.app.state.engine)() as s:
        key = channel_key(s)
        s.commit()
    cancelled = httpx.post(f"{central.url}/api/v1/delivery-orders/{order['order_id']}/cancel",
                           headers={"X-Channel-Key": key})
    assert cancelled.json()["status"] == "cancelled"
    queue.ship(todo.fulfilment_id, "JD000111222", "JD", STAFF)  # the till has not heard yet
    sync(till)
    with session_factory(central.app.state.engine)() as s:
        assert s.get(FulfilmentOrder, todo.fulfilment_id).conflict == "fulfilment_cancelled_then_shipped"
    assert on_hand(central, TEA) == 19  # the goods did leave
    assert queue.queue() == []
