"""Demo data for the sales guide and stock work: where the stores are, a warehouse, the
apparel catalog's sizes and colours, commission rules and safety stock."""

from __future__ import annotations

import hashlib

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from .catalog import add_store
from .changelog import log_changes
from .commission import rule_data
from .guide_changes import safety_data, variant_data
from .models import CHAIN_SCOPE, CommissionRule, Product, SafetyStock, Site, StockLevel, Store, Variant
from .stock import seed_stock

SITES = {  # code: (kind, latitude, longitude in microdegrees)
    "S001": ("store", 31_229_000, 121_454_000),   # Shanghai, West Nanjing Rd
    "S002": ("store", 39_936_000, 116_455_000),   # Beijing, Sanlitun
    "S003": ("store", 22_540_000, 114_111_000),   # Shenzhen, MixC
    "W001": ("warehouse", 31_390_000, 120_980_000),  # Kunshan distribution centre
}
WAREHOUSE = ("W001", "华东配送中心", "East China DC", "江苏省昆山市花桥镇商务大道 88 号")

DEMO_RULES = (  # rule_id, category, channel, rate in basis points
    ("default", "", "", 100),
    ("delivery", "", "delivery", 150),
    ("apparel", "服装", "", 300),
    ("apparel-delivery", "服装", "delivery", 400),
    ("appliances", "家用电器", "", 50),
)
APPAREL = "服装"


def variant_of(name: str) -> tuple[str, str, str] | None:
    """An apparel name from the demo catalog, "品牌 款式 颜色 尺码[ 款式 n]", as (style key, size, colour)."""
    words = name.split()
    if "款式" in words:  # a repeated combination is a style of its own
        at = words.index("款式")
        suffix, words = words[at:], words[:at]
    else:
        suffix = []
    if len(words) < 4:
        return None
    line = " ".join(words[:-2] + suffix)
    return "ST" + hashlib.sha256(line.encode()).hexdigest()[:8].upper(), words[-1], words[-2]


def seed_guide_demo(session: Session) -> None:
    """After the demo chain exists: sites, the warehouse and its stock, variants, rules, safety stock."""
    if session.scalar(select(Store.id).where(Store.code == WAREHOUSE[0])) is None:
        warehouse = add_store(session, *WAREHOUSE)
        opening = [(sku, on_hand * 5) for sku, on_hand in session.execute(
            select(StockLevel.sku, StockLevel.on_hand)
            .join(Store, Store.id == StockLevel.store_id).where(Store.code == "S001")).all()]
        seed_stock(session, warehouse.id, opening)
    stores = dict(session.execute(select(Store.code, Store.id)).all())
    for code, (kind, lat, lon) in SITES.items():
        if code in stores and session.get(Site, stores[code]) is None:
            session.add(Site(store_id=stores[code], kind=kind, latitude_e6=lat, longitude_e6=lon))
    variants = []
    for sku, name in session.execute(select(Product.sku, Product.name).where(Product.category == APPAREL)):
        found = variant_of(name)
        if found:
            variants.append({"sku": sku, "style": found[0], "size": found[1], "colour": found[2]})
    if variants:
        session.execute(insert(Variant), variants)
        log_changes(session, CHAIN_SCOPE, [
            {"entity": "variant", "entity_id": v["sku"], "op": "upsert",
             "data": variant_data(Variant(**v))} for v in variants])
    rules = [CommissionRule(rule_id=r, category=c, channel=ch, rate_bp=bp) for r, c, ch, bp in DEMO_RULES]
    session.add_all(rules)
    session.flush()
    log_changes(session, CHAIN_SCOPE, [{"entity": "commission_rule", "entity_id": r.rule_id, "op": "upsert",
                                        "data": rule_data(r)} for r in rules])
    skus = list(session.scalars(select(Product.sku).order_by(Product.sku).limit(50)))
    for code in ("S001", "S002", "S003"):
        if code not in stores:
            continue
        rows = [SafetyStock(store_id=stores[code], sku=sku, min_qty=40, target_qty=80) for sku in skus[::5]]
        session.add_all(rows)
        session.flush()
        log_changes(session, stores[code], [{"entity": "safety_stock", "entity_id": r.sku, "op": "upsert",
                                             "data": safety_data(r)} for r in rows])
