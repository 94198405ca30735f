"""The page `pos-client devices test` prints: what IT needs to see that a printer is set up right."""

from __future__ import annotations

from datetime import datetime

from .document import Align, Barcode, Columns, QrCode, ReceiptDocument, Rule, TextLine
from .escpos_render import PaperProfile


def printer_test_page(url: str, profile: PaperProfile, when: datetime, *,
                      open_drawer: bool = True) -> ReceiptDocument:
    stamp = f"{when:%Y%m%d%H%M%S}"
    return ReceiptDocument(
        job_id=f"test-page-{stamp}",
        blocks=(
            TextLine("打印测试 TEST", Align.CENTER, bold=True, large=True),
            TextLine(f"{when:%Y-%m-%d %H:%M:%S}", Align.CENTER),
            Rule(),
            TextLine(f"设备 Device: {url}"),
            TextLine(f"纸宽 Paper: {profile.columns} 列 columns  编码 Encoding: {profile.encoding}"),
            TextLine(f"钱箱 Drawer pin: {profile.drawer_pin}"),
            Rule(),
            TextLine("中文：农夫山泉 天然饮用水 550ml 康师傅红烧牛肉面"),
            TextLine("English: The quick brown fox jumps over the lazy dog 0123456789"),
            Columns("合计 TOTAL", "￥1,234.50", bold=True),
            Columns("双宽字符对齐测试 Width check", "￥9.90"),
            Rule("="),
            TextLine("条码 Barcode (CODE128)", Align.CENTER),
            Barcode(f"T{stamp[-10:]}"),
            TextLine("二维码 QR code", Align.CENTER),
            QrCode(f"POS-TEST:{stamp}"),
            TextLine("如能看清以上内容，打印机设置正确。", Align.CENTER),
            TextLine("If all of the above is legible, the printer is set up.", Align.CENTER),
        ),
        open_drawer=open_drawer,
        cut=True,
    )
