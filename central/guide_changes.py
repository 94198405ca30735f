"""Snapshots of the guide and stock-work entities: variants and commission rules (chain-wide),
safety stock (per store).  Their changes go through the change log like any other entity."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from .commission import rule_data
from .models import CommissionRule, SafetyStock, Transfer, Variant
from .stockwork import transfer_row

GUIDE_ENTITIES = ("variant", "commission_rule", "safety_stock", "transfer")


def variant_data(v: Variant) -> dict:
    return {"sku": v.sku, "style": v.style, "size": v.size, "colour": v.colour}


def safety_data(s: SafetyStock) -> dict:
    return {"sku": s.sku, "min_qty": s.min_qty, "target_qty": s.target_qty}


def guide_snapshot_count(session: Session, store_id: str, entity: str) -> int:
    count = select(func.count())
    if entity == "variant":
        return session.scalar(count.select_from(Variant)) or 0
    if entity == "commission_rule":
        return session.scalar(count.select_from(CommissionRule)) or 0
    if entity == "safety_stock":
        return session.scalar(count.select_from(SafetyStock).where(SafetyStock.store_id == store_id)) or 0
    if entity == "transfer":
        return session.scalar(count.select_from(Transfer).where(_of_store(store_id))) or 0
    raise KeyError(entity)


def _of_store(store_id: str):
    return or_(Transfer.from_store_id == store_id, Transfer.to_store_id == store_id)


def guide_snapshot_rows(session: Session, store_id: str, entity: str) -> Iterator[tuple[str, dict]]:
    if entity == "variant":
        for v in session.scalars(select(Variant).execution_options(yield_per=5000)):
            yield v.sku, variant_data(v)
    elif entity == "commission_rule":
        for r in session.scalars(select(CommissionRule)):
            yield r.rule_id, rule_data(r)
    elif entity == "safety_stock":
        for s in session.scalars(select(SafetyStock).where(SafetyStock.store_id == store_id)):
            yield s.sku, safety_data(s)
    elif entity == "transfer":
        # A till enrolled (or reloaded) after a transfer was asked for still sees it.
        conn = session.connection()
        ids = [t for (t,) in conn.execute(select(Transfer.transfer_id).where(_of_store(store_id)))]
        for transfer_id in ids:
            yield transfer_id, transfer_row(conn, transfer_id)
    else:
        raise KeyError(entity)
