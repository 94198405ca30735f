"""The cart a cashier builds: lines, quantities and the amount due.

Lines are kept per SKU: scanning the same item again raises that line's
quantity, which is what cashiers expect and what keeps receipts short.  The cart
holds what the customer has and the cashier's own changes; `reprice` hands it to
the pricing engine (member prices, promotions, coupons) after every change, and
each line then carries its price (`LinePrice`) with the reasons for every cut.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .money import Amount, round_half_up
from .pricing import LinePrice, Pricing, PricingLine

MAX_LINE_QTY = 999
"""Above this a quantity is a mistake (a barcode typed in the qty field), not a sale."""
MAX_LINES = 500


@dataclass(frozen=True, slots=True)
class Product:
    sku: str
    name: str
    name_en: str
    unit: str
    price: Amount
    barcode: str | None = None
    category: str = ""
    brand: str = ""
    member_price: Amount | None = None


def format_kg(weight_g: int) -> str:
    """A weight as scales and receipts show it: kilograms with three decimals (0.525 kg)."""
    return f"{weight_g // 1000}.{weight_g % 1000:03d} kg"


def weighed_amount(price_per_kg: Amount, weight_g: int) -> Amount:
    """What a weighed item costs: price per kilogram times the weight, to the nearest fen."""
    return round_half_up(price_per_kg * weight_g, 1000)


@dataclass(slots=True)
class CartLine:
    product: Product
    qty: int
    manual_discount: Amount = 0
    """Taken off by the cashier (F6), approved and journaled; promotions come on top of it."""
    weight_g: int | None = None
    """A weighed item: `product.price` is per kilogram and this is what the scale said."""
    label_price: Amount | None = None
    """A price-labelled item (scale label, GS1 392n): the label's price is the line's price."""
    override_price: Amount | None = None
    """A price set at the till (per unit, or per kg), approved and journaled."""
    price: LinePrice | None = None
    """What pricing made of the line at the last reprice; None until the cart is priced."""

    @property
    def measured(self) -> bool:
        return self.weight_g is not None or self.label_price is not None

    @property
    def unit_price(self) -> Amount:
        if self.override_price is not None:
            return self.override_price
        return self.label_price if self.label_price is not None else self.product.price

    @property
    def gross(self) -> Amount:
        if self.label_price is not None and self.override_price is None:
            return self.label_price
        if self.weight_g is not None and self.label_price is None:
            return weighed_amount(self.unit_price, self.weight_g)
        return self.unit_price * self.qty

    @property
    def list_gross(self) -> Amount:
        """What the line would cost at the catalog or label price: what cuts are measured against."""
        if self.label_price is not None:
            return self.label_price
        if self.weight_g is not None:
            return weighed_amount(self.product.price, self.weight_g)
        return self.product.price * self.qty

    @property
    def promo_discount(self) -> Amount:
        return self.price.promo_discount if self.price is not None else 0

    @property
    def discount(self) -> Amount:
        """Everything taken off the line: member price, promotions, coupons and the cashier's cut."""
        if self.price is not None:
            return self.price.discount
        return min(self.manual_discount, self.gross)

    @property
    def amount(self) -> Amount:
        return self.gross - self.discount

    def amount_if_overridden(self, unit_price: Amount) -> Amount:
        """What the line would cost at a price set at the till (an override takes no promotion)."""
        trial = CartLine(self.product, self.qty, 0, self.weight_g, self.label_price, unit_price)
        return max(0, trial.gross - self.manual_discount)

    def pricing_line(self, key: int) -> PricingLine:
        p = self.product
        return PricingLine(key=key, sku=p.sku, category=p.category, brand=p.brand, qty=self.qty,
                           unit_price=p.price, member_price=p.member_price, weight_g=self.weight_g,
                           label_price=self.label_price, override_price=self.override_price,
                           manual_discount=self.manual_discount)


