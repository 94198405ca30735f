"""The pure rules of guide commission, guide orders and stock counts (no Qt, no SQL)."""

from __future__ import annotations

from pos_client.domain.commission import Rule, commission_on, reversal, rule_for
from pos_client.domain.guide_order import DraftLine, OrderDraft, problems
from pos_client.domain.stock_count import (
    count_lines,
    may_adjust,
    receipt_lines,
    sold_unseen,
    suggested_order,
)

RULES = [
    Rule("any", "", "", 100),
    Rule("delivery", "", "delivery", 150),
    Rule("apparel", "服装", "", 300),
    Rule("apparel-delivery", "服装", "delivery", 400),
]


def test_the_most_specific_commission_rule_wins() -> None:
    assert rule_for(RULES, "服装", "delivery").rule_id == "apparel-delivery"
    assert rule_for(RULES, "服装", "in_store").rule_id == "apparel"
    assert rule_for(RULES, "饮料", "delivery").rule_id == "delivery"
    assert rule_for(RULES, "饮料", "in_store").rule_id == "any"
    assert rule_for(RULES[1:2], "饮料", "in_store") is None


def test_commission_rounds_half_up_and_a_return_never_takes_back_more_than_was_earned() -> None:
    assert (
        commission_on(5590, 100) == 56 and commission_on(5549, 100) == 55 and commission_on(-5590, 100) == -56
    )
    assert reversal(2680, 100, 40) == -27
    assert reversal(4020, 100, 13) == -13  # only what is left of the line's commission
    assert reversal(100, 100, 0) == 0


def test_an_order_says_what_is_missing() -> None:
    line = DraftLine("A", "a", "服装", 1, 100)
    assert (
        problems(OrderDraft((line,), "delivery", name="王", phone="13812345678", address="某路 1 号"), "S001")
        == []
    )
    assert problems(OrderDraft((), "pickup_other", pickup_store_code="S001"), "S001") == [
        "no_lines",
        "no_pickup_store",
    ]
    assert problems(OrderDraft((line,), "pickup_here", payment="till", tenders=(("card", 50),)), "S001") == [
        "underpaid"
    ]


def test_a_count_adds_back_units_sold_unseen_during_it() -> None:
    unseen = sold_unseen([("E1", "A"), ("E2", "A"), ("E9", "B")], {"C": 2}, seen_epcs={"E1"})
    assert unseen == {"A": 1, "B": 1, "C": 2}
    lines = {
        ln.sku: ln
        for ln in count_lines({"A": (10, 4), "B": (5, 2), "D": (3, 1)}, {"A": 8}, unseen, whole_scope=True)
    }
    assert (lines["A"].at_position, lines["A"].difference, lines["A"].position) == (9, -1, 4)
    assert lines["D"].counted == 0 and lines["D"].difference == -3  # expected, not found: a whole-store count
    shelf = count_lines({"A": (10, 4), "D": (3, 1)}, {"A": 8}, {}, whole_scope=False)
    assert [ln.sku for ln in shelf] == ["A"]  # a shelf says nothing of what it does not hold


def test_receipts_safety_stock_and_who_may_write_off() -> None:
    got = {ln.sku: (ln.shortage, ln.extra) for ln in receipt_lines({"A": 5, "B": 2}, {"A": 4, "C": 1})}
    assert got == {"A": (1, 0), "B": (2, 0), "C": (0, 1)}
    assert suggested_order(12, 40, 80) == 68 and suggested_order(40, 40, 80) == 0
    assert may_adjust("supervisor", "damage") and not may_adjust("supervisor", "write_off")
    assert may_adjust("manager", "write_off") and not may_adjust("cashier", "damage")
