"""Returns: exact refunds per unit, never more than sold, back to the tenders that paid."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos_client.domain.returns import (
    OriginalLine,
    OriginalSale,
    RefundPolicy,
    ReturnError,
    refund_for,
    refund_tenders,
    return_lines,
)
from pos_client.domain.tenders import CARD, CASH, WALLET, Tender

WHEN = datetime(2026, 12, 2, 12, tzinfo=UTC)


CASH_ONLY = (Tender(CASH, 1000, 1000),)


def sale(*lines: OriginalLine, tenders=CASH_ONLY, refunded=()) -> OriginalSale:
    return OriginalSale("s1", "S001-01-20261202-0001", "S001", WHEN, tuple(lines), tuple(tenders),
                        tuple(refunded))


@given(st.integers(1, 50), st.integers(0, 100_000), st.data())
def test_returning_every_unit_in_any_steps_refunds_exactly_what_was_paid(qty, amount, data) -> None:
    line = OriginalLine(1, "A", "可乐", qty, amount)
    refunded = 0
    while line.returnable:
        take = data.draw(st.integers(1, line.returnable))
        refunded += refund_for(line, take)
        line = OriginalLine(1, "A", "可乐", qty, amount, returned_qty=line.returned_qty + take)
    assert refunded == amount


def test_a_unit_of_a_discounted_line_refunds_what_it_cost_not_its_list_price() -> None:
    line = OriginalLine(1, "A", "薯片", 2, 2355)  # 2 x 15.70 with second half price
    assert refund_for(line, 1) == 1178  # half of what was paid, rounded
    assert refund_for(OriginalLine(1, "A", "薯片", 2, 2355, returned_qty=1), 1) == 1177


def test_no_more_than_sold_and_nothing_is_not_a_return() -> None:
    line = OriginalLine(1, "A", "可乐", 3, 900, returned_qty=2)
    with pytest.raises(ReturnError) as err:
        refund_for(line, 2)
    assert (err.value.reason, err.value.limit) == ("more_than_sold", 1)
    with pytest.raises(ReturnError, match="nothing_to_return"):
        return_lines(sale(line), {1: (0, True)})
    with pytest.raises(ReturnError, match="no_such_line"):
        return_lines(sale(line), {7: (1, True)})


def test_refunds_go_back_to_card_and_wallet_first_then_cash() -> None:
    paid = (Tender(CASH, 2000, 5000, 3000), Tender(CARD, 1500, 1500, reference="AUTH1", last4="4321"),
            Tender(WALLET, 500, 500, reference="SBX9", provider="wechat"))
    original = sale(OriginalLine(1, "A", "x", 1, 4000), tenders=paid)
    refunds = refund_tenders(2500, original, RefundPolicy.ORIGINAL)
    assert [(t.kind, t.amount, t.reference) for t in refunds] == [
        (CARD, 1500, "AUTH1"), (WALLET, 500, "SBX9"), (CASH, 500, None)]
    assert [(t.kind, t.amount) for t in refund_tenders(2500, original, RefundPolicy.CASH)] == [(CASH, 2500)]
    # A second return against the same sale: the card was already refunded in full.
    again = sale(OriginalLine(1, "A", "x", 1, 4000), tenders=paid, refunded=refunds)
    assert [(t.kind, t.amount) for t in refund_tenders(1000, again, RefundPolicy.ORIGINAL)] == [(CASH, 1000)]
