"""Coupons at the till: read for a sale, and marked used by the sale that redeemed them, so this
till never takes the same coupon twice even before central hears of it."""

from __future__ import annotations

import json
from dataclasses import replace

from sqlalchemy import Connection, Engine, select, update

from pos_client.domain.coupons import Coupon, coupon_from_data

from .schema import coupon


def find_coupon(engine: Engine, code: str) -> Coupon | None:
    with engine.connect() as conn:
        row = conn.execute(select(coupon.c.data, coupon.c.status).where(coupon.c.code == code.strip().upper())
                           ).first()
    if row is None:
        return None
    try:
        found = coupon_from_data(json.loads(row.data))
    except (ValueError, KeyError, TypeError):
        return None
    return replace(found, status=row.status)


def mark_redeemed(conn: Connection, codes: list[str]) -> None:
    if codes:
        conn.execute(update(coupon).where(coupon.c.code.in_(codes)).values(status="redeemed"))
