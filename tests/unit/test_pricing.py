"""The promotions engine: each kind of rule, how rules stack, and properties over random carts."""

from __future__ import annotations

import random
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pos_client.domain.pricing import MEMBER_PRICE_ID, CouponTerms, PricingLine, price_cart, split
from pos_client.domain.promotions import Promotion, parse_promotion

NOON = datetime(2026, 12, 2, 12, 0)  # a Wednesday


def line(key: int, sku: str, price: int, qty: int = 1, *, category: str = "饮料", brand: str = "农夫山泉",
         **kw) -> PricingLine:
    return PricingLine(key=key, sku=sku, category=category, brand=brand, qty=qty, unit_price=price, **kw)


def promo(pid: str, d: dict, version: int = 1) -> Promotion:
    return parse_promotion(pid, version, d)


def total(lines, promos, **kw) -> int:
    kw.setdefault("store_code", "S001")
    kw.setdefault("local_time", NOON)
    return price_cart(lines, promos, **kw).total


# ---------------------------------------------------------------- each kind
def test_percent_off_a_category_explained_by_name():
    drinks = promo("p1", {"kind": "item_discount", "name": "饮料8折", "percent_off": 20,
                          "target": {"categories": ["饮料"]}})
    result = price_cart([line(0, "A", 500, 2), line(1, "B", 1000, category="零食")], [drinks],
                        store_code="S001", local_time=NOON)
    assert result.line(0).item_discount == 200 and result.line(1).item_discount == 0
    assert [(a.name, a.amount, a.line_keys) for a in result.applied] == [("饮料8折", 200, (0,))]
    assert result.lines[0].promotion_ids == ("p1",)


def test_amount_off_never_takes_a_unit_below_zero():
    off = promo("p", {"kind": "item_discount", "name": "立减", "amount_off": 900})
    assert total([line(0, "A", 500, 3)], [off]) == 0


def test_second_item_half_price_goes_to_the_cheaper_unit():
    half = promo("p", {"kind": "multi_buy", "name": "第二件半价", "buy": 1, "get": 1, "percent_off": 50})
    result = price_cart([line(0, "A", 1000), line(1, "B", 600)], [half], store_code="S001", local_time=NOON)
    assert result.discount_total == 300  # half of the 6.00 item
    assert result.line(0).item_discount + result.line(1).item_discount == 300


def test_buy_two_get_one_free_counts_groups():
    deal = promo("p", {"kind": "multi_buy", "name": "买二送一", "buy": 2, "get": 1})
    assert total([line(0, "A", 300, 7)], [deal]) == 300 * 5  # two groups of three: two free


def test_bundle_price():
    bundle = promo("p", {"kind": "bundle", "name": "早餐组合", "price": 1000,
                         "components": [{"target": {"skus": ["MILK"]}, "qty": 1},
                                        {"target": {"skus": ["BREAD"]}, "qty": 1}]})
    lines = [line(0, "MILK", 650, 2), line(1, "BREAD", 800, 1)]
    assert total(lines, [bundle]) == 1000 + 650  # one bundle, one milk left at full price


def test_spend_threshold_tiers_and_every():
    tiers = promo("t", {"kind": "spend_threshold", "name": "满300减50 满500减100",
                        "tiers": [{"spend": 30000, "off": 5000}, {"spend": 50000, "off": 10000}]})
    assert total([line(0, "A", 29999)], [tiers]) == 29999
    assert total([line(0, "A", 30000)], [tiers]) == 25000
    assert total([line(0, "A", 60000)], [tiers]) == 50000
    every = promo("e", {"kind": "spend_threshold", "name": "每满100减10", "every": True,
                        "tiers": [{"spend": 10000, "off": 1000}], "max_off": 3000})
    assert total([line(0, "A", 25000)], [every]) == 23000
    assert total([line(0, "A", 90000)], [every]) == 87000  # capped at 30


def test_member_price_only_for_members():
    lines = [line(0, "A", 1000, 2, member_price=800)]
    assert total(lines, []) == 2000
    result = price_cart(lines, [], store_code="S001", local_time=NOON, member=True)
    assert result.total == 1600 and result.applied[0].promotion_id == MEMBER_PRICE_ID


def test_time_window_and_store_scope():
    happy = promo("h", {"kind": "item_discount", "name": "欢乐时光", "percent_off": 10, "stores": ["S002"],
                        "schedule": {"daily_from": "17:00", "daily_to": "19:00", "weekdays": [3]}})
    lines = [line(0, "A", 1000)]
    assert total(lines, [happy], store_code="S001", local_time=datetime(2026, 12, 2, 18)) == 1000
    assert total(lines, [happy], store_code="S002", local_time=datetime(2026, 12, 2, 18)) == 900
    assert total(lines, [happy], store_code="S002", local_time=NOON) == 1000
    assert total(lines, [happy], store_code="S002", local_time=datetime(2026, 12, 3, 18)) == 1000


