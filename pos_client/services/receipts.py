"""The receipt a customer takes home, as a printer document."""

from __future__ import annotations

from datetime import UTC, datetime

from drivers.printer.document import Align, Barcode, Columns, QrCode, ReceiptDocument, Rule, TextLine
from pos_client.domain.cart import format_kg
from pos_client.domain.money import currency_for, format_amount, format_receipt_money
from pos_client.domain.returns import Return
from pos_client.domain.sale import Sale

TENDER_LABELS = {"cash": "现金 Cash", "card": "银行卡 Card", "wallet": "移动支付 Mobile pay",
                 "points": "积分 Points", "coupon": "券 Coupon", "online": "网店支付 Online payment"}


def receipt_document(sale: Sale, store_name: str, *, open_drawer: bool = True,
                     copy: bool = False) -> ReceiptDocument:
    """`copy`: a reprint, marked as such at the top and the bottom, and the drawer stays shut."""
    local = sale.occurred_at.astimezone()
    cur = currency_for(sale.currency)  # the store's currency, as central set it
    blocks: list = [
        *([TextLine("*** 重印 COPY ***", Align.CENTER, bold=True)] if copy else []),
        TextLine(store_name, Align.CENTER, bold=True, large=True),
        TextLine(f"门店 Store {sale.store_code}  收银台 Till {sale.terminal_no}", Align.CENTER),
        Rule(),
        TextLine(f"单号 No.: {sale.receipt_no}"),
        TextLine(f"时间 Time: {local:%Y-%m-%d %H:%M:%S}"),
        TextLine(f"收银员 Cashier: {sale.cashier.name} ({sale.cashier.code})"),
        Rule(),
    ]
    names = {a.promotion_id: a.name for a in sale.promotions}
    for line in sale.lines:
        blocks.append(TextLine(line.name))
        if line.weight_g is not None:
            quantity = f"  {format_kg(line.weight_g)} x {format_amount(line.unit_price, cur)}/kg"
        else:
            quantity = f"  {line.qty} x {format_amount(line.unit_price, cur)}"
        blocks.append(Columns(quantity, format_amount(line.gross, cur)))
        promo_names = [names[p] for p in line.promotion_ids if p in names]
        if line.promo_discount and promo_names:
            blocks.append(Columns("  " + "、".join(promo_names),
                                  "-" + format_amount(line.promo_discount, cur)))
        manual = line.discount - (line.promo_discount if promo_names else 0)
        if manual:
            blocks.append(Columns("  优惠 Discount", "-" + format_amount(manual, cur)))
    blocks += [
        Rule(),
        Columns(f"件数 Items: {sale.item_count}", ""),
        Columns("合计 Subtotal", format_receipt_money(sale.subtotal, cur)),
    ]
    if sale.discount_total:
        blocks.append(Columns("优惠 Discounts", "-" + format_receipt_money(sale.discount_total, cur)))
    if sale.promotions:
        blocks.append(TextLine("本单优惠 Promotions"))
        for applied in sale.promotions:
            label = applied.name + (f" {applied.name_en}" if applied.name_en else "")
            blocks.append(Columns("  " + label, "-" + format_amount(applied.amount, cur)))
    if sale.rounding:
        blocks.append(Columns("抹零 Rounding", format_amount(sale.rounding, cur)))
    blocks.append(Columns("应付 TOTAL", format_receipt_money(sale.paid, cur), bold=True))
    for tender in sale.tenders:
        label = TENDER_LABELS.get(tender.kind, tender.kind)
        if tender.last4:
            label += f" ****{tender.last4}"
        blocks.append(Columns(label, format_receipt_money(tender.tendered, cur)))
        if tender.reference:
            blocks.append(TextLine(f"  参考号 Ref. {tender.reference}"))
    blocks.append(Columns("找零 Change", format_receipt_money(sale.change, cur)))
    if sale.member_masked:
        blocks.append(TextLine(f"会员 Member: {sale.member_masked}"))
        spent = sum(t.points or 0 for t in sale.tenders if t.kind == "points")
        blocks.append(TextLine(f"  本次积分 Points: +{sale.points_earned}" + (f" -{spent}" if spent else "")
                               + (f"  余额 Balance: {sale.points_balance}" if sale.points_balance is not None
                                  else "")))
    if sale.discount_total:
        blocks.append(TextLine(f"本单共节省 You saved {format_receipt_money(sale.discount_total, cur)}",
                               Align.CENTER, bold=True))
    if sale.guide_order_id:  # a guide order paid here: the customer shows this QR to collect
        blocks += [Rule(), TextLine(f"导购订单 Guide order {sale.guide_order_no or '(待上传 queued)'}",
                                    Align.CENTER, bold=True),
                   TextLine("凭码取货 Show to collect", Align.CENTER),
                   QrCode(sale.guide_order_no or sale.guide_order_id)]
    blocks += [
        Rule(),
        Barcode(sale.receipt_no),
        TextLine("谢谢惠顾 Thank you", Align.CENTER),
        *([TextLine("*** 重印 COPY ***", Align.CENTER, bold=True)] if copy else []),
    ]
    job = f"{sale.receipt_no}-copy-{datetime.now(UTC):%H%M%S%f}" if copy else sale.receipt_no
    # The drawer opens for cash only: a card or wallet sale gives the cashier nothing to put in it.
    takes_cash = any(t.kind == "cash" for t in sale.tenders)
    return ReceiptDocument(job_id=job, blocks=tuple(blocks),
                           open_drawer=open_drawer and not copy and takes_cash,
                           meta={"sale_id": sale.sale_id, "copy": copy})


