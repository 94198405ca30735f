"""The demo chain: three stores, five staff, a realistic catalog.

The demo PINs are printed at start, so they are fixed here, never random.
"""

from __future__ import annotations

from dataclasses import dataclass

from biip.checksums import gs1_standard_check_digit
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos_client.domain.pins import hash_pin

from .catalog import CatalogRow, add_products, add_staff, add_store
from .coupons import seed_demo_coupons
from .demo_catalog import demo_products
from .fulfilment import seed_demo_locations
from .guide_seed import seed_guide_demo
from .members import seed_demo_members
from .models import Product, Store
from .promotions import seed_demo_promotions
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

# Sold by weight or by a deli label, listed by their scale code with the measure zeroed
# (prefix 22: weight in grams; prefix 21: price in fen; see catalog.DEFAULT_VARIABLE_BARCODES).
# Prices of weighed goods are per kilogram; their stock is kept in grams.
DEMO_SCALE_ITEMS = (
    ("FRESH001", "220000100000", "富士苹果", "Fuji Apples", "生鲜", "", "kg", 1290),
    ("FRESH002", "220000200000", "香蕉", "Bananas", "生鲜", "", "kg", 690),
    ("FRESH003", "220000300000", "散装大米 五常", "Wuchang Rice (loose)", "粮油", "", "kg", 980),
    ("DELI001", "210000400000", "熟食 卤牛肉", "Braised Beef (deli)", "熟食", "", "kg", 8800),
    ("DELI002", "210000500000", "熟食 白切鸡", "White-cut Chicken (deli)", "熟食", "", "kg", 5600),
)


def scale_item_rows() -> list[CatalogRow]:
    """Deli items are weighed and priced at the counter's scale: the label carries the price."""
    return [CatalogRow(sku, name, name_en, category, brand, unit, price,
                       (body + str(gs1_standard_check_digit(body)),))
            for sku, body, name, name_en, category, brand, unit, price in DEMO_SCALE_ITEMS]


def is_seeded(session: Session) -> bool:
    return session.scalar(select(func.count()).select_from(Store)) > 0


def seed_demo(session: Session, products: int = DEFAULT_DEMO_PRODUCTS, *, scale_items: bool = True,
              promotions: bool = True) -> int:
    """Fill an empty central with the demo chain; returns the number of products.

    `scale_items=False` leaves out the weighed and deli items, for runs that pick any
    listed barcode and scan it as a packaged good (their listed codes need a label);
    `promotions=False` leaves out the demo promotions (central.promotions.DEMO_PROMOTIONS),
    for tests that check list-price arithmetic."""
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
    if scale_items:
        count += add_products(session, scale_item_rows())
    # Opening stock in every store for the first few thousand products (all of the demo's).
    stores = session.scalars(select(Store).order_by(Store.code)).all()
    opening = [(p.sku, 20 + (i * 7) % 80) for i, p in enumerate(demo_products(min(products, 5000)))]
    for store in stores:
        seed_stock(session, store.id, opening)
    if promotions:
        seed_demo_promotions(session)
    seed_demo_members(session)
    seed_demo_coupons(session)
    seed_demo_locations(session)
    seed_guide_demo(session)
    session.commit()
    return count
