"""Coupons a customer claimed online and redeems at the till, by code or QR.

Whether a coupon may be used is decided here from what the till knows (validity window in
the store's time, its member, whether it was already used); whether it still counts is
decided by the pricing engine (minimum spend, scope).  Single use is checked live at central
when online; offline the till accepts coupons up to the store's offline limit, and a coupon
redeemed twice while offline is accepted at central with a conflict for loss prevention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from .money import Amount
from .pricing import CouponTerms
from .promotions import Target, parse_target

COUPON_CODE = re.compile(r"CP[0-9A-Z]{6,20}", re.ASCII)
DEFAULT_OFFLINE_LIMIT = 5000
"""The largest coupon (in fen) a till accepts while it cannot ask central: ¥50."""


class CouponRefused(ValueError):
    """Why a coupon cannot go on this sale; `reason` is a stable word the UI explains."""

    def __init__(self, reason: str, limit: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.limit = limit


def looks_like_coupon(text: str) -> bool:
    return bool(COUPON_CODE.fullmatch(text.strip().upper()))


@dataclass(frozen=True, slots=True)
class Coupon:
    code: str
    name: str
    value: Amount = 0
    percent_off: int = 0
    min_spend: Amount = 0
    max_off: Amount | None = None
    target: Target = field(default_factory=Target)
    valid_from: datetime | None = None
    valid_to: datetime | None = None
    """Store wall-clock times, naive."""
    member_id: str | None = None
    """The member who claimed it; None for a bearer coupon anyone may use."""
    status: str = "issued"
    """issued, redeemed (known to central or used on this till) or void."""

    @property
    def face_value(self) -> Amount:
        """What it can take off at most: its value, or its cap for a percentage coupon."""
        return self.value or (self.max_off or 0)

    def terms(self) -> CouponTerms:
        return CouponTerms(self.code, self.name, self.value, self.percent_off, self.min_spend, self.target,
                           self.max_off)


def coupon_from_data(d: dict) -> Coupon:
    """From central's `coupon` entity; ValueError when unusable."""
    def when(key: str) -> datetime | None:
        raw = d.get(key)
        return datetime.fromisoformat(str(raw)).replace(tzinfo=None) if raw else None

    value, pct = int(d.get("value") or 0), int(d.get("percent_off") or 0)
    if bool(value) == bool(pct) or value < 0 or not 0 <= pct <= 100:
        raise ValueError("a coupon takes exactly one of value and percent_off")
    return Coupon(code=str(d["code"]).upper(), name=str(d.get("name") or d["code"])[:60], value=value,
                  percent_off=pct, min_spend=int(d.get("min_spend") or 0),
                  max_off=int(d["max_off"]) if d.get("max_off") is not None else None,
                  target=parse_target(d.get("target")), valid_from=when("valid_from"),
                  valid_to=when("valid_to"),
                  member_id=d.get("member_id") or None, status=str(d.get("status") or "issued"))


def check_usable(coupon: Coupon, *, local: datetime, member_id: str | None, online: bool,
                 offline_limit: Amount = DEFAULT_OFFLINE_LIMIT,
                 already_on_sale: tuple[str, ...] = ()) -> None:
    """Raises CouponRefused with the reason; returns when the coupon may go on the sale."""
    if coupon.code in already_on_sale:
        raise CouponRefused("already_on_sale")
    if coupon.status != "issued":
        raise CouponRefused("used" if coupon.status == "redeemed" else "void")
    if coupon.valid_from is not None and local < coupon.valid_from:
        raise CouponRefused("not_yet_valid")
    if coupon.valid_to is not None and local > coupon.valid_to:
        raise CouponRefused("expired")
    if coupon.member_id is not None and coupon.member_id != member_id:
        raise CouponRefused("other_member")
    if not online and coupon.face_value > offline_limit:
        raise CouponRefused("over_offline_limit", offline_limit)
