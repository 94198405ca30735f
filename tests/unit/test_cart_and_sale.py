"""The cart, the completed sale made from it, cash tenders and till-made identifiers."""

import time
import uuid
from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos_client.domain.cart import MAX_LINE_QTY, MAX_LINES, Cart, CartError, CartLine, Product
from pos_client.domain.identifiers import new_id, receipt_counter_name, receipt_number
from pos_client.domain.money import currency_for
from pos_client.domain.sale import (
    Cashier,
    EmptyCart,
    InsufficientTender,
    Sale,
    SoldLine,
    Tender,
    cash_tender,
    quick_cash_amounts,
    sold_lines,
)

WATER = Product("SKU-WATER", "农夫山泉 天然饮用水 550ml", "Nongfu Spring 550ml", "瓶", 200, "6901234567892")
NOODLES = Product("SKU-NOODLE", "康师傅 红烧牛肉面", "Master Kong noodles", "袋", 450, None)
RICE = Product("SKU-RICE", "五常大米 5kg", "Wuchang rice 5kg", "袋", 6990, "6920152400470")
CASHIER = Cashier("staff-1", "C001", "张三")


def make_sale(cart: Cart, tendered: int) -> Sale:
    return Sale(
        sale_id=new_id(),
        receipt_no=receipt_number("S001", "01", date(2026, 11, 23), 7),
        store_code="S001",
        terminal_no="01",
        cashier=CASHIER,
        occurred_at=datetime(2026, 11, 23, 10, 30, tzinfo=UTC),
        lines=sold_lines(cart),
        tenders=(cash_tender(cart.total, tendered),),
    )


# --- cart -------------------------------------------------------------------------------------


def test_add_merges_same_sku_into_one_line():
    cart = Cart()
    assert cart.add(WATER) == 0
    assert cart.add(NOODLES, 2) == 1
    assert cart.add(WATER, 2) == 0
    assert [(line.product.sku, line.qty) for line in cart.lines] == [("SKU-WATER", 3), ("SKU-NOODLE", 2)]
    assert cart.last_touched == 0
    assert cart.item_count == 5


@pytest.mark.parametrize("qty", [0, -1, MAX_LINE_QTY + 1, 10_000])
def test_add_rejects_quantity_out_of_range(qty):
    cart = Cart()
    with pytest.raises(CartError) as info:
        cart.add(WATER, qty)
    assert info.value.reason == "qty_out_of_range"
    assert info.value.limit == MAX_LINE_QTY
    assert cart.is_empty


def test_merging_cannot_exceed_max_line_qty():
    cart = Cart()
    cart.add(WATER, MAX_LINE_QTY)
    with pytest.raises(CartError) as info:
        cart.add(WATER, 1)
    assert info.value.reason == "qty_out_of_range"
    assert cart.lines[0].qty == MAX_LINE_QTY
    assert len(cart.lines) == 1


def test_too_many_lines():
    cart = Cart()
    for i in range(MAX_LINES):
        cart.add(Product(f"SKU{i}", f"item {i}", f"item {i}", "件", 100))
    with pytest.raises(CartError) as info:
        cart.add(Product("ONE-MORE", "x", "x", "件", 100))
    assert info.value.reason == "too_many_lines"
    assert info.value.limit == MAX_LINES
    assert len(cart.lines) == MAX_LINES
    cart.add(Product("SKU0", "item 0", "item 0", "件", 100))  # an existing line still takes more
    assert cart.lines[0].qty == 2


def test_cart_totals_with_discount_are_int():
    cart = Cart()
    cart.add(WATER, 3)
    cart.add(RICE)
    cart.lines[1].manual_discount = 500
    assert cart.subtotal == 3 * 200 + 6990
    assert cart.discount_total == 500
    assert cart.total == 3 * 200 + 6990 - 500
    assert cart.lines[1].gross == 6990
    assert cart.lines[1].amount == 6490
    for value in (cart.subtotal, cart.discount_total, cart.total, cart.item_count,
                  cart.lines[0].amount, cart.lines[1].gross):
        assert type(value) is int


