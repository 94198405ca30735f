"""Money as integer minor units (fen, cents), end to end.

Floats never touch an amount: a float cannot hold 0.1 exactly, and a till that
is off by a fen per sale is off by thousands of yuan a year.  Everything that
turns text into money or money into text goes through this module, so there is
one place for display and rounding rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from babel.numbers import format_decimal, get_currency_precision

Amount = int
"""An amount in the currency's minor unit (fen for CNY)."""


@dataclass(frozen=True, slots=True)
class Currency:
    code: str
    minor_digits: int
    receipt_symbol: str
    symbol: str
    """As shoppers in the currency's home market read it (¥, not CN¥, in an English UI too)."""

    @property
    def scale(self) -> int:
        return 10**self.minor_digits


CNY = Currency(code="CNY", minor_digits=2, receipt_symbol="￥", symbol="¥")

# Symbols as each currency's home market writes them (CLDR's narrow symbols); receipts print
# the GB18030-safe form. Anything else shows its ISO code.
_SYMBOLS = {"CNY": ("¥", "￥"), "JPY": ("¥", "￥"), "HKD": ("HK$", "HK$"), "MOP": ("MOP$", "MOP$"),
            "TWD": ("NT$", "NT$"), "USD": ("$", "$"), "SGD": ("S$", "S$"), "EUR": ("€", "EUR "),
            "GBP": ("£", "GBP "), "KRW": ("₩", "KRW ")}


def currency_for(code: str | None) -> Currency:
    """The store's currency from central's code (CNY when none): minor-unit digits from ISO 4217
    as CLDR has them (JPY 0, CNY 2, BHD 3), so amounts in minor units print right."""
    code = (code or "CNY").strip().upper()
    if code == "CNY":
        return CNY
    if not re.fullmatch(r"[A-Z]{3}", code):
        raise ValueError(f"not an ISO 4217 currency code: {code!r}")
    symbol, receipt = _SYMBOLS.get(code, (f"{code} ", f"{code} "))
    return Currency(code=code, minor_digits=get_currency_precision(code), receipt_symbol=receipt,
                    symbol=symbol)

# Anything above this is not a plausible single-tender amount at a till; it is a
# stuck key or a scanned barcode in the cash field.
MAX_TENDER: Amount = 10_000_000  # ¥100,000.00


_AMOUNT_SHAPES: dict[int, re.Pattern[str]] = {}


class InvalidAmount(ValueError):
    """Text that does not read as an amount of money."""


def parse_amount(text: str, currency: Currency = CNY) -> Amount:
    """Read what a cashier typed ("100", "100.5", "99.90") as minor units, exactly.

    The shape is checked before any arithmetic: plain ASCII digits, at most the
    currency's decimals, no exponent, so Decimal's precision and range never come
    into play and nothing is silently rounded.
    """
    cleaned = text.strip().replace(",", "").replace("¥", "").replace("￥", "")
    shape = _AMOUNT_SHAPES.setdefault(
        currency.minor_digits,
        re.compile(rf"\d{{1,12}}(\.\d{{0,{currency.minor_digits}}})?|\.\d{{1,{currency.minor_digits}}}",
                   re.ASCII) if currency.minor_digits else re.compile(r"\d{1,12}", re.ASCII))
    if not shape.fullmatch(cleaned):
        raise InvalidAmount(text)
    try:
        minor = int(Decimal(cleaned).scaleb(currency.minor_digits))
    except InvalidOperation as exc:  # unreachable for the shapes above; kept as a guard
        raise InvalidAmount(text) from exc
    if minor > MAX_TENDER:
        raise InvalidAmount(text)
    return minor


def to_decimal(amount: Amount, currency: Currency = CNY) -> Decimal:
    return Decimal(amount).scaleb(-currency.minor_digits)


def format_amount(amount: Amount, currency: Currency = CNY) -> str:
    """Plain number with the currency's decimals ("12.50"), for tables and receipts."""
    sign = "-" if amount < 0 else ""
    whole, minor = divmod(abs(amount), currency.scale)
    if currency.minor_digits == 0:
        return f"{sign}{whole}"
    return f"{sign}{whole}.{minor:0{currency.minor_digits}d}"


def format_money(amount: Amount, locale: str = "zh_CN", currency: Currency = CNY) -> str:
    """Amount with symbol for the screen; grouping and decimal marks by CLDR rules for the locale."""
    pattern = "#,##0." + "0" * currency.minor_digits if currency.minor_digits else "#,##0"
    number = format_decimal(abs(to_decimal(amount, currency)), format=pattern, locale=locale)
    return f"{'-' if amount < 0 else ''}{currency.symbol}{number}"


def format_receipt_money(amount: Amount, currency: Currency = CNY) -> str:
    """Receipts use the full-width ￥: the half-width ¥ is a backslash on many GB printers."""
    return f"{currency.receipt_symbol}{format_amount(amount, currency)}"


def round_half_up(numerator: int, denominator: int) -> int:
    """Integer division rounded half away from zero, for percentages of amounts."""
    if denominator <= 0:
        raise ValueError("denominator must be positive")
    quotient, remainder = divmod(abs(numerator), denominator)
    if 2 * remainder >= denominator:
        quotient += 1
    return quotient if numerator >= 0 else -quotient
