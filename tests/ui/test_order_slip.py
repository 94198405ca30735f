"""The guide order slip: a payment QR only for an order the customer pays later by link."""

from __future__ import annotations

from drivers.printer.document import QrCode, TextLine
from pos_client.store.guide import GuideOrderRow
from pos_client.ui.guide_window import order_slip


def _row(payment: str, state: str = "placed") -> GuideOrderRow:
    data = {"payment": payment, "total": 29200,
            "lines": [{"sku": "SKU1", "name": "运动短裤", "qty": 1, "unit_price": 29200, "amount": 29200}]}
    return GuideOrderRow(order_id="0f3c", state=state, order_no="GO-S001-0007",
                         payment_url="https://pay.example/GO-S001-0007", guide_code="1001", data=data,
                         created_at="2026-12-03T09:00:00+00:00", error=None)


def _qr_and_caption(row: GuideOrderRow) -> tuple[str, str]:
    blocks = order_slip(row, "上海南京西路店").blocks
    qr = next(b for b in blocks if isinstance(b, QrCode))
    caption = blocks[blocks.index(qr) - 1]
    assert isinstance(caption, TextLine)
    return qr.data, caption.text


def test_a_link_order_carries_the_payment_qr() -> None:
    assert _qr_and_caption(_row("link")) == ("https://pay.example/GO-S001-0007", "扫码付款 Scan to pay")


def test_an_order_paid_at_the_till_carries_its_own_code_not_a_payment_link() -> None:
    assert _qr_and_caption(_row("till")) == ("GO-S001-0007", "凭码取货 Show to collect")
    assert _qr_and_caption(_row("link", state="paid")) == ("GO-S001-0007", "凭码取货 Show to collect")
