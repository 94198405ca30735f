"""Central's tables.  Portable SQL only (SQLite and PostgreSQL), per-store data scoped by store_id.

Central is stateless over this database, so several `pos-central` processes can
share it; everything that must be unique under concurrency (event ids, codes,
tokens) is a unique key, not an in-memory check.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# SQLite only auto-increments INTEGER PRIMARY KEY; PostgreSQL wants BIGINT for a log.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    type_annotation_map: ClassVar = {datetime: DateTime(timezone=True)}


class Store(Base):
    __tablename__ = "stores"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Shanghai")
    noncash_lock_after_hours: Mapped[int] = mapped_column(default=72)
    created_at: Mapped[datetime]
    variable_barcodes: Mapped[list | None] = mapped_column(JSON, default=None)
    """This store's scale-label layouts; None: the chain's (catalog.DEFAULT_VARIABLE_BARCODES)."""
    cash_rounding: Mapped[str] = mapped_column(String(16), default="none")
    """How cash totals are rounded at this store's tills (pos_client.domain.tenders.CashRounding)."""
    max_offline_coupon: Mapped[int] = mapped_column(default=5000)
    """The largest coupon (minor units) a till may take without central's live check."""
    autolock_minutes: Mapped[int | None] = mapped_column(default=None)
    """The longest a till may sit untouched before it locks; None: each till's own setting."""


class Device(Base):
    __tablename__ = "devices"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("stores.id"), index=True)
    terminal_no: Mapped[str] = mapped_column(String(8))
    name: Mapped[str] = mapped_column(String(100))
    platform: Mapped[str] = mapped_column(String(100), default="")
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None] = mapped_column(default=None)
    last_seen_at: Mapped[datetime | None] = mapped_column(default=None)
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    __table_args__ = (UniqueConstraint("store_id", "terminal_no"),)


class EnrollmentCode(Base):
    __tablename__ = "enrollment_codes"
    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("stores.id"))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None] = mapped_column(default=None)
    device_id: Mapped[str | None] = mapped_column(String(36), default=None)


class Staff(Base):
    __tablename__ = "staff"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    store_id: Mapped[str | None] = mapped_column(ForeignKey("stores.id"), index=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(16))
    pin_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)


class Product(Base):
    __tablename__ = "products"
    sku: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    category: Mapped[str] = mapped_column(String(64), default="")
    brand: Mapped[str] = mapped_column(String(64), default="")
    unit: Mapped[str] = mapped_column(String(16), default="")
    pinyin: Mapped[str] = mapped_column(String(400), default="")
    initials: Mapped[str] = mapped_column(String(200), default="")
    """The name's spoken forms for search at the tills (see spoken_names.py)."""


class Barcode(Base):
    __tablename__ = "barcodes"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    sku: Mapped[str] = mapped_column(ForeignKey("products.sku"), index=True)


MEMBER_SCOPE = "member"


class Price(Base):
    """A chain-wide list price (scope '*'), the chain's member price (scope 'member') or a
    store's own price (scope = store id)."""

    __tablename__ = "prices"
    sku: Mapped[str] = mapped_column(ForeignKey("products.sku"), primary_key=True)
    scope: Mapped[str] = mapped_column(String(36), primary_key=True)
    amount: Mapped[int] = mapped_column(BigInteger)


CHAIN_SCOPE = "chain"


class ChangeScope(Base):
    """A gap-free change sequence per scope: the chain, or one store.

    A writer takes the scope's row lock to number its changes, so within a scope
    numbers are handed out in commit order and a reader paging by number never
    skips a change that commits late (an autoincrement id can).  Per-store scopes
    keep stores from queueing behind each other.
    """

    __tablename__ = "change_scopes"
    scope: Mapped[str] = mapped_column(String(36), primary_key=True)
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    min_seq: Mapped[int] = mapped_column(BigInteger, default=1)
    """Oldest number still in the log; a cursor before it was compacted away (410)."""


class ChangeLogEntry(Base):
    """State sent down to stores, numbered per scope ('chain' or a store id)."""

    __tablename__ = "change_log"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    scope: Mapped[str] = mapped_column(String(36))
    seq: Mapped[int] = mapped_column(BigInteger)
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(100))
    op: Mapped[str] = mapped_column(String(8))
    data: Mapped[dict | None] = mapped_column(JSON)
    created_at: Mapped[datetime]
    __table_args__ = (UniqueConstraint("scope", "seq", name="uq_change_log_scope_seq"),)


