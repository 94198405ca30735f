"""Checkout: from a scanned code to a durable, printed, queued sale.

The order of things is the point: the sale, its receipt number and its
outbox event are committed in one fsynced transaction before anyone is told
"paid"; printing and sending happen afterwards, and their failure never
undoes a sale.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Connection

from pos_client.domain.barcodes import CodeKind, MalformedCode, ScannedCode, classify, variable_layouts
from pos_client.domain.cart import Cart, CartError, Product
from pos_client.domain.coupons import (
    DEFAULT_OFFLINE_LIMIT,
    Coupon,
    CouponRefused,
    check_usable,
    coupon_from_data,
)
from pos_client.domain.identifiers import new_id, receipt_counter_name, receipt_number
from pos_client.domain.members import (
    Member,
    MemberError,
    normalize_phone,
    points_earned,
    points_for,
    redeemable,
)
from pos_client.domain.money import Amount
from pos_client.domain.permissions import REASONS, Action, allowed, cut_pct, needs_reason
from pos_client.domain.pricing import Pricing, PricingLine, price_cart
from pos_client.domain.sale import Cashier, EmptyCart, InsufficientTender, Sale, sold_lines
from pos_client.domain.tenders import CASH, POINTS, CashRounding, Payment, Tender
from pos_client.store import journal
from pos_client.store import parked as parked_sales
from pos_client.store.catalog import CatalogItem, CatalogReader, ProductMatch
from pos_client.store.coupons import find_coupon, mark_redeemed
from pos_client.store.guide import record_sale_guide
from pos_client.store.members import MemberReader, add_provisional
from pos_client.store.members import move_points as member_points
from pos_client.store.parked import ParkedSale
from pos_client.store.promotions import PromotionReader
from pos_client.store.sales import OutgoingEvent, UnitOfWork, enqueue, insert_sale, next_counter
from sync.protocol import (
    AppliedPromotion,
    CouponValidation,
    MemberSignedUp,
    SaleCompleted,
    SaleLinePayload,
    TenderPayload,
)

Clock = Callable[[], datetime]


@dataclass(frozen=True, slots=True)
class Approver:
    """A supervisor (or higher) whose PIN was checked for one action."""

    code: str
    role: str


class ApprovalNeeded(PermissionError):
    """The acting staff may not do this alone; `cut` is the % taken off (0 when not a price cut)."""

    def __init__(self, action: Action, cut: int) -> None:
        super().__init__(action.value)
        self.action = action
        self.cut = cut


class SaleInProgress(RuntimeError):
    """A held sale is resumed only onto an empty sale."""


class ReasonNeeded(ValueError):
    def __init__(self, action: Action) -> None:
        super().__init__(action.value)
        self.action = action


class UnknownCode(LookupError):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class ExpiredItem(LookupError):
    """The element string on the pack says it is past its date."""

    def __init__(self, item: CatalogItem, expires: date) -> None:
        super().__init__(item.sku)
        self.item = item
        self.expires = expires


class NeedsWeight(LookupError):
    """A product sold by the kilogram, scanned or picked without a weight."""

    def __init__(self, item: CatalogItem) -> None:
        super().__init__(item.sku)
        self.item = item


WEIGHED_UNITS = frozenset({"kg", "千克", "公斤"})


class NotForSale(LookupError):
    """Known product without a price at this store."""

    def __init__(self, item: CatalogItem) -> None:
        super().__init__(item.sku)
        self.item = item


@dataclass(frozen=True, slots=True)
class StoreIdentity:
    store_code: str
    terminal_no: str
    currency: str = "CNY"
    timezone: str = "Asia/Shanghai"
    """The store's zone: promotion windows are the store's wall-clock time, not the till's."""
    cash_rounding: CashRounding = CashRounding.NONE

    def zone(self) -> ZoneInfo:
        try:
            return ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            return ZoneInfo("Asia/Shanghai")


