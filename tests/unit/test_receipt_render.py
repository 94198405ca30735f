"""A sale rendered as an ESC/POS receipt at 80 mm and 58 mm, and the text-width layer under it."""

import re
from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drivers.printer.document import Align, Barcode, Columns, ReceiptDocument, Rule, TextLine
from drivers.printer.escpos_render import PaperProfile, render
from drivers.printer.textwidth import cell_width, pad_between, wrap_cells
from pos_client.domain.cart import Cart, Product
from pos_client.domain.identifiers import receipt_number
from pos_client.domain.money import format_receipt_money
from pos_client.domain.sale import Cashier, Sale, cash_tender, sold_lines
from pos_client.services.receipts import receipt_document
from tests.helpers import escpos_text

ESC_INIT = b"\x1b\x40"
FS_CHINESE = b"\x1c\x26"
CUT = b"\x1dV"
DRAWER = b"\x1bp"

STORE = "好又多超市 人民路店"
WATER_NAME = "农夫山泉 天然饮用水 550ml"
LONG_NAME = "康师傅 红烧牛肉面 超级大桶装 经典口味 五连包 家庭分享装 Family Pack"
RECEIPT_NO = receipt_number("S001", "01", date(2026, 11, 23), 7)


@pytest.fixture
def sale():
    cart = Cart()
    cart.add(Product("SKU-WATER", WATER_NAME, "Nongfu Spring 550ml", "瓶", 200, "6901234567892"), 3)
    cart.add(Product("SKU-NOODLE", LONG_NAME, "Master Kong noodles", "袋", 2390))
    cart.lines[1].manual_discount = 100
    return Sale(
        sale_id="0190d5e4-0000-7000-8000-000000000001",
        receipt_no=RECEIPT_NO,
        store_code="S001",
        terminal_no="01",
        cashier=Cashier("staff-1", "C001", "张三"),
        occurred_at=datetime(2026, 11, 23, 2, 4, 5, tzinfo=UTC),
        lines=sold_lines(cart),
        tenders=(cash_tender(cart.total, 5000),),
    )


def size_before(data: bytes, pos: int) -> int:
    """The character-size setting in force at byte `pos`: the last ESC ! n (size bits) or GS ! n."""
    size = 0
    for m in re.finditer(rb"(\x1b!|\x1d!)(.)", data[:pos], re.DOTALL):
        n = m.group(2)[0]
        size = n & 0x30 if m.group(1) == b"\x1b!" else n
    return size


def test_receipt_document_blocks(sale):
    doc = receipt_document(sale, STORE)
    assert doc.job_id == RECEIPT_NO
    assert doc.open_drawer is True
    assert doc.cut is True
    assert doc.meta == {"sale_id": sale.sale_id, "copy": False}
    assert doc.blocks[0] == TextLine(STORE, Align.CENTER, bold=True, large=True)
    assert Barcode(RECEIPT_NO) in doc.blocks
    assert Columns("应付 TOTAL", "￥28.90", bold=True) in doc.blocks
    assert Columns("现金 Cash", "￥50.00") in doc.blocks
    assert Columns("找零 Change", "￥21.10") in doc.blocks
    assert Columns("优惠 Discounts", "-￥1.00") in doc.blocks
    assert receipt_document(sale, STORE, open_drawer=False).open_drawer is False


@pytest.mark.parametrize(("paper_mm", "columns"), [(80, 48), (58, 32)])
def test_rendered_receipt_content_and_widths(sale, paper_mm, columns):
    profile = PaperProfile.for_width(paper_mm)
    assert profile.columns == columns
    data = render(receipt_document(sale, STORE), profile)

    assert data.startswith(ESC_INIT + FS_CHINESE)
    assert WATER_NAME.encode("gb18030") in data
    assert "张三".encode("gb18030") in data

    text = escpos_text(data)
    assert "\ufffd" not in text
    assert RECEIPT_NO in text
    assert format_receipt_money(sale.total) == "￥28.90"
    assert re.search(r"应付 TOTAL +￥28\.90\n", text)
    assert re.search(r"找零 Change +￥21\.10\n", text)
    assert re.search(r"现金 Cash +￥50\.00\n", text)
    assert "收银员 Cashier: 张三 (C001)" in text
    assert WATER_NAME in text
    assert f"{sale.occurred_at.astimezone():%Y-%m-%d %H:%M:%S}" in text

    lines = text.split("\n")
    # The store name is printed large (double width): its lines hold half as many characters.
    title_end = next(i for i, line in enumerate(lines) if line.startswith("门店"))
    assert title_end >= 1
    assert "".join(lines[:title_end]) == STORE
    for line in lines[:title_end]:
        assert 2 * cell_width(line) <= columns, line
    for line in lines[title_end:]:
        assert cell_width(line) <= columns, line
    assert "-" * columns in lines

    # The long name wraps over consecutive lines and nothing of it is lost.
    start = next(i for i, line in enumerate(lines) if line.startswith("康师傅"))
    joined, end = lines[start], start + 1
    while len(joined) < len(LONG_NAME):
        joined += lines[end]
        end += 1
    assert joined == LONG_NAME
    assert end - start >= 2


