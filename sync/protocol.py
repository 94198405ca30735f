"""Wire models of the store ↔ central contract (see PROTOCOL.md), shared by both sides.

Central validates what stores send against these models and publishes them as
OpenAPI; the client builds its requests from them.  Amounts are integer minor
units.  Additive, optional fields keep older clients working; anything else
bumps PROTOCOL_VERSION.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

PROTOCOL_VERSION = 1
MIN_PROTOCOL_VERSION = 1
MAX_PROTOCOL_VERSION_SUPPORTED = PROTOCOL_VERSION
MAX_PUSH_EVENTS = 500
MAX_PUSH_BYTES = 5 * 1024 * 1024
PROTOCOL_HEADER = "X-POS-Protocol"
PROTOCOL_RANGE_HEADER = "X-POS-Protocol-Supported"

Money = Annotated[int, Field(ge=-10**12, le=10**12, description="integer minor units")]
Qty = Annotated[int, Field(ge=-100_000, le=100_000)]
Code = Annotated[str, Field(min_length=1, max_length=64)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Lenient(BaseModel):
    """Server answers: a newer central may add fields an older till ignores."""

    model_config = ConfigDict(extra="ignore")


class ErrorBody(_Lenient):
    code: str
    message: str


class ErrorResponse(_Lenient):
    error: ErrorBody


# ---------------------------------------------------------------- enrolment
class RegisterRequest(_Strict):
    enrollment_code: Annotated[str, Field(min_length=4, max_length=64)]
    device_name: Annotated[str, Field(min_length=1, max_length=100)]
    platform: Annotated[str, Field(max_length=100)] = ""


class RegisterResponse(_Lenient):
    device_id: str
    store_id: str
    store_code: str
    terminal_no: str = Field(description="two-digit till number within the store, for receipt numbers")
    token: str
    protocol_version: int
    server_time: datetime


# ---------------------------------------------------------------- events up
class SaleLinePayload(_Strict):
    line_no: Annotated[int, Field(ge=1)]
    sku: Code
    barcode: str | None = None
    name: Annotated[str, Field(max_length=200)]
    qty: Qty
    unit_price: Money
    """Per unit; for a weighed line (weight_g set), per kilogram."""
    discount: Money = 0
    amount: Money
    promotion_ids: list[str] = Field(default_factory=list)
    weight_g: Annotated[int, Field(ge=1, le=999_999)] | None = None
    """A weighed line: grams on the scale; qty is 1 and stock moves by the grams."""
    # What the till priced the line from, so central can recompute the sale (all optional:
    # a line without them is taken as priced at unit_price with only `discount` off).
    category: Annotated[str, Field(max_length=100)] = ""
    brand: Annotated[str, Field(max_length=100)] = ""
    list_price: Money | None = None
    """The catalog price per unit (per kg); unit_price differs only after an override."""
    member_price: Money | None = None
    label_price: Money | None = None
    override_price: Money | None = None
    manual_discount: Money = 0
    """The cashier's own discount; discount - manual_discount is what the rules took off."""


class TenderPayload(_Strict):
    kind: Literal["cash", "card", "wallet", "points", "coupon", "online"]
    """online: paid in the web shop (an online order); refunded through the shop's channel."""
    amount: Money
    tendered: Money
    change: Money = 0
    reference: Annotated[str, Field(max_length=64)] | None = None
    """Card: the terminal's approval reference; wallet: the provider's transaction id."""
    last4: Annotated[str, Field(pattern=r"^[0-9]{4}$")] | None = None
    provider: Annotated[str, Field(max_length=32)] | None = None
    points: Annotated[int, Field(ge=1, le=10**9)] | None = None
    """Points spent, for a points tender."""
    refund_id: Annotated[str, Field(max_length=64)] | None = None
    """A wallet refund: the provider's refund id (central checks it made that refund)."""


class AppliedPromotion(_Strict):
    promotion_id: Annotated[str, Field(max_length=64)]
    version: Annotated[int, Field(ge=0)]
    kind: Annotated[str, Field(max_length=32)]
    name: Annotated[str, Field(max_length=100)]
    amount: Money


