"""Shifts as pure rules: float, cash in/out, expected cash, blind count, over/short, X and Z."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos_client.domain.shifts import (
    CASH_IN,
    CASH_OUT,
    SalesSummary,
    ShiftError,
    close_shift,
    expected_cash,
    from_totals,
    move_cash,
    open_shift,
    summarize,
    x_report,
    z_label,
)

T0 = datetime(2026, 12, 3, 8, 0, tzinfo=UTC)


def opened(float_: int = 50_000):
    return open_shift("s1", "S001", "01", T0, "1001", "李娜", float_)


def test_expected_cash_is_float_plus_cash_sales_minus_refunds_plus_moves() -> None:
    shift = opened(50_000)
    sales = summarize([("a", "cash", 1_250), ("b", "cash", 3_000), ("b", "card", 999), ("r", "cash", -500)])
    assert (sales.sale_count, sales.cash_sales, sales.cash_refunds) == (3, 4_250, 500)
    assert [(t.kind, t.count, t.amount) for t in sales.tenders] == [("card", 1, 999), ("cash", 3, 3_750)]
    shift, _ = move_cash(shift, "m1", CASH_IN, 10_000, "change_delivery", "1001", T0, sales, role="cashier")
    shift, _ = move_cash(shift, "m2", CASH_OUT, 20_000, "safe_drop", "2001", T0, sales, role="supervisor")
    expected = expected_cash(shift.opening_float, sales, shift.movements)
    assert expected == 50_000 + 4_250 - 500 + 10_000 - 20_000
    assert (shift.cash_in, shift.cash_out) == (10_000, 20_000)


def test_totals_added_up_elsewhere_give_the_same_summary() -> None:
    rows = [("a", "cash", 1_250), ("b", "cash", 3_000), ("b", "card", 999), ("r", "cash", -500)]
    assert from_totals(3, [("card", 1, 999, 999, 0), ("cash", 3, 3_750, 4_250, 500)]) == summarize(rows)


def test_cash_out_needs_a_reason_for_its_direction_and_the_cash_to_be_there() -> None:
    shift = opened(10_000)
    with pytest.raises(ShiftError) as refused:
        move_cash(shift, "m", CASH_OUT, 100, "float_top_up", "1001", T0, SalesSummary(), role="supervisor")
    assert refused.value.reason == "bad_reason"
    with pytest.raises(ShiftError) as refused:
        move_cash(shift, "m", CASH_OUT, 10_001, "safe_drop", "1001", T0, SalesSummary(), role="supervisor")
    assert refused.value.reason == "not_enough_cash" and refused.value.amount == 10_000
    for bad in (0, -5, 10**9):
        with pytest.raises(ShiftError):
            move_cash(shift, "m", CASH_IN, bad, "correction", "1001", T0, SalesSummary(), role="supervisor")


def test_a_cashier_takes_cash_out_only_with_a_supervisors_approval() -> None:
    shift = opened(10_000)
    with pytest.raises(ShiftError, match="approval_needed"):
        move_cash(shift, "m", CASH_OUT, 100, "safe_drop", "1001", T0, SalesSummary(), role="cashier")
    with pytest.raises(ShiftError, match="approval_needed"):
        move_cash(shift, "m", CASH_OUT, 100, "safe_drop", "1001", T0, SalesSummary(), role="cashier",
                  approver=("1002", "cashier"))
    _shift, out = move_cash(shift, "m", CASH_OUT, 100, "safe_drop", "1001", T0, SalesSummary(),
                            role="cashier", approver=("2001", "supervisor"))
    assert out.approved_by == "2001"
    _shift, put = move_cash(shift, "m", CASH_IN, 100, "correction", "1001", T0, SalesSummary(),
                            role="cashier")
    assert put.approved_by is None
    _shift, alone = move_cash(shift, "m", CASH_OUT, 100, "safe_drop", "2001", T0, SalesSummary(),
                              role="supervisor")
    assert alone.approved_by is None


def test_only_one_shift_open_and_nothing_moves_without_one() -> None:
    shift = opened()
    with pytest.raises(ShiftError, match="already_open"):
        open_shift("s2", "S001", "01", T0, "1002", "张伟", 0, current=shift)
    with pytest.raises(ShiftError, match="not_open"):
        move_cash(None, "m", CASH_IN, 100, "correction", "1001", T0, SalesSummary(), role="supervisor")
    with pytest.raises(ShiftError, match="not_open"):
        x_report(None, SalesSummary(), T0, "1001", "cashier")


def test_x_report_changes_nothing_and_hides_expected_cash_from_cashiers() -> None:
    shift = opened(20_000)
    sales = summarize([("a", "cash", 500)])
    x = x_report(shift, sales, T0 + timedelta(hours=1), "1001", "cashier")
    assert x.kind == "X" and x.expected_cash == 20_500 and not x.show_expected and x.counted is None
    assert x_report(shift, sales, T0, "2001", "supervisor").show_expected
    assert shift.is_open and x.shift is shift


@pytest.mark.parametrize(("counted", "over_short"), [(20_500, 0), (21_000, 500), (20_000, -500)])
def test_blind_close_gives_over_or_short_and_a_numbered_z(counted: int, over_short: int) -> None:
    shift = opened(20_000)
    sales = summarize([("a", "cash", 500)])
    closed, z = close_shift(shift, sales, counted, 7, T0 + timedelta(hours=8), "1001")
    assert not closed.is_open and closed.z_no == 7 and closed.counted == counted
    assert (z.kind, z.z_no, z.expected_cash, z.over_short) == ("Z", 7, 20_500, over_short)
    assert z_label(7) == "Z00007"
    with pytest.raises(ShiftError, match="not_open"):
        close_shift(closed, sales, counted, 8, T0, "1001")
    with pytest.raises(ShiftError, match="not_open"):
        move_cash(closed, "m", CASH_IN, 100, "correction", "1001", T0, sales, role="supervisor")


@given(st.lists(st.tuples(st.sampled_from(["in", "out"]), st.integers(1, 100_000)), max_size=30),
       st.integers(0, 1_000_000), st.lists(st.integers(-50_000, 200_000), max_size=30))
def test_the_drawer_never_goes_below_zero_and_expected_adds_up(moves, float_, cash) -> None:
    sales = summarize([(str(i), "cash", a) for i, a in enumerate(cash)])
    shift = opened(float_)
    for i, (direction, amount) in enumerate(moves):
        reason = "correction"
        try:
            shift, _ = move_cash(shift, f"m{i}", direction, amount, reason, "2001", T0, sales,
                                 role="supervisor")
        except ShiftError as refused:
            assert refused.reason == "not_enough_cash"
        after = expected_cash(shift.opening_float, sales, shift.movements)
        assert after >= min(0, float_ + sales.cash_sales - sales.cash_refunds)
    assert expected_cash(shift.opening_float, sales, shift.movements) == (
        float_ + sum(cash) + shift.cash_in - shift.cash_out)