def refund_document(done: Return, store_name: str) -> ReceiptDocument:
    """The refund slip: what came back, against which receipt, how it was refunded; the drawer
    opens only when cash goes out.  The customer signs the store's copy in many chains: a line for it."""
    local = done.occurred_at.astimezone()
    blocks: list = [
        TextLine(store_name, Align.CENTER, bold=True, large=True),
        TextLine("退货单 REFUND", Align.CENTER, bold=True),
        TextLine(f"门店 Store {done.store_code}  收银台 Till {done.terminal_no}", Align.CENTER),
        Rule(),
        TextLine(f"单号 No.: {done.receipt_no}"),
        TextLine(f"原单 Original: {done.original.receipt_no}" if done.original else "无小票退货 No receipt"),
        TextLine(f"时间 Time: {local:%Y-%m-%d %H:%M:%S}"),
        TextLine(f"收银员 Cashier: {done.cashier.name} ({done.cashier.code})"),
        Rule(),
    ]
    for line in done.lines:
        blocks.append(TextLine(line.name))
        shelf = "" if line.restock else "  (报损 written off)"
        blocks.append(Columns(f"  {line.qty} x{shelf}", "-" + format_amount(line.amount)))
    blocks += [Rule(), Columns("退款合计 REFUND", "-" + format_receipt_money(done.total), bold=True)]
    for refund in done.refunds:
        label = TENDER_LABELS.get(refund.kind, refund.kind)
        if refund.last4:
            label += f" ****{refund.last4}"
        blocks.append(Columns(label, "-" + format_receipt_money(refund.amount)))
        if refund.reference:
            blocks.append(TextLine(f"  原参考号 Orig. ref. {refund.reference}"))
    if done.approved_by:
        blocks.append(TextLine(f"批准 Approved by: {done.approved_by}"))
    blocks += [Rule(), TextLine("顾客签名 Customer signature:"), TextLine(" "), Barcode(done.receipt_no)]
    return ReceiptDocument(job_id=done.receipt_no, blocks=tuple(blocks),
                           open_drawer=any(t.kind == "cash" for t in done.refunds),
                           meta={"return_id": done.return_id})
