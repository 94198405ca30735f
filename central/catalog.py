"""Writing catalog and store state so that every change also lands in the change log.

Stores learn about state only through the change log, so a write that skips it
is a write no till will ever see; all state writes go through here.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import insert
from sqlalchemy.orm import Session

from .changelog import ensure_scope, log_change, log_changes
from .db import utcnow
from .members import member_key_for
from .models import CHAIN_SCOPE, Barcode, Price, Product, Staff, Store
from .pickup import pickup_settings_for
from .spoken_names import spoken_forms

DEFAULT_VARIABLE_BARCODES = [
    # The common Chinese scale label: 2 + type digit, 5-digit item (PLU), 5-digit value, check.
    {"prefix": "21", "measure": "price", "item_digits": 5},
    {"prefix": "22", "measure": "weight", "item_digits": 5},
]


def store_config_data(store: Store) -> dict:
    return {
        "store_code": store.code,
        "name": store.name,
        "name_en": store.name_en,
        "address": store.address,
        "currency": store.currency,
        "timezone": store.timezone,
        "offline_limits": {"noncash_lock_after_hours": store.noncash_lock_after_hours,
                           "max_offline_coupon": store.max_offline_coupon},
        "cash_rounding": store.cash_rounding,
        "autolock_minutes": store.autolock_minutes,
        "member_key": member_key_for(store),
        "points_per_yuan": 1,
        "variable_barcodes": (store.variable_barcodes if store.variable_barcodes is not None
                              else DEFAULT_VARIABLE_BARCODES),
        "pickup": pickup_settings_for(store),
    }


def set_scale_labels(session: Session, store_code: str, layouts: list[dict] | None) -> dict:
    """Give a store its own scale-label layouts (None: the chain's), and send them to its tills."""
    from sqlalchemy import select

    from pos_client.domain.barcodes import VariableLayout

    store = session.scalar(select(Store).where(Store.code == store_code).with_for_update())
    if store is None:
        raise LookupError(store_code)
    for raw in layouts or []:
        VariableLayout.from_config(raw)  # ValueError with the reason for a layout that cannot work
    store.variable_barcodes = layouts
    data = store_config_data(store)
    log_change(session, entity="store_config", entity_id=store.id, data=data, scope=store.id)
    return data


CASH_ROUNDINGS = ("none", "jiao", "jiao_down")


def set_store_policy(session: Session, store_code: str, *, cash_rounding: str | None = None,
                     max_offline_coupon: int | None = None, noncash_lock_after_hours: int | None = None,
                     autolock_minutes: int | None = None, till_decides_autolock: bool = False,
                     currency: str | None = None) -> dict:
    """Change what a store's tills enforce; the tills take it at their next complete pull."""
    from babel.numbers import list_currencies
    from sqlalchemy import func, select

    from .models import Sale

    store = session.scalar(select(Store).where(Store.code == store_code).with_for_update())
    if store is None:
        raise LookupError(store_code)
    if cash_rounding is not None:
        if cash_rounding not in CASH_ROUNDINGS:
            raise ValueError(f"cash rounding must be one of {', '.join(CASH_ROUNDINGS)}")
        store.cash_rounding = cash_rounding
    if max_offline_coupon is not None:
        if max_offline_coupon < 0:
            raise ValueError("the offline coupon limit cannot be negative")
        store.max_offline_coupon = max_offline_coupon
    if noncash_lock_after_hours is not None:
        if noncash_lock_after_hours < 1:
            raise ValueError("tills need at least one hour offline before card and wallet payments stop")
        store.noncash_lock_after_hours = noncash_lock_after_hours
    if autolock_minutes is not None:
        if not 0 < autolock_minutes <= 24 * 60:
            raise ValueError("auto-lock must be between 1 minute and 24 hours")
        store.autolock_minutes = autolock_minutes
    if till_decides_autolock:
        store.autolock_minutes = None
    if currency is not None and currency.strip().upper() != store.currency:
        code = currency.strip().upper()
        if code not in list_currencies():
            raise ValueError(f"{currency!r} is not an ISO 4217 currency code (CNY, HKD, JPY, ...)")
        # Amounts are kept in the currency's minor unit: 100 fen is a yuan, 100 yen is 100 yen.
        # A store that has sold in one currency cannot be switched to another under its history.
        if session.scalar(select(func.count()).select_from(Sale).where(Sale.store_id == store.id)):
            raise ValueError(f"store {store_code} has sales in {store.currency}; its currency can only be "
                             "set before its first sale")
        store.currency = code
    data = store_config_data(store)
    log_change(session, entity="store_config", entity_id=store.id, data=data, scope=store.id)
    return data


def add_store(session: Session, code: str, name: str, name_en: str = "", address: str = "") -> Store:
    store = Store(
        id=str(uuid.uuid4()), code=code, name=name, name_en=name_en, address=address,
        currency="CNY", timezone="Asia/Shanghai", noncash_lock_after_hours=72, created_at=utcnow(),
        cash_rounding="none", max_offline_coupon=5000, autolock_minutes=None,
    )
    session.add(store)
    session.flush()
    ensure_scope(session, CHAIN_SCOPE)
    ensure_scope(session, store.id)
    log_change(session, entity="store_config", entity_id=store.id,
               data=store_config_data(store), scope=store.id)
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
        session, entity="staff", entity_id=staff.id, scope=staff.store_id or CHAIN_SCOPE,
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


def product_data(row: CatalogRow) -> dict:
    """A product as central keeps it and sends it down, spoken forms included."""
    pinyin, initials = spoken_forms(row.name)
    return {"sku": row.sku, "name": row.name, "name_en": row.name_en, "category": row.category,
            "brand": row.brand, "unit": row.unit, "pinyin": pinyin, "initials": initials}


def add_products(session: Session, rows: Iterable[CatalogRow], chunk: int = 5000) -> int:
    """Bulk insert for seeding and imports: core inserts in chunks, not ORM objects."""
    ensure_scope(session, CHAIN_SCOPE)
    count = 0
    products: list[dict] = []
    barcodes: list[dict] = []
    prices: list[dict] = []
    changes: list[dict] = []

    def flush() -> None:
        if products:
            session.execute(insert(Product), products)
            session.execute(insert(Barcode), barcodes)
            session.execute(insert(Price), prices)
            log_changes(session, CHAIN_SCOPE, changes)
        products.clear()
        barcodes.clear()
        prices.clear()
        changes.clear()

    for row in rows:
        product = product_data(row)
        products.append(product)
        changes.append({"entity": "product", "entity_id": row.sku, "op": "upsert", "data": product})
        for code in row.barcodes:
            barcodes.append({"code": code, "sku": row.sku})
            changes.append({"entity": "barcode", "entity_id": code, "op": "upsert",
                            "data": {"code": code, "sku": row.sku}})
        prices.append({"sku": row.sku, "scope": "*", "amount": row.price})
        changes.append({"entity": "price", "entity_id": f"{row.sku}@*", "op": "upsert",
                        "data": {"sku": row.sku, "amount": row.price, "scope": "chain"}})
        count += 1
        if len(products) >= chunk:
            flush()
    flush()
    return count