class SaleCompleted(_Strict):
    sale_id: str
    receipt_no: Annotated[str, Field(max_length=40)]
    store_code: Code
    terminal_no: Annotated[str, Field(max_length=8)]
    cashier_id: str
    cashier_name: str
    currency: Annotated[str, Field(min_length=3, max_length=3)] = "CNY"
    lines: Annotated[list[SaleLinePayload], Field(min_length=1, max_length=500)]
    subtotal: Money
    discount_total: Money = 0
    total: Money
    tenders: Annotated[list[TenderPayload], Field(min_length=1, max_length=20)]
    change: Money = 0
    member_id: str | None = None
    guide_id: str | None = None
    coupon_codes: list[str] = Field(default_factory=list)
    promotions: Annotated[list[AppliedPromotion], Field(max_length=100)] = Field(default_factory=list)
    """The promotions that took something off, with the version the till used."""
    priced_at_local: Annotated[str, Field(max_length=32)] | None = None
    """The store's wall-clock time the promotions were judged at (ISO 8601, no zone)."""
    rounding: Annotated[int, Field(ge=-99, le=99)] = 0
    """Cash rounding: the tenders cover total + rounding."""
    points_earned: Annotated[int, Field(ge=0, le=10**9)] = 0
    guide_order_id: Annotated[str, Field(min_length=1, max_length=40)] | None = None
    """A guide order paid at this till: the sale's one line is the order's amount due (sku
    ORDER_PAYMENT_SKU, no stock moves); central marks that order paid, once."""


# ---------------------------------------------------------------- online-only calls
IDEMPOTENCY_HEADER = "Idempotency-Key"


class WalletChargeRequest(_Strict):
    """Charge the customer's wallet payment code (shown in their WeChat Pay / Alipay app)."""

    code: Annotated[str, Field(pattern=r"^[0-9]{18}$")]
    amount: Annotated[int, Field(ge=1, le=10**9)]
    currency: Annotated[str, Field(min_length=3, max_length=3)] = "CNY"
    store_code: Code
    terminal_no: Annotated[str, Field(max_length=8)]


class WalletChargeResponse(_Lenient):
    status: Literal["approved", "declined"]
    provider: str
    amount: int
    transaction_id: str | None = None
    """Set when approved: what the receipt and the refund quote."""
    decline_code: str | None = None
    message: str | None = None


class WalletRefundRequest(_Strict):
    """Send money back to the wallet a sale was paid from (online only, Idempotency-Key)."""

    transaction_id: Annotated[str, Field(min_length=4, max_length=40, pattern=r"^[A-Za-z0-9-]+$")]
    amount: Annotated[int, Field(ge=1, le=10**9)]
    currency: Annotated[str, Field(min_length=3, max_length=3)] = "CNY"
    store_code: Code
    terminal_no: Annotated[str, Field(max_length=8)]
    return_receipt_no: Annotated[str, Field(max_length=40)] | None = None


class WalletRefundResponse(_Lenient):
    status: Literal["refunded", "refused"]
    amount: int
    refund_id: str | None = None
    refused_code: str | None = None
    message: str | None = None


class OnlineRefundView(_Lenient):
    """A store's return on an online order: money the web shop owes back through its channel."""

    return_id: str
    order_id: str
    external_ref: str
    amount: int
    store_code: str
    status: Literal["pending", "paid"]
    reason: str = "return"
    """`return` (a store took the goods back), `refused` (paid lines refused at the pickup desk) or
    `expired` (a paid pickup order central expired uncollected)."""


class SoldLineView(_Lenient):
    line_no: int
    sku: str
    name: str
    qty: int
    amount: int
    weight_g: int | None = None
    returned_qty: int = 0
    """Units already returned against this line, at any store, as far as central has heard."""


class SaleLookupResponse(_Lenient):
    """A sale found by its receipt number anywhere in the chain, for a return (online only)."""

    sale_id: str
    receipt_no: str
    store_code: str
    occurred_at: datetime
    lines: list[SoldLineView]
    tenders: list[TenderPayload]
    refunded: list[TenderPayload] = Field(default_factory=list)


class CouponValidation(_Lenient):
    """The live single-use check (POST /coupons/{code}/validate)."""

    code: str
    valid: bool
    reason: str | None = None
    """unknown, used, void or other_member when not valid."""
    coupon: dict[str, Any] | None = None


class AuditEntryPayload(_Strict):
    """One entry of the till's hash-chained journal (pos_client.domain.journal)."""

    seq: Annotated[int, Field(ge=1)]
    at: Annotated[str, Field(max_length=40)]
    kind: Annotated[str, Field(max_length=40)]
    staff: Annotated[str, Field(max_length=16)]
    data: dict[str, Any]
    prev_hash: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    hash: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]


class AuditRecorded(_Strict):
    """A run of journal entries, in seq order; central checks they continue the chain it holds."""

    entries: Annotated[list[AuditEntryPayload], Field(min_length=1, max_length=500)]


