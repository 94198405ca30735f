"""The store's currency from central: minor-unit digits from ISO 4217 (CLDR), CNY by default."""

from __future__ import annotations

from dataclasses import replace

import pytest

from drivers.printer.escpos_render import PaperProfile, render
from pos_client.domain.money import CNY, currency_for, format_amount, format_money, format_receipt_money
from pos_client.domain.sale import Cashier, Sale
from pos_client.services.receipts import receipt_document
from tests.support.escpos_decoder import decode


def test_minor_unit_digits_come_from_the_currency() -> None:
    assert currency_for(None) is CNY and currency_for("cny") is CNY
    jpy, bhd, hkd = currency_for("JPY"), currency_for("BHD"), currency_for("HKD")
    assert (jpy.minor_digits, bhd.minor_digits, hkd.minor_digits) == (0, 3, 2)
    assert format_amount(1250, jpy) == "1250" and format_amount(1250, bhd) == "1.250"
    assert format_money(123456, "en", hkd) == "HK$1,234.56"
    assert format_money(123456, "zh_CN", jpy) == "¥123,456"
    assert format_receipt_money(500, jpy) == "￥500"
    with pytest.raises(ValueError, match="ISO 4217"):
        currency_for("yuan")


def _sale(tmp_path) -> Sale:
    """A real sale through the checkout service on a throw-away till (as the self-test makes)."""
    from pos_client.config import Config, Paths
    from pos_client.domain.pins import hash_pin
    from pos_client.services.till import Till
    from pos_client.store.changes import StateChange

    till = Till(Paths(tmp_path, tmp_path / "config.toml"), Config())
    try:
        till.applier.apply_page([
            StateChange("store_config", "t", "upsert",
                        {"store_code": "T001", "name": "店", "currency": "CNY"}),
            StateChange("product", "T1", "upsert",
                        {"sku": "T1", "name": "测试商品", "name_en": "", "unit": "件"}),
            StateChange("barcode", "6901234567892", "upsert", {"code": "6901234567892", "sku": "T1"}),
            StateChange("price", "T1@*", "upsert", {"sku": "T1", "amount": 1250, "scope": "chain"}),
            StateChange("staff", "s1", "upsert", {"staff_id": "s1", "code": "1", "name": "测试",
                                                   "role": "cashier", "pin_hash": hash_pin("0000")}),
        ], "0")
        checkout = till.checkout()
        checkout.scan("6901234567892")
        checkout.scan("6901234567892")
        return checkout.complete_cash_sale(3000, Cashier("s1", "1", "测试"))
    finally:
        till.close()


def test_a_receipt_prints_amounts_in_the_store_s_currency(tmp_path) -> None:
    sale = _sale(tmp_path)
    assert sale.currency == "CNY"
    cny = decode(render(receipt_document(sale, "店"), PaperProfile.for_width(80))).text
    jpy = decode(render(receipt_document(replace(sale, currency="JPY"), "店"),
                        PaperProfile.for_width(80))).text
    assert "￥25.00" in cny and "12.50" in cny
    assert "￥2500" in jpy and "25.00" not in jpy and "2 x 1250" in jpy
