"""A guide order paid at this till with any tender, against a real central: the payment is a sale of
this till (in its shift and Z report), no stock moves for it, central marks the order paid exactly
once (a duplicated event or a second payment never pays twice), and the receipt carries the QR."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from central.db import session_factory
from central.models import GuideOrder, GuideOrderPayment, Note, StockLevel
from central.server import EmbeddedCentral
from drivers.printer.document import QrCode
from pos_client.domain.guide_order import DraftLine, OrderDraft
from pos_client.domain.sale import Cashier
from pos_client.domain.tenders import Payment, card_tender
from pos_client.services.checkout import sale_event
from pos_client.services.guide import GuideService
from pos_client.services.order_payment import (
    GoodsOnOrderPayment,
    OrderAlreadyPaid,
    start_order_payment,
)
from pos_client.services.receipts import receipt_document
from pos_client.services.till import Till
from sync.client import CentralClient
from sync.protocol import ORDER_PAYMENT_SKU, Event
from tests.helpers import central_level

CASHIER = Cashier("s", "1001", "李娜")
GREEN_TEA = "6972718281825"
DEAD = "http://127.0.0.1:9"


def sync(till: Till) -> None:
    with till.client() as client:
        report = till.sync_engine(client).run_once()
    assert report.ok, report.error


def order_at_central(central: EmbeddedCentral, order_id: str) -> GuideOrder:
    with session_factory(central.app.state.engine)() as s:
        found = s.get(GuideOrder, order_id)
        assert found is not None
        return found


def place(service: GuideService, till: Till) -> str:
    line = DraftLine("SKU0000012", "李宁 速干运动T恤 黑色 XXL", "服装", 2, 14900)
    draft = OrderDraft(lines=(line,), fulfilment="pickup_here", payment="till")
    return service.place(draft, till.guide().guide_by_code("GD4001"))


def test_a_guide_order_paid_at_the_till_by_card_and_cash_is_in_the_shift_and_paid_once(
    till: Till, central: EmbeddedCentral
) -> None:
    shifts = till.shifts()
    shifts.open(CASHIER, 50_000)
    service = till.guide()
    order_id = place(service, till)
    row = service.submit(order_id)
    assert row.state == "placed" and row.order_no  # placed, awaiting its payment here
    level_before = central_level(central, "S001", "SKU0000012")

    checkout = till.checkout()
    order = start_order_payment(checkout, order_id)
    assert order.amount == 29_800 and checkout.cart.total == 29_800
    with pytest.raises(GoodsOnOrderPayment):
        checkout.scan(GREEN_TEA)  # the order's payment is a sale of its own
    payment: Payment = checkout.payment()
    payment.add(card_tender(20_000, payment.remaining, "A1B2C3", "4242"))
    payment.add_cash(10_000)  # 9,800 due in cash: 200 change
    sale = checkout.complete_sale(payment, CASHIER)
    assert sale.guide_order_id == order_id and sale.change == 200
    qr = [b for b in receipt_document(sale, "demo").blocks if isinstance(b, QrCode)]
    assert [q.data for q in qr] == [row.order_no]

    # The till's own shift: card and cash by kind, the cash in the drawer's expected count.
    report = shifts.x_report(CASHIER, "manager")
    by_kind = {t.kind: t.amount for t in report.sales.tenders}
    assert by_kind == {"card": 20_000, "cash": 9_800}
    assert report.expected_cash == 50_000 + 9_800

    # A second attempt at this till is refused before any money is taken.
    checkout.new_sale()
    with pytest.raises(OrderAlreadyPaid) as refused:
        start_order_payment(checkout, order_id)
    assert refused.value.receipt_no == sale.receipt_no

    event = next(e for e in till.outbox.pending(100) if e.type == "sale.completed")
    sync(till)
    paid = order_at_central(central, order_id)
    assert paid.status == "paid" and paid.payment_url is None
    assert central_level(central, "S001", "SKU0000012") == level_before  # fulfilment moves stock, not this
    with session_factory(central.app.state.engine)() as s:
        levels = select(func.count()).select_from(StockLevel).where(StockLevel.sku == ORDER_PAYMENT_SKU)
        assert s.scalar(levels) == 0
    assert till.guide().data.order(order_id).state == "paid"

    # The same event again (a lost answer, a retry): answered duplicate, nothing paid again.
    with till.client() as client:
        again = client.push(till.config.device.device_id, [Event(
            event_id=event.event_id, type=event.type, seq=event.seq, occurred_at=event.occurred_at,
            payload=event.payload)])
        assert again.results[0].status == "duplicate"
        # Another sale for the same order (a second till, say): kept as sold, flagged, not paid twice.
        other = sale_event(sale.__class__(**{**{f: getattr(sale, f) for f in sale.__slots__},
                                             "sale_id": "01999999-0000-7000-8000-000000000001",
                                             "receipt_no": sale.receipt_no + "B"}))
        second = client.push(till.config.device.device_id, [Event(
            event_id=other.event_id, type=other.type, seq=event.seq + 50, occurred_at=other.occurred_at,
            payload=other.payload)])
    assert second.results[0].status == "accepted"
    assert second.results[0].conflict is not None and second.results[0].conflict.code == "order_already_paid"
    with session_factory(central.app.state.engine)() as s:
        assert s.scalar(select(func.count()).select_from(GuideOrderPayment)) == 1
        assert s.scalar(select(func.count()).select_from(Note).where(Note.kind == "order_already_paid")) == 1


def test_an_order_taken_offline_and_paid_in_cash_offline_is_paid_when_back_online(
    till: Till, central: EmbeddedCentral
) -> None:
    service = GuideService(till.catalog, till.writer, till.identity(), lambda: CentralClient(DEAD))
    order_id = place(service, till)
    assert service.submit(order_id).state == "queued"
    checkout = till.checkout()
    start_order_payment(checkout, order_id)
    sale = checkout.complete_cash_sale(30_000, CASHIER)
    qr = [b for b in receipt_document(sale, "demo").blocks if isinstance(b, QrCode)]
    assert [q.data for q in qr] == [order_id]  # not numbered yet: the order id
    sync(till)  # order.placed goes before the sale that pays it
    assert order_at_central(central, order_id).status == "paid"