class ReceivedEvent(Base):
    """Every event ever applied, kept for good: the event id is the idempotency key."""

    __tablename__ = "events"
    event_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    device_id: Mapped[str] = mapped_column(ForeignKey("devices.id"), index=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("stores.id"), index=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    type: Mapped[str] = mapped_column(String(64))
    payload_hash: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))
    outcome: Mapped[dict | None] = mapped_column(JSON)
    occurred_at: Mapped[datetime]
    received_at: Mapped[datetime]


class Sale(Base):
    __tablename__ = "sales"
    sale_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("stores.id"), index=True)
    device_id: Mapped[str] = mapped_column(ForeignKey("devices.id"))
    event_id: Mapped[str] = mapped_column(String(40), unique=True)
    receipt_no: Mapped[str] = mapped_column(String(40), index=True)
    cashier_id: Mapped[str] = mapped_column(String(36))
    cashier_name: Mapped[str] = mapped_column(String(100))
    currency: Mapped[str] = mapped_column(String(3))
    subtotal: Mapped[int] = mapped_column(BigInteger)
    discount_total: Mapped[int] = mapped_column(BigInteger)
    total: Mapped[int] = mapped_column(BigInteger)
    change: Mapped[int] = mapped_column(BigInteger)
    occurred_at: Mapped[datetime]
    received_at: Mapped[datetime]


class SaleLine(Base):
    __tablename__ = "sale_lines"
    sale_id: Mapped[str] = mapped_column(ForeignKey("sales.sale_id"), primary_key=True)
    line_no: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(String(32), index=True)
    name: Mapped[str] = mapped_column(String(200))
    qty: Mapped[int]
    unit_price: Mapped[int] = mapped_column(BigInteger)
    discount: Mapped[int] = mapped_column(BigInteger)
    amount: Mapped[int] = mapped_column(BigInteger)
    weight_g: Mapped[int | None] = mapped_column(default=None)
    """A weighed line: grams sold (the SKU's stock is kept in grams)."""


class SaleTender(Base):
    __tablename__ = "sale_tenders"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    sale_id: Mapped[str] = mapped_column(ForeignKey("sales.sale_id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    amount: Mapped[int] = mapped_column(BigInteger)
    tendered: Mapped[int] = mapped_column(BigInteger)
    change: Mapped[int] = mapped_column(BigInteger)


class StockMovement(Base):
    """The stock ledger: signed deltas per store and SKU; stock is their sum."""

    __tablename__ = "stock_movements"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("stores.id"))
    sku: Mapped[str] = mapped_column(String(32))
    delta: Mapped[int] = mapped_column(BigInteger)
    reason: Mapped[str] = mapped_column(String(32))
    event_id: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime]
    __table_args__ = (Index("ix_stock_movements_store_sku", "store_id", "sku"),)


class StockLevel(Base):
    """Sum of a store's ledger for one SKU, kept with the ledger position it reflects."""

    __tablename__ = "stock_levels"
    store_id: Mapped[str] = mapped_column(ForeignKey("stores.id"), primary_key=True)
    sku: Mapped[str] = mapped_column(String(32), primary_key=True)
    on_hand: Mapped[int] = mapped_column(BigInteger, default=0)
    position: Mapped[int] = mapped_column(BigInteger, default=0)
    """Number of movements summed so far: what a later count was counted against."""


class Note(Base):
    """Things a person at central must look at (sequence gaps, conflicts)."""

    __tablename__ = "notes"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    store_id: Mapped[str | None] = mapped_column(String(36))
    device_id: Mapped[str | None] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(32))
    message: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]


class AuditEntry(Base):
    """A till's journal entry as the till chained it; central checks each batch continues the chain."""

    __tablename__ = "audit_entries"
    device_id: Mapped[str] = mapped_column(ForeignKey("devices.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    store_id: Mapped[str] = mapped_column(String(36), index=True)
    at: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(40))
    staff: Mapped[str] = mapped_column(String(16))
    data: Mapped[dict] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime]


class Promotion(Base):
    """A promotion as it stands now; each change is a new version (see PromotionVersion)."""

    __tablename__ = "promotions"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    version: Mapped[int]
    definition: Mapped[dict] = mapped_column(JSON)
    active: Mapped[bool] = mapped_column(default=True)
    updated_at: Mapped[datetime]