class MemberSignedUp(_Strict):
    """A customer joined at the till (also offline): central keeps one member per phone."""

    member_id: Annotated[str, Field(min_length=8, max_length=40)]
    phone: Annotated[str, Field(pattern=r"^1[3-9][0-9]{9}$")]
    name: Annotated[str, Field(max_length=100)] = ""
    store_code: Code


class MemberContactRequest(_Strict):
    """A manager asks for a member's full phone and name: their own number and PIN, checked at central."""

    staff_code: Annotated[str, Field(min_length=1, max_length=16, pattern=r"^[A-Za-z0-9-]+$")]
    pin: Annotated[str, Field(min_length=4, max_length=12, pattern=r"^[0-9]+$")]


class MemberContact(_Lenient):
    """Shown on the screen of whoever asked, never kept at the till; central records every look."""

    member_id: str
    code: str
    phone: str
    name: str = ""


class ReturnLinePayload(_Strict):
    original_line_no: Annotated[int, Field(ge=1)] | None = None
    """The returned sale's line; None for a return without a receipt."""
    sku: Code
    name: Annotated[str, Field(max_length=200)]
    qty: Annotated[int, Field(ge=1, le=100_000)]
    weight_g: Annotated[int, Field(ge=1, le=999_999)] | None = None
    amount: Money
    restock: bool = True
    """The goods go back on sale (stock moves up by qty, or by weight_g); False: written off."""


class ReturnCompleted(_Strict):
    return_id: str
    receipt_no: Annotated[str, Field(max_length=40)]
    """The refund slip's own number."""
    store_code: Code
    terminal_no: Annotated[str, Field(max_length=8)]
    cashier_id: str
    cashier_name: str
    currency: Annotated[str, Field(min_length=3, max_length=3)] = "CNY"
    original_sale_id: str | None = None
    original_receipt_no: Annotated[str, Field(max_length=40)] | None = None
    original_store_code: Code | None = None
    lines: Annotated[list[ReturnLinePayload], Field(min_length=1, max_length=200)]
    total: Money
    refunds: Annotated[list[TenderPayload], Field(min_length=1, max_length=20)]
    reason: Annotated[str, Field(max_length=40)]
    approved_by: Annotated[str, Field(max_length=16)] | None = None
StaffCode = Annotated[str, Field(min_length=1, max_length=16)]
ClientId = Annotated[str, Field(min_length=1, max_length=40)]


class ShiftOpened(_Strict):
    """A till's drawer starts a shift with this much cash in it."""

    shift_id: ClientId
    store_code: Code
    terminal_no: Annotated[str, Field(max_length=8)]
    opened_at: AwareDatetime
    opened_by: StaffCode
    opened_by_name: Annotated[str, Field(max_length=100)] = ""
    opening_float: Annotated[int, Field(ge=0, le=10**12)]


class CashMoved(_Strict):
    """Cash put into or taken out of the drawer other than for a sale, with its reason."""

    movement_id: ClientId
    shift_id: ClientId
    store_code: Code
    terminal_no: Annotated[str, Field(max_length=8)]
    direction: Literal["in", "out"]
    amount: Annotated[int, Field(ge=1, le=10**12)]
    reason: Annotated[str, Field(min_length=1, max_length=40)]
    note: Annotated[str, Field(max_length=200)] = ""
    staff: StaffCode
    approved_by: StaffCode | None = None
    """The supervisor who approved a cash out the staff member could not make alone."""
    at: AwareDatetime


class ShiftTenderTotal(_Strict):
    kind: Annotated[str, Field(min_length=1, max_length=16)]
    count: Annotated[int, Field(ge=0)]
    amount: Money


class ShiftClosed(_Strict):
    """The Z report: a shift closed with the cashier's blind count.  The figures add up:
    expected = float + cash sales - cash refunds + cash in - cash out; over/short =
    counted - expected (central refuses a report whose figures do not)."""

    shift_id: ClientId
    store_code: Code
    terminal_no: Annotated[str, Field(max_length=8)]
    z_no: Annotated[int, Field(ge=1, le=2**62)]
    opened_at: AwareDatetime
    closed_at: AwareDatetime
    opened_by: StaffCode
    closed_by: StaffCode
    opening_float: Annotated[int, Field(ge=0, le=10**12)]
    sale_count: Annotated[int, Field(ge=0)]
    sales_total: Money
    cash_sales: Money
    cash_refunds: Money
    cash_in: Money
    cash_out: Money
    expected_cash: Money
    counted_cash: Annotated[int, Field(ge=0, le=10**12)]
    over_short: Money
    tenders: Annotated[list[ShiftTenderTotal], Field(max_length=20)] = Field(default_factory=list)
    movement_count: Annotated[int, Field(ge=0)] = 0


