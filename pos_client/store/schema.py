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
)

sale_tender = Table(
    "sale_tender", metadata,
    Column("sale_id", String, primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("kind", String, nullable=False),
    Column("amount", Integer, nullable=False),
    Column("tendered", Integer, nullable=False),
    Column("change", Integer, nullable=False),
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
