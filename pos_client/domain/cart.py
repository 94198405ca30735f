"""The cart a cashier builds: lines, quantities and the amount due.

Lines are kept per SKU: scanning the same item again raises that line's
quantity, which is what cashiers expect and what keeps receipts short.  Later
pricing (promotions, member prices) fills each line's `discount`; the cart
itself never needs to know why.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .money import Amount

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


@dataclass(slots=True)
class CartLine:
    product: Product
    qty: int
    discount: Amount = 0

    @property
    def gross(self) -> Amount:
        return self.product.price * self.qty

    @property
    def amount(self) -> Amount:
        return self.gross - self.discount


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

    def add(self, product: Product, qty: int = 1) -> int:
        if qty < 1 or qty > MAX_LINE_QTY:
            raise CartError("qty_out_of_range", MAX_LINE_QTY)
        for index, line in enumerate(self.lines):
            if line.product.sku == product.sku:
                if line.qty + qty > MAX_LINE_QTY:
                    raise CartError("qty_out_of_range", MAX_LINE_QTY)
                line.qty += qty
                self.last_touched = index
                return index
        if len(self.lines) >= MAX_LINES:
            raise CartError("too_many_lines", MAX_LINES)
        self.lines.append(CartLine(product=product, qty=qty))
        self.last_touched = len(self.lines) - 1
        return self.last_touched

    def clear(self) -> None:
        self.lines.clear()
        self.last_touched = None

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