class PickupLinePayload(_Strict):
    line_no: Annotated[int, Field(ge=1, le=1000)]
    sku: Code
    qty: Annotated[int, Field(ge=1, le=100_000)]
    reason: Annotated[str, Field(max_length=40)] = ""
    """Why a line was refused (damaged, unwanted); empty for a handed-over line."""


class PickupReady(_Strict):
    """Staff picked the order and set it aside: central notifies the customer."""

    order_id: ClientId
    store_code: Code
    staff: StaffCode
    at: AwareDatetime


class PickupHandedOver(_Strict):
    """The customer collected these lines (the code was verified at the desk; single use)."""

    order_id: ClientId
    store_code: Code
    terminal_no: Annotated[str, Field(max_length=8)]
    staff: StaffCode
    handed_over_at: AwareDatetime
    lines: Annotated[list[PickupLinePayload], Field(min_length=1, max_length=200)]
    id_checked: bool = False
    via: Literal["qr", "digits"] = "digits"


class PickupRejected(_Strict):
    """Lines refused at the desk (damaged, unwanted): their reservations are released."""

    order_id: ClientId
    store_code: Code
    terminal_no: Annotated[str, Field(max_length=8)]
    staff: StaffCode
    at: AwareDatetime
    lines: Annotated[list[PickupLinePayload], Field(min_length=1, max_length=200)]


class FulfilmentPicked(_Strict):
    """Every line of a fulfilment order was picked (each item scanned, or the tote read by RFID)."""

    fulfilment_id: ClientId
    store_code: Code
    staff: StaffCode
    at: AwareDatetime
    lines: Annotated[list[PickupLinePayload], Field(min_length=1, max_length=200)]


class FulfilmentShipped(_Strict):
    """Packed and handed to the courier: the reservation and the stock are consumed."""

    fulfilment_id: ClientId
    store_code: Code
    terminal_no: Annotated[str, Field(max_length=8)]
    staff: StaffCode
    shipped_at: AwareDatetime
    carrier: Annotated[str, Field(min_length=1, max_length=40)]
    tracking_no: Annotated[str, Field(min_length=4, max_length=64, pattern=r"^[A-Za-z0-9\-]+$")]
    lines: Annotated[list[PickupLinePayload], Field(min_length=1, max_length=200)]


class FulfilmentRejected(_Strict):
    """The store cannot fill these lines: central releases them here and routes them elsewhere."""

    fulfilment_id: ClientId
    store_code: Code
    staff: StaffCode
    at: AwareDatetime
    lines: Annotated[list[PickupLinePayload], Field(min_length=1, max_length=200)]
# ---------------------------------------------------------------- guide orders and stock work
Fulfilment = Literal["delivery", "pickup_other", "pickup_here"]
"""How a guide-assisted order reaches the customer: home delivery, pickup at another store,
pickup at this store later.  Commission rules name these channels, and `in_store` for a sale."""


class OrderLinePayload(_Strict):
    sku: Code
    name: Annotated[str, Field(max_length=200)] = ""
    category: Annotated[str, Field(max_length=100)] = ""
    qty: Annotated[int, Field(ge=1, le=10_000)]
    unit_price: Money
    amount: Money


class DeliveryAddress(_Strict):
    name: Annotated[str, Field(min_length=1, max_length=100)]
    phone: Annotated[str, Field(pattern=r"^1[3-9][0-9]{9}$")]
    address: Annotated[str, Field(min_length=4, max_length=300)]


class OrderPlaced(_Strict):
    """A guide-assisted order (endless aisle), as `POST /orders` takes it and as the
    `order.placed` event carries it when it was taken offline.  `order_id` is the
    idempotency key of both: central makes one order per id, however often it hears of it."""

    order_id: ClientId
    store_code: Code
    terminal_no: Annotated[str, Field(max_length=8)] = ""
    guide_id: ClientId
    guide_code: StaffCode
    member_id: Annotated[str, Field(max_length=40)] | None = None
    fulfilment: Fulfilment
    pickup_store_code: Code | None = None
    """pickup_other: the store the customer collects from (pickup_here: this store)."""
    address: DeliveryAddress | None = None
    lines: Annotated[list[OrderLinePayload], Field(min_length=1, max_length=100)]
    total: Money
    payment: Literal["link", "till"] = "link"
    """link: the customer pays later by the payment link / QR; till: paid at this till."""
    tenders: Annotated[list[TenderPayload], Field(max_length=10)] = Field(default_factory=list)
    placed_at: AwareDatetime


