"""A served central expires pickup reservations by itself: nobody runs `pos-central expire-pickups`."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from central.cli import _parser
from central.db import session_factory, utcnow
from central.pickup import OrderLineIn, create_order
from central.server import EmbeddedCentral
from pos_client.services.till import Till
from tests.conftest import CentralTemplate
from tests.integration.test_pickup import CHIPS, TEA, central_order, place, sync


@pytest.fixture
def central(request: pytest.FixtureRequest, central_template: CentralTemplate, central_db_url: str,
            tmp_path: Path, central_from_template: bool) -> Iterator[EmbeddedCentral]:
    """The shared central, served with its lifespan and the expiry job every 50 ms."""
    which = "enrolled" if "till" in request.fixturenames else "seeded"
    url = central_template.central_url(which, tmp_path)
    server = EmbeddedCentral(url, expire_every=0.05).start()
    server.template = which  # type: ignore[attr-defined]
    yield server
    server.stop()


def _wait(what, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not what():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.02)


def test_a_served_central_expires_an_abandoned_order_by_itself(till: Till, central: EmbeddedCentral) -> None:
    keep = place(central, "WEB-J1", [(CHIPS, 2, 1570)], paid=False).json()  # unpaid, but only just placed
    with session_factory(central.app.state.engine)() as s:  # placed 16 minutes ago and never paid
        gone = create_order(s, store_code="S001", external_ref="WEB-J2", customer_name="王小明",
                            customer_phone="13800001234", paid=False, lines=[OrderLineIn(TEA, 5, 1340)],
                            now=utcnow() - timedelta(minutes=16))
        s.commit()
    job = central.app.state.expiry_job
    assert job.running and job.interval == 0.05

    _wait(lambda: central_order(central, gone["order_id"]).status == "expired")
    assert central_order(central, keep["order_id"]).status == "created"  # its 15 minutes are not up
    sync(till)
    assert till.pickup_desk().orders.reserved([TEA, CHIPS]) == {CHIPS: 2}
    assert place(central, "WEB-J3", [(TEA, 20, 1340)]).status_code == 200  # the 5 are free again

    central.stop()
    assert not job.running and job.failures == 0 and job.expired == 1


def test_serve_runs_the_expiry_every_minute_unless_told_otherwise() -> None:
    assert _parser().parse_args(["serve"]).expire_every == 60.0
    assert _parser().parse_args(["serve", "--expire-every", "0"]).expire_every == 0.0


def test_the_job_expires_what_is_overdue_as_soon_as_central_starts(central: EmbeddedCentral) -> None:
    """A central restarted after hours down does not hold overdue stock for another interval."""
    from central.expiry_job import ExpiryJob

    central.app.state.expiry_job.stop()  # the served one, every 50 ms, would get there anyway
    with session_factory(central.app.state.engine)() as s:
        overdue = create_order(s, store_code="S001", external_ref="WEB-J9", customer_name="王小明",
                               customer_phone="13800001234", paid=False, lines=[OrderLineIn(TEA, 1, 1340)],
                               now=utcnow() - timedelta(hours=3))
        s.commit()
    job = ExpiryJob(central.app.state.engine, interval=3600).start()  # an hour before its next pass
    try:
        _wait(lambda: job.runs == 1, timeout=3.0)
        assert job.expired == 1
        assert central_order(central, overdue["order_id"]).status == "expired"
    finally:
        job.stop()