class PromotionVersion(Base):
    """Every version a till may have priced a sale with, so central can recompute the sale."""

    __tablename__ = "promotion_versions"
    promotion_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    version: Mapped[int] = mapped_column(primary_key=True)
    definition: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[datetime]


class SalePricing(Base):
    """How a sale was priced and paid beyond its lines: promotions, rounding, tender references,
    and what central's own recomputation of the total found."""

    __tablename__ = "sale_pricing"
    sale_id: Mapped[str] = mapped_column(ForeignKey("sales.sale_id"), primary_key=True)
    priced_at_local: Mapped[str | None] = mapped_column(String(32))
    rounding: Mapped[int] = mapped_column(BigInteger, default=0)
    promotions: Mapped[list] = mapped_column(JSON)
    tender_refs: Mapped[list] = mapped_column(JSON)
    recomputed_total: Mapped[int | None] = mapped_column(BigInteger)
    """None when central could not recompute (a promotion version it does not hold)."""


class WalletPayment(Base):
    """One wallet charge asked for by a till, kept under its Idempotency-Key."""

    __tablename__ = "wallet_payments"
    idempotency_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36), index=True)
    request_hash: Mapped[str] = mapped_column(String(64))
    store_code: Mapped[str] = mapped_column(String(64))
    amount: Mapped[int] = mapped_column(BigInteger)
    provider: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    transaction_id: Mapped[str | None] = mapped_column(String(40))
    decline_code: Mapped[str | None] = mapped_column(String(32))
    code_last4: Mapped[str] = mapped_column(String(4))
    created_at: Mapped[datetime]


class WalletRefund(Base):
    """Money sent back to a wallet through the provider, kept under the till's Idempotency-Key."""

    __tablename__ = "wallet_refunds"
    idempotency_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36), index=True)
    request_hash: Mapped[str] = mapped_column(String(64))
    transaction_id: Mapped[str] = mapped_column(String(40), index=True)
    amount: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(16))
    refund_id: Mapped[str | None] = mapped_column(String(40), unique=True)
    refused_code: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime]


class OnlineRefund(Base):
    """Money a store's return owes back on an online order: the web shop pays it through its
    payment channel (GET /api/v1/online-refunds with the channel key) and marks it done."""

    __tablename__ = "online_refunds"
    return_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    order_id: Mapped[str] = mapped_column(String(40), index=True)
    external_ref: Mapped[str] = mapped_column(String(64))
    amount: Mapped[int] = mapped_column(BigInteger)
    store_code: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), default="pending")
    created_at: Mapped[datetime]
    paid_at: Mapped[datetime | None] = mapped_column(default=None)
    reason: Mapped[str] = mapped_column(String(16), default="return", server_default="return")
    """`return` (goods brought back to a store), `refused` (paid lines refused at the pickup desk) or
    `expired` (a paid pickup order central expired because it was never collected)."""


class ReturnRecord(Base):
    """Goods taken back at a store, against a sale (any store's) or without a receipt."""

    __tablename__ = "returns"
    return_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("stores.id"), index=True)
    device_id: Mapped[str] = mapped_column(String(36))
    event_id: Mapped[str] = mapped_column(String(40), unique=True)
    receipt_no: Mapped[str] = mapped_column(String(40), index=True)
    original_sale_id: Mapped[str | None] = mapped_column(String(40), index=True)
    original_receipt_no: Mapped[str | None] = mapped_column(String(40))
    cashier_id: Mapped[str] = mapped_column(String(36))
    total: Mapped[int] = mapped_column(BigInteger)
    reason: Mapped[str] = mapped_column(String(40))
    approved_by: Mapped[str | None] = mapped_column(String(16))
    occurred_at: Mapped[datetime]
    received_at: Mapped[datetime]


class ReturnLineRecord(Base):
    __tablename__ = "return_lines"
    return_id: Mapped[str] = mapped_column(ForeignKey("returns.return_id"), primary_key=True)
    idx: Mapped[int] = mapped_column(primary_key=True)
    original_line_no: Mapped[int | None]
    sku: Mapped[str] = mapped_column(String(32))
    qty: Mapped[int]
    weight_g: Mapped[int | None]
    amount: Mapped[int] = mapped_column(BigInteger)
    restock: Mapped[bool]