class OrderResponse(_Lenient):
    order_id: str
    order_no: str
    status: str
    """placed (awaiting payment by link), paid."""
    total: int
    payment_url: str | None = None
    commission: int = 0
    server_time: datetime


AdjustReason = Literal["receive", "damage", "write_off", "transfer_out", "transfer_in", "correction"]


class StockAdjustLine(_Strict):
    sku: Code
    delta: Annotated[int, Field(ge=-1_000_000, le=1_000_000)]
    """Signed units (grams for weighed goods) moved at this store."""
    expected: Annotated[int, Field(ge=0, le=1_000_000)] | None = None
    """For a receipt: what the delivery note or transfer said; delta - expected is the extra
    (positive) or the shortage (negative)."""


class StockAdjusted(_Strict):
    """Stock moved at a store for a reason other than a sale: goods received (a delivery or an
    incoming transfer), damaged, written off, sent out on a transfer."""

    adjustment_id: ClientId
    store_code: Code
    reason: AdjustReason
    lines: Annotated[list[StockAdjustLine], Field(min_length=1, max_length=2000)]
    transfer_id: ClientId | None = None
    note: Annotated[str, Field(max_length=200)] = ""
    staff: StaffCode
    approved_by: StaffCode | None = None
    at: AwareDatetime


class StockCountLine(_Strict):
    sku: Code
    counted: Annotated[int, Field(ge=0, le=10_000_000)]
    """Units present at the ledger position below (the till adds back units sold during the
    count that the count had not seen)."""
    position: Annotated[int, Field(ge=0)]
    """The store's ledger position for this SKU the count was counted against."""
    expected: int | None = None
    """The level the till showed at that position (central recomputes it from its ledger)."""


class StockCounted(_Strict):
    """A count of a shelf or a whole store: central turns each line into a delta against the
    ledger at the position named, so movements after it (sales during the count) are kept."""

    count_id: ClientId
    store_code: Code
    scope: Literal["shelf", "store"] = "shelf"
    area: Annotated[str, Field(max_length=60)] = ""
    method: Literal["rfid", "scan"] = "rfid"
    lines: Annotated[list[StockCountLine], Field(min_length=1, max_length=100_000)]
    unknown_tags: Annotated[int, Field(ge=0)] = 0
    staff: StaffCode
    started_at: AwareDatetime
    finished_at: AwareDatetime
    store_position: Annotated[int, Field(ge=0, le=2**62)] | None = None
    """Central's store-level ledger position when the count started (GET /stock/position); when
    set, each line's expected level is the SKU's movements up to it, and the per-line positions
    are ignored."""
    part: Annotated[int, Field(ge=1, le=10_000)] = 1
    parts: Annotated[int, Field(ge=1, le=10_000)] = 1
    """A large count goes up as several events under one count_id, each with its own SKUs:
    each part is reconciled on its own (deltas per SKU), so the parts commute."""


EVENT_PAYLOADS: dict[str, type[BaseModel]] = {
    "sale.completed": SaleCompleted,
    "return.completed": ReturnCompleted,
    "member.signed_up": MemberSignedUp,
    "audit.recorded": AuditRecorded,
    "shift.opened": ShiftOpened,
    "cash.moved": CashMoved,
    "shift.closed": ShiftClosed,
    "pickup.ready": PickupReady,
    "pickup.handed_over": PickupHandedOver,
    "pickup.rejected": PickupRejected,
    "fulfilment.picked": FulfilmentPicked,
    "fulfilment.shipped": FulfilmentShipped,
    "fulfilment.rejected": FulfilmentRejected,
    "order.placed": OrderPlaced,
    "stock.adjusted": StockAdjusted,
    "stock.counted": StockCounted,
}
"""Event types central can apply, and the model each payload must satisfy."""


class Event(_Strict):
    event_id: Annotated[str, Field(min_length=32, max_length=40)]
    type: Annotated[str, Field(min_length=1, max_length=64)]
    seq: Annotated[int, Field(ge=1, le=2**62)]
    occurred_at: AwareDatetime
    payload: dict[str, Any]


