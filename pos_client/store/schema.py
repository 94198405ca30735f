"""The till's tables, as the repositories see them.

Migrations under `migrations/versions` create and change these tables; this
module describes the head schema for queries.  A test checks the two agree.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Integer, MetaData, String, Table, Text

metadata = MetaData()

settings = Table(
    "settings", metadata,
    Column("key", String, primary_key=True),
    Column("value", Text, nullable=False),
)

store_config = Table(
    "store_config", metadata,
    Column("store_id", String, primary_key=True),
    Column("data", Text, nullable=False),
)

staff = Table(
    "staff", metadata,
    Column("staff_id", String, primary_key=True),
    Column("code", String, nullable=False, unique=True),
    Column("name", String, nullable=False),
    Column("role", String, nullable=False),
    Column("pin_hash", String, nullable=False),
    Column("active", Boolean, nullable=False),
)

product = Table(
    "product", metadata,
    Column("sku", String, primary_key=True),
    Column("name", String, nullable=False),
    Column("name_en", String, nullable=False),
    Column("category", String, nullable=False),
    Column("brand", String, nullable=False),
    Column("unit", String, nullable=False),
    Column("search", Text, nullable=False, server_default=""),
    # Kept in the FTS5 index product_fts by triggers (migration 0004); not a Table here.
)

barcode = Table(
    "barcode", metadata,
    Column("code", String, primary_key=True),
    Column("sku", String, nullable=False, index=True),
)

price = Table(
    "price", metadata,
    Column("sku", String, primary_key=True),
    Column("scope", String, primary_key=True),
    Column("amount", Integer, nullable=False),
)

stock_level = Table(
    "stock_level", metadata,
    Column("sku", String, primary_key=True),
    Column("on_hand", Integer, nullable=False),
    Column("position", Integer, nullable=False),
)

counter = Table(
    "counter", metadata,
    Column("name", String, primary_key=True),
    Column("value", Integer, nullable=False),
)

sale = Table(
    "sale", metadata,
    Column("sale_id", String, primary_key=True),
    Column("receipt_no", String, nullable=False, unique=True),
    Column("occurred_at", String, nullable=False),
    Column("cashier_id", String, nullable=False),
    Column("cashier_name", String, nullable=False),
    Column("subtotal", Integer, nullable=False),
    Column("discount_total", Integer, nullable=False),
    Column("total", Integer, nullable=False),
    Column("tendered", Integer, nullable=False),
    Column("change", Integer, nullable=False),
    Column("rounding", Integer, nullable=False, server_default="0"),
    Column("promotions", Text, nullable=False, server_default="[]"),
)

sale_line = Table(
    "sale_line", metadata,
    Column("sale_id", String, primary_key=True),
    Column("line_no", Integer, primary_key=True),
    Column("sku", String, nullable=False),
    Column("barcode", String),
    Column("name", String, nullable=False),
    Column("qty", Integer, nullable=False),
    Column("unit_price", Integer, nullable=False),
    Column("discount", Integer, nullable=False),
    Column("amount", Integer, nullable=False),
    Column("weight_g", Integer),
    Column("promo_discount", Integer, nullable=False, server_default="0"),
)

sale_tender = Table(
    "sale_tender", metadata,
    Column("sale_id", String, primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("kind", String, nullable=False),
    Column("amount", Integer, nullable=False),
    Column("tendered", Integer, nullable=False),
    Column("change", Integer, nullable=False),
    Column("reference", String),
    Column("last4", String),
)

outbox = Table(
    "outbox", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("event_id", String, nullable=False, unique=True),
    Column("type", String, nullable=False),
    Column("occurred_at", String, nullable=False),
    Column("payload", Text, nullable=False),
    Column("state", String, nullable=False),  # pending | rejected
    Column("attempts", Integer, nullable=False),
    Column("error_code", String),
    Column("error_message", Text),
    Column("created_at", String, nullable=False),
)

journal = Table(
    "journal", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("at", String, nullable=False),
    Column("kind", String, nullable=False),
    Column("staff", String, nullable=False),
    Column("data", Text, nullable=False),
    Column("prev_hash", String, nullable=False),
    Column("hash", String, nullable=False),
)

parked_sale = Table(
    "parked_sale", metadata,
    Column("id", String, primary_key=True),
    Column("number", Integer, nullable=False),
    Column("parked_at", String, nullable=False),
    Column("staff", String, nullable=False),
    Column("total", Integer, nullable=False),
    Column("cart", Text, nullable=False),
)

staged_change = Table(
    "staged_change", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("entity", String, nullable=False),
    Column("id", String, nullable=False),
    Column("op", String, nullable=False),
    Column("data", Text, nullable=True),
)

sold_tag = Table(
    "sold_tag", metadata,
    Column("epc", String, primary_key=True),
    Column("sku", String, nullable=False),
    Column("sale_id", String, nullable=False),
    Column("receipt_no", String, nullable=False),
    Column("sold_at", String, nullable=False),
)

promotion = Table(
    "promotion", metadata,
    Column("promotion_id", String, primary_key=True),
    Column("version", Integer, nullable=False),
    Column("definition", Text, nullable=False),
)

return_record = Table(
    "return_record", metadata,
    Column("return_id", String, primary_key=True),
    Column("receipt_no", String, nullable=False, unique=True),
    Column("occurred_at", String, nullable=False),
    Column("cashier_id", String, nullable=False),
    Column("original_sale_id", String, index=True),
    Column("original_receipt_no", String),
    Column("total", Integer, nullable=False),
    Column("reason", String, nullable=False),
    Column("approved_by", String),
)

return_line = Table(
    "return_line", metadata,
    Column("return_id", String, primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("original_line_no", Integer),
    Column("sku", String, nullable=False),
    Column("qty", Integer, nullable=False),
    Column("amount", Integer, nullable=False),
    Column("restock", Boolean, nullable=False),
)

return_refund = Table(
    "return_refund", metadata,
    Column("return_id", String, primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("kind", String, nullable=False),
    Column("amount", Integer, nullable=False),
    Column("reference", String),
)

member = Table(
    "member", metadata,
    Column("member_id", String, primary_key=True),
    Column("code", String, nullable=False, index=True),
    Column("tier", String, nullable=False),
    Column("points", Integer, nullable=False),
    Column("phone_key", String, nullable=False, index=True),
    Column("phone_masked", String, nullable=False),
    Column("name_masked", String, nullable=False),
)
shift = Table(
    "shift", metadata,
    Column("shift_id", String, primary_key=True),
    Column("state", String, nullable=False),
    Column("opened_at", String, nullable=False),
    Column("opened_by", String, nullable=False),
    Column("opened_by_name", String, nullable=False),
    Column("opening_float", Integer, nullable=False),
    Column("sales_after", Integer, nullable=False),
    Column("sales_upto", Integer),
    Column("returns_after", Integer, nullable=False, server_default="0"),
    Column("returns_upto", Integer),
    Column("closed_at", String),
    Column("closed_by", String),
    Column("z_no", Integer, unique=True),
    Column("counted", Integer),
    Column("expected", Integer),
)

cash_movement = Table(
    "cash_movement", metadata,
    Column("movement_id", String, primary_key=True),
    Column("shift_id", String, nullable=False, index=True),
    Column("at", String, nullable=False),
    Column("direction", String, nullable=False),
    Column("amount", Integer, nullable=False),
    Column("reason", String, nullable=False),
    Column("note", Text, nullable=False),
    Column("staff", String, nullable=False),
    Column("approved_by", String),
)

coupon = Table(
    "coupon", metadata,
    Column("code", String, primary_key=True),
    Column("data", Text, nullable=False),
    Column("status", String, nullable=False),
)

pickup_order = Table(
    "pickup_order", metadata,
    Column("order_id", String, primary_key=True),
    Column("status", String, nullable=False),
    Column("code_salt", String, nullable=False),
    Column("code_hash", String, nullable=False, index=True),
    Column("customer", String, nullable=False),
    Column("phone_last4", String, nullable=False),
    Column("total", Integer, nullable=False),
    Column("paid", Boolean, nullable=False),
    Column("created_at", String),
    Column("deadline", String, index=True),
    Column("lines", Text, nullable=False),
    Column("handed_over_by", String),
    Column("conflict", String),
)

reservation = Table(
    "reservation", metadata,
    Column("reservation_id", String, primary_key=True),
    Column("order_id", String, nullable=False, index=True),
    Column("line_no", Integer, nullable=False),
    Column("sku", String, nullable=False, index=True),
    Column("qty", Integer, nullable=False),
    Column("expires_at", String),
    Column("status", String, nullable=False),
)

pickup_handover = Table(
    "pickup_handover", metadata,
    Column("order_id", String, primary_key=True),
    Column("at", String, nullable=False),
    Column("staff_code", String, nullable=False),
    Column("staff_name", String, nullable=False),
    Column("terminal_no", String, nullable=False),
    Column("lines", Text, nullable=False),
    Column("id_checked", Boolean, nullable=False),
)

pickup_refusal = Table(
    "pickup_refusal", metadata,
    Column("order_id", String, primary_key=True),
    Column("line_no", Integer, primary_key=True),
    Column("at", String, nullable=False),
    Column("staff_code", String, nullable=False),
    Column("qty", Integer, nullable=False),
    Column("reason", String, nullable=False),
)

pickup_ready = Table(
    "pickup_ready", metadata,
    Column("order_id", String, primary_key=True),
    Column("at", String, nullable=False),
    Column("staff_code", String, nullable=False),
)

pickup_attempt = Table(
    "pickup_attempt", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", String, nullable=False, index=True),
    Column("staff_code", String, nullable=False),
    Column("via", String, nullable=False),
    Column("ok", Boolean, nullable=False),
    Column("order_id", String),
)

fulfilment_order = Table(
    "fulfilment_order", metadata,
    Column("fulfilment_id", String, primary_key=True),
    Column("delivery_order_id", String, nullable=False),
    Column("status", String, nullable=False),
    Column("ship_by", String, index=True),
    Column("customer", String, nullable=False),
    Column("lines", Text, nullable=False),
    Column("tracking_no", String),
    Column("conflict", String),
)

fulfilment_pick = Table(
    "fulfilment_pick", metadata,
    Column("fulfilment_id", String, primary_key=True),
    Column("line_no", Integer, primary_key=True),
    Column("picked", Integer, nullable=False),
    Column("rejected_reason", String),
)

fulfilment_done = Table(
    "fulfilment_done", metadata,
    Column("fulfilment_id", String, primary_key=True),
    Column("stage", String, nullable=False),
    Column("at", String, nullable=False),
    Column("staff_code", String, nullable=False),
    Column("carrier", String),
    Column("tracking_no", String),
)

# ---------------------------------------------------------------- sales guide and stock work (g01)
variant = Table(
    "variant", metadata,
    Column("sku", String, primary_key=True),
    Column("style", String, nullable=False, index=True),
    Column("size", String, nullable=False),
    Column("colour", String, nullable=False),
)

commission_rule = Table(
    "commission_rule", metadata,
    Column("rule_id", String, primary_key=True),
    Column("data", Text, nullable=False),
)

safety_stock = Table(
    "safety_stock", metadata,
    Column("sku", String, primary_key=True),
    Column("min_qty", Integer, nullable=False),
    Column("target_qty", Integer, nullable=False),
)

transfer = Table(
    "transfer", metadata,
    Column("transfer_id", String, primary_key=True),
    Column("status", String, nullable=False),
    Column("data", Text, nullable=False),
)

guide_order = Table(
    "guide_order", metadata,
    Column("order_id", String, primary_key=True),
    Column("state", String, nullable=False),
    Column("order_no", String),
    Column("payment_url", String),
    Column("guide_code", String, nullable=False),
    Column("data", Text, nullable=False),
    Column("created_at", String, nullable=False),
    Column("error", String),
)

network_stock = Table(
    "network_stock", metadata,
    Column("sku", String, primary_key=True),
    Column("data", Text, nullable=False),
    Column("fetched_at", String, nullable=False),
)

sale_guide = Table(
    "sale_guide", metadata,
    Column("sale_id", String, primary_key=True),
    Column("guide_id", String, nullable=False),
    Column("guide_code", String, nullable=False),
)

guide_order_payment = Table(
    "guide_order_payment", metadata,
    Column("order_id", String, primary_key=True),
    Column("sale_id", String, nullable=False),
    Column("receipt_no", String, nullable=False),
    Column("paid_at", String, nullable=False),
)

network_snapshot_row = Table(
    "network_snapshot_row", metadata,
    Column("store_code", String, primary_key=True),
    Column("sku", String, primary_key=True),
    Column("on_hand", Integer, nullable=False),
    Column("reserved", Integer, nullable=False),
)

network_snapshot_location = Table(
    "network_snapshot_location", metadata,
    Column("store_code", String, primary_key=True),
    Column("name", String, nullable=False),
    Column("kind", String, nullable=False),
    Column("distance_m", Integer),
    Column("rank", Integer, nullable=False),
)

# ---------------------------------------------------------------- RFID tote picks (b03)
fulfilment_pick_tag = Table(
    "fulfilment_pick_tag", metadata,
    Column("fulfilment_id", String, primary_key=True),
    Column("epc", String, primary_key=True),
    Column("line_no", Integer, nullable=False),
    Column("at", String, nullable=False),
)
