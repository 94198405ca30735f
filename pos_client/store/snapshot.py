"""Loading a whole entity from a snapshot: fast bulk upserts, then a sweep of what central no longer has.

A first load is a million products, so this path uses the DB-API directly
with executemany, committing page by page.  Rows are upserted in place (the
till keeps selling from the old catalog meanwhile); only when the whole
snapshot is in are rows it did not mention removed.  A crash part-way leaves
the sync cursor unset, so the next round loads the snapshot again.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import Engine

from .changes import fulfilment_row, pickup_order_row, price_scope, product_search_text, reservation_row
from .guide_changes import SNAPSHOT_KEY, SNAPSHOT_UPSERT, snapshot_params

_PICKUP_COLUMNS = ("order_id", "status", "code_salt", "code_hash", "customer", "phone_last4", "total", "paid",
                   "created_at", "deadline", "lines", "handed_over_by", "conflict")
_FULFILMENT_COLUMNS = ("fulfilment_id", "delivery_order_id", "status", "ship_by", "customer", "lines",
                       "tracking_no", "conflict")
_RESERVATION_COLUMNS = ("reservation_id", "order_id", "line_no", "sku", "qty", "expires_at", "status")


def _upsert_sql(table: str, columns: tuple[str, ...]) -> str:
    sets = ", ".join(f"{c}=excluded.{c}" for c in columns[1:])
    return (f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({','.join('?' * len(columns))}) "
            f"ON CONFLICT({columns[0]}) DO UPDATE SET {sets}")

Row = tuple[str, dict[str, Any]]
SEARCH_REBUILD_KEY = "search.rebuild_pending"
"""Set while a first product load defers name indexing to its end (migration 0004's triggers)."""

_UPSERT = {
    "product": ("INSERT INTO product (sku, name, name_en, category, brand, unit, search) "
                "VALUES (?,?,?,?,?,?,?) "
                "ON CONFLICT(sku) DO UPDATE SET name=excluded.name, name_en=excluded.name_en, "
                "category=excluded.category, brand=excluded.brand, unit=excluded.unit, "
                "search=excluded.search"),
    "barcode": ("INSERT INTO barcode (code, sku) VALUES (?,?) "
                "ON CONFLICT(code) DO UPDATE SET sku=excluded.sku"),
    "price": ("INSERT INTO price (sku, scope, amount) VALUES (?,?,?) "
              "ON CONFLICT(sku, scope) DO UPDATE SET amount=excluded.amount"),
    "staff": ("INSERT INTO staff (staff_id, code, name, role, pin_hash, active) VALUES (?,?,?,?,?,?) "
              "ON CONFLICT(staff_id) DO UPDATE SET code=excluded.code, name=excluded.name, "
              "role=excluded.role, pin_hash=excluded.pin_hash, active=excluded.active"),
    "store_config": ("INSERT INTO store_config (store_id, data) VALUES (?,?) "
                     "ON CONFLICT(store_id) DO UPDATE SET data=excluded.data"),
    "promotion": ("INSERT INTO promotion (promotion_id, version, definition) VALUES (?,?,?) "
                  "ON CONFLICT(promotion_id) DO UPDATE SET version=excluded.version, "
                  "definition=excluded.definition"),
    "member": ("INSERT INTO member (member_id, code, tier, points, phone_key, phone_masked, name_masked) "
               "VALUES (?,?,?,?,?,?,?) ON CONFLICT(member_id) DO UPDATE SET code=excluded.code, "
               "tier=excluded.tier, points=excluded.points, phone_key=excluded.phone_key, "
               "phone_masked=excluded.phone_masked, name_masked=excluded.name_masked"),
    "coupon": ("INSERT INTO coupon (code, data, status) VALUES (?,?,?) ON CONFLICT(code) DO UPDATE SET "
               "data=excluded.data, status=CASE WHEN coupon.status = 'redeemed' THEN coupon.status "
               "ELSE excluded.status END"),
    "stock_level": ("INSERT INTO stock_level (sku, on_hand, position) VALUES (?,?,?) "
                    "ON CONFLICT(sku) DO UPDATE SET on_hand=excluded.on_hand, position=excluded.position"),
    "pickup_order": _upsert_sql("pickup_order", _PICKUP_COLUMNS),
    "reservation": _upsert_sql("reservation", _RESERVATION_COLUMNS),
    "fulfilment_order": _upsert_sql("fulfilment_order", _FULFILMENT_COLUMNS),
}
_KEY = {
    "product": "sku", "barcode": "code", "price": "sku || '|' || scope", "staff": "staff_id",
    "store_config": "store_id", "stock_level": "sku", "promotion": "promotion_id", "member": "member_id",
    "coupon": "code", "pickup_order": "order_id", "reservation": "reservation_id",
    "fulfilment_order": "fulfilment_id",
    **SNAPSHOT_KEY,
}
_UPSERT.update(SNAPSHOT_UPSERT)


def _params(entity: str, row_id: str, d: dict[str, Any]) -> tuple[tuple, str]:
    """(upsert parameters, local key); raises KeyError/TypeError/ValueError on a malformed row."""
    if entity == "product":
        return (str(d["sku"]), str(d["name"]), str(d.get("name_en", "")), str(d.get("category", "")),
                str(d.get("brand", "")), str(d.get("unit", "")), product_search_text(d)), str(d["sku"])
    if entity == "barcode":
        return (str(d["code"]), str(d["sku"])), str(d["code"])
    if entity == "price":
        scope = price_scope(d)
        amount = d["amount"]
        if not isinstance(amount, int) or isinstance(amount, bool):
            raise TypeError("amount")
        return (str(d["sku"]), scope, amount), f"{d['sku']}|{scope}"
    if entity == "staff":
        return (str(d["staff_id"]), str(d["code"]), str(d["name"]), str(d["role"]), str(d["pin_hash"]),
                bool(d.get("active", True))), str(d["staff_id"])
    if entity == "store_config":
        return (row_id, json.dumps(d, ensure_ascii=False)), row_id
    if entity == "promotion":
        definition = d["definition"]
        if not isinstance(definition, dict):
            raise TypeError("definition")
        return ((str(d["promotion_id"]), int(d["version"]), json.dumps(definition, ensure_ascii=False)),
                str(d["promotion_id"]))
    if entity == "member":
        return ((str(d["member_id"]), str(d["code"]), str(d.get("tier", "standard")), int(d.get("points", 0)),
                 str(d["phone_key"]), str(d["phone_masked"]), str(d.get("name_masked", ""))),
                str(d["member_id"]))
    if entity == "coupon":
        code = str(d["code"]).upper()
        return (code, json.dumps(d, ensure_ascii=False), str(d.get("status") or "issued")), code
    if entity == "stock_level":
        return (str(d["sku"]), int(d["on_hand"]), int(d["position"])), str(d["sku"])
    if entity == "pickup_order":
        row = pickup_order_row(d)
        return tuple(row[c] for c in _PICKUP_COLUMNS), row["order_id"]
    if entity == "fulfilment_order":
        row = fulfilment_row(d)
        return tuple(row[c] for c in _FULFILMENT_COLUMNS), row["fulfilment_id"]
    if entity == "reservation":
        row = reservation_row(d)
        return tuple(row[c] for c in _RESERVATION_COLUMNS), row["reservation_id"]
    if entity in SNAPSHOT_KEY:
        return snapshot_params(entity, d)
    raise KeyError(entity)


class SnapshotWriter:
    def __init__(self, engine: Engine, entity: str,
                 on_bad_row: Callable[[str, Exception], None] | None = None) -> None:
        if entity not in _UPSERT:
            raise KeyError(entity)
        self.entity = entity
        self._on_bad_row = on_bad_row
        self._raw = engine.raw_connection()
        self._cur = self._raw.cursor()
        # Catalog pages can be fetched again, so they need not wait for fsync each; the WAL is
        # synced by the next FULL commit (the cursor, a sale), which keeps these pages in order.
        self._cur.execute("PRAGMA synchronous=NORMAL")
        self._cur.execute("CREATE TEMP TABLE IF NOT EXISTS snapshot_ids (id TEXT PRIMARY KEY)")
        self._cur.execute("DELETE FROM snapshot_ids")
        if entity == "product":
            self._pause_search_index_for_a_first_load()

    def _pause_search_index_for_a_first_load(self) -> None:
        """Into an empty product table (or after a first load that was cut off), index once at the
        end instead of row by row; reloads of a full catalog keep the triggers (few rows change)."""
        self._cur.execute("BEGIN IMMEDIATE")
        try:
            empty = self._cur.execute("SELECT NOT EXISTS (SELECT 1 FROM product)").fetchone()[0]
            if empty:
                self._cur.execute("INSERT OR IGNORE INTO settings (key, value) VALUES (?, 'true')",
                                  (SEARCH_REBUILD_KEY,))
            self._cur.execute("COMMIT")
        except BaseException:
            self._cur.execute("ROLLBACK")
            raise

    def add(self, rows: Iterable[Row]) -> int:
        params, keys = [], []
        for row_id, data in rows:
            try:
                p, key = _params(self.entity, row_id, data)
            except (KeyError, TypeError, ValueError) as exc:
                if self._on_bad_row:
                    self._on_bad_row(row_id, exc)
                continue
            params.append(p)
            keys.append((key,))
        self._cur.execute("BEGIN IMMEDIATE")
        try:
            self._cur.executemany(_UPSERT[self.entity], params)
            self._cur.executemany("INSERT OR IGNORE INTO snapshot_ids VALUES (?)", keys)
            self._cur.execute("COMMIT")
        except BaseException:
            self._cur.execute("ROLLBACK")
            raise
        return len(params)

    def finish(self) -> int:
        """Remove what the snapshot did not contain; returns the entity's local row count."""
        self._cur.execute("BEGIN IMMEDIATE")
        try:
            self._cur.execute(f"DELETE FROM {self.entity} WHERE {_KEY[self.entity]} "
                              "NOT IN (SELECT id FROM snapshot_ids)")
            self._cur.execute("DELETE FROM snapshot_ids")
            if self.entity == "product":
                paused = self._cur.execute("DELETE FROM settings WHERE key = ?", (SEARCH_REBUILD_KEY,))
                if paused.rowcount:
                    self._cur.execute("INSERT INTO product_fts(product_fts) VALUES ('rebuild')")
            self._cur.execute("COMMIT")
        except BaseException:
            self._cur.execute("ROLLBACK")
            raise
        return self._cur.execute(f"SELECT count(*) FROM {self.entity}").fetchone()[0]

    def close(self) -> None:
        self._cur.execute("PRAGMA synchronous=FULL")  # the pooled connection goes back as it came
        self._cur.close()
        self._raw.close()
