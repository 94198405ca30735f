"""A guide order paid at this till, with any tender: a sale whose one line is the order's amount due.

It goes through the normal payment dialog and sale commit, so the money is in this till's shift and
Z report (cash in the drawer count, tenders by kind), and its `sale.completed` names the order:
central marks the order paid once.  The line is sku ORDER_PAYMENT_SKU: no stock moves here, the
order's fulfilment moves it.  On the till one payment per order is kept (`guide_order_payment`,
keyed by the order id, written in the sale's transaction), so a second attempt is refused at once,
also offline; central refuses a second payment from another till with a conflict for a person.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC

from sqlalchemy import Connection, Engine, insert, select, update

from pos_client.domain.cart import Product
from pos_client.domain.sale import Sale
from pos_client.store.guide import GuideOrderRow, GuideStore
from pos_client.store.schema import guide_order, guide_order_payment
from sync.protocol import ORDER_PAYMENT_SKU

from .checkout import CheckoutService, SaleInProgress


@dataclass(frozen=True, slots=True)
class OrderToPay:
    order_id: str
    order_no: str
    amount: int


class OrderAlreadyPaid(ValueError):
    def __init__(self, order_no: str, receipt_no: str) -> None:
        super().__init__(order_no)
        self.order_no, self.receipt_no = order_no, receipt_no


class OrderNotPayable(ValueError):
    """Refused by central, or unknown here: nothing to take money for."""

    def __init__(self, order_no: str, state: str) -> None:
        super().__init__(order_no)
        self.order_no, self.state = order_no, state


class GoodsOnOrderPayment(ValueError):
    """The sale pays a guide order only: goods are sold (or held) in a sale of their own."""

    def __init__(self, order_no: str) -> None:
        super().__init__(order_no)
        self.order_no = order_no


def paid_here(engine: Engine | Connection, order_id: str) -> str | None:
    """The receipt number that paid the order at this till, if one did."""
    stmt = select(guide_order_payment.c.receipt_no).where(guide_order_payment.c.order_id == order_id)
    if isinstance(engine, Connection):
        return engine.execute(stmt).scalar()
    with engine.connect() as conn:
        return conn.execute(stmt).scalar()


def record_payment(conn: Connection, order: OrderToPay, sale: Sale) -> None:
    """In the sale's transaction: the order is paid by this sale (refused if it already was)."""
    before = paid_here(conn, order.order_id)
    if before is not None:
        raise OrderAlreadyPaid(order.order_no or order.order_id, before)
    conn.execute(insert(guide_order_payment).values(
        order_id=order.order_id, sale_id=sale.sale_id, receipt_no=sale.receipt_no,
        paid_at=sale.occurred_at.astimezone(UTC).isoformat()))
    conn.execute(update(guide_order).where(guide_order.c.order_id == order.order_id).values(state="paid"))


def to_pay(row: GuideOrderRow, engine: Engine) -> OrderToPay:
    """What is due on the order; raises when it is paid already or cannot be paid."""
    number = row.order_no or row.order_id
    receipt = paid_here(engine, row.order_id)
    if receipt is not None:
        raise OrderAlreadyPaid(number, receipt)
    if row.state == "paid":
        raise OrderAlreadyPaid(number, "")
    if row.state == "refused":
        raise OrderNotPayable(number, row.state)
    return OrderToPay(row.order_id, row.order_no or "", int(row.data.get("total", 0)))


def start_order_payment(checkout: CheckoutService, order_id: str) -> OrderToPay:
    """Put the order's amount due on the (empty) sale; the cashier then pays it with F12."""
    row = GuideStore(checkout._catalog.engine).order(order_id)
    if row is None:
        raise OrderNotPayable(order_id, "unknown")
    if not checkout.cart.is_empty:
        raise SaleInProgress()
    order = to_pay(row, checkout._catalog.engine)
    checkout.new_sale()
    checkout.guide_order = order  # set before the line goes on, so it is priced as an order
    number = order.order_no or row.order_id[:8]
    checkout.cart.add(Product(sku=ORDER_PAYMENT_SKU, name=f"导购订单 Guide order {number}",
                              name_en=f"Guide order {number}", unit="单", price=order.amount))
    return order