class PushRequest(_Strict):
    """Events are checked one by one at central, so one unreadable event is rejected
    alone (and kept by the store for attention) instead of failing the whole batch."""

    device_id: str
    events: Annotated[list[dict[str, Any]], Field(max_length=MAX_PUSH_EVENTS)]


EventStatus = Literal["accepted", "duplicate", "rejected"]


class EventResult(_Lenient):
    event_id: str
    status: EventStatus
    conflict: ErrorBody | None = None
    error: ErrorBody | None = None


class PushResponse(_Lenient):
    results: list[EventResult]
    server_time: datetime


# ---------------------------------------------------------------- state down
ENTITIES = (
    "store_config",
    "staff",
    "product",
    "barcode",
    "price",
    "promotion",
    "member",
    "coupon",
    "stock_level",
    "pickup_order",
    "reservation",
    "fulfilment_order",
    "variant",
    "commission_rule",
    "safety_stock",
    "transfer",
)
"""Entities central sends down today, in snapshot order; later features add theirs here."""


class Change(_Lenient):
    entity: str
    id: str
    op: Literal["upsert", "delete"]
    version: int
    data: dict[str, Any] | None = None


class ChangesResponse(_Lenient):
    changes: list[Change]
    next_cursor: str
    has_more: bool
    server_time: datetime


class HealthResponse(_Lenient):
    status: str
    protocol_min: int
    protocol_max: int
    server_time: datetime


# Shapes of `Change.data` per entity, validated by the client before applying.
class OfflineLimits(_Lenient):
    noncash_lock_after_hours: Annotated[int, Field(ge=0, le=24 * 365)] = 72
    """Hours without a successful sync after which only cash may be taken."""
    max_offline_coupon: Annotated[int, Field(ge=0)] = 5000
    """The largest coupon (fen) a till accepts without central's live single-use check."""


class StoreConfigData(_Lenient):
    # Store settings a till does not name yet are kept as sent, not dropped: a setting added at
    # central reaches the till's store_config at once, and code reading it needs no model change
    # to see it (two features were lost to a silently dropped field before this).
    model_config = ConfigDict(extra="allow")

    store_code: str
    name: str
    name_en: str = ""
    address: str = ""
    currency: str = "CNY"
    timezone: str = "Asia/Shanghai"
    offline_limits: OfflineLimits = Field(default_factory=OfflineLimits)
    member_key: str = ""
    """The chain's key for hashing member phones, so a till finds members by phone offline."""
    points_per_yuan: int = 1
    variable_barcodes: list[dict[str, Any]] = Field(default_factory=list)
    """Scale-label layouts: [{prefix: "22", measure: "weight"|"price", item_digits: 5}]; a till
    skips any it cannot use (pos_client.domain.barcodes.variable_layouts)."""
    cash_rounding: str = "none"
    """How cash totals round (pos_client.domain.tenders.CashRounding; unknown values: none)."""
    autolock_minutes: int | None = None
    """The longest a till may sit untouched before it locks; None: the till's own setting."""
    pickup: dict[str, Any] = Field(default_factory=dict)
    """The pickup desk's rules: reserved_policy (warn|block), id_check_above (fen),
    lock_after_failures, lock_minutes (pos_client.services.pickup.DeskSettings)."""


class StaffData(_Lenient):
    staff_id: str
    code: str
    name: str
    role: Literal["cashier", "supervisor", "manager", "guide", "admin", "it"]
    pin_hash: str
    active: bool = True


class ProductData(_Lenient):
    sku: str
    name: str
    name_en: str = ""
    category: str = ""
    brand: str = ""
    unit: str = ""
    pinyin: str = ""
    """The name's full pinyin, one group per word ("kekoukele jingdian"), for search."""
    initials: str = ""
    """The name's pinyin initials, one group per word ("kkkl jd")."""


class BarcodeData(_Lenient):
    code: str
    sku: str


class PriceData(_Lenient):
    sku: str
    amount: Money
    scope: Literal["chain", "store", "member"] = "chain"
    """chain: list price; store: this store's own price; member: the chain's member price."""


class PromotionData(_Lenient):
    """A promotion rule; `definition` is read by pos_client.domain.promotions.parse_promotion."""

    promotion_id: str
    version: Annotated[int, Field(ge=1)]
    definition: dict[str, Any]


class MemberData(_Lenient):
    """What a till may know of a member: no phone number, no full name."""

    member_id: str
    code: str
    tier: str = "standard"
    points: int = 0
    phone_key: str
    phone_masked: str
    name_masked: str = ""