def test_empty_cart_and_clear():
    cart = Cart()
    assert cart.is_empty
    assert cart.total == 0 and type(cart.total) is int
    cart.add(WATER)
    cart.clear()
    assert cart.is_empty
    assert cart.last_touched is None
    assert cart.item_count == 0


def test_cart_line_amount():
    line = CartLine(RICE, 2, manual_discount=990)
    assert line.gross == 13980
    assert line.amount == 12990


scans = st.lists(st.tuples(st.sampled_from([WATER, NOODLES, RICE]), st.integers(1, 5)),
                 min_size=1, max_size=40)


@given(scans, st.randoms(use_true_random=False))
def test_cart_total_is_sum_of_lines_and_independent_of_scan_order(scanned, rnd):
    cart = Cart()
    for product, qty in scanned:
        cart.add(product, qty)
    shuffled = list(scanned)
    rnd.shuffle(shuffled)
    other = Cart()
    for product, qty in shuffled:
        other.add(product, qty)

    assert cart.total == sum(line.amount for line in cart.lines)
    assert cart.total == sum(p.price * q for p, q in scanned)
    assert type(cart.total) is int
    assert other.total == cart.total
    assert other.item_count == cart.item_count == sum(q for _, q in scanned)
    assert {line.product.sku: line.qty for line in other.lines} == {
        line.product.sku: line.qty for line in cart.lines
    }
    assert len({line.product.sku for line in cart.lines}) == len(cart.lines)


# --- sale -------------------------------------------------------------------------------------


def test_sold_lines_copy_names_and_prices_as_sold():
    cart = Cart()
    cart.add(WATER, 2)
    cart.add(NOODLES)
    cart.lines[1].manual_discount = 50
    lines = sold_lines(cart)
    assert lines == (
        SoldLine(1, "SKU-WATER", "6901234567892", WATER.name, WATER.name_en, "瓶", 2, 200, 0,
                 list_price=200),
        SoldLine(2, "SKU-NOODLE", None, NOODLES.name, NOODLES.name_en, "袋", 1, 450, 50,
                 list_price=450, manual_discount=50),
    )
    assert lines[1].amount == 400


def test_sold_lines_of_empty_cart():
    with pytest.raises(EmptyCart):
        sold_lines(Cart())


def test_cash_tender_gives_change():
    assert cash_tender(2640, 5000) == Tender(kind="cash", amount=2640, tendered=5000, change=2360)
    assert cash_tender(2640, 2640) == Tender(kind="cash", amount=2640, tendered=2640, change=0)


def test_cash_tender_insufficient():
    with pytest.raises(InsufficientTender) as info:
        cash_tender(2640, 2639)
    assert info.value.due == 2640
    assert info.value.tendered == 2639


def test_sale_totals_are_int_and_consistent():
    cart = Cart()
    cart.add(WATER, 3)
    cart.add(RICE)
    cart.lines[1].manual_discount = 500
    sale = make_sale(cart, 10000)
    assert sale.subtotal == 7590
    assert sale.discount_total == 500
    assert sale.total == 7090 == cart.total
    assert sale.tendered == 10000
    assert sale.change == 2910
    assert sale.item_count == 4
    for value in (sale.subtotal, sale.discount_total, sale.total, sale.tendered, sale.change,
                  sale.item_count, sale.lines[0].amount, sale.tenders[0].amount):
        assert type(value) is int
    assert sale.total == sum(line.amount for line in sale.lines)


def test_sale_is_immutable():
    cart = Cart()
    cart.add(WATER)
    sale = make_sale(cart, 200)
    with pytest.raises(AttributeError):
        sale.receipt_no = "other"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        (2640, [2640, 3000, 5000, 10000]),
        (1000, [1000, 5000, 10000]),
        (5000, [5000, 10000]),
        (9999, [9999, 10000]),
        (10000, [10000]),
        (12345, [12345, 13000, 15000, 20000]),
        (1, [1, 1000, 5000, 10000]),
        (0, [0]),
    ],
)
def test_quick_cash_amounts(due, expected):
    assert quick_cash_amounts(due) == expected


