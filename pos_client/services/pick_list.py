"""The pick list: what staff fetch from the stock room for a pickup order, printed on the receipt printer."""

from __future__ import annotations

from datetime import datetime

from drivers.printer.document import Align, Columns, ReceiptDocument, Rule, TextLine

from .pickup import DeskOrder


def pick_list_document(order: DeskOrder, store_name: str, printed_at: datetime) -> ReceiptDocument:
    """One line per item with the quantity to pick (refused lines are left off); no price, no code."""
    blocks: list = [
        TextLine(store_name, Align.CENTER, bold=True),
        TextLine("拣货单 PICK LIST", Align.CENTER, bold=True, large=True),
        TextLine(f"订单 Order: {order.order_id}"),
        TextLine(f"顾客 Customer: {order.customer} ****{order.phone_last4}"),
        TextLine(f"取货截止 Pick up by: {order.deadline or '-'}"),
        TextLine(f"打印 Printed: {printed_at.astimezone():%Y-%m-%d %H:%M}"),
        Rule(),
    ]
    for line in order.remaining_lines:
        blocks.append(TextLine(line.name))
        blocks.append(Columns(f"  {line.sku}", f"x {line.qty - line.refused}", bold=True))
    blocks += [Rule(), TextLine("拣货人 Picked by:"), TextLine(" ")]
    return ReceiptDocument(
        job_id=f"pick-{order.order_id}",
        blocks=tuple(blocks),
        open_drawer=False,
        meta={"order_id": order.order_id},
    )
