"""Changing a sale in progress: quantities, voids, price overrides and discounts, gated by role,
approved by a supervisor's PIN, with a reason, journaled, and summed right at central."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from central.db import session_factory
from central.models import SaleLine
from central.server import EmbeddedCentral
from pos_client.domain.cart import CartError
from pos_client.domain.permissions import Action, cut_pct
from pos_client.domain.sale import Cashier
from pos_client.services.auth import LoginFailed
from pos_client.services.checkout import ApprovalNeeded, Approver, ReasonNeeded
from pos_client.services.till import Till
from pos_client.store import journal
from tests.helpers import central_sales

CASHIER = Cashier("staff-1001", "1001", "李娜")
SUPERVISOR = Approver("2001", "supervisor")
MANAGER = Approver("3001", "manager")


def two_lines(till: Till):
    checkout = till.checkout()
    with till.engine.connect() as conn:
        codes = conn.exec_driver_sql("SELECT b.code FROM barcode b JOIN price p ON p.sku = b.sku "
                                     "WHERE p.amount >= 500 ORDER BY b.code LIMIT 2").scalars().all()
    for c in codes:
        checkout.scan(c)
    return checkout


def entries(till: Till):
    with till.engine.connect() as conn:
        return [e for e in journal.entries(conn) if e.kind not in ("login", "login.failed")]


def test_a_cashier_raises_a_quantity_alone_but_lowering_it_needs_a_supervisor(till: Till) -> None:
    checkout = two_lines(till)
    checkout.change_line(0, Action.RAISE_QTY, 3, actor_role="cashier", actor_code="1001")
    assert checkout.cart.lines[0].qty == 3
    with pytest.raises(ApprovalNeeded):
        checkout.change_line(0, Action.RAISE_QTY, 1, actor_role="cashier", actor_code="1001",
                             reason="scan_error")
    with pytest.raises(ReasonNeeded):
        checkout.change_line(0, Action.LOWER_QTY, 1, actor_role="cashier", actor_code="1001",
                             approver=SUPERVISOR)
    checkout.change_line(0, Action.LOWER_QTY, 1, actor_role="cashier", actor_code="1001",
                         approver=SUPERVISOR, reason="customer_changed_mind")
    assert checkout.cart.lines[0].qty == 1
    lowered = entries(till)[-1]
    assert (lowered.kind, lowered.staff, lowered.data["approved_by"], lowered.data["reason"]) == (
        "qty.lower", "1001", "2001", "customer_changed_mind")
    assert (lowered.data["before"]["qty"], lowered.data["after"]["qty"]) == (3, 1)


def test_discount_caps_per_role_and_a_manager_above_them(till: Till) -> None:
    checkout = two_lines(till)
    line = checkout.cart.lines[0]
    fifteen = line.gross * 15 // 100
    checkout.change_line(0, Action.LINE_DISCOUNT, fifteen, actor_role="supervisor", actor_code="2001",
                         reason="damaged")
    assert line.discount == fifteen
    thirty = line.gross * 30 // 100
    with pytest.raises(ApprovalNeeded) as info:
        checkout.change_line(0, Action.LINE_DISCOUNT, thirty, actor_role="supervisor", actor_code="2001",
                             reason="damaged")
    assert info.value.cut == cut_pct(line.list_gross, line.gross - thirty) > 20
    with pytest.raises(ApprovalNeeded):  # another supervisor does not lift a supervisor's cap
        checkout.change_line(0, Action.LINE_DISCOUNT, thirty, actor_role="supervisor",
                             actor_code="2001", approver=SUPERVISOR, reason="damaged")
    checkout.change_line(0, Action.LINE_DISCOUNT, thirty, actor_role="cashier", actor_code="1001",
                         approver=MANAGER, reason="service_recovery")
    assert line.amount == line.gross - thirty
    with pytest.raises(CartError):  # never below zero, whoever approves
        checkout.change_line(0, Action.LINE_DISCOUNT, line.gross + 1, actor_role="admin",
                             actor_code="9", reason="damaged")


def test_override_void_and_the_sale_central_receives(till: Till, central: EmbeddedCentral) -> None:
    checkout = two_lines(till)
    first, second = checkout.cart.lines
    new_price = first.product.price - 100
    checkout.change_line(0, Action.PRICE_OVERRIDE, new_price, actor_role="cashier", actor_code="1001",
                         approver=SUPERVISOR, reason="shelf_price_differs")
    checkout.change_line(1, Action.VOID_LINE, None, actor_role="cashier", actor_code="1001",
                         approver=SUPERVISOR, reason="scan_error")
    assert [ln.product.sku for ln in checkout.cart.lines] == [first.product.sku]
    sale = checkout.complete_cash_sale(100_000, CASHIER)
    assert sale.total == new_price
    voided = next(e for e in entries(till) if e.kind == "line.void")
    assert voided.data["sku"] == second.product.sku and voided.data["after"] == {}
    with till.client() as client:
        assert till.sync_engine(client).run_once().ok
    [at_central] = central_sales(central)
    assert at_central.total == new_price
    with session_factory(central.app.state.engine)() as s:
        [line] = s.scalars(select(SaleLine).where(SaleLine.sale_id == sale.sale_id)).all()
    assert (line.unit_price, line.amount) == (new_price, new_price)


def test_a_wrong_supervisor_pin_is_refused_journaled_and_counts_towards_the_lock(till: Till) -> None:
    with pytest.raises(LoginFailed):
        till.auth.approve("2001", "0000", for_whom="1001")
    assert entries(till)[-1].kind == "approval.failed"
    approver = till.auth.approve("2001", "3456", for_whom="1001")
    assert approver == Approver("2001", "supervisor")
