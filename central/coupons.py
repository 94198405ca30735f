"""Coupons at central: issued (claimed online), checked live for single use, redeemed by sales.

A coupon used twice (two tills offline, or a copied QR) is a fact by the time central hears of
it: the second sale is accepted with a `coupon_reused` conflict and listed in the
loss-prevention report, rather than refused, since the customer has left with the goods.
"""

from __future__ import annotations

import secrets
from datetime import datetime

from sqlalchemy import Connection, func, insert, select, update
from sqlalchemy.orm import Session

from sync.protocol import CouponValidation, ErrorBody, Event, SaleCompleted

from .changelog import log_change, reserve_seqs
from .db import utcnow
from .models import CHAIN_SCOPE, ChangeLogEntry, Coupon, CouponRedemption, Note, Store

ENTITY = "coupon"
_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O or 1/I to misread


def coupon_data(c: Coupon) -> dict:
    return {"code": c.code, "name": c.name, "value": c.value, "percent_off": c.percent_off,
            "min_spend": c.min_spend, "max_off": c.max_off, "target": c.target, "valid_from": c.valid_from,
            "valid_to": c.valid_to, "member_id": c.member_id, "status": c.status}


def issue_coupon(session: Session, name: str, *, value: int = 0, percent_off: int = 0, min_spend: int = 0,
                 max_off: int | None = None, target: dict | None = None, valid_from: str | None = None,
                 valid_to: str | None = None, member_id: str | None = None,
                 code: str | None = None) -> Coupon:
    if bool(value) == bool(percent_off):
        raise ValueError("a coupon takes exactly one of value and percent_off")
    c = Coupon(code=code or "CP" + "".join(secrets.choice(_ALPHABET) for _ in range(10)), name=name[:60],
               value=value, percent_off=percent_off, min_spend=min_spend, max_off=max_off, target=target,
               valid_from=valid_from, valid_to=valid_to, member_id=member_id, status="issued",
               created_at=utcnow())
    session.add(c)
    session.flush()
    log_change(session, entity=ENTITY, entity_id=c.code, data=coupon_data(c), scope=CHAIN_SCOPE)
    return c


DEMO_COUPONS = (("CPDEMO100OFF20", "满100减20券", 2000, 10000), ("CPDEMO10YUAN1", "10元无门槛券", 1000, 0),
                ("CPDEMO10YUAN2", "10元无门槛券", 1000, 0), ("CPDEMOBIG8000", "满500减80券", 8000, 50000))


def seed_demo_coupons(session: Session) -> None:
    for code, name, value, min_spend in DEMO_COUPONS:
        issue_coupon(session, name, value=value, min_spend=min_spend, code=code)


def validate(session: Session, code: str, member_id: str | None) -> CouponValidation:
    c = session.get(Coupon, code.strip().upper())
    if c is None:
        return CouponValidation(code=code, valid=False, reason="unknown")
    if c.status != "issued":
        return CouponValidation(code=c.code, valid=False, reason="used" if c.status == "redeemed" else "void")
    if c.member_id is not None and member_id is not None and c.member_id != member_id:
        return CouponValidation(code=c.code, valid=False, reason="other_member")
    return CouponValidation(code=c.code, valid=True, coupon=coupon_data(c))


def _publish(conn: Connection, c) -> None:
    seq = reserve_seqs(conn, CHAIN_SCOPE)
    conn.execute(insert(ChangeLogEntry.__table__).values(
        scope=CHAIN_SCOPE, seq=seq, entity=ENTITY, entity_id=c.code, op="upsert",
        data={"code": c.code, "name": c.name, "value": c.value, "percent_off": c.percent_off,
              "min_spend": c.min_spend, "max_off": c.max_off, "target": c.target, "valid_from": c.valid_from,
              "valid_to": c.valid_to, "member_id": c.member_id, "status": c.status},
        created_at=utcnow()))


def redeem(conn: Connection, store_id: str, device_id: str, event: Event, sale: SaleCompleted,
           now: datetime) -> ErrorBody | None:
    if not sale.coupon_codes:
        return None
    taken = {p.promotion_id.removeprefix("coupon:"): p.amount for p in sale.promotions
             if p.promotion_id.startswith("coupon:")}
    problems = []
    for code in sale.coupon_codes:
        c = conn.execute(select(Coupon).where(Coupon.code == code)).first()
        reused = c is not None and c.status == "redeemed"
        conn.execute(insert(CouponRedemption.__table__), {
            "code": code, "sale_id": sale.sale_id, "receipt_no": sale.receipt_no, "store_id": store_id,
            "device_id": device_id, "amount": taken.get(code, 0), "reused": reused or c is None,
            "created_at": now})
        if c is None:
            problems.append(f"coupon {code} is unknown at central")
        elif reused:
            problems.append(f"coupon {code} was already redeemed")
        else:
            conn.execute(update(Coupon).where(Coupon.code == code).values(status="redeemed"))
            _publish(conn, conn.execute(select(Coupon).where(Coupon.code == code)).one())
    if not problems:
        return None
    message = (f"Receipt {sale.receipt_no}: " + "; ".join(problems)
               + ". The sale stands; see the loss-prevention report.")
    conn.execute(insert(Note.__table__), {"store_id": store_id, "device_id": device_id,
                                          "kind": "coupon_reused", "created_at": now, "message": message})
    return ErrorBody(code="coupon_reused", message=message)


def loss_prevention(session: Session) -> list[dict]:
    """Coupons used more than once, each use with its store, receipt and amount."""
    codes = select(CouponRedemption.code).group_by(CouponRedemption.code).having(func.count() > 1)
    rows = session.execute(select(CouponRedemption, Store.code)
                           .join(Store, Store.id == CouponRedemption.store_id)
                           .where(CouponRedemption.code.in_(codes))
                           .order_by(CouponRedemption.code, CouponRedemption.id)).all()
    return [{"code": r.code, "store": store, "receipt_no": r.receipt_no, "amount": r.amount,
             "reused": r.reused, "at": r.created_at.isoformat()} for r, store in rows]