def test_priority_picks_one_item_promotion_per_unit_and_thresholds_stack_on_top():
    small = promo("a", {"kind": "item_discount", "name": "9折", "percent_off": 10, "priority": 1})
    big = promo("b", {"kind": "item_discount", "name": "7折", "percent_off": 30, "priority": 5})
    spend = promo("c", {"kind": "spend_threshold", "name": "满100减10",
                         "tiers": [{"spend": 10000, "off": 1000}]})
    result = price_cart([line(0, "A", 20000)], [small, big, spend], store_code="S001", local_time=NOON)
    assert result.line(0).item_discount == 6000  # 7折 wins by priority; 9折 finds no unit left
    assert result.line(0).order_discount == 1000  # on the 140 still paid
    assert [a.promotion_id for a in result.applied] == ["b", "c"]


def test_exclusive_promotion_shares_its_lines_with_nothing():
    excl = promo("x", {"kind": "item_discount", "name": "清仓", "percent_off": 50, "exclusive": True,
                       "priority": 9, "target": {"skus": ["A"]}})
    spend = promo("c", {"kind": "spend_threshold", "name": "满100减10",
                         "tiers": [{"spend": 10000, "off": 1000}]})
    result = price_cart([line(0, "A", 20000), line(1, "B", 5000)], [excl, spend], store_code="S001",
                        local_time=NOON)
    assert result.line(0).order_discount == 0  # the clearance line does not count towards 满100
    assert result.line(1).order_discount == 0  # and B alone (50.00) does not reach it


def test_best_of_a_threshold_group_applies_not_both():
    a = promo("a", {"kind": "spend_threshold", "name": "满200减20", "tiers": [{"spend": 20000, "off": 2000}]})
    b = promo("b", {"kind": "spend_threshold", "name": "满200减30", "tiers": [{"spend": 20000, "off": 3000}]})
    assert total([line(0, "A", 20000)], [a, b]) == 17000


def test_override_takes_no_promotion_and_manual_discount_comes_after_rules():
    pct = promo("p", {"kind": "item_discount", "name": "8折", "percent_off": 20})
    result = price_cart([line(0, "A", 1000, override_price=700), line(1, "B", 1000, manual_discount=900)],
                        [pct], store_code="S001", local_time=NOON)
    assert result.line(0).discount == 0 and result.line(0).amount == 700
    assert result.line(1).item_discount == 200 and result.line(1).manual_discount == 800  # capped


def test_coupon_minimum_spend_and_scope():
    coupon = CouponTerms("C1", "满50减10券", value=1000, min_spend=5000)
    assert total([line(0, "A", 4999)], [], coupons=[coupon]) == 4999
    result = price_cart([line(0, "A", 4999)], [], store_code="S001", local_time=NOON, coupons=[coupon])
    assert result.unmet_coupons == ("C1",)
    assert total([line(0, "A", 6000)], [], coupons=[coupon]) == 5000


@pytest.mark.parametrize("definition, reason", [
    ({"kind": "nope", "name": "x"}, "unknown promotion kind"),
    ({"kind": "item_discount", "name": "x"}, "exactly one"),
    ({"kind": "item_discount", "name": "x", "percent_off": 120}, "between"),
    ({"kind": "spend_threshold", "name": "x", "tiers": [{"spend": 100, "off": 500}]}, "more than its spend"),
    ({"kind": "bundle", "name": "x", "price": 1, "components": [{"qty": 1}]}, "names its goods"),
    ({"kind": "item_discount", "name": "x", "percent_off": 5, "schedule": {"daily_from": "09:00"}},
     "both"),
    ({"kind": "item_discount", "name": "", "percent_off": 5}, "needs a name"),
    ({"kind": "item_discount", "name": "x", "amount_off": "5"}, "whole number"),
])
def test_definitions_that_cannot_be_used_are_refused_with_the_reason(definition, reason):
    with pytest.raises(ValueError, match=reason):
        parse_promotion("p", 1, definition)


def test_split_is_exact_and_proportional():
    shares = split(100, [(0, 1), (1, 1), (2, 1)])
    assert sum(shares.values()) == 100 and sorted(shares.values()) == [33, 33, 34]