def sale_event(sale: Sale) -> OutgoingEvent:
    payload = SaleCompleted(
        sale_id=sale.sale_id, receipt_no=sale.receipt_no, store_code=sale.store_code,
        terminal_no=sale.terminal_no, cashier_id=sale.cashier.staff_id,
        cashier_name=sale.cashier.name, currency=sale.currency,
        lines=[SaleLinePayload(line_no=ln.line_no, sku=ln.sku, barcode=ln.barcode, name=ln.name,
                               qty=ln.qty, unit_price=ln.unit_price, discount=ln.discount,
                               amount=ln.amount, weight_g=ln.weight_g, promotion_ids=list(ln.promotion_ids),
                               category=ln.category, brand=ln.brand, list_price=ln.list_price,
                               member_price=ln.member_price, label_price=ln.label_price,
                               override_price=ln.override_price, manual_discount=ln.manual_discount)
               for ln in sale.lines],
        subtotal=sale.subtotal, discount_total=sale.discount_total, total=sale.total,
        tenders=[TenderPayload(kind=t.kind, amount=t.amount, tendered=t.tendered,  # type: ignore[arg-type]
                               change=t.change, reference=t.reference or None, last4=t.last4 or None,
                               provider=t.provider or None, points=t.points or None) for t in sale.tenders],
        change=sale.change, member_id=sale.member_id,
        promotions=[AppliedPromotion(promotion_id=a.promotion_id, version=a.version, kind=a.kind,
                                     name=a.name, amount=a.amount) for a in sale.promotions],
        priced_at_local=sale.priced_at_local, rounding=sale.rounding, points_earned=sale.points_earned,
        coupon_codes=list(sale.coupon_codes), guide_id=sale.guide_id, guide_order_id=sale.guide_order_id,
    )
    # A field newer than central may know goes only when set: an ordinary sale reads as before.
    newer = {"guide_order_id"} if sale.guide_order_id is None else None
    return OutgoingEvent(event_id=new_id(), type="sale.completed", occurred_at=sale.occurred_at,
                         payload=payload.model_dump(mode="json", exclude=newer))


