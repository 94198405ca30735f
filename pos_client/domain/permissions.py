"""Who may change a sale in progress, how far, and who must approve when they may not.

A cashier corrects the quantity of what was just scanned, but taking money off a sale
(voiding a line, lowering a price, a manual discount) needs a supervisor's PIN unless
the cashier's role allows it; each role has a cap on how much it may take off by itself.
Every gated action carries a reason, and the journal records who did it and who approved.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Action(Enum):
    RAISE_QTY = "qty.raise"
    LOWER_QTY = "qty.lower"
    VOID_LINE = "line.void"
    PRICE_OVERRIDE = "price.override"
    LINE_DISCOUNT = "discount.line"
    VOID_SALE = "sale.void"
    RETURN = "return.receipt"
    """Take goods back against a receipt (this till's, or another's looked up online)."""
    RETURN_NO_RECEIPT = "return.no_receipt"


@dataclass(frozen=True, slots=True)
class RoleLimits:
    may: frozenset[Action]
    max_discount_pct: int = 0
    """Largest cut (override or discount) off a line's list amount this role may make alone, in %."""
    max_no_receipt_refund: int = 0
    """Largest refund without a receipt this role may give alone, in fen."""


ROLES: dict[str, RoleLimits] = {
    "cashier": RoleLimits(frozenset({Action.RAISE_QTY, Action.RETURN})),
    "guide": RoleLimits(frozenset({Action.RAISE_QTY})),
    "supervisor": RoleLimits(frozenset(Action), max_discount_pct=20, max_no_receipt_refund=20_000),
    "manager": RoleLimits(frozenset(Action), max_discount_pct=50, max_no_receipt_refund=100_000),
    "admin": RoleLimits(frozenset(Action), max_discount_pct=100, max_no_receipt_refund=10**9),
    "it": RoleLimits(frozenset({Action.RAISE_QTY})),
}
REASONS: dict[Action, tuple[str, ...]] = {
    Action.LOWER_QTY: ("scan_error", "customer_changed_mind"),
    Action.VOID_LINE: ("scan_error", "customer_changed_mind", "damaged", "out_of_date"),
    Action.PRICE_OVERRIDE: ("shelf_price_differs", "damaged", "price_match"),
    Action.LINE_DISCOUNT: ("damaged", "loyal_customer", "service_recovery"),
    Action.VOID_SALE: ("customer_left", "customer_changed_mind", "payment_failed", "training"),
    Action.RETURN: ("defective", "wrong_item", "customer_changed_mind", "damaged"),
    Action.RETURN_NO_RECEIPT: ("defective", "wrong_item", "customer_changed_mind", "damaged"),
}
"""Stable reason codes per action (the UI words them); an action not listed needs none."""


class NotPermitted(PermissionError):
    def __init__(self, action: Action, role: str) -> None:
        super().__init__(f"{role} may not {action.value}")
        self.action = action
        self.role = role


def cut_pct(list_amount: int, new_amount: int) -> int:
    """How much of the list amount is taken off, in whole percent, rounded up (19.1% is 20%)."""
    if list_amount <= 0:
        return 0
    taken = max(0, list_amount - new_amount)
    return -(-taken * 100 // list_amount)


def allowed(role: str, action: Action, cut: int = 0) -> bool:
    """May this role do this by itself (`cut`: % off for price overrides and discounts, the refund
    in fen for a return without a receipt)?"""
    limits = ROLES.get(role)
    if limits is None or action not in limits.may:
        return False
    if action in (Action.PRICE_OVERRIDE, Action.LINE_DISCOUNT):
        return cut <= limits.max_discount_pct
    if action is Action.RETURN_NO_RECEIPT:
        return cut <= limits.max_no_receipt_refund  # `cut` is the refund in fen here
    return True


def needs_reason(action: Action) -> bool:
    return action in REASONS