# ---------------------------------------------------------------- properties over random carts
SKUS = ["A", "B", "C", "D", "E"]
CATEGORIES = {"A": "饮料", "B": "饮料", "C": "零食", "D": "零食", "E": "日用"}

PROMOTIONS = [
    promo("pct", {"kind": "item_discount", "name": "饮料8折", "percent_off": 20, "priority": 3,
                  "target": {"categories": ["饮料"]}}),
    promo("off", {"kind": "item_discount", "name": "立减1元", "amount_off": 100, "target": {"skus": ["C"]}}),
    promo("half", {"kind": "multi_buy", "name": "第二件半价", "buy": 1, "get": 1, "percent_off": 50,
                   "priority": 2, "target": {"categories": ["零食"]}}),
    promo("b2g1", {"kind": "multi_buy", "name": "买二送一", "buy": 2, "get": 1,
                   "target": {"skus": ["E", "A"]}}),
    promo("bundle", {"kind": "bundle", "name": "组合", "price": 500, "priority": 4,
                     "components": [{"target": {"skus": ["A"]}, "qty": 1},
                                    {"target": {"skus": ["D"]}, "qty": 2}]}),
    promo("t300", {"kind": "spend_threshold", "name": "满30减5", "tiers": [{"spend": 3000, "off": 500},
                                                                        {"spend": 5000, "off": 1000}]}),
    promo("every", {"kind": "spend_threshold", "name": "每满20减2", "group": "g2", "every": True,
                    "tiers": [{"spend": 2000, "off": 200}]}),
    promo("excl", {"kind": "item_discount", "name": "清仓", "percent_off": 60, "exclusive": True,
                   "priority": 1, "target": {"skus": ["E"]}}),
]

line_strategy = st.builds(
    lambda sku, price, qty, member_cut, override, manual, weight: (sku, price, qty, member_cut, override,
                                                                   manual, weight),
    st.sampled_from(SKUS), st.integers(1, 20000), st.integers(1, 12), st.integers(0, 300),
    st.one_of(st.none(), st.integers(0, 20000)), st.integers(0, 3000),
    st.one_of(st.none(), st.integers(1, 5000)))


def build(raw) -> list[PricingLine]:
    out = []
    for key, (sku, price, qty, member_cut, override, manual, weight) in enumerate(raw):
        out.append(PricingLine(key=key, sku=sku, category=CATEGORIES[sku], brand="X",
                               qty=1 if weight else qty, unit_price=price,
                               member_price=max(0, price - member_cut) if member_cut else None,
                               weight_g=weight, override_price=override, manual_discount=manual))
    return out


coupons = st.lists(st.builds(lambda code, value, pct, min_spend: CouponTerms(
    code, code, value=0 if pct else value, percent_off=pct, min_spend=min_spend),
    st.sampled_from(["K1", "K2"]), st.integers(1, 5000), st.sampled_from([0, 0, 10]), st.integers(0, 8000)),
    max_size=2, unique_by=lambda c: c.code)


@settings(max_examples=300, deadline=None)
@given(st.lists(line_strategy, min_size=1, max_size=8), st.booleans(), coupons, st.randoms())
def test_no_negative_amounts_and_scan_order_does_not_matter(raw, member, cps, rnd: random.Random):
    lines = build(raw)
    result = price_cart(lines, PROMOTIONS, store_code="S001", local_time=NOON, member=member, coupons=cps)
    assert result.total >= 0
    for ln in result.lines:
        assert ln.amount >= 0 and min(ln.member_saving, ln.item_discount, ln.manual_discount,
                                      ln.order_discount) >= 0
    assert sum(a.amount for a in result.applied) == result.discount_total - sum(
        ln.manual_discount for ln in result.lines)

    shuffled = lines[:]
    rnd.shuffle(shuffled)
    again = price_cart(shuffled, list(reversed(PROMOTIONS)), store_code="S001", local_time=NOON,
                       member=member, coupons=list(reversed(cps)))
    assert again.total == result.total
    assert sorted(a.promotion_id for a in again.applied) == sorted(a.promotion_id for a in result.applied)


@settings(max_examples=150, deadline=None)
@given(st.lists(line_strategy, min_size=1, max_size=8), st.booleans())
def test_only_the_promotions_a_sale_names_reproduce_its_total(raw, member):
    """Central recomputes from the promotions the event names; the rest must not have mattered."""
    lines = build(raw)
    result = price_cart(lines, PROMOTIONS, store_code="S001", local_time=NOON, member=member)
    named = {a.promotion_id for a in result.applied}
    again = price_cart(lines, [p for p in PROMOTIONS if p.id in named], store_code="S001",
                       local_time=NOON, member=member)
    assert again.total == result.total