def test_quick_cash_follows_the_store_currency_banknotes():
    yen = currency_for("JPY")  # no minor unit: 2,640 yen is 2640
    assert quick_cash_amounts(2640, yen) == [2640, 3000, 5000, 10000]
    assert quick_cash_amounts(640, yen) == [640, 1000, 5000, 10000]
    assert quick_cash_amounts(2640, currency_for("USD")) == [2640, 3000, 5000, 10000]
    assert quick_cash_amounts(3510, currency_for("HKD")) == [3510, 4000, 5000, 10000]


@given(st.integers(min_value=0, max_value=10_000_000))
def test_quick_cash_amounts_are_ascending_and_cover_the_due(due):
    options = quick_cash_amounts(due)
    assert options[0] == due
    assert options == sorted(set(options))
    assert all(type(o) is int and o >= due for o in options)


# --- identifiers ------------------------------------------------------------------------------


def test_receipt_number():
    assert receipt_number("S001", "01", date(2026, 11, 23), 7) == "S001-01-20261123-0007"
    assert receipt_number("S001", "01", date(2026, 1, 2), 1) == "S001-01-20260102-0001"
    assert receipt_number("S12", "3", date(2026, 11, 23), 12345) == "S12-3-20261123-12345"


@pytest.mark.parametrize("seq", [0, -1])
def test_receipt_number_sequence_starts_at_one(seq):
    with pytest.raises(ValueError):
        receipt_number("S001", "01", date(2026, 11, 23), seq)


def test_receipt_counter_name():
    assert receipt_counter_name(date(2026, 11, 23)) == "receipt:20261123"


def test_new_id_is_uuid7_and_time_ordered():
    before_ms = time.time_ns() // 1_000_000
    ids = [new_id() for _ in range(200)]
    parsed = [uuid.UUID(i) for i in ids]
    assert all(u.version == 7 and u.variant == uuid.RFC_4122 for u in parsed)
    assert all(str(u) == i for u, i in zip(parsed, ids, strict=True))  # canonical lower-case form
    assert len(set(ids)) == len(ids)
    assert ids == sorted(ids)  # string order is creation order
    first_ms = parsed[0].int >> 80
    assert before_ms <= first_ms < before_ms + 5_000


# ------------------------------------------------------------------ weighed and labelled items
APPLES = Product("FRESH001", "富士苹果", "Fuji Apples", "kg", 1290, "2200001000001")


@pytest.mark.parametrize(("price_per_kg", "grams", "amount"), [
    (1290, 525, 677),     # 677.25 fen -> 677
    (1290, 1000, 1290),
    (999, 500, 500),      # 499.5 -> 500: half away from zero, as scales print
    (1, 1, 0),
    (8800, 333, 2930),    # 2930.4
])
def test_weighed_line_costs_price_per_kg_times_weight_to_the_fen(price_per_kg, grams, amount):
    cart = Cart()
    item = Product("W", "称重", "Weighed", "kg", price_per_kg)
    cart.add_measured(item, weight_g=grams)
    assert cart.total == amount and isinstance(cart.total, int)
    [line] = sold_lines(cart)
    assert (line.qty, line.weight_g, line.unit_price, line.amount) == (1, grams, price_per_kg, amount)


def test_each_label_is_a_line_of_its_own_and_never_merges():
    cart = Cart()
    cart.add_measured(APPLES, weight_g=525)
    cart.add_measured(APPLES, weight_g=410)
    cart.add(APPLES)  # a plain scan of the same SKU makes its own counted line
    cart.add(APPLES)
    assert [(ln.qty, ln.weight_g) for ln in cart.lines] == [(1, 525), (1, 410), (2, None)]
    assert cart.total == 677 + 529 + 2 * 1290


def test_a_price_label_is_the_line_price_and_the_sold_line_says_so():
    cart = Cart()
    cart.add_measured(APPLES, label_price=1888)
    [line] = sold_lines(cart)
    assert (line.unit_price, line.qty, line.weight_g, line.amount) == (1888, 1, None, 1888)
    sale = make_sale(cart, 2000)
    assert (sale.subtotal, sale.total, sale.change) == (1888, 1888, 112)


def test_a_measured_line_needs_a_measure():
    with pytest.raises(ValueError):
        Cart().add_measured(APPLES)
