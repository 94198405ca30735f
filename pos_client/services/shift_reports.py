"""X and Z reports and cash slips as printer documents, in Chinese and English like the receipt."""

from __future__ import annotations

from datetime import UTC, datetime

from drivers.printer.document import Align, Columns, ReceiptDocument, Rule, TextLine
from pos_client.domain.money import format_receipt_money
from pos_client.domain.shifts import CASH_IN, CashMovement, Shift, ShiftReport, z_label

REASON_WORDS = {
    "float_top_up": "补充备用金 Float top-up",
    "change_delivery": "零钱补充 Change delivery",
    "correction": "更正 Correction",
    "safe_drop": "存入保险柜 Safe drop",
    "bank_deposit": "存入银行 Bank deposit",
    "petty_expense": "零星支出 Petty expense",
    "supplier_payment": "支付供应商 Supplier payment",
}
TENDER_WORDS = {"cash": "现金 Cash", "card": "银行卡 Card", "wallet": "移动支付 Wallet",
                "points": "积分 Points", "coupon": "优惠券 Coupon", "exchange": "换货 Exchange"}


def _money(amount: int) -> str:
    return format_receipt_money(amount)


def _local(at: datetime) -> str:
    return f"{at.astimezone():%Y-%m-%d %H:%M:%S}"


def _header(title: str, store_name: str, shift: Shift) -> list:
    return [
        TextLine(store_name, Align.CENTER, bold=True, large=True),
        TextLine(title, Align.CENTER, bold=True),
        TextLine(f"门店 Store {shift.store_code}  收银台 Till {shift.terminal_no}", Align.CENTER),
        Rule(),
    ]


def report_document(report: ShiftReport, store_name: str, *, copy: bool = False) -> ReceiptDocument:
    """`copy`: a reprint of a Z report, marked as such."""
    shift, sales = report.shift, report.sales
    if report.kind == "Z":
        assert report.z_no is not None
        title = f"Z 报表 日结 Z REPORT {z_label(report.z_no)}"
    else:
        title = "X 报表 班中 X REPORT (not closed)"
    blocks: list = [
        *([TextLine("*** 重印 COPY ***", Align.CENTER, bold=True)] if copy else []),
        *_header(title, store_name, shift),
        TextLine(f"开班 Opened: {_local(shift.opened_at)}  {shift.opened_by_name} ({shift.opened_by})"),
    ]
    if report.kind == "Z" and shift.closed_at is not None:
        blocks.append(TextLine(f"结班 Closed: {_local(shift.closed_at)}  ({shift.closed_by})"))
    else:
        blocks.append(TextLine(f"打印 Printed: {_local(report.at)}  ({report.by})"))
    blocks += [
        Rule(),
        Columns(f"销售笔数 Sales: {sales.sale_count}", _money(sales.sales_total)),
    ]
    for tender in sales.tenders:
        blocks.append(Columns(f"  {TENDER_WORDS.get(tender.kind, tender.kind)} ({tender.count})",
                              _money(tender.amount)))
    blocks += [
        Rule(),
        Columns("备用金 Opening float", _money(shift.opening_float)),
        Columns("+ 现金销售 Cash sales", _money(sales.cash_sales)),
        Columns("- 现金退款 Cash refunds", _money(sales.cash_refunds)),
        Columns("+ 存入 Cash in", _money(shift.cash_in)),
        Columns("- 取出 Cash out", _money(shift.cash_out)),
    ]
    for move in report.movements:
        sign = "+" if move.direction == CASH_IN else "-"
        words = REASON_WORDS.get(move.reason, move.reason)
        blocks.append(Columns(f"    {move.at.astimezone():%H:%M} {words}", f"{sign}{_money(move.amount)}"))
    if report.show_expected:
        blocks.append(Columns("应有现金 Expected cash", _money(report.expected_cash), bold=True))
    if report.counted is not None:
        over_short = report.over_short or 0
        label = "长款 OVER" if over_short > 0 else "短款 SHORT" if over_short < 0 else "无差异 BALANCED"
        blocks += [
            Columns("实点现金 Counted cash", _money(report.counted), bold=True),
            Columns(f"差额 {label}", ("+" if over_short > 0 else "") + _money(over_short), bold=True),
        ]
    blocks += [
        Rule(),
        TextLine("收银员签字 Cashier signature:"),
        TextLine(" "),
        TextLine("主管签字 Supervisor signature:"),
        TextLine(" "),
        *([TextLine("*** 重印 COPY ***", Align.CENTER, bold=True)] if copy else []),
    ]
    stamp = f"{report.at.astimezone(UTC):%Y%m%dT%H%M%S%f}"
    if report.kind == "Z":
        job = f"{z_label(report.z_no or 0)}-{shift.terminal_no}" + (f"-copy-{stamp}" if copy else "")
    else:
        job = f"X-{shift.terminal_no}-{stamp}"
    return ReceiptDocument(job_id=job, blocks=tuple(blocks), open_drawer=False,
                           meta={"shift_id": shift.shift_id, "kind": report.kind, "copy": copy})


def float_document(shift: Shift, store_name: str) -> ReceiptDocument:
    """The slip printed when a shift opens: the drawer opens for the float to go in."""
    blocks = [
        *_header("开班 SHIFT OPENED", store_name, shift),
        TextLine(f"时间 Time: {_local(shift.opened_at)}"),
        TextLine(f"收银员 Cashier: {shift.opened_by_name} ({shift.opened_by})"),
        Columns("备用金 Opening float", _money(shift.opening_float), bold=True),
    ]
    job = f"open-{shift.terminal_no}-{shift.opened_at.astimezone(UTC):%Y%m%dT%H%M%S%f}"
    return ReceiptDocument(job_id=job, blocks=tuple(blocks), open_drawer=True,
                           meta={"shift_id": shift.shift_id})


def movement_document(movement: CashMovement, shift: Shift, store_name: str) -> ReceiptDocument:
    """The slip for cash put in or taken out: kept with the cash, and the drawer opens."""
    title = "存入现金 CASH IN" if movement.direction == CASH_IN else "取出现金 CASH OUT"
    blocks = [
        *_header(title, store_name, shift),
        TextLine(f"时间 Time: {_local(movement.at)}"),
        TextLine(f"经手 Staff: {movement.staff}"),
        *([TextLine(f"批准 Approved by: {movement.approved_by}")] if movement.approved_by else []),
        TextLine(f"原因 Reason: {REASON_WORDS.get(movement.reason, movement.reason)}"),
        *([TextLine(f"备注 Note: {movement.note}")] if movement.note else []),
        Columns("金额 Amount", _money(movement.amount), bold=True),
        Rule(),
        TextLine("签字 Signature:"),
        TextLine(" "),
    ]
    return ReceiptDocument(job_id=f"cash-{movement.movement_id}", blocks=tuple(blocks), open_drawer=True,
                           meta={"shift_id": shift.shift_id, "movement_id": movement.movement_id})
