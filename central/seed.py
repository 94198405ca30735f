"""The demo chain: three stores, five staff, a realistic catalog.

The demo PINs are printed at start, so they are fixed here, never random.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos_client.domain.pins import hash_pin

from .catalog import CatalogRow, add_products, add_staff, add_store
from .demo_catalog import demo_products
from .models import Product, Store
from .stock import seed_stock

DEMO_STORES = (
    ("S001", "上海南京西路店", "Shanghai West Nanjing Rd", "上海市静安区南京西路 1266 号"),
    ("S002", "北京三里屯店", "Beijing Sanlitun", "北京市朝阳区三里屯路 19 号"),
    ("S003", "深圳万象城店", "Shenzhen MixC", "深圳市罗湖区宝安南路 1881 号"),
)


@dataclass(frozen=True)
class DemoStaff:
    code: str
    name: str
    role: str
    pin: str


DEMO_STAFF = (
    DemoStaff("1001", "李娜", "cashier", "1234"),
    DemoStaff("1002", "张伟", "cashier", "2345"),
    DemoStaff("2001", "王芳", "supervisor", "3456"),
    DemoStaff("3001", "陈静", "manager", "4567"),
    DemoStaff("4001", "赵磊", "guide", "5678"),
)
DEFAULT_DEMO_PRODUCTS = 2000


def is_seeded(session: Session) -> bool:
    return session.scalar(select(func.count()).select_from(Store)) > 0


def seed_demo(session: Session, products: int = DEFAULT_DEMO_PRODUCTS) -> int:
    """Fill an empty central with the demo chain; returns the number of products."""
    if is_seeded(session):
        return session.scalar(select(func.count()).select_from(Product)) or 0
    for code, name, name_en, address in DEMO_STORES:
        add_store(session, code, name, name_en, address)
    for person in DEMO_STAFF:
        # Chain-wide staff, so the demo works whichever store a till enrols in.
        add_staff(session, store=None, code=person.code, name=person.name, role=person.role,
                  pin_hash=hash_pin(person.pin))
    rows = (
        CatalogRow(p.sku, p.name, p.name_en, p.category, p.brand, p.unit, p.price, (p.barcode,))
        for p in demo_products(products)
    )
    count = add_products(session, rows)
    # Opening stock in every store for the first few thousand products (all of the demo's).
    stores = session.scalars(select(Store).order_by(Store.code)).all()
    opening = [(p.sku, 20 + (i * 7) % 80) for i, p in enumerate(demo_products(min(products, 5000)))]
    for store in stores:
        seed_stock(session, store.id, opening)
    session.commit()
    return count
