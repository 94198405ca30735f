"""Promotions at central: versioned rules sent to the tills, and the recomputation of sales.

A till prices offline with whatever rules it last pulled; the sale it sends names
each promotion that took something off, with its version.  Every version is kept,
so central can run the same engine (pos_client.domain.pricing) over the same lines
with the same rules and see whether it reaches the same total.  A difference is a
fact to look at (a till with a bug, a tampered event), not a reason to lose the
sale: the sale is accepted with a `pricing_mismatch` conflict and a note.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Connection, select, tuple_
from sqlalchemy.orm import Session

from pos_client.domain.pricing import MEMBER_PRICE_ID, PricingLine, price_cart
from pos_client.domain.promotions import Promotion as Rule
from pos_client.domain.promotions import parse_promotion
from sync.protocol import SaleCompleted

from .changelog import log_change
from .db import utcnow
from .models import CHAIN_SCOPE, Promotion, PromotionVersion

ENTITY = "promotion"


def put_promotion(session: Session, promotion_id: str, definition: dict) -> int:
    """Create or change a promotion; returns its new version.  ValueError says what is unusable,
    before anything is written, so no till ever receives a rule it would have to skip."""
    parse_promotion(promotion_id, 1, definition)
    now = utcnow()
    current = session.get(Promotion, promotion_id, with_for_update=True)
    if current is None:
        current = Promotion(id=promotion_id, version=1, definition=definition, active=True, updated_at=now)
        session.add(current)
    else:
        current.version += 1
        current.definition, current.active, current.updated_at = definition, True, now
    session.add(PromotionVersion(promotion_id=promotion_id, version=current.version,
                                 definition=definition, created_at=now))
    session.flush()
    log_change(session, entity=ENTITY, entity_id=promotion_id, scope=CHAIN_SCOPE, now=now,
               data={"promotion_id": promotion_id, "version": current.version, "definition": definition})
    return current.version


def end_promotion(session: Session, promotion_id: str) -> bool:
    """Stop a promotion everywhere (tills delete it at their next pull); False when unknown."""
    current = session.get(Promotion, promotion_id, with_for_update=True)
    if current is None or not current.active:
        return False
    current.active, current.updated_at = False, utcnow()
    log_change(session, entity=ENTITY, entity_id=promotion_id, data=None, op="delete", scope=CHAIN_SCOPE)
    return True


def active_promotions(session: Session) -> list[Promotion]:
    return list(session.scalars(select(Promotion).where(Promotion.active.is_(True)).order_by(Promotion.id)))


# ------------------------------------------------------------------ recomputing a sale
_VERSIONS = PromotionVersion.__table__


def _rules(conn: Connection, sale: SaleCompleted) -> list[Rule] | None:
    """The rules the till named, as they were; None when central lacks one (cannot judge)."""
    wanted = {(p.promotion_id, p.version) for p in sale.promotions
              if p.promotion_id != MEMBER_PRICE_ID and not p.promotion_id.startswith("coupon:")}
    if any(p.promotion_id.startswith("coupon:") for p in sale.promotions):
        return None  # coupon terms are checked by their own redemption, not recomputed here
    if not wanted:
        return []
    key = tuple_(_VERSIONS.c.promotion_id, _VERSIONS.c.version)
    rows = conn.execute(select(_VERSIONS.c.promotion_id, _VERSIONS.c.version, _VERSIONS.c.definition)
                        .where(key.in_(sorted(wanted)))).all()
    if len(rows) != len(wanted):
        return None
    try:
        return [parse_promotion(pid, version, definition) for pid, version, definition in rows]
    except ValueError:
        return None


def local_time(sale: SaleCompleted, occurred_at: datetime, timezone: str) -> datetime:
    """The store's wall-clock time the till judged schedules at: as it said, else from the event time."""
    if sale.priced_at_local:
        try:
            return datetime.fromisoformat(sale.priced_at_local).replace(tzinfo=None)
        except ValueError:
            pass
    try:
        zone = ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("Asia/Shanghai")
    return occurred_at.astimezone(UTC).astimezone(zone).replace(tzinfo=None)


def recompute_total(conn: Connection, sale: SaleCompleted, *, occurred_at: datetime,
                    timezone: str) -> int | None:
    """What central's engine makes of the sale's lines with the rules the till named."""
    rules = _rules(conn, sale)
    if rules is None:
        return None
    lines = [PricingLine(key=ln.line_no, sku=ln.sku, category=ln.category, brand=ln.brand, qty=ln.qty,
                         unit_price=ln.list_price if ln.list_price is not None else ln.unit_price,
                         member_price=ln.member_price, weight_g=ln.weight_g, label_price=ln.label_price,
                         override_price=ln.override_price, manual_discount=ln.manual_discount)
             for ln in sale.lines]
    priced = price_cart(lines, rules, store_code=sale.store_code,
                        local_time=local_time(sale, occurred_at, timezone), member=sale.member_id is not None)
    return priced.total


# ------------------------------------------------------------------ the demo chain's promotions
DEMO_PROMOTIONS: dict[str, dict] = {
    "P-DRINK-90": {"kind": "item_discount", "name": "饮料9折", "name_en": "Drinks 10% off",
                   "percent_off": 10, "priority": 10, "target": {"categories": ["饮料"]}},
    "P-SNACK-2ND": {"kind": "multi_buy", "name": "零食第二件半价", "name_en": "Snacks: 2nd half price",
                    "buy": 1, "get": 1, "percent_off": 50, "priority": 20,
                    "target": {"categories": ["休闲零食"]}},
    "P-COLA-CHIPS": {"kind": "bundle", "name": "可乐+乐事 组合价", "name_en": "Coke + Lay's bundle",
                     "price": 1500, "priority": 30,
                     "components": [{"target": {"brands": ["可口可乐"]}, "qty": 1},
                                    {"target": {"brands": ["乐事"]}, "qty": 1}]},
    "P-DAIRY-EVENING": {"kind": "item_discount", "name": "乳制品晚间8折", "name_en": "Dairy evening 20% off",
                        "percent_off": 20, "priority": 5, "target": {"categories": ["乳制品"]},
                        "schedule": {"daily_from": "19:00", "daily_to": "22:00"}},
    "P-SPEND-300": {"kind": "spend_threshold", "name": "满200减20 满300减50",
                    "name_en": "¥20 off ¥200, ¥50 off ¥300",
                    "tiers": [{"spend": 20000, "off": 2000}, {"spend": 30000, "off": 5000}]},
}


def seed_demo_promotions(session: Session) -> int:
    for promotion_id, definition in DEMO_PROMOTIONS.items():
        put_promotion(session, promotion_id, definition)
    return len(DEMO_PROMOTIONS)
