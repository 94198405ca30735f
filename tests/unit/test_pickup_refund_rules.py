"""What a paid pickup order owes back for lines the customer did not take."""

from pos_client.domain.pickup_refunds import expired_owed, refused_owed, refused_units

LINES = [{"line_no": 1, "qty": 2, "unit_price": 1340, "amount": 2680, "handed_qty": 0, "rejected_qty": 1},
         {"line_no": 2, "qty": 1, "unit_price": 1570, "amount": 1570, "handed_qty": 0, "rejected_qty": 0}]


def test_before_handover_only_what_the_desk_refused_is_owed() -> None:
    assert [refused_units(ln, "ready") for ln in LINES] == [1, 0]
    assert refused_owed(LINES, "ready", paid=True) == 1340
    assert refused_owed(LINES, "ready", paid=False) == 0


def test_after_handover_everything_not_handed_over_is_owed_never_more_than_paid() -> None:
    handed = [dict(LINES[0], handed_qty=1), dict(LINES[1], handed_qty=0, rejected_qty=5)]
    assert refused_owed(handed, "partly_handed_over", paid=True) == 1340 + 1570
    assert refused_owed([dict(ln, rejected_qty=9) for ln in LINES], "cancelled", paid=True) == 2680 + 1570


def test_an_expired_paid_order_owes_what_refused_lines_did_not_together_exactly_what_was_paid() -> None:
    assert expired_owed(LINES, paid=True) == 1340 + 1570  # one tea was refused (owed as refused)
    assert expired_owed(LINES, paid=True) + refused_owed(LINES, "expired", paid=True) == 2680 + 1570
    odd = [{"line_no": 1, "qty": 3, "unit_price": 1000, "amount": 2500, "rejected_qty": 2}]  # discounted
    assert expired_owed(odd, paid=True) + refused_owed(odd, "expired", paid=True) == 2500
    assert expired_owed(LINES, paid=False) == 0