class ReturnRefund(Base):
    __tablename__ = "return_refunds"
    return_id: Mapped[str] = mapped_column(ForeignKey("returns.return_id"), primary_key=True)
    idx: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    amount: Mapped[int] = mapped_column(BigInteger)
    reference: Mapped[str | None] = mapped_column(String(64))


class ChainSetting(Base):
    """Chain-wide settings central keeps for itself (the key tills hash member phones with)."""

    __tablename__ = "chain_settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Member(Base):
    """A loyalty member.  Tills receive a masked, hashed view (central.members.member_data)."""

    __tablename__ = "members"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    phone: Mapped[str] = mapped_column(String(11), unique=True)
    name: Mapped[str] = mapped_column(String(100), default="")
    tier: Mapped[str] = mapped_column(String(16), default="standard")
    points: Mapped[int] = mapped_column(BigInteger, default=0)
    signed_up_store: Mapped[str | None] = mapped_column(String(16))
    created_at: Mapped[datetime]


class MemberAlias(Base):
    """A member id a till made up offline for a phone central already knew: sales under it count
    for the member it was merged into."""

    __tablename__ = "member_aliases"
    alias_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"))


class PointsMovement(Base):
    __tablename__ = "points_movements"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"), index=True)
    delta: Mapped[int] = mapped_column(BigInteger)
    reason: Mapped[str] = mapped_column(String(32))
    event_id: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime]
class TillShift(Base):
    """A till's shift as its events told it: opened with a float, closed with a Z report.

    Either event may arrive first (one can be held back for attention on the till), so
    each fills its own columns of the same row."""

    __tablename__ = "till_shifts"
    shift_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("stores.id"), index=True)
    device_id: Mapped[str] = mapped_column(ForeignKey("devices.id"))
    terminal_no: Mapped[str] = mapped_column(String(8))
    opened_at: Mapped[datetime]
    opened_by: Mapped[str] = mapped_column(String(16))
    opened_by_name: Mapped[str] = mapped_column(String(100), default="")
    opening_float: Mapped[int] = mapped_column(BigInteger)
    closed_at: Mapped[datetime | None] = mapped_column(default=None, index=True)
    closed_by: Mapped[str | None] = mapped_column(String(16), default=None)
    z_no: Mapped[int | None] = mapped_column(BigInteger, default=None)
    sale_count: Mapped[int | None] = mapped_column(default=None)
    sales_total: Mapped[int | None] = mapped_column(BigInteger, default=None)
    cash_sales: Mapped[int | None] = mapped_column(BigInteger, default=None)
    cash_refunds: Mapped[int | None] = mapped_column(BigInteger, default=None)
    cash_in: Mapped[int | None] = mapped_column(BigInteger, default=None)
    cash_out: Mapped[int | None] = mapped_column(BigInteger, default=None)
    expected_cash: Mapped[int | None] = mapped_column(BigInteger, default=None)
    counted_cash: Mapped[int | None] = mapped_column(BigInteger, default=None)
    over_short: Mapped[int | None] = mapped_column(BigInteger, default=None)
    tenders: Mapped[list | None] = mapped_column(JSON, default=None)
    received_at: Mapped[datetime]
    __table_args__ = (Index("ix_till_shifts_device_z", "device_id", "z_no"),)


class CashMovement(Base):
    """Cash put into or taken out of a till's drawer, with the reason given at the till."""

    __tablename__ = "cash_movements"
    movement_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("stores.id"), index=True)
    device_id: Mapped[str] = mapped_column(ForeignKey("devices.id"))
    shift_id: Mapped[str] = mapped_column(String(40), index=True)
    direction: Mapped[str] = mapped_column(String(4))
    amount: Mapped[int] = mapped_column(BigInteger)
    reason: Mapped[str] = mapped_column(String(40))
    note: Mapped[str] = mapped_column(String(200), default="")
    staff: Mapped[str] = mapped_column(String(16))
    approved_by: Mapped[str | None] = mapped_column(String(16), default=None)
    occurred_at: Mapped[datetime]
    event_id: Mapped[str] = mapped_column(String(40), unique=True)
    received_at: Mapped[datetime]


