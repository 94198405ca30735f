"""Writing catalog and store state so that every change also lands in the change log.

Stores learn about state only through the change log, so a write that skips it
is a write no till will ever see; all state writes go through here.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import insert
from sqlalchemy.orm import Session

from .db import utcnow
from .models import Barcode, ChangeLogEntry, Price, Product, Staff, Store


def log_change(
    session: Session,
    *,
    entity: str,
    entity_id: str,
    data: dict | None,
    store_id: str | None = None,
    op: str = "upsert",
    now: datetime | None = None,
) -> None:
    session.add(
        ChangeLogEntry(
            store_id=store_id,
            entity=entity,
            entity_id=entity_id,
            op=op,
            data=data,
            created_at=now or utcnow(),
        )
    )


def store_config_data(store: Store) -> dict:
    return {
        "store_code": store.code,
        "name": store.name,
        "name_en": store.name_en,
        "address": store.address,
        "currency": store.currency,
    }


def add_store(session: Session, code: str, name: str, name_en: str = "", address: str = "") -> Store:
    store = Store(
        id=str(uuid.uuid4()), code=code, name=name, name_en=name_en, address=address,
        currency="CNY", created_at=utcnow(),
    )
    session.add(store)
    session.flush()
    log_change(session, entity="store_config", entity_id=store.id,
               data=store_config_data(store), store_id=store.id)
    return store


def add_staff(
    session: Session, *, store: Store | None, code: str, name: str, role: str, pin_hash: str
) -> Staff:
    staff = Staff(
        id=str(uuid.uuid4()), store_id=store.id if store else None, code=code, name=name,
        role=role, pin_hash=pin_hash, active=True,
    )
    session.add(staff)
    log_change(
        session, entity="staff", entity_id=staff.id, store_id=staff.store_id,
        data={"staff_id": staff.id, "code": code, "name": name, "role": role,
              "pin_hash": pin_hash, "active": True},
    )
    return staff


class CatalogRow:
    """One product with its barcodes and chain list price, as an importer supplies it."""

    __slots__ = ("barcodes", "brand", "category", "name", "name_en", "price", "sku", "unit")

    def __init__(self, sku: str, name: str, name_en: str, category: str, brand: str,
                 unit: str, price: int, barcodes: Iterable[str]) -> None:
        self.sku, self.name, self.name_en = sku, name, name_en
        self.category, self.brand, self.unit = category, brand, unit
        self.price, self.barcodes = price, tuple(barcodes)


def add_products(session: Session, rows: Iterable[CatalogRow], chunk: int = 5000) -> int:
    """Bulk insert for seeding and imports: core inserts in chunks, not ORM objects."""
    count = 0
    products: list[dict] = []
    barcodes: list[dict] = []
    prices: list[dict] = []
    changes: list[dict] = []

    def flush() -> None:
        now = utcnow()
        for change in changes:
            change["created_at"] = now
        if products:
            session.execute(insert(Product), products)
            session.execute(insert(Barcode), barcodes)
            session.execute(insert(Price), prices)
            session.execute(insert(ChangeLogEntry), changes)
        products.clear()
        barcodes.clear()
        prices.clear()
        changes.clear()

    for row in rows:
        product = {"sku": row.sku, "name": row.name, "name_en": row.name_en,
                   "category": row.category, "brand": row.brand, "unit": row.unit}
        products.append(product)
        changes.append({"store_id": None, "entity": "product", "entity_id": row.sku,
                        "op": "upsert", "data": product})
        for code in row.barcodes:
            barcodes.append({"code": code, "sku": row.sku})
            changes.append({"store_id": None, "entity": "barcode", "entity_id": code,
                            "op": "upsert", "data": {"code": code, "sku": row.sku}})
        prices.append({"sku": row.sku, "scope": "*", "amount": row.price})
        changes.append({"store_id": None, "entity": "price", "entity_id": f"{row.sku}@*",
                        "op": "upsert",
                        "data": {"sku": row.sku, "amount": row.price, "scope": "chain"}})
        count += 1
        if len(products) >= chunk:
            flush()
    flush()
    return count
