"""Coupons: when one may go on a sale, and what it takes off once it does."""

from __future__ import annotations

from datetime import datetime

import pytest

from pos_client.domain.coupons import Coupon, CouponRefused, check_usable, coupon_from_data, looks_like_coupon
from pos_client.domain.pricing import PricingLine, price_cart

NOON = datetime(2026, 12, 2, 12)


def usable(coupon: Coupon, **kw) -> str | None:
    args = {"local": NOON, "member_id": None, "online": True, **kw}
    try:
        check_usable(coupon, **args)
    except CouponRefused as exc:
        return exc.reason
    return None


def test_codes_are_recognised_in_the_scan_field() -> None:
    assert looks_like_coupon("cp8K2M9QX1") and not looks_like_coupon("6901234567892")


def test_validity_member_single_use_and_the_offline_limit() -> None:
    c = coupon_from_data({"code": "CP100OFF20", "name": "满100减20", "value": 2000, "min_spend": 10000,
                          "valid_from": "2026-12-01T00:00:00", "valid_to": "2026-12-31T23:59:59"})
    assert usable(c) is None
    assert usable(c, local=datetime(2027, 1, 1)) == "expired"
    assert usable(c, local=datetime(2026, 11, 30)) == "not_yet_valid"
    assert usable(c, already_on_sale=("CP100OFF20",)) == "already_on_sale"
    assert usable(coupon_from_data({"code": "CPXXXXXX", "value": 100, "status": "redeemed"})) == "used"
    mine = coupon_from_data({"code": "CPMINE0001", "value": 500, "member_id": "m1"})
    assert usable(mine, member_id="m2") == "other_member" and usable(mine, member_id="m1") is None
    big = coupon_from_data({"code": "CPBIG00001", "value": 8000})
    assert usable(big, online=False) == "over_offline_limit" and usable(big, online=True) is None
    with pytest.raises(ValueError):
        coupon_from_data({"code": "CPBAD00001", "value": 100, "percent_off": 10})


def test_a_coupon_counts_only_when_the_goods_reach_its_minimum_spend() -> None:
    c = coupon_from_data({"code": "CP100OFF20", "name": "满100减20", "value": 2000, "min_spend": 10000,
                          "target": {"categories": ["饮料"]}})
    lines = [PricingLine(0, "A", "饮料", "x", 7, 1500), PricingLine(1, "B", "零食", "y", 1, 5000)]
    priced = price_cart(lines, [], store_code="S001", local_time=NOON, coupons=[c.terms()])
    assert priced.total == 10500 + 5000 - 2000 and priced.unmet_coupons == ()
    # Snacks do not count towards a drinks coupon: 5 drinks (75.00) and 3 snacks leave it unmet.
    fewer = [PricingLine(0, "A", "饮料", "x", 5, 1500), PricingLine(1, "B", "零食", "y", 3, 5000)]
    priced = price_cart(fewer, [], store_code="S001", local_time=NOON, coupons=[c.terms()])
    assert priced.unmet_coupons == ("CP100OFF20",) and priced.total == 7500 + 15000
