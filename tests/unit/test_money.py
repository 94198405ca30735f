"""Money as integer minor units: parsing what cashiers type, formatting for screen and receipt."""

from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from pos_client.domain.money import (
    CNY,
    MAX_TENDER,
    Currency,
    InvalidAmount,
    format_amount,
    format_money,
    format_receipt_money,
    parse_amount,
    round_half_up,
    to_decimal,
)

NO_MINOR = Currency(code="JPY", minor_digits=0, receipt_symbol="￥", symbol="¥")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("52.5", 5250),
        ("100", 10000),
        ("99.90", 9990),
        ("0.01", 1),
        ("0", 0),
        ("  12.30  ", 1230),
        ("1,234.50", 123450),
        ("￥12.5", 1250),
        ("¥3", 300),
        ("100000", MAX_TENDER),
    ],
)
def test_parse_amount_reads_typed_amounts_exactly(text, expected):
    result = parse_amount(text)
    assert result == expected
    assert type(result) is int


@pytest.mark.parametrize(
    "text",
    ["", "   ", "abc", "1.2.3", "-1", "-0.01", "0.001", "12.345", "NaN", "Infinity", "-Infinity",
     "100000.01", "6901234567892", "￥", "1 2"],
)
def test_parse_amount_rejects_non_amounts(text):
    with pytest.raises(InvalidAmount):
        parse_amount(text)


@pytest.mark.parametrize(
    "text",
    [
        # More significant digits than the default decimal context keeps: the fraction must not
        # be rounded away and the amount silently accepted as 1.00 / 100.00.
        "1.0000000000000000000000000001",
        "100.000000000000000000000000001",
        # A tiny non-zero amount must not underflow to zero and be accepted as 0.00.
        "1e-999999999",
    ],
)
def test_parse_amount_rejects_sub_fen_amounts_with_many_digits(text):
    with pytest.raises(InvalidAmount):
        parse_amount(text)


def test_parse_amount_huge_exponent_is_invalid_amount_not_decimal_error():
    with pytest.raises(InvalidAmount):
        parse_amount("1e999999999")


def test_parse_amount_respects_currency_minor_digits():
    assert parse_amount("1250", NO_MINOR) == 1250
    with pytest.raises(InvalidAmount):
        parse_amount("12.5", NO_MINOR)


@pytest.mark.parametrize(
    ("amount", "expected"),
    [(1250, "12.50"), (5, "0.05"), (0, "0.00"), (100, "1.00"), (-1250, "-12.50"),
     (MAX_TENDER, "100000.00")],
)
def test_format_amount(amount, expected):
    assert format_amount(amount) == expected


def test_format_amount_without_minor_digits():
    assert format_amount(1250, NO_MINOR) == "1250"
    assert format_amount(-7, NO_MINOR) == "-7"


def test_format_receipt_money_uses_full_width_yuan_sign():
    assert format_receipt_money(1250) == "￥12.50"
    assert format_receipt_money(0) == "￥0.00"
    assert "¥" not in format_receipt_money(1250)  # the half-width sign is a backslash on GB printers


def test_format_money_for_screen():
    assert format_money(1250) == "¥12.50"
    assert format_money(123456789) == "¥1,234,567.89"
    assert format_money(-1250) == "-¥12.50"
    assert format_money(0) == "¥0.00"
    # Shoppers read ¥, not CN¥, in an English UI too; separators follow the locale.
    assert format_money(123456789, locale="en_US") == "¥1,234,567.89"
    assert format_money(123456789, locale="de_DE") == "¥1.234.567,89"
    assert format_money(1250, currency=NO_MINOR) == "¥1,250"


def test_to_decimal_is_exact():
    assert to_decimal(1250) == Decimal("12.50")
    assert to_decimal(1) == Decimal("0.01")
    assert to_decimal(7, NO_MINOR) == Decimal(7)
    assert CNY.scale == 100


@pytest.mark.parametrize(
    ("num", "den", "expected"),
    [(5, 2, 3), (4, 2, 2), (7, 3, 2), (-5, 2, -3), (1, 3, 0), (2, 3, 1), (0, 7, 0)],
)
def test_round_half_up(num, den, expected):
    result = round_half_up(num, den)
    assert result == expected
    assert type(result) is int


@pytest.mark.parametrize("den", [0, -1])
def test_round_half_up_rejects_non_positive_denominator(den):
    with pytest.raises(ValueError):
        round_half_up(10, den)


@given(st.text())
@example("1e999999999")
@example("1e-999999999")
@example("-0")
@example("\x00")
def test_parse_amount_raises_only_invalid_amount_on_arbitrary_text(text):
    try:
        result = parse_amount(text)
    except InvalidAmount:
        return
    assert type(result) is int
    assert 0 <= result <= MAX_TENDER


@given(st.text(alphabet="0123456789.,eE+-￥¥ _", max_size=40))
@example("1.0000000000000000000000000001")
def test_parse_amount_is_exact_when_it_accepts(text):
    """Whatever is accepted equals the typed value exactly: never a rounded one."""
    try:
        result = parse_amount(text)
    except InvalidAmount:
        return
    cleaned = text.strip().replace(",", "").replace("¥", "").replace("￥", "")
    assert Decimal(result) / 100 == Decimal(cleaned)


@given(st.integers(min_value=0, max_value=MAX_TENDER))
def test_format_then_parse_round_trips(amount):
    assert parse_amount(format_amount(amount)) == amount
    assert parse_amount(format_receipt_money(amount)) == amount


@given(st.decimals(min_value=0, max_value=100_000, places=2, allow_nan=False, allow_infinity=False))
def test_parse_then_format_round_trips_valid_amounts(value):
    text = f"{value:f}"
    amount = parse_amount(text)
    assert format_amount(amount) == f"{value:.2f}"
    assert parse_amount(format_amount(amount)) == amount
