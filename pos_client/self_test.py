"""`pos-client --self-test`: prove an installation works without touching real data.

Packaged builds run this after building and after installing: it opens a
throw-away store (migrations included), sells one item through the checkout
service, renders the receipt through the ESC/POS layer and checks the bytes.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path


def run_self_test() -> int:
    from drivers.printer.escpos_render import PaperProfile, render
    from pos_client.config import Config, Paths
    from pos_client.domain.pins import hash_pin
    from pos_client.domain.sale import Cashier
    from pos_client.services.receipts import receipt_document
    from pos_client.services.till import Till
    from pos_client.store.changes import StateChange

    checks: list[str] = []
    with tempfile.TemporaryDirectory(prefix="pos-self-test-") as tmp:
        paths = Paths(Path(tmp), Path(tmp) / "config.toml")
        till = Till(paths, Config())
        try:
            checks.append("database opened and migrated")
            till.applier.apply_page([
                StateChange("store_config", "self-test", "upsert",
                            {"store_code": "T001", "name": "自检门店", "currency": "CNY"}),
                StateChange("product", "T1", "upsert", {"sku": "T1", "name": "自检商品 Self-test item",
                                                         "name_en": "Self-test item", "unit": "件"}),
                StateChange("barcode", "6901234567892", "upsert", {"code": "6901234567892", "sku": "T1"}),
                StateChange("price", "T1@*", "upsert", {"sku": "T1", "amount": 1250, "scope": "chain"}),
                StateChange("staff", "s1", "upsert", {"staff_id": "s1", "code": "1", "name": "自检",
                                                       "role": "cashier", "pin_hash": hash_pin("0000")}),
            ], "0")
            checkout = till.checkout()
            checkout.scan("6901234567892")
            checkout.scan("6901234567892")
            sale = checkout.complete_cash_sale(5000, Cashier("s1", "1", "自检"))
            assert sale.total == 2500 and sale.change == 2500, "sale totals"
            assert till.outbox.stats().pending == 1, "sale event queued"
            checks.append(f"sale {sale.receipt_no} committed with its event")
            data = render(receipt_document(sale, "自检门店"), PaperProfile.for_width(80))
            assert "自检商品".encode("gb18030") in data, "Chinese text in GB18030"
            assert b"\x1dV" in data and b"\x1bp" in data, "cut and drawer kick"
            checks.append(f"receipt rendered ({len(data)} bytes of ESC/POS)")
        except Exception as exc:
            print(f"self-test FAILED: {exc!r}", file=sys.stderr)
            return 1
        finally:
            till.close()
    try:
        import PySide6.QtWidgets  # noqa: F401 - the frozen build must carry Qt

        checks.append("Qt widgets importable")
    except ImportError as exc:
        print(f"self-test FAILED: Qt is missing: {exc}", file=sys.stderr)
        return 1
    try:
        checks += _packaged_parts()
    except Exception as exc:
        print(f"self-test FAILED: {exc}", file=sys.stderr)
        return 1
    for check in checks:
        print(f"ok: {check}")
    print("self-test passed")
    return 0


def _packaged_parts() -> list[str]:
    """What an installer must carry besides Python code: Qt's platform plugin, the shipped
    font, the translations, the zbar library, the migrations (checked above)."""
    import os

    # A headless install check: offscreen, unless asked to try another (POS_SELF_TEST_QPA=xcb).
    os.environ["QT_QPA_PLATFORM"] = os.environ.get("POS_SELF_TEST_QPA") or "offscreen"
    from PySide6.QtCore import QCoreApplication, QTranslator
    from PySide6.QtGui import QFont, QFontMetrics
    from PySide6.QtWidgets import QApplication, QLabel

    from pos_client.ui.fonts import register_shipped_fonts
    from pos_client.ui.i18n import TRANSLATIONS

    app = QApplication.instance() or QApplication(sys.argv[:1])
    done = [f"Qt platform plugin '{app.platformName()}' loaded"]
    families = register_shipped_fonts()
    assert families, "the shipped Chinese font is missing or unreadable"
    font = QFont()
    font.setFamilies(families)
    label = QLabel("收银台 找零")
    label.setFont(font)
    label.grab()
    metrics = QFontMetrics(font)
    assert all(metrics.inFontUcs4(ord(c)) for c in "收银台找零"), "the shipped font lacks Chinese"
    done.append(f"shipped font {families[0]} renders Chinese")
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / "pos_zh_CN.qm")), "zh_CN translations missing"
    assert translator.translate("CrashGuard", "Till problem") not in ("", "Till problem"), \
        "zh_CN translations empty"
    QCoreApplication.installTranslator(translator)
    QCoreApplication.removeTranslator(translator)
    done.append("zh_CN translations load")
    from pos_client.domain.money import format_money

    shown = format_money(1234550, "zh_CN"), format_money(1234550, "en")
    assert shown == ("¥12,345.50", "¥12,345.50"), f"money formatting (CLDR data): {shown}"
    done.append("money formatted for zh_CN and en")
    from pyzbar import pyzbar  # noqa: F401 - loads libzbar through ctypes

    done.append("zbar library loaded")
    import cv2  # noqa: F401 - camera capture
    import zxingcpp  # noqa: F401 - camera decoding

    done.append("camera decoders importable")
    return done