class Coupon(Base):
    """A coupon a customer claimed online (or a bearer coupon), redeemed once in any store."""

    __tablename__ = "coupons"
    code: Mapped[str] = mapped_column(String(24), primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    value: Mapped[int] = mapped_column(BigInteger, default=0)
    percent_off: Mapped[int] = mapped_column(default=0)
    min_spend: Mapped[int] = mapped_column(BigInteger, default=0)
    max_off: Mapped[int | None] = mapped_column(BigInteger)
    target: Mapped[dict | None] = mapped_column(JSON)
    valid_from: Mapped[str | None] = mapped_column(String(32))
    valid_to: Mapped[str | None] = mapped_column(String(32))
    member_id: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(16), default="issued")
    created_at: Mapped[datetime]


class CouponRedemption(Base):
    """Every time a sale used a coupon: more than one row for a code is a loss-prevention case."""

    __tablename__ = "coupon_redemptions"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    code: Mapped[str] = mapped_column(String(24), index=True)
    sale_id: Mapped[str] = mapped_column(String(40))
    receipt_no: Mapped[str] = mapped_column(String(40))
    store_id: Mapped[str] = mapped_column(String(36))
    device_id: Mapped[str] = mapped_column(String(36))
    amount: Mapped[int] = mapped_column(BigInteger)
    reused: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime]


class PickupOrder(Base):
    """An online order to be collected at a store (BOPIS); its lines are a JSON list.

    Central keeps the code (it is in the customer's notification); stores get only its hash."""

    __tablename__ = "pickup_orders"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("stores.id"), index=True)
    external_ref: Mapped[str] = mapped_column(String(64), unique=True)
    status: Mapped[str] = mapped_column(String(24))
    customer_name: Mapped[str] = mapped_column(String(100))
    customer_phone: Mapped[str] = mapped_column(String(20))
    code: Mapped[str] = mapped_column(String(8))
    code_hash: Mapped[str] = mapped_column(String(64), index=True)
    total: Mapped[int] = mapped_column(BigInteger)
    paid: Mapped[bool] = mapped_column(default=False)
    lines: Mapped[list] = mapped_column(JSON)
    created_at: Mapped[datetime]
    deadline: Mapped[datetime]
    ready_at: Mapped[datetime | None] = mapped_column(default=None)
    closed_at: Mapped[datetime | None] = mapped_column(default=None)
    handed_over_by: Mapped[str | None] = mapped_column(String(16), default=None)
    handed_over_device: Mapped[str | None] = mapped_column(String(36), default=None)
    handed_over_event: Mapped[str | None] = mapped_column(String(40), default=None)
    conflict: Mapped[str | None] = mapped_column(String(40), default=None)


class Reservation(Base):
    """Stock held at a store for one line of an online order, until `expires_at` (central's clock)."""

    __tablename__ = "reservations"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("stores.id"))
    order_id: Mapped[str] = mapped_column(String(40), index=True)
    line_no: Mapped[int]
    sku: Mapped[str] = mapped_column(String(32))
    qty: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(16))
    """held, consumed (handed over), released (refused, cancelled) or expired."""
    expires_at: Mapped[datetime]
    created_at: Mapped[datetime]
    __table_args__ = (Index("ix_reservations_store_sku_status", "store_id", "sku", "status"),)


class PickupNotification(Base):
    """What central would have sent the customer (the reference central logs instead of sending SMS)."""

    __tablename__ = "pickup_notifications"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    order_id: Mapped[str] = mapped_column(String(40), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    recipient: Mapped[str] = mapped_column(String(40))
    message: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]


class PickupStoreSettings(Base):
    """A store's pickup desk rules; a store without a row uses the defaults."""

    __tablename__ = "pickup_store_settings"
    store_id: Mapped[str] = mapped_column(ForeignKey("stores.id"), primary_key=True)
    reserved_policy: Mapped[str] = mapped_column(String(8), default="warn")
    """warn or block: what a till does when a sale would take units reserved for pickup."""
    id_check_above: Mapped[int] = mapped_column(BigInteger, default=50_000)
    lock_after_failures: Mapped[int] = mapped_column(default=5)
    lock_minutes: Mapped[int] = mapped_column(default=5)


class StoreLocation(Base):
    """Where a store is, for routing delivery orders to the nearest one with stock."""

    __tablename__ = "store_locations"
    store_id: Mapped[str] = mapped_column(ForeignKey("stores.id"), primary_key=True)
    latitude_e6: Mapped[int] = mapped_column(BigInteger)
    longitude_e6: Mapped[int] = mapped_column(BigInteger)
    """Micro-degrees (integers: no float in the database)."""


