"""Members at the till: found by phone or member code, shown masked, earning and spending points.

The till keeps only what checkout needs: the member id and code, tier, points, a masked phone
and name for the screen and the receipt, and a keyed hash of the phone so a member can be
found by phone offline without the till holding anyone's phone number.  (Phone numbers are
few enough that a hash alone would be reversible; the key comes from central with the store's
settings and is not in the till's database file with the members.)
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass

from .money import Amount

_CN_MOBILE = re.compile(r"1[3-9]\d{9}", re.ASCII)
POINTS_PER_YUAN_REDEEMED = 100
"""100 points pay for ¥1."""


class MemberError(ValueError):
    def __init__(self, reason: str, limit: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.limit = limit


def normalize_phone(text: str) -> str:
    """A mainland mobile number as 11 digits; spaces, dashes and +86 are dropped."""
    digits = re.sub(r"[\s\-()]", "", text.strip())
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    if not _CN_MOBILE.fullmatch(digits):
        raise MemberError("not_a_mobile_number")
    return digits


def phone_key(phone: str, key: str) -> str:
    return hmac.new(key.encode(), normalize_phone(phone).encode(), hashlib.sha256).hexdigest()[:40]


def mask_phone(phone: str) -> str:
    """138****5678."""
    p = normalize_phone(phone)
    return f"{p[:3]}****{p[-4:]}"


def mask_name(name: str) -> str:
    """The first character only: 张伟 → 张*, 李小龙 → 李**; Latin names keep each word's first letter."""
    text = name.strip()
    if not text:
        return ""
    if text.isascii():
        return " ".join(w[0] + "*" * (len(w) - 1) for w in text.split())
    return text[0] + "*" * (len(text) - 1)


@dataclass(frozen=True, slots=True)
class Member:
    member_id: str
    code: str
    tier: str
    points: int
    phone_masked: str
    name_masked: str = ""

    def points_value(self, points: int) -> Amount:
        return points * 100 // POINTS_PER_YUAN_REDEEMED


def points_earned(net_paid: Amount, points_per_yuan: int = 1) -> int:
    """Whole yuan paid (not points, not the rounding) earn points; a fen short of a yuan earns none."""
    if net_paid <= 0 or points_per_yuan <= 0:
        return 0
    return net_paid // 100 * points_per_yuan


def points_for(amount: Amount) -> int:
    """Points that pay `amount` (which must be whole jiao-free fen of points: 1 point = ¥0.01)."""
    return amount * POINTS_PER_YUAN_REDEEMED // 100


def redeemable(member: Member, due: Amount, pending_points: int = 0) -> Amount:
    """The most the member's points may pay of `due`: never more than the balance, less points
    already spent on this till but not yet reflected by central."""
    available = max(0, member.points - pending_points)
    return min(due, member.points_value(available))