class CartError(ValueError):
    """A change the cart refuses; `reason` is a stable machine word for the UI."""

    def __init__(self, reason: str, limit: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.limit = limit


@dataclass(slots=True)
class Cart:
    lines: list[CartLine] = field(default_factory=list)
    last_touched: int | None = None
    """Index of the line changed last, so the screen can highlight it."""
    pricing: Pricing | None = None
    """The last reprice, with every promotion applied and what it took off."""
    pricer: Callable[[list[PricingLine]], Pricing] | None = field(default=None, repr=False, compare=False)
    """Set by checkout: the store's promotions at the store's time; the cart reprices itself with it."""
    stock_check: Callable[[str, int], None] | None = field(default=None, repr=False, compare=False)
    """Set by checkout: asked before any change that takes more of a SKU from stock (a counted or
    weighed line added, however it came: scan, search, RFID tag; a quantity raised), with the stock
    units of that SKU the cart would then hold; it raises to refuse, and the cart stays as it was."""

    def pricing_lines(self) -> list[PricingLine]:
        return [line.pricing_line(i) for i, line in enumerate(self.lines)]

    def _stale(self) -> None:
        """Any change can change every line's promotions (a third item completes a deal)."""
        for line in self.lines:
            line.price = None
        self.pricing = None
        if self.pricer is not None and self.lines:
            self.apply_pricing(self.pricer(self.pricing_lines()))

    def stock_units(self, sku: str) -> int:
        """What the cart takes from the SKU's stock ledger: grams for weighed lines, else units
        (central moves stock the same way for a sale)."""
        return sum(line.weight_g if line.weight_g is not None else line.qty
                   for line in self.lines if line.product.sku == sku)

    def _taking(self, sku: str, more: int) -> None:
        if self.stock_check is not None and more > 0:
            self.stock_check(sku, self.stock_units(sku) + more)

    def reprice(self) -> None:
        """Price again as things stand (promotions changed by sync, the clock passed a window)."""
        self._stale()

    def apply_pricing(self, pricing: Pricing) -> None:
        """Take the engine's answer for the lines as they are now (keys are line indexes)."""
        for price in pricing.lines:
            self.lines[price.key].price = price
        self.pricing = pricing

    def add(self, product: Product, qty: int = 1) -> int:
        if qty < 1 or qty > MAX_LINE_QTY:
            raise CartError("qty_out_of_range", MAX_LINE_QTY)
        for index, line in enumerate(self.lines):
            if line.product.sku == product.sku and not line.measured:
                if line.qty + qty > MAX_LINE_QTY:
                    raise CartError("qty_out_of_range", MAX_LINE_QTY)
                self._taking(product.sku, qty)
                line.qty += qty
                self._stale()
                self.last_touched = index
                return index
        if len(self.lines) >= MAX_LINES:
            raise CartError("too_many_lines", MAX_LINES)
        self._taking(product.sku, qty)
        self.lines.append(CartLine(product=product, qty=qty))
        self._stale()
        self.last_touched = len(self.lines) - 1
        return self.last_touched

    def line(self, index: int) -> CartLine:
        if not 0 <= index < len(self.lines):
            raise CartError("no_such_line")
        return self.lines[index]

    def set_qty(self, index: int, qty: int) -> None:
        line = self.line(index)
        if line.measured:
            raise CartError("measured_line")
        if qty < 1 or qty > MAX_LINE_QTY:
            raise CartError("qty_out_of_range", MAX_LINE_QTY)
        self._taking(line.product.sku, qty - line.qty)
        line.qty = qty
        if line.manual_discount > line.gross:
            line.manual_discount = line.gross  # a discount never makes a line negative
        self._stale()
        self.last_touched = index

    def void(self, index: int) -> CartLine:
        line = self.line(index)
        del self.lines[index]
        self._stale()
        self.last_touched = min(index, len(self.lines) - 1) if self.lines else None
        return line

    def override_price(self, index: int, unit_price: Amount) -> None:
        line = self.line(index)
        if unit_price < 0:
            raise CartError("negative_price")
        line.override_price = unit_price
        line.manual_discount = min(line.manual_discount, line.gross)
        self._stale()
        self.last_touched = index

    def set_discount(self, index: int, amount: Amount) -> None:
        line = self.line(index)
        # The cashier's cut comes after member price and item promotions, before thresholds.
        room = line.gross - (line.price.member_saving + line.price.item_discount if line.price else 0)
        if amount < 0 or amount > room:
            raise CartError("discount_out_of_range", room)
        line.manual_discount = amount
        self._stale()
        self.last_touched = index

    def add_measured(self, product: Product, *, weight_g: int | None = None,
                     label_price: Amount | None = None) -> int:
        """A weighed or price-labelled item: always a line of its own (each label differs)."""
        if weight_g is None and label_price is None:
            raise ValueError("a measured line needs a weight or a label price")
        if len(self.lines) >= MAX_LINES:
            raise CartError("too_many_lines", MAX_LINES)
        self._taking(product.sku, weight_g if weight_g is not None else 1)
        self.lines.append(CartLine(product=product, qty=1, weight_g=weight_g, label_price=label_price))
        self._stale()
        self.last_touched = len(self.lines) - 1
        return self.last_touched

    def clear(self) -> None:
        self.lines.clear()
        self.last_touched = None
        self._stale()

    @property
    def is_empty(self) -> bool:
        return not self.lines

    @property
    def item_count(self) -> int:
        return sum(line.qty for line in self.lines)

    @property
    def subtotal(self) -> Amount:
        return sum(line.gross for line in self.lines)

    @property
    def discount_total(self) -> Amount:
        return sum(line.discount for line in self.lines)

    @property
    def total(self) -> Amount:
        return self.subtotal - self.discount_total


def cart_to_dict(cart: Cart) -> dict:
    """A cart as plain data, to put a sale on hold; prices stay as they were when held."""
    return {"lines": [{
        "product": {"sku": ln.product.sku, "name": ln.product.name, "name_en": ln.product.name_en,
                    "unit": ln.product.unit, "price": ln.product.price, "barcode": ln.product.barcode,
                    "category": ln.product.category, "brand": ln.product.brand,
                    "member_price": ln.product.member_price},
        "qty": ln.qty, "discount": ln.manual_discount, "weight_g": ln.weight_g, "label_price": ln.label_price,
        "override_price": ln.override_price} for ln in cart.lines]}


def cart_from_dict(data: dict) -> Cart:
    cart = Cart()
    for ln in data["lines"]:
        cart.lines.append(CartLine(product=Product(**ln["product"]), qty=ln["qty"],
                                   manual_discount=ln["discount"],
                                   weight_g=ln["weight_g"], label_price=ln["label_price"],
                                   override_price=ln["override_price"]))
    cart.last_touched = len(cart.lines) - 1 if cart.lines else None
    return cart
