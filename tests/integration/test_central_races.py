"""Two requests applying the same event at the same moment (two central processes, a retry racing
the original): one applies it, the other answers duplicate; never a 500, never twice."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

from central.server import EmbeddedCentral
from pos_client.domain.identifiers import new_id
from sync.client import CentralClient
from sync.protocol import Event, SaleCompleted, SaleLinePayload, TenderPayload
from tests.conftest import make_code
from tests.helpers import central_sales


def sale_event(seq: int) -> Event:
    payload = SaleCompleted(
        sale_id=new_id(), receipt_no=f"S001-01-20261123-{seq:04d}", store_code="S001", terminal_no="01",
        cashier_id="x", cashier_name="李娜",
        lines=[SaleLinePayload(line_no=1, sku="SKU0000001", name="x", qty=1, unit_price=300, amount=300)],
        subtotal=300, total=300, tenders=[TenderPayload(kind="cash", amount=300, tendered=300)])
    return Event(event_id=new_id(), type="sale.completed", seq=seq, occurred_at=datetime.now(UTC),
                 payload=payload.model_dump(mode="json"))


def test_the_same_event_pushed_twice_at_once_is_applied_once(central: EmbeddedCentral) -> None:
    with CentralClient(central.url) as anonymous:
        enrolled = anonymous.register(make_code(central), "racer", "test")
    rounds = 12
    statuses: list[list[str]] = []
    errors: list[BaseException] = []
    for seq in range(1, rounds + 1):
        event = sale_event(seq)
        barrier = threading.Barrier(2)
        answers: list[str] = []

        def push(ev: Event = event, b: threading.Barrier = barrier, out: list[str] = answers) -> None:
            try:
                with CentralClient(central.url, enrolled.token) as client:
                    b.wait()
                    out.append(client.push(enrolled.device_id, [ev]).results[0].status)
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=push) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        statuses.append(sorted(answers))
    assert errors == []
    assert statuses == [["accepted", "duplicate"]] * rounds
    assert len(central_sales(central)) == rounds