class DeliveryOrder(Base):
    """An online order for home delivery, shipped from stores (ship-from-store)."""

    __tablename__ = "delivery_orders"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    external_ref: Mapped[str] = mapped_column(String(64), unique=True)
    status: Mapped[str] = mapped_column(String(24))
    """routed, shipped, partly_shipped, unfillable, cancelled."""
    customer_name: Mapped[str] = mapped_column(String(100))
    customer_phone: Mapped[str] = mapped_column(String(20))
    address: Mapped[str] = mapped_column(String(300))
    latitude_e6: Mapped[int] = mapped_column(BigInteger)
    longitude_e6: Mapped[int] = mapped_column(BigInteger)
    lines: Mapped[list] = mapped_column(JSON)
    """[{line_no, sku, name, qty, unit_price, amount, store_id, fulfilment_id, tried: [store ids], status}]"""
    created_at: Mapped[datetime]


class FulfilmentOrder(Base):
    """The part of a delivery order one store picks, packs and ships."""

    __tablename__ = "fulfilment_orders"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    delivery_order_id: Mapped[str] = mapped_column(String(40), index=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("stores.id"), index=True)
    status: Mapped[str] = mapped_column(String(16))
    """routed, picked, shipped, rejected (every line refused)."""
    lines: Mapped[list] = mapped_column(JSON)
    ship_by: Mapped[datetime]
    carrier: Mapped[str | None] = mapped_column(String(40), default=None)
    tracking_no: Mapped[str | None] = mapped_column(String(64), default=None)
    shipped_event: Mapped[str | None] = mapped_column(String(40), default=None)
    conflict: Mapped[str | None] = mapped_column(String(40), default=None)
    created_at: Mapped[datetime]
# ---------------------------------------------------------------- guide and stock work (issue 7)
class Site(Base):
    """Where a store or warehouse is, for "nearest first"; a warehouse is a Store row of kind
    'warehouse' (its stock is a ledger like any store's)."""

    __tablename__ = "sites"
    store_id: Mapped[str] = mapped_column(ForeignKey("stores.id"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), default="store")
    latitude_e6: Mapped[int | None] = mapped_column(default=None)
    longitude_e6: Mapped[int | None] = mapped_column(default=None)
    """Microdegrees (WGS 84): integers, like every other figure central keeps."""


class Variant(Base):
    """A SKU's place in its style: the size and colour a customer chooses between."""

    __tablename__ = "variants"
    sku: Mapped[str] = mapped_column(ForeignKey("products.sku"), primary_key=True)
    style: Mapped[str] = mapped_column(String(32), index=True)
    size: Mapped[str] = mapped_column(String(16), default="")
    colour: Mapped[str] = mapped_column(String(32), default="")


class CommissionRule(Base):
    """Rate (basis points) by category and by channel of fulfilment; '' matches any."""

    __tablename__ = "commission_rules"
    rule_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    category: Mapped[str] = mapped_column(String(64), default="")
    channel: Mapped[str] = mapped_column(String(16), default="")
    rate_bp: Mapped[int]


class CommissionEntry(Base):
    """One line's commission for a guide: positive for a sale or order, negative for a return."""

    __tablename__ = "commission_entries"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    guide_id: Mapped[str] = mapped_column(String(40), index=True)
    store_id: Mapped[str] = mapped_column(String(36), index=True)
    source: Mapped[str] = mapped_column(String(8))
    """sale, order or return"""
    ref_id: Mapped[str] = mapped_column(String(40), index=True)
    """The sale, order or return id."""
    origin_id: Mapped[str] = mapped_column(String(40), index=True)
    """The sale or order the commission was first earned on (a return names its sale)."""
    line_no: Mapped[int]
    sku: Mapped[str] = mapped_column(String(32))
    channel: Mapped[str] = mapped_column(String(16))
    base: Mapped[int] = mapped_column(BigInteger)
    rate_bp: Mapped[int]
    commission: Mapped[int] = mapped_column(BigInteger)
    occurred_at: Mapped[datetime]