class CouponData(_Lenient):
    code: str
    name: str = ""
    value: int = 0
    percent_off: int = 0
    min_spend: int = 0
    max_off: int | None = None
    target: dict[str, Any] | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    member_id: str | None = None
    status: str = "issued"


class StockLevelData(_Lenient):
    sku: str
    on_hand: int
    position: Annotated[int, Field(ge=0)]


class PickupOrderData(_Lenient):
    """A pickup order as its store sees it: the customer masked, the code only as a salted hash."""

    order_id: str
    status: str
    customer: str = ""
    phone_last4: str = ""
    total: int = 0
    paid: bool = False
    lines: list[dict[str, Any]] = Field(default_factory=list)
    created_at: str | None = None
    deadline: str | None = None
    ready_at: str | None = None
    code_salt: str
    code_hash: str
    handed_over_by: str | None = None
    conflict: str | None = None


class ReservationData(_Lenient):
    reservation_id: str
    order_id: str
    line_no: int
    sku: str
    qty: int
    expires_at: str | None = None
    """Central's clock decides expiry; a till shows this but never acts on it."""
    status: str = "held"


class FulfilmentOrderData(_Lenient):
    """A delivery order's part routed to this store: what to pick, pack and ship, and by when."""

    fulfilment_id: str
    delivery_order_id: str
    status: str
    lines: list[dict[str, Any]] = Field(default_factory=list)
    ship_by: str | None = None
    customer: str = ""
    city_hint: str = ""
    tracking_no: str | None = None
    conflict: str | None = None


class OnlineOrderLine(_Strict):
    sku: Code
    qty: Annotated[int, Field(ge=1, le=10_000)]
    unit_price: Annotated[int, Field(ge=0, le=10**10)]
    name: Annotated[str, Field(max_length=200)] = ""


class OnlineOrderRequest(_Strict):
    """An online order for pickup at a store, as the e-commerce front end sends it."""

    external_ref: Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9\-_]+$")]
    store_code: Code
    customer_name: Annotated[str, Field(min_length=1, max_length=100)]
    customer_phone: Annotated[str, Field(pattern=r"^\+?[0-9]{6,15}$")]
    paid: bool = False
    lines: Annotated[list[OnlineOrderLine], Field(min_length=1, max_length=100)]


class DeliveryOrderRequest(_Strict):
    """An online order for home delivery, to be shipped from the nearest store(s) with stock."""

    external_ref: Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9\-_]+$")]
    customer_name: Annotated[str, Field(min_length=1, max_length=100)]
    customer_phone: Annotated[str, Field(pattern=r"^\+?[0-9]{6,15}$")]
    address: Annotated[str, Field(min_length=1, max_length=300)]
    latitude_e6: Annotated[int, Field(ge=-90_000_000, le=90_000_000)]
    longitude_e6: Annotated[int, Field(ge=-180_000_000, le=180_000_000)]
    lines: Annotated[list[OnlineOrderLine], Field(min_length=1, max_length=100)]


class DeliveryOrderResponse(_Lenient):
    order_id: str
    external_ref: str
    status: str
    lines: list[dict[str, Any]]
    """Each line with the store it was routed to (store_code) and its fulfilment order."""


class OnlineOrderResponse(_Lenient):
    order_id: str
    external_ref: str
    status: str
    paid: bool
    pickup_code: str
    """8 digits, for the customer only: stores never receive it."""
    qr_payload: str
    total: int
    deadline: str
    reserved_until: str


class SnapshotHeader(_Lenient):
    """First line of a snapshot stream."""

    entity: str
    total: int


class SnapshotRow(_Lenient):
    id: str
    data: dict[str, Any]


class SnapshotTrailer(_Lenient):
    """Last line: how many rows were sent, and the cursor to pull changes from."""

    cursor: str
    count: int


ENTITY_DATA: dict[str, type[BaseModel]] = {
    "store_config": StoreConfigData,
    "staff": StaffData,
    "product": ProductData,
    "barcode": BarcodeData,
    "price": PriceData,
    "promotion": PromotionData,
    "member": MemberData,
    "coupon": CouponData,
    "stock_level": StockLevelData,
    "pickup_order": PickupOrderData,
    "reservation": ReservationData,
    "fulfilment_order": FulfilmentOrderData,
}


