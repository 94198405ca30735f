"""Money as the till's windows show and read it: in the store's currency.

A store sells in one currency, which central sets (CNY unless it says otherwise). The domain
formatters take the currency as an argument; the windows would otherwise pass it at some
seventy call sites, and one forgotten call would show a Hong Kong till's prices in yuan. So the
window that knows the store says once which currency is in use, and every window formats and
parses through here. `tests/unit/test_ui_money_in_store_currency.py` keeps the windows from
reaching past this module to the domain's CNY defaults.
"""

from __future__ import annotations

from pos_client.domain import money as _money
from pos_client.domain.money import CNY, Amount, Currency

_current: Currency = CNY


def use_currency(currency: Currency) -> None:
    """Called when the main window is built from the store's configuration."""
    global _current
    _current = currency


def store_currency() -> Currency:
    return _current


def format_money(amount: Amount, locale: str = "zh_CN") -> str:
    """Symbol and amount, grouped for the locale ("¥1,234.50", "HK$12.00", "¥1,200" for yen)."""
    return _money.format_money(amount, locale, _current)


def format_amount(amount: Amount) -> str:
    """The plain number with the currency's decimals, for table cells and entry fields."""
    return _money.format_amount(amount, _current)


def parse_amount(text: str) -> Amount:
    """What staff typed, in the store currency's minor units; raises InvalidAmount."""
    return _money.parse_amount(text, _current)
