"""Applying the guide and stock-work entities central sends down: variants, commission rules,
safety stock and transfers (snapshotted too), guide orders (change log only: the till that placed
an order holds it already)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, delete, select, update
from sqlalchemy.dialects.sqlite import insert

from .schema import commission_rule, guide_order, safety_stock, transfer, variant

GUIDE_ENTITIES = frozenset({"variant", "commission_rule", "safety_stock", "transfer", "guide_order"})

SNAPSHOT_UPSERT = {
    "variant": (
        "INSERT INTO variant (sku, style, size, colour) VALUES (?,?,?,?) ON CONFLICT(sku) DO UPDATE "
        "SET style=excluded.style, size=excluded.size, colour=excluded.colour"
    ),
    "commission_rule": (
        "INSERT INTO commission_rule (rule_id, data) VALUES (?,?) "
        "ON CONFLICT(rule_id) DO UPDATE SET data=excluded.data"
    ),
    "safety_stock": (
        "INSERT INTO safety_stock (sku, min_qty, target_qty) VALUES (?,?,?) ON CONFLICT(sku) "
        "DO UPDATE SET min_qty=excluded.min_qty, target_qty=excluded.target_qty"
    ),
    "transfer": (
        "INSERT INTO transfer (transfer_id, status, data) VALUES (?,?,?) ON CONFLICT(transfer_id) "
        "DO UPDATE SET status=excluded.status, data=excluded.data"
    ),
}
SNAPSHOT_KEY = {
    "variant": "sku",
    "commission_rule": "rule_id",
    "safety_stock": "sku",
    "transfer": "transfer_id",
}


def snapshot_params(entity: str, d: dict[str, Any]) -> tuple[tuple, str]:
    if entity == "variant":
        return (str(d["sku"]), str(d["style"]), str(d.get("size", "")), str(d.get("colour", ""))), str(
            d["sku"]
        )
    if entity == "commission_rule":
        return (str(d["rule_id"]), json.dumps(d, ensure_ascii=False)), str(d["rule_id"])
    if entity == "safety_stock":
        return (str(d["sku"]), int(d["min_qty"]), int(d["target_qty"])), str(d["sku"])
    if entity == "transfer":
        key = str(d["transfer_id"])
        return (key, str(d["status"]), json.dumps(d, ensure_ascii=False)), key
    raise KeyError(entity)


def apply_guide_change(conn: Connection, entity: str, key: str, op: str, d: dict[str, Any]) -> None:
    tables = {
        "variant": (variant, "sku"),
        "commission_rule": (commission_rule, "rule_id"),
        "safety_stock": (safety_stock, "sku"),
        "transfer": (transfer, "transfer_id"),
        "guide_order": (guide_order, "order_id"),
    }
    table, column = tables[entity]
    if op == "delete":
        conn.execute(delete(table).where(table.c[column] == key))
        return
    if entity == "guide_order":
        _order_placed(conn, key, d)
        return
    if entity == "transfer":
        values: dict[str, Any] = {
            "transfer_id": key,
            "status": str(d["status"]),
            "data": json.dumps(d, ensure_ascii=False),
        }
    elif entity == "commission_rule":
        values = {"rule_id": key, "data": json.dumps(d, ensure_ascii=False)}
    else:
        names = (
            ("sku", "style", "size", "colour") if entity == "variant" else ("sku", "min_qty", "target_qty")
        )
        values = dict(zip(names, snapshot_params(entity, d)[0], strict=True))
    stmt = insert(table).values(**values)
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=[column], set_={k: stmt.excluded[k] for k in values if k != column}
        )
    )


def _order_placed(conn: Connection, order_id: str, d: dict[str, Any]) -> None:
    """Central made the order (from the POST or from the offline order's event): it has a number now."""
    found = conn.execute(select(guide_order.c.order_id).where(guide_order.c.order_id == order_id)).first()
    if found is None:
        return  # another till's order: that till follows it
    conn.execute(
        update(guide_order)
        .where(guide_order.c.order_id == order_id)
        .values(
            state=str(d.get("status") or "placed"),
            order_no=d.get("order_no"),
            payment_url=d.get("payment_url"),
            error=None,
        )
    )
