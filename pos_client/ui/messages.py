"""What the cashier reads when something goes wrong: what happened, and what to do.

Messages are built from stable reasons, never from exception text, so each one
is translated and worded for the person at the till.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication

from pos_client.domain.barcodes import MalformedCode
from pos_client.domain.cart import CartError
from pos_client.domain.money import format_money
from pos_client.domain.sale import EmptyCart, InsufficientTender
from pos_client.services.auth import LoginFailed, LoginLocked, NoStaffYet
from pos_client.services.checkout import NotForSale, UnknownCode


def tr(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


def minutes_text(remaining: timedelta) -> str:
    minutes = max(1, int(remaining.total_seconds() + 59) // 60)
    return tr("%n minute(s)").replace("%n", str(minutes))


def explain(error: BaseException, locale: str = "zh_CN") -> str:
    if isinstance(error, MalformedCode):
        if error.reason == "check_digit":
            return tr("Barcode {code} failed its check digit: it was misread or mistyped. "
                      "Scan it again or type the digits under the bars.").format(code=error.code)
        return tr("\"{code}\" is not a product code. Scan the item's barcode or type its digits.").format(
            code=error.code[:30])
    if isinstance(error, UnknownCode):
        return tr("No product with code {code} at this store. Check the code, or put the item "
                  "aside and call a supervisor.").format(code=error.code)
    if isinstance(error, NotForSale):
        return tr("{name} has no price at this store yet, so it cannot be sold. "
                  "Call a supervisor.").format(name=error.item.name)
    if isinstance(error, CartError):
        if error.reason == "qty_out_of_range":
            return tr("A line can hold at most {limit} units. Start a second sale for more.").format(
                limit=error.limit)
        return tr("This sale already has {limit} lines. Pay for it and start another.").format(
            limit=error.limit)
    if isinstance(error, EmptyCart):
        return tr("The sale is empty. Scan an item before paying.")
    if isinstance(error, InsufficientTender):
        return tr("{tendered} is less than the {due} due. Enter the cash received.").format(
            tendered=format_money(error.tendered, locale), due=format_money(error.due, locale))
    if isinstance(error, LoginLocked):
        return tr("Too many wrong PINs. Login is locked for {time}; a supervisor can help.").format(
            time=minutes_text(error.remaining))
    if isinstance(error, LoginFailed):
        return tr("Staff number or PIN is wrong. {left} attempt(s) left before login locks.").format(
            left=error.attempts_left)
    if isinstance(error, NoStaffYet):
        return tr("This till has no staff list yet. Connect it to the network and sync, "
                  "or ask IT to enrol it.")
    return tr("Something went wrong: {detail}. The sale in progress is kept; try again or "
              "call IT.").format(detail=type(error).__name__)