class CheckoutService:
    def __init__(self, catalog: CatalogReader, writer: UnitOfWork, store: StoreIdentity,
                 clock: Clock = lambda: datetime.now(UTC), promotions: PromotionReader | None = None) -> None:
        self._catalog = catalog
        self._writer = writer
        self._store = store
        self._clock = clock
        self._promotions = promotions or PromotionReader(catalog.engine)
        self._priced_at: datetime | None = None
        self._members = MemberReader(catalog.engine)
        self.member: Member | None = None
        """The member the sale is for: member prices and members' promotions apply, points are earned."""
        self.coupons: list[Coupon] = []
        """Coupons put on the sale; the pricing engine decides whether each still counts."""
        self.guide: Cashier | None = None
        """The sales guide the sale is attributed to (services/guide.py attribute_guide)."""
        self.cart = self._new_cart()
        self.guide_order: Any = None
        """A guide order being paid at this till (services/order_payment.py OrderToPay): the cart is its
        amount due alone, priced as it is (no promotions), and the sale commit records the payment."""
        self.stock_guard: Callable[[str, int], Any] | None = None
        """Set by the till (services.pickup.ReservedStockGuard): raises when store policy blocks
        selling units reserved for pickup orders, else returns a verdict to warn with."""
        self.stock_warning: Any = None
        """The last added line's reserved-stock verdict when it eats into reserved units (warn policy)."""

    # ---------------------------------------------------------------- pricing
    def _new_cart(self, cart: Cart | None = None) -> Cart:
        cart = cart or Cart()
        cart.pricer = self._price
        cart.stock_check = self._check_stock
        cart.reprice()
        return cart

    def store_local_time(self) -> datetime:
        """The store's wall-clock time, naive: what promotion schedules are written in."""
        return self._clock().astimezone(self._store.zone()).replace(tzinfo=None)

    def _price(self, lines: list[PricingLine]) -> Pricing:
        local = self.store_local_time()
        self._priced_at = local
        if self.guide_order is not None:  # the order was priced when it was placed
            return price_cart(lines, [], store_code=self._store.store_code, local_time=local, member=False)
        return price_cart(lines, self._promotions.current(), store_code=self._store.store_code,
                          local_time=local, member=self.member is not None,
                          coupons=[c.terms() for c in self.coupons])

    # ---------------------------------------------------------------- coupons
    def add_coupon(self, code: str, live: CouponValidation | None) -> Coupon:
        """Put a coupon on the sale.  `live` is central's single-use answer, None when offline
        (then only coupons up to the store's offline limit are taken).  Raises CouponRefused."""
        text = code.strip().upper()
        if live is not None and not live.valid:
            raise CouponRefused(live.reason or "used")
        coupon = find_coupon(self._catalog.engine, text)
        if coupon is None and live is not None and live.coupon:
            coupon = coupon_from_data(live.coupon)  # claimed online minutes ago: not synced here yet
        if coupon is None:
            raise CouponRefused("unknown")
        limits = (self._catalog.store_config() or {}).get("offline_limits") or {}
        check_usable(coupon, local=self.store_local_time(),
                     member_id=self.member.member_id if self.member else None, online=live is not None,
                     offline_limit=int(limits.get("max_offline_coupon", DEFAULT_OFFLINE_LIMIT)),
                     already_on_sale=tuple(c.code for c in self.coupons))
        self.coupons.append(coupon)
        self.cart.reprice()
        return coupon

    def remove_coupons(self) -> None:
        self.coupons = []
        self.cart.reprice()

    # ---------------------------------------------------------------- members
    def find_member(self, typed: str) -> Member | None:
        """By member code (as on the card or in the app's QR), else by mobile number.
        Raises MemberError when it is neither."""
        text = typed.strip()
        if text[:1].upper() in ("M", "P") and text[1:].isalnum():
            return self._members.by_code(text)
        return self._members.by_phone(normalize_phone(text), self._member_key())

    def _member_key(self) -> str:
        return str((self._catalog.store_config() or {}).get("member_key") or "")

    def attach_member(self, member: Member | None) -> None:
        self.member = member
        self.cart.reprice()

    def sign_up(self, phone: str, name: str = "") -> Member:
        """A new member at the till, also offline; central keeps one member per phone and merges."""
        number = normalize_phone(phone)
        key = self._member_key()
        if not key:
            raise MemberError("no_member_key")
        if self._members.by_phone(number, key) is not None:
            raise MemberError("already_member")
        member_id = new_id()
        code = "P" + member_id[:9].upper()

        def write(conn: Connection) -> Member:
            m = add_provisional(conn, member_id, code, number, name, key)
            payload = MemberSignedUp(member_id=member_id, phone=number, name=name[:100],
                                     store_code=self._store.store_code)
            enqueue(conn, OutgoingEvent(event_id=new_id(), type="member.signed_up", occurred_at=self._clock(),
                                        payload=payload.model_dump(mode="json")))
            return m

        member = self._writer.run(write)
        self.attach_member(member)
        return member

    def lookup(self, raw: str) -> Product:
        """Raises MalformedCode, UnknownCode or NotForSale with what the cashier must hear."""
        return self._find(self._classify(raw))[0]

    def _classify(self, raw: str) -> ScannedCode:
        text = raw.strip()
        # Only a 13-digit code starting with 2 can be a scale label: read the store's
        # layouts for those alone, so a normal scan costs no extra query.
        maybe_label = len(text) == 13 and text.startswith("2")
        layouts = variable_layouts((self._catalog.store_config() or {}).get("variable_barcodes")
                                   if maybe_label else None)
        return classify(raw, layouts)

    def _find(self, code: ScannedCode) -> tuple[Product, CatalogItem]:
        if code.kind is CodeKind.GTIN:
            item = self._catalog.by_barcode(code.lookup_keys())
        else:  # an in-store label printed with an internal code, else the SKU itself
            item = self._catalog.by_barcode((code.value,)) or self._catalog.by_sku(code.value)
        if item is None:
            raise UnknownCode(code.value)
        return self._product(item), item

    @staticmethod
    def _product(item: CatalogItem) -> Product:
        if item.price is None or item.price <= 0:
            raise NotForSale(item)
        return Product(sku=item.sku, name=item.name, name_en=item.name_en, unit=item.unit,
                       price=item.price, barcode=item.barcode, category=item.category, brand=item.brand,
                       member_price=item.member_price)

    def scan(self, raw: str) -> int:
        """Add one of the scanned item; returns the index of the line it landed on.

        A scale label or an element string with a weight or a price makes a line of its own;
        a pack whose element string says it has expired is refused."""
        self._goods_allowed()
        code = self._classify(raw)
        product, item = self._find(code)
        if code.expires is not None and code.expires < self._clock().astimezone().date():
            raise ExpiredItem(item, code.expires)
        if code.price is not None:
            return self.cart.add_measured(product, label_price=code.price)
        if code.weight_g is not None and (code.by_weight or item.unit.strip().lower() in WEIGHED_UNITS):
            return self.cart.add_measured(product, weight_g=code.weight_g)
        return self._add_counted(self._counted(product, item))

    def _add_counted(self, product: Product) -> int:
        return self.cart.add(product)

    def _check_stock(self, sku: str, wanted: int) -> None:
        """The one reserved-stock check, asked by the cart itself before every change that takes more
        stock (scanned, typed, searched, RFID-read and weighed lines; raised quantities): raises
        ReservedStockBlocked under the 'block' policy, else keeps the verdict to warn with."""
        self.stock_warning = None
        if self.stock_guard is not None:
            self.stock_warning = self.stock_guard(sku, wanted)

    @staticmethod
    def _counted(product: Product, item: CatalogItem) -> Product:
        """Goods priced per kilogram are sold only with a weight from the scale."""
        if item.unit.strip().lower() in WEIGHED_UNITS:
            raise NeedsWeight(item)
        return product

    def add_sku(self, sku: str) -> int:
        """Add one of a product picked by name (search), by its SKU."""
        self._goods_allowed()
        item = self._catalog.by_sku(sku)
        if item is None:
            raise UnknownCode(sku)
        return self._add_counted(self._counted(self._product(item), item))

    def search(self, typed: str, limit: int = 20) -> list[ProductMatch]:
        return self._catalog.search(typed, limit)

    def change_line(self, index: int, action: Action, value: Amount | int | None, *, actor_role: str,
                    actor_code: str, approver: Approver | None = None, reason: str | None = None) -> None:
        """Change a line of the sale in progress, if the actor (or the approver) may.

        `value`: the new quantity (qty actions), unit price (override) or discount in fen.
        Raises ApprovalNeeded, ReasonNeeded or CartError; on success the change is journaled
        with who did it, who approved it and why."""
        self.stock_warning = None  # a raised quantity sets it again when it eats into reserved stock
        line = self.cart.line(index)
        if action in (Action.RAISE_QTY, Action.LOWER_QTY):
            assert value is not None
            action = Action.RAISE_QTY if value >= line.qty else Action.LOWER_QTY
        if needs_reason(action) and reason not in REASONS[action]:
            raise ReasonNeeded(action)
        cut = 0
        if action is Action.PRICE_OVERRIDE:
            assert value is not None
            if value < 0:
                raise CartError("negative_price")
            cut = cut_pct(line.list_gross, line.amount_if_overridden(value))
        elif action is Action.LINE_DISCOUNT:
            assert value is not None
            if not 0 <= value <= line.gross:  # out of range for anyone: say so, not "ask someone"
                raise CartError("discount_out_of_range", line.gross)
            cut = cut_pct(line.list_gross, line.gross - value)
        if not allowed(actor_role, action, cut) and not (
                approver is not None and allowed(approver.role, action, cut)):
            raise ApprovalNeeded(action, cut)
        before = {"qty": line.qty, "unit_price": line.unit_price, "discount": line.discount,
                  "amount": line.amount}
        if action in (Action.RAISE_QTY, Action.LOWER_QTY):
            self.cart.set_qty(index, int(value))  # type: ignore[arg-type]
        elif action is Action.VOID_LINE:
            self.cart.void(index)
        elif action is Action.PRICE_OVERRIDE:
            self.cart.override_price(index, int(value))  # type: ignore[arg-type]
        else:
            self.cart.set_discount(index, int(value))  # type: ignore[arg-type]
        after = ({} if action is Action.VOID_LINE else
                 {"qty": line.qty, "unit_price": line.unit_price, "discount": line.discount,
                  "amount": line.amount})
        data = {"sku": line.product.sku, "name": line.product.name, "before": before, "after": after,
                "reason": reason, "approved_by": approver.code if approver else None, "cut_pct": cut}
        self._writer.run(lambda conn: journal.append(conn, action.value, actor_code, data,
                                                     at=self._clock()))

    def payment(self) -> Payment:
        """Start taking tenders for the sale in progress, at the store's rounding rule."""
        if self.cart.is_empty:
            raise EmptyCart()
        return Payment(self.cart.total, self._store.cash_rounding)

    def points_tender(self, payment: Payment) -> Tender:
        """Pay as much of the rest as the member's points allow (100 points = ¥1)."""
        if self.member is None:
            raise MemberError("no_member")
        amount = redeemable(self.member, payment.remaining)
        if amount <= 0:
            raise MemberError("no_points")
        return Tender(POINTS, amount, amount, points=points_for(amount))

    def complete_cash_sale(self, tendered: Amount, cashier: Cashier) -> Sale:
        """All in cash: the common case, and the one scripts and tests use."""
        payment = self.payment()
        due = payment.cash_due
        if tendered < due:
            raise InsufficientTender(due, tendered)
        payment.add_cash(tendered)
        return self.complete_sale(payment, cashier)

    def complete_sale(self, payment: Payment, cashier: Cashier,
                      also: Callable[[Connection, Sale], None] | None = None) -> Sale:
        """Commit durably and return the sale.

        The cart is left as it is: the caller starts the next sale with `new_sale()`
        on its own thread once it has shown "paid", so a failed commit loses nothing.
        `also` writes what belongs to the sale in the same transaction (the RFID tags it
        sold), so a crash keeps both or neither.
        """
        lines = sold_lines(self.cart)
        if not payment.settled or payment.total != self.cart.total:
            raise InsufficientTender(self.cart.total, payment.covered)
        tenders = tuple(payment.tenders)
        applied = self.cart.pricing.applied if self.cart.pricing is not None else ()
        member = self.member
        guide = self.guide
        order = self.guide_order
        unmet = set(self.cart.pricing.unmet_coupons) if self.cart.pricing is not None else set()
        redeemed = [c.code for c in self.coupons if c.code not in unmet]
        spent = sum(t.points or 0 for t in tenders if t.kind == POINTS)
        rate = int((self._catalog.store_config() or {}).get("points_per_yuan") or 1)
        paid_in_money = payment.total + payment.rounding - sum(t.amount for t in tenders if t.kind == POINTS)
        earned = points_earned(paid_in_money, rate) if member else 0
        priced_at = self._priced_at.isoformat(timespec="seconds") if self._priced_at else None
        now = self._clock()
        local_day = now.astimezone().date()

        def write(conn: Connection) -> Sale:
            seq = next_counter(conn, receipt_counter_name(local_day))
            sale = Sale(
                sale_id=new_id(),
                receipt_no=receipt_number(self._store.store_code, self._store.terminal_no,
                                          local_day, seq),
                store_code=self._store.store_code, terminal_no=self._store.terminal_no,
                cashier=cashier, occurred_at=now, lines=lines, tenders=tenders,
                currency=self._store.currency, promotions=applied, priced_at_local=priced_at,
                rounding=payment.rounding, member_id=member.member_id if member else None,
                member_masked=f"{member.phone_masked} {member.code}" if member else "",
                points_earned=earned,
                points_balance=member.points + earned - spent if member else None,
                coupon_codes=tuple(redeemed),
                guide_id=guide.staff_id if guide else None, guide_code=guide.code if guide else "",
                guide_order_id=order.order_id if order is not None else None,
                guide_order_no=order.order_no if order is not None else "",
            )
            if order is not None:
                from .order_payment import record_payment

                record_payment(conn, order, sale)  # refuses an order already paid here
            insert_sale(conn, sale)
            if guide is not None:
                record_sale_guide(conn, sale.sale_id, guide.staff_id, guide.code)
            mark_redeemed(conn, redeemed)
            if member is not None and (earned or spent):
                member_points(conn, member.member_id, earned - spent)
            enqueue(conn, sale_event(sale))
            journal.append(conn, "sale", cashier.code, {
                "receipt_no": sale.receipt_no, "sale_id": sale.sale_id, "total": sale.total,
                "lines": len(sale.lines), "tenders": {t.kind: t.amount for t in sale.tenders}}, at=now)
            if any(t.kind == CASH for t in sale.tenders):
                journal.append(conn, "drawer.opened", cashier.code, {"reason": "cash sale",
                                                                      "receipt_no": sale.receipt_no}, at=now)
            if also is not None:
                also(conn, sale)
            return sale

        return self._writer.run(write)

    def _goods_allowed(self) -> None:
        if self.guide_order is not None:
            from .order_payment import GoodsOnOrderPayment

            raise GoodsOnOrderPayment(self.guide_order.order_no or self.guide_order.order_id)

    def new_sale(self) -> None:
        self.guide_order = None
        self.member = None
        self.guide = None
        self.coupons = []
        self.cart = self._new_cart()

    # ---------------------------------------------------------------- holding and voiding
    def hold(self, staff_code: str) -> ParkedSale:
        """Put the sale in progress aside (the customer fetches something) and start a new one."""
        if self.cart.is_empty:
            raise EmptyCart()
        self._goods_allowed()  # an order's payment is taken or voided, not held
        cart = self.cart
        extras = {"member_id": self.member.member_id if self.member else None,
                  "coupons": [c.code for c in self.coupons],
                  "guide": [self.guide.staff_id, self.guide.code, self.guide.name] if self.guide else None}

        def write(conn: Connection) -> ParkedSale:
            held = parked_sales.park(conn, cart, staff_code, at=self._clock(), extras=extras)
            journal.append(conn, "sale.held", staff_code, {"number": held.number, "total": held.total,
                                                            "items": held.items}, at=self._clock())
            return held

        held = self._writer.run(write)
        self.new_sale()
        return held

    def held_sales(self) -> list[ParkedSale]:
        return self._writer.run(parked_sales.parked)

    def resume(self, parked_id: str, staff_code: str) -> bool:
        """Bring a held sale back; only onto an empty sale, so nothing in progress is lost."""
        if not self.cart.is_empty:
            raise SaleInProgress()

        def write(conn: Connection) -> tuple[Cart, dict] | None:
            taken = parked_sales.take_with_extras(conn, parked_id)
            if taken is not None:
                journal.append(conn, "sale.resumed", staff_code, {"total": taken[0].total}, at=self._clock())
            return taken

        taken = self._writer.run(write)
        if taken is None:
            return False
        cart, extras = taken
        # The member and coupons come back with the goods (each checked when it was put on the sale).
        self.member = self._members.by_id(extras["member_id"]) if extras.get("member_id") else None
        found = (find_coupon(self._catalog.engine, code) for code in extras.get("coupons", ()))
        self.coupons = [c for c in found if c is not None and c.status == "issued"]
        self.guide = Cashier(*extras["guide"]) if extras.get("guide") else None
        self.cart = self._new_cart(cart)  # priced again: promotions may have changed meanwhile
        return True

    def void_sale(self, *, actor_role: str, actor_code: str, approver: Approver | None = None,
                  reason: str | None = None) -> None:
        """Abandon the whole sale in progress: a supervisor's decision, with a reason, journaled."""
        if self.cart.is_empty:
            raise EmptyCart()
        if reason not in REASONS[Action.VOID_SALE]:
            raise ReasonNeeded(Action.VOID_SALE)
        if not allowed(actor_role, Action.VOID_SALE) and not (
                approver is not None and allowed(approver.role, Action.VOID_SALE)):
            raise ApprovalNeeded(Action.VOID_SALE, 0)
        data = {"total": self.cart.total, "items": self.cart.item_count,
                "lines": [{"sku": ln.product.sku, "qty": ln.qty, "amount": ln.amount}
                          for ln in self.cart.lines],
                "reason": reason, "approved_by": approver.code if approver else None}
        self._writer.run(lambda conn: journal.append(conn, Action.VOID_SALE.value, actor_code, data,
                                                     at=self._clock()))
        self.new_sale()


__all__ = ["CheckoutService", "ExpiredItem", "MalformedCode", "NeedsWeight", "NotForSale", "StoreIdentity",
           "UnknownCode"]