@pytest.mark.parametrize("paper_mm", [80, 58])
def test_only_the_title_is_printed_large(sale, paper_mm):
    """Double size is for the store name; every line after it must be back at normal size."""
    data = render(receipt_document(sale, STORE), PaperProfile.for_width(paper_mm))
    title_at = data.index(STORE.split()[0].encode("gb18030"))
    assert size_before(data, title_at) != 0
    for probe in ("门店", "单号", WATER_NAME, "应付", "找零", "谢谢惠顾"):
        at = data.index(probe.encode("gb18030"))
        assert size_before(data, at) == 0, f"{probe!r} printed at size {size_before(data, at):#x}"


def test_normal_line_after_large_line_resets_size():
    doc = ReceiptDocument("j", (TextLine("BIG", large=True), TextLine("small"), Rule(), Columns("a", "b")))
    data = render(doc, PaperProfile.for_width(80))
    assert size_before(data, data.index(b"BIG")) != 0
    assert size_before(data, data.index(b"small")) == 0
    assert size_before(data, data.index(b"-" * 48)) == 0


def test_ends_with_cut_then_drawer_kick(sale):
    data = render(receipt_document(sale, STORE, open_drawer=True), PaperProfile.for_width(80))
    assert data[-5:-3] == DRAWER
    assert data[-3] == 0  # default pin 2 -> ESC p 0
    assert data.count(DRAWER) == 1
    cut_at = data.rindex(CUT)
    assert data[cut_at:-5] in (CUT + b"\x00", CUT + b"\x01", CUT + b"0", CUT + b"1")


def test_no_drawer_kick_when_not_asked(sale):
    data = render(receipt_document(sale, STORE, open_drawer=False), PaperProfile.for_width(58))
    assert DRAWER not in data
    cut_at = data.rindex(CUT)
    assert len(data) - cut_at <= 4


def test_drawer_pin_5():
    doc = ReceiptDocument("j", (TextLine("x"),), open_drawer=True)
    data = render(doc, PaperProfile.for_width(80, drawer_pin=5))
    assert data[-5:-3] == DRAWER
    assert data[-3] == 1


def test_no_cut_when_not_asked():
    doc = ReceiptDocument("j", (TextLine("x"),), open_drawer=False, cut=False)
    data = render(doc, PaperProfile.for_width(80))
    assert CUT not in data
    assert escpos_text(data) == "x\n"


def test_without_chinese_mode_no_fs_ampersand():
    doc = ReceiptDocument("j", (TextLine("x"),))
    data = render(doc, PaperProfile(columns=48, chinese_mode=False))
    assert data.startswith(ESC_INIT)
    assert FS_CHINESE not in data


def test_paper_profile_for_width():
    assert PaperProfile.for_width(58).columns == 32
    assert PaperProfile.for_width(57).columns == 32
    assert PaperProfile.for_width(80).columns == 48
    assert PaperProfile.for_width(80).encoding == "gb18030"


# --- text width -------------------------------------------------------------------------------


def test_cell_width():
    assert cell_width("") == 0
    assert cell_width("abc") == 3
    assert cell_width("农夫山泉") == 8
    assert cell_width("￥12.50") == 7
    assert cell_width("550ml 水") == 8


def test_wrap_cells_examples():
    assert wrap_cells("abcdef", 4) == ["abcd", "ef"]
    assert wrap_cells("中文字", 5) == ["中文", "字"]
    assert wrap_cells("a中文", 4) == ["a中", "文"]
    assert wrap_cells("", 10) == [""]
    assert wrap_cells("abcd", 4) == ["abcd"]


def test_pad_between_examples():
    assert pad_between("a", "b", 5) == ["a   b"]
    assert pad_between("abcd", "xy", 5) == ["abcd", "   xy"]
    assert pad_between("合计", "￥1.00", 12) == ["合计  ￥1.00"]
    assert pad_between("农夫山泉水", "2.00", 8) == ["农夫山泉", "水  2.00"]


@given(st.text(), st.integers(min_value=2, max_value=80))
def test_wrap_cells_never_exceeds_width_and_loses_nothing(text, width):
    lines = wrap_cells(text, width)
    assert lines
    assert "".join(lines) == text
    assert all(cell_width(line) <= width for line in lines)
    if text:
        assert all(line for line in lines)


@given(st.text(max_size=80), st.text(alphabet="0123456789.-￥", max_size=12),
       st.integers(min_value=16, max_value=64))
def test_pad_between_fits_width(left, right, width):
    lines = pad_between(left, right, width)
    assert all(cell_width(line) <= width for line in lines)
    assert lines[-1].endswith(right)


def test_a_reprint_says_copy_at_both_ends_and_never_opens_the_drawer(sale):
    doc = receipt_document(sale, "测试店", copy=True)
    texts = [b.text for b in doc.blocks if isinstance(b, TextLine)]
    assert texts[0] == texts[-1] == "*** 重印 COPY ***"
    assert DRAWER not in render(doc, PaperProfile.for_width(80))
    assert doc.open_drawer is False and doc.meta["copy"] is True
    assert doc.job_id.startswith(sale.receipt_no + "-copy-")  # the original's file stays as printed
