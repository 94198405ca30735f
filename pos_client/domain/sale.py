"""A completed sale: the immutable fact a till records, prints and sends up.

Once the cashier has seen "paid", this record is what must survive a crash and
reach central exactly once; it carries everything a receipt or an audit needs
(names and prices as sold), never references to catalog rows that may change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .cart import Cart, weighed_amount
from .money import Amount
from .pricing import Applied
from .tenders import CASH, Tender, quick_cash_amounts

__all__ = ["Cashier", "EmptyCart", "InsufficientTender", "Sale", "SoldLine", "Tender", "cash_tender",
           "quick_cash_amounts", "sold_lines"]


class InsufficientTender(ValueError):
    def __init__(self, due: Amount, tendered: Amount) -> None:
        super().__init__(f"tendered {tendered} < due {due}")
        self.due = due
        self.tendered = tendered


class EmptyCart(ValueError):
    """Paying for nothing is always a slip of the finger."""


@dataclass(frozen=True, slots=True)
class SoldLine:
    line_no: int
    sku: str
    barcode: str | None
    name: str
    name_en: str
    unit: str
    qty: int
    unit_price: Amount
    """Per unit; for a weighed line, per kilogram."""
    discount: Amount
    """Everything taken off: manual_discount + promo_discount."""
    weight_g: int | None = None
    """A weighed line: what the scale said (qty is then 1)."""
    # What pricing worked from and what it did, so central can recompute the sale.
    category: str = ""
    brand: str = ""
    list_price: Amount | None = None
    """The catalog price per unit (per kg); unit_price differs from it only after an override."""
    member_price: Amount | None = None
    label_price: Amount | None = None
    override_price: Amount | None = None
    manual_discount: Amount = 0
    promo_discount: Amount = 0
    promotion_ids: tuple[str, ...] = ()

    @property
    def gross(self) -> Amount:
        if self.weight_g is not None:
            return weighed_amount(self.unit_price, self.weight_g)
        return self.unit_price * self.qty

    @property
    def amount(self) -> Amount:
        return self.gross - self.discount


@dataclass(frozen=True, slots=True)
class Cashier:
    staff_id: str
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class Sale:
    sale_id: str
    receipt_no: str
    store_code: str
    terminal_no: str
    cashier: Cashier
    occurred_at: datetime
    lines: tuple[SoldLine, ...]
    tenders: tuple[Tender, ...]
    currency: str = "CNY"
    promotions: tuple[Applied, ...] = ()
    """What each promotion (member price, coupon) took off, for the receipt and for central."""
    member_id: str | None = None
    priced_at_local: str | None = None
    """The store's wall-clock time the promotions were judged at (ISO, no zone)."""
    rounding: Amount = 0
    """Cash rounding (抹零): paid = total + rounding; negative in the customer's favour."""
    member_masked: str = ""
    """The member as the receipt shows them (138****5678), when one was attached."""
    points_earned: int = 0
    points_balance: int | None = None
    """The member's points after this sale, as far as this till knows."""
    coupon_codes: tuple[str, ...] = ()
    """Coupons this sale redeemed (those whose minimum spend the goods reached)."""
    guide_id: str | None = None
    """The sales guide who helped with this sale (badge scanned or picked at checkout): commission."""
    guide_code: str = ""
    guide_order_id: str | None = None
    """A guide order this sale paid (its one line is the order's amount due): central marks it paid."""
    guide_order_no: str = ""

    @property
    def subtotal(self) -> Amount:
        return sum(line.gross for line in self.lines)

    @property
    def discount_total(self) -> Amount:
        return sum(line.discount for line in self.lines)

    @property
    def total(self) -> Amount:
        return self.subtotal - self.discount_total

    @property
    def paid(self) -> Amount:
        return self.total + self.rounding

    @property
    def tendered(self) -> Amount:
        return sum(t.tendered for t in self.tenders)

    @property
    def change(self) -> Amount:
        return sum(t.change for t in self.tenders)

    @property
    def item_count(self) -> int:
        return sum(line.qty for line in self.lines)


def cash_tender(due: Amount, tendered: Amount) -> Tender:
    if tendered < due:
        raise InsufficientTender(due, tendered)
    return Tender(kind=CASH, amount=due, tendered=tendered, change=tendered - due)


def sold_lines(cart: Cart) -> tuple[SoldLine, ...]:
    if cart.is_empty:
        raise EmptyCart()
    return tuple(
        SoldLine(
            line_no=i + 1,
            sku=line.product.sku,
            barcode=line.product.barcode,
            name=line.product.name,
            name_en=line.product.name_en,
            unit=line.product.unit,
            qty=line.qty,
            # A label's price is the line's price; its weight, if any, is only information.
            unit_price=line.unit_price,
            discount=line.discount,
            weight_g=line.weight_g if line.label_price is None else None,
            category=line.product.category, brand=line.product.brand, list_price=line.product.price,
            member_price=line.product.member_price, label_price=line.label_price,
            override_price=line.override_price, manual_discount=line.discount - line.promo_discount,
            promo_discount=line.promo_discount,
            promotion_ids=line.price.promotion_ids if line.price is not None else (),
        )
        for i, line in enumerate(cart.lines)
    )
