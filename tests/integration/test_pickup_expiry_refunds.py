"""A paid pickup order central expires uncollected is owed back online (`online_refunds`, reason
`expired`), once: over the served central's expiry job ticking again and again, the cron command, and
two central processes expiring at the same moment; lines refused before are not owed twice; an unpaid
order only gets its stock back; a handover after the expiry names the refund in its conflict."""

from __future__ import annotations

import threading
import time
from datetime import timedelta

from sqlalchemy import select

from central.db import make_engine, session_factory, utcnow
from central.expiry_job import ExpiryJob
from central.models import Note, OnlineRefund, Reservation
from central.pickup import OrderLineIn, create_order, expire
from central.server import EmbeddedCentral
from pos_client.services.till import Till
from tests.integration.test_pickup import CHIPS, STAFF, TEA, central_order, place, sync
from tests.integration.test_pickup_refused_refunds import owed


def _order(central: EmbeddedCentral, ref: str, lines: list[tuple[str, int, int]], *, paid: bool,
           age: timedelta = timedelta(0), pickup_days: int = 3) -> dict:
    with session_factory(central.app.state.engine)() as s:
        made = create_order(s, store_code="S001", external_ref=ref, customer_name="王小明",
                            customer_phone="13800001234", paid=paid, pickup_days=pickup_days,
                            lines=[OrderLineIn(sku, qty, price) for sku, qty, price in lines],
                            now=utcnow() - age)
        s.commit()
    return made


def _refunds(central: EmbeddedCentral, *order_ids: str) -> list[tuple[str, str, int, str]]:
    with session_factory(central.app.state.engine)() as s:
        rows = s.scalars(select(OnlineRefund).where(OnlineRefund.order_id.in_(order_ids))
                         .order_by(OnlineRefund.return_id)).all()
        return [(r.return_id, r.order_id, r.amount, r.reason) for r in rows]


def _held(central: EmbeddedCentral, order_id: str) -> list[str]:
    with session_factory(central.app.state.engine)() as s:
        return list(s.scalars(select(Reservation.status).where(Reservation.order_id == order_id)))


def test_the_expiry_job_refunds_a_paid_uncollected_order_once_and_only_frees_an_unpaid_one(
        till: Till, central: EmbeddedCentral) -> None:
    paid = _order(central, "WEB-X1", [(TEA, 2, 1340), (CHIPS, 1, 1570)], paid=True, pickup_days=0)
    unpaid = _order(central, "WEB-X2", [(TEA, 5, 1340)], paid=False, age=timedelta(minutes=16))
    job = ExpiryJob(central.app.state.engine, interval=0.05).start()  # as `serve` runs it, every 50 ms
    try:
        deadline = time.monotonic() + 5
        while {central_order(central, o["order_id"]).status for o in (paid, unpaid)} != {"expired"}:
            assert time.monotonic() < deadline, "the expiry job did not expire the orders"
            time.sleep(0.02)
        runs = job.runs
        while job.runs < runs + 3:  # the job ticks on: nothing more is owed
            assert time.monotonic() < deadline + 5, "the expiry job stopped ticking"
            time.sleep(0.02)
    finally:
        job.stop()
    assert job.failures == 0 and job.expired == 2
    with session_factory(central.app.state.engine)() as s:  # and the cron command, a day later
        expire(s.connection(), utcnow() + timedelta(days=1))
        s.commit()

    assert (paid["order_id"], 2 * 1340 + 1570, "expired", "WEB-X1") in owed(central)  # over the channel
    assert _refunds(central, paid["order_id"], unpaid["order_id"]) == [
        (f"{paid['order_id']}-EX1", paid["order_id"], paid["total"], "expired")]
    assert set(_held(central, unpaid["order_id"])) == {"expired"}
    assert set(_held(central, paid["order_id"])) == {"expired"}
    sync(till)
    assert till.pickup_desk().orders.reserved([TEA, CHIPS]) == {}
    assert place(central, "WEB-X3", [(TEA, 20, 1340)]).status_code == 200  # all 20 are free again


def test_two_central_processes_expiring_at_once_refund_once_beyond_refused_lines_and_a_late_handover_says_so(
        till: Till, central: EmbeddedCentral, central_db_url: str) -> None:
    partly = place(central, "WEB-X4", [(TEA, 2, 1340), (CHIPS, 1, 1570)]).json()
    whole = place(central, "WEB-X5", [(TEA, 3, 1340)]).json()
    unpaid = place(central, "WEB-X6", [(CHIPS, 4, 1570)], paid=False).json()
    sync(till)
    desk = till.pickup_desk()
    desk.verify(partly["pickup_code"], STAFF)
    desk.refuse_line(partly["order_id"], 2, "damaged", STAFF)  # the chips: owed as refused
    sync(till)
    assert _refunds(central, partly["order_id"]) == [(f"{partly['order_id']}-RF1", partly["order_id"], 1570,
                                                      "refused")]

    later = utcnow() + timedelta(days=4)  # every pick-up deadline has passed
    engines = [central.app.state.engine, make_engine(central_db_url)]  # two central processes' engines
    jobs = [ExpiryJob(e, clock=lambda: later) for e in engines]
    start, counts = threading.Barrier(2), [0, 0]

    def run(i: int) -> None:
        start.wait()
        counts[i] = jobs[i].run_once()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    try:
        assert min(counts) == 0 and max(counts) >= 3  # one expired them all; the other found nothing left
        assert [j.run_once() for j in jobs] == [0, 0]
    finally:
        engines[1].dispose()

    ids = (partly["order_id"], whole["order_id"], unpaid["order_id"])
    assert {central_order(central, i).status for i in ids} == {"expired"}
    assert _refunds(central, *ids) == sorted([
        (f"{partly['order_id']}-EX1", partly["order_id"], 2 * 1340, "expired"),  # the tea not refused
        (f"{partly['order_id']}-RF1", partly["order_id"], 1570, "refused"),
        (f"{whole['order_id']}-EX1", whole["order_id"], 3 * 1340, "expired"),
    ])
    assert sum(a for _, i, a, _ in _refunds(central, partly["order_id"])) == partly["total"]

    # The till did not hear of the expiry and hands the whole order over: a conflict naming the refund.
    desk.hand_over(desk.verify(whole["pickup_code"], STAFF), STAFF)
    sync(till)
    with session_factory(central.app.state.engine)() as s:
        [note] = s.scalars(select(Note.message).where(Note.kind == "pickup_conflict",
                                                      Note.message.contains(whole["order_id"])))
    assert "expired at central" in note and f"{whole['order_id']}-EX1 4020 fen (pending)" in note
    assert len(_refunds(central, *ids)) == 3  # the handover owes nothing new
