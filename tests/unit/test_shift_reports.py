"""X and Z reports and cash slips rendered to ESC/POS: Chinese and English, blind where it must be."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from drivers.printer.escpos_render import PaperProfile, render
from pos_client.domain.shifts import close_shift, move_cash, open_shift, summarize, x_report
from pos_client.services.shift_reports import float_document, movement_document, report_document
from tests.helpers import escpos_text

T0 = datetime(2026, 12, 3, 1, 0, tzinfo=UTC)
DRAWER = b"\x1bp"


@pytest.fixture
def shift_and_sales():
    sales = summarize([("a", "cash", 12_345), ("b", "card", 5_000)])
    shift = open_shift("s1", "S001", "01", T0, "1001", "李娜", 50_000)
    shift, move = move_cash(shift, "m1", "out", 20_000, "safe_drop", "2001", T0 + timedelta(hours=2), sales,
                            role="supervisor")
    return shift, sales, move


@pytest.mark.parametrize("mm", [80, 58])
def test_z_report_prints_its_number_figures_and_over_short(shift_and_sales, mm: int) -> None:
    shift, sales, _move = shift_and_sales
    _closed, z = close_shift(shift, sales, 42_000, 12, T0 + timedelta(hours=8), "1001")
    data = render(report_document(z, "好又多超市"), PaperProfile.for_width(mm))
    text = escpos_text(data)
    for expected in ("Z 报表", "Z00012", "备用金 Opening float", "￥500.00", "现金销售 Cash sales",
                     "￥123.45", "存入保险柜 Safe drop", "应有现金 Expected cash", "￥423.45",
                     "实点现金 Counted cash", "￥420.00", "短款 SHORT", "￥-3.45", "银行卡 Card"):
        assert expected in text, expected
    assert DRAWER not in data


def test_a_cashiers_x_report_leaves_out_the_expected_cash(shift_and_sales) -> None:
    shift, sales, _move = shift_and_sales
    cashier = escpos_text(render(report_document(x_report(shift, sales, T0, "1001", "cashier"), "S"),
                                 PaperProfile.for_width(80)))
    supervisor = escpos_text(render(report_document(x_report(shift, sales, T0, "2001", "supervisor"), "S"),
                                    PaperProfile.for_width(80)))
    assert "X 报表" in cashier and "Expected cash" not in cashier and "Counted" not in cashier
    assert "应有现金 Expected cash" in supervisor and "￥423.45" in supervisor


def test_float_and_cash_slips_open_the_drawer(shift_and_sales) -> None:
    shift, _sales, move = shift_and_sales
    slip = render(movement_document(move, shift, "S"), PaperProfile.for_width(80))
    assert DRAWER in slip and "取出现金 CASH OUT" in escpos_text(slip) and "￥200.00" in escpos_text(slip)
    opened = render(float_document(shift, "S"), PaperProfile.for_width(58))
    assert DRAWER in opened and "￥500.00" in escpos_text(opened)