class GuideOrder(Base):
    """A guide-assisted order, made once per order id (the Idempotency-Key) however often sent."""

    __tablename__ = "guide_orders"
    order_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    order_no: Mapped[str] = mapped_column(String(24), unique=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("stores.id"), index=True)
    device_id: Mapped[str] = mapped_column(String(36))
    request_hash: Mapped[str] = mapped_column(String(64))
    guide_id: Mapped[str] = mapped_column(String(40), index=True)
    fulfilment: Mapped[str] = mapped_column(String(16))
    pickup_store_id: Mapped[str | None] = mapped_column(String(36))
    status: Mapped[str] = mapped_column(String(16))
    total: Mapped[int] = mapped_column(BigInteger)
    payment: Mapped[str] = mapped_column(String(8))
    payment_url: Mapped[str | None] = mapped_column(String(200))
    data: Mapped[dict] = mapped_column(JSON)
    placed_at: Mapped[datetime]
    received_at: Mapped[datetime]


class Transfer(Base):
    """Goods asked for by one store from another (or the warehouse), shipped, received."""

    __tablename__ = "transfers"
    transfer_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    transfer_no: Mapped[str] = mapped_column(String(24), unique=True)
    from_store_id: Mapped[str] = mapped_column(ForeignKey("stores.id"), index=True)
    to_store_id: Mapped[str] = mapped_column(ForeignKey("stores.id"), index=True)
    status: Mapped[str] = mapped_column(String(16))
    lines: Mapped[list] = mapped_column(JSON)
    note: Mapped[str] = mapped_column(String(200), default="")
    requested_by: Mapped[str] = mapped_column(String(16))
    requested_at: Mapped[datetime]
    shipped_at: Mapped[datetime | None] = mapped_column(default=None)
    received_at: Mapped[datetime | None] = mapped_column(default=None)


class SafetyStock(Base):
    """Below min_qty a store should reorder up to target_qty."""

    __tablename__ = "safety_stock"
    store_id: Mapped[str] = mapped_column(ForeignKey("stores.id"), primary_key=True)
    sku: Mapped[str] = mapped_column(String(32), primary_key=True)
    min_qty: Mapped[int]
    target_qty: Mapped[int]


class StockCount(Base):
    """A count received from a store, with the deltas central made of it."""

    __tablename__ = "stock_counts"
    count_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("stores.id"), index=True)
    event_id: Mapped[str] = mapped_column(String(40), unique=True)
    scope: Mapped[str] = mapped_column(String(8))
    area: Mapped[str] = mapped_column(String(60), default="")
    lines: Mapped[list] = mapped_column(JSON)
    """[{sku, counted, position, expected_at_position, delta}]"""
    staff: Mapped[str] = mapped_column(String(16))
    finished_at: Mapped[datetime]
    received_at: Mapped[datetime]


Index("ix_stock_levels_sku", StockLevel.sku, StockLevel.store_id, StockLevel.on_hand)
"""Network stock (GET /stock) reads one SKU's level in every store: by SKU, not by store first."""


class GuideOrderPayment(Base):
    """A guide order paid at a till: the sale that paid it.  One row per order (the primary key), so
    a retried or second payment never pays an order twice."""

    __tablename__ = "guide_order_payments"
    order_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("stores.id"), index=True)
    sale_id: Mapped[str] = mapped_column(String(40), unique=True)
    amount: Mapped[int] = mapped_column(BigInteger)
    paid_at: Mapped[datetime]


class StockCountPart(Base):
    """One part of a count sent in several events (a whole store of many SKUs): its lines and deltas."""

    __tablename__ = "stock_count_parts"
    count_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    part: Mapped[int] = mapped_column(Integer, primary_key=True)
    parts: Mapped[int] = mapped_column(Integer)
    store_id: Mapped[str] = mapped_column(ForeignKey("stores.id"), index=True)
    event_id: Mapped[str] = mapped_column(String(40), unique=True)
    lines: Mapped[list] = mapped_column(JSON)
    received_at: Mapped[datetime]
    device_id: Mapped[str] = mapped_column(String(36), default="")
    store_position: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    started_at: Mapped[datetime | None] = mapped_column(nullable=True, index=True)
    finished_at: Mapped[datetime | None] = mapped_column(nullable=True)
    """A count against a store position: a sale of another till made during it that arrives after it
    was applied is added back (central/stockwork.py sales_after_counts)."""


Index("ix_stock_movements_store_id", StockMovement.store_id, StockMovement.id)
"""A count against the store's ledger position reads movements of the store after a movement id."""
