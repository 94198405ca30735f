"""What the cashier reads when something goes wrong: what happened, and what to do.

Messages are built from stable reasons, never from exception text, so each one
is translated and worded for the person at the till.  Each string is spelled
out in a `QCoreApplication.translate("Messages", ...)` call so lupdate finds it.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication

from pos_client.domain.barcodes import MalformedCode
from pos_client.domain.cart import CartError
from pos_client.domain.coupons import CouponRefused
from pos_client.domain.permissions import ROLES, Action
from pos_client.domain.returns import ReturnError
from pos_client.domain.sale import EmptyCart, InsufficientTender
from pos_client.services.auth import LoginFailed, LoginLocked, NoStaffYet
from pos_client.services.checkout import (
    ApprovalNeeded,
    ExpiredItem,
    NeedsWeight,
    NotForSale,
    ReasonNeeded,
    SaleInProgress,
    UnknownCode,
)
from pos_client.services.pickup import ReservedStockBlocked
from pos_client.services.returns import WalletRefundRefused, WalletRefundUnavailable, WalletRefundUnknown
from pos_client.ui.money_text import format_money
from pos_client.ui.time_text import date_text


def minutes_text(remaining: timedelta) -> str:
    minutes = max(1, int(remaining.total_seconds() + 59) // 60)
    return QCoreApplication.translate("Messages", "%n minute(s)", None, minutes)


def _code_message(error: MalformedCode) -> str:
    if error.reason == "measure":
        text = QCoreApplication.translate(
            "Messages",
            "The weight or price on label {code} cannot be right. Weigh the item and print a new "
            "label.")
        return text.format(code=error.code[:30])
    if error.reason == "no_gtin":
        return QCoreApplication.translate(
            "Messages", "This code carries no product number. Scan the product's own barcode.")
    if error.reason == "check_digit":
        text = QCoreApplication.translate(
            "Messages",
            "Barcode {code} failed its check digit: it was misread or mistyped. "
            "Scan it again or type the digits under the bars.")
        return text.format(code=error.code)
    text = QCoreApplication.translate(
        "Messages", "\"{code}\" is not a product code. Scan the item's barcode or type its digits.")
    return text.format(code=error.code[:30])


def _coupon_message(error: CouponRefused, locale: str) -> str:
    reason = error.reason
    if reason == "over_offline_limit":
        text = QCoreApplication.translate(
            "Messages", "Central cannot be reached to check this coupon, and offline the store takes coupons "
                        "only up to {amount}. Ask the customer to use it another time, or sell without it.")
        return text.format(amount=format_money(error.limit or 0, locale))
    texts = {
        "used": QCoreApplication.translate("Messages", "This coupon has already been used. It cannot be "
                                                       "used again."),
        "void": QCoreApplication.translate("Messages", "This coupon was cancelled and cannot be used."),
        "expired": QCoreApplication.translate("Messages", "This coupon has expired."),
        "not_yet_valid": QCoreApplication.translate("Messages", "This coupon is not valid yet."),
        "other_member": QCoreApplication.translate(
            "Messages", "This coupon belongs to another member. Put its owner on the sale (Ctrl+I) first."),
        "already_on_sale": QCoreApplication.translate("Messages", "This coupon is already on the sale."),
    }
    unknown = QCoreApplication.translate(
        "Messages",
        "No coupon has this code. Check the code, or ask the customer to show it in the app again.")
    return texts.get(reason, unknown)


def _return_message(error: ReturnError) -> str:
    if error.reason == "more_than_sold":
        text = QCoreApplication.translate(
            "Messages",
            "At most {n} unit(s) of this line can still come back: the rest were returned before.")
        return text.format(n=error.limit or 0)
    if error.reason == "no_such_line":
        return QCoreApplication.translate("Messages", "That line is not on this receipt.")
    return QCoreApplication.translate(
        "Messages", "Nothing is chosen to come back. Enter the units per line first.")


def _cart_message(error: CartError) -> str:
    if error.reason == "measured_line":
        return QCoreApplication.translate(
            "Messages", "A weighed or labelled item has no quantity to change. Void the line and scan "
                        "another label.")
    if error.reason == "discount_out_of_range":
        text = QCoreApplication.translate(
            "Messages", "A discount must be between 0 and the line's {amount}.")
        return text.format(amount=format_money(error.limit or 0))
    if error.reason == "negative_price":
        return QCoreApplication.translate("Messages", "A price cannot be below zero.")
    if error.reason == "qty_out_of_range":
        text = QCoreApplication.translate(
            "Messages", "A line can hold at most {limit} units. Start a second sale for more.")
    else:
        text = QCoreApplication.translate(
            "Messages", "This sale already has {limit} lines. Pay for it and start another.")
    return text.format(limit=error.limit)


def reserved_stock_text(verdict) -> str:
    """Selling into units held for online pickup orders (a warning, or the block's reason)."""
    text = QCoreApplication.translate(
        "Messages", "Only {available} of this item are free to sell: {reserved} are held for online pickup "
                    "orders. Check the shelf, or ask a supervisor before selling them.")
    return text.format(available=max(0, verdict.available), reserved=verdict.reserved)


def explain(error: BaseException, locale: str = "zh_CN") -> str:
    order_text = _order_payment_message(error)
    if order_text is not None:
        return order_text
    if isinstance(error, ReservedStockBlocked):
        return reserved_stock_text(error.verdict)
    if isinstance(error, MalformedCode):
        return _code_message(error)
    if isinstance(error, CartError):
        return _cart_message(error)
    if isinstance(error, UnknownCode):
        text = QCoreApplication.translate(
            "Messages",
            "No product with code {code} at this store. Check the code, or put the item aside "
            "and call a supervisor.")
        return text.format(code=error.code)
    if isinstance(error, ReturnError):
        return _return_message(error)
    if isinstance(error, CouponRefused):
        return _coupon_message(error, locale)
    if isinstance(error, ApprovalNeeded):
        if error.action is Action.RETURN_NO_RECEIPT:
            text = QCoreApplication.translate(
                "Messages", "A refund of {amount} without a receipt needs a supervisor (up to {limit}) or a "
                            "manager: they enter their staff number and PIN here.")
            return text.format(amount=format_money(error.cut, locale),
                               limit=format_money(ROLES["supervisor"].max_no_receipt_refund, locale))
        if error.cut:
            text = QCoreApplication.translate(
                "Messages", "{cut}% off is more than your role may give. A supervisor or manager must "
                            "enter their number and PIN.")
            return text.format(cut=error.cut)
        return QCoreApplication.translate(
            "Messages", "This needs a supervisor: they enter their staff number and PIN here.")
    if isinstance(error, SaleInProgress):
        return QCoreApplication.translate("Messages", "Finish or hold (F7) the sale in progress first.")
    if isinstance(error, ReasonNeeded):
        return QCoreApplication.translate("Messages", "Choose a reason first.")
    if isinstance(error, NeedsWeight):
        text = QCoreApplication.translate(
            "Messages", "{name} is sold by weight. Weigh it at the scale and scan the label it prints.")
        return text.format(name=error.item.name)
    if isinstance(error, ExpiredItem):
        text = QCoreApplication.translate(
            "Messages",
            "{name} expired on {date}: it was not added. Take it off the sale and tell a supervisor.")
        return text.format(name=error.item.name, date=date_text(error.expires, locale))
    if isinstance(error, NotForSale):
        text = QCoreApplication.translate(
            "Messages",
            "{name} has no price at this store yet, so it cannot be sold. Call a supervisor.")
        return text.format(name=error.item.name)
    if isinstance(error, EmptyCart):
        return QCoreApplication.translate("Messages", "The sale is empty. Scan an item before paying.")
    if isinstance(error, InsufficientTender):
        text = QCoreApplication.translate(
            "Messages", "{tendered} is less than the {due} due. Enter the cash received.")
        return text.format(tendered=format_money(error.tendered, locale),
                           due=format_money(error.due, locale))
    if isinstance(error, LoginLocked):
        text = QCoreApplication.translate(
            "Messages", "Too many wrong PINs. Login is locked for {time}; a supervisor can help.")
        return text.format(time=minutes_text(error.remaining))
    if isinstance(error, LoginFailed):
        text = QCoreApplication.translate(
            "Messages", "Staff number or PIN is wrong. {left} attempt(s) left before login locks.")
        return text.format(left=error.attempts_left)
    if isinstance(error, WalletRefundUnavailable):
        text = QCoreApplication.translate(
            "Messages",
            "{amount} should go back to the customer's mobile wallet, but central cannot be reached "
            "now, so nothing was refunded. Try again when the till is online, or press F5 to refund "
            "it in cash instead.")
        return text.format(amount=format_money(error.amount, locale))
    if isinstance(error, WalletRefundUnknown):
        return QCoreApplication.translate(
            "Messages",
            "No answer from central about the mobile wallet refund. Press F12 again: it asks once "
            "more and the customer is never refunded twice.")
    if isinstance(error, WalletRefundRefused):
        reasons = {
            "exceeds_payment": QCoreApplication.translate(
                "Messages", "more than the customer paid with that wallet payment would go back"),
            "unknown_transaction": QCoreApplication.translate(
                "Messages", "central does not know that wallet payment"),
            "other_store": QCoreApplication.translate(
                "Messages", "the wallet payment was taken at another store"),
        }
        text = QCoreApplication.translate(
            "Messages", "The mobile wallet refund was refused: {reason}. Nothing was refunded; press F5 "
            "to refund in cash, or call a supervisor.")
        return text.format(reason=reasons.get(error.code, error.message or error.code))
    if isinstance(error, NoStaffYet):
        return QCoreApplication.translate(
            "Messages",
            "This till has no staff list yet. Connect it to the network and sync, or ask IT to "
            "enrol it.")
    text = QCoreApplication.translate(
        "Messages",
        "Something went wrong: {detail}. The sale in progress is kept; try again or call IT.")
    return text.format(detail=type(error).__name__)


def printer_condition_text(condition: str) -> str:
    """What the printer said about itself, in words for the top bar."""
    if condition == "paper_out":
        return QCoreApplication.translate("Messages", "out of paper")
    if condition == "cover_open":
        return QCoreApplication.translate("Messages", "cover open")
    if condition == "offline":
        return QCoreApplication.translate("Messages", "offline")
    if condition == "unreachable":
        return QCoreApplication.translate("Messages", "not reachable")
    if condition == "paper_low":
        return QCoreApplication.translate("Messages", "paper running low")
    return QCoreApplication.translate("Messages", "fault")


def _order_payment_message(error: BaseException) -> str | None:
    """Guide orders paid at this till (services/order_payment.py)."""
    from pos_client.services.order_payment import GoodsOnOrderPayment, OrderAlreadyPaid, OrderNotPayable

    if isinstance(error, OrderAlreadyPaid):
        if error.receipt_no:
            text = QCoreApplication.translate(
                "Messages", "Guide order {order} is already paid (receipt {receipt}): nothing was taken. "
                            "Give the customer the order slip or that receipt.")
            return text.format(order=error.order_no, receipt=error.receipt_no)
        text = QCoreApplication.translate(
            "Messages", "Guide order {order} is already paid (central says so): nothing was taken.")
        return text.format(order=error.order_no)
    if isinstance(error, OrderNotPayable):
        text = QCoreApplication.translate(
            "Messages", "Guide order {order} cannot be paid: central refused it or this till does not "
                        "know it. Place the order again from the guide screen (Ctrl+G).")
        return text.format(order=error.order_no)
    if isinstance(error, GoodsOnOrderPayment):
        text = QCoreApplication.translate(
            "Messages", "This sale pays guide order {order} only: take its payment (F12) or void it, "
                        "then sell other goods in a sale of their own.")
        return text.format(order=error.order_no)
    return None