# ---------------------------------------------------------------- device state (restore)
class DeviceSyncState(_Lenient):
    """What central holds of one till's events, so a till restored from a backup never
    gives a sequence number (or receipt number) central already saw to another event."""

    device_id: str
    last_seq: int
    """The highest `seq` central received from this device (0: none yet)."""
    events_received: int
    latest_receipt_no: str | None = None
    """The highest receipt number of this device's sales at central."""
    latest_return_no: str | None = None
    """The highest refund slip number (…-R0007) of this device's returns at central."""
    latest_z_no: int | None = None
    """The highest Z report number this device closed a shift with."""
    server_time: datetime
# ---------------------------------------------------------------- guide and stock work (issue 7)
class StockAtSku(_Lenient):
    sku: str
    on_hand: int
    reserved: int = 0
    available: int


class StockLocation(_Lenient):
    store_code: str
    name: str
    kind: Literal["store", "warehouse"] = "store"
    distance_m: int | None = None
    """Metres from the asking store (great circle); None when either has no coordinates."""
    as_of: datetime | None = None
    """When central last heard from the location (its ledger is as fresh as that)."""
    skus: list[StockAtSku]


class VariantView(_Lenient):
    sku: str
    name: str = ""
    size: str = ""
    colour: str = ""


class NetworkStockResponse(_Lenient):
    """`GET /stock?sku=`: the SKU and its variants (same style) in every store and warehouse,
    nearest first."""

    sku: str
    style: str = ""
    variants: list[VariantView]
    locations: list[StockLocation]
    server_time: datetime


class TransferLinePayload(_Strict):
    sku: Code
    qty: Annotated[int, Field(ge=1, le=1_000_000)]


class TransferRequest(_Strict):
    """`POST /transfers` (Idempotency-Key = transfer_id): ask another store (or the warehouse)
    for goods."""

    transfer_id: ClientId
    from_store_code: Code
    to_store_code: Code
    lines: Annotated[list[TransferLinePayload], Field(min_length=1, max_length=500)]
    note: Annotated[str, Field(max_length=200)] = ""
    requested_by: StaffCode


class TransferData(_Lenient):
    """A transfer as both its stores see it (entity `transfer`)."""

    transfer_id: str
    transfer_no: str = ""
    from_store_code: str
    to_store_code: str
    status: Literal["requested", "shipped", "received"]
    lines: list[dict[str, Any]]
    """[{sku, qty (asked), shipped, received}]"""
    note: str = ""
    requested_at: str = ""
    shipped_at: str | None = None
    received_at: str | None = None


class VariantData(_Lenient):
    sku: str
    style: str
    size: str = ""
    colour: str = ""


class CommissionRuleData(_Lenient):
    rule_id: str
    category: str = ""
    """'' = any category"""
    channel: str = ""
    """in_store, delivery, pickup_other, pickup_here; '' = any"""
    rate_bp: Annotated[int, Field(ge=0, le=10_000)]
    """Basis points of the line amount (150 = 1.5 %)."""


class SafetyStockData(_Lenient):
    sku: str
    min_qty: Annotated[int, Field(ge=0)]
    target_qty: Annotated[int, Field(ge=0)]


class CommissionTotal(_Lenient):
    guide_id: str
    guide_code: str
    guide_name: str = ""
    sales: int
    """Attributed sales (minor units), returns deducted."""
    commission: int
    count: int


class CommissionReport(_Lenient):
    """`GET /commission?period=today|month[&guide=CODE]`: per guide, in the store's local calendar."""

    store: str
    period: str
    start: datetime
    guides: list[CommissionTotal]
    server_time: datetime


ENTITY_DATA.update({"variant": VariantData, "commission_rule": CommissionRuleData,
                    "safety_stock": SafetyStockData, "transfer": TransferData})


ORDER_PAYMENT_SKU = "GUIDE-ORDER"
"""The line a till sells when a guide order is paid at it: money only, the order's fulfilment moves
the stock."""


class StockPosition(_Lenient):
    """`GET /stock/position`: the store's ledger position (its latest movement's number) now; a count
    started at it is reconciled against every movement after it, from any till."""

    position: int
    server_time: datetime


class SnapshotLocation(_Lenient):
    store_code: str
    name: str
    kind: str = "store"
    distance_m: int | None = None


class NetworkSnapshot(_Lenient):
    """`GET /stock/snapshot?since=<cursor>`: the available figure per SKU at the store's nearest
    locations, only what moved since the cursor.  Rows are [store_code, sku, on_hand, reserved]."""

    locations: list[SnapshotLocation]
    rows: list[tuple[str, str, int, int]]
    next_cursor: int
    has_more: bool
    server_time: datetime
