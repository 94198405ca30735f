"""Stock work from the stores: adjustments, counts and inter-store transfers.

`stock.adjusted` moves the ledger by the deltas sent (a receipt, damage, a
transfer sent or received).  `stock.counted` sends what was counted and the
ledger position it was counted against; central adds ``counted - level at that
position`` so movements after the position (sales during the count, arriving
before or after the count) are all kept.  Transfers are asked for online
(`POST /transfers`), shipped and received as `stock.adjusted` naming the transfer,
and go down to both stores as `transfer`.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from sqlalchemy import Connection, func, insert, select, update
from sqlalchemy.orm import Session

from sync.protocol import ErrorBody, Event, StockAdjusted, StockCounted, TransferRequest

from .changelog import reserve_seqs
from .db import as_utc
from .models import (
    ChangeLogEntry,
    Note,
    ReceivedEvent,
    StockCount,
    StockCountPart,
    StockMovement,
    Store,
    Transfer,
)
from .stock import move_stock_many

_MOVES = StockMovement.__table__
_TRANSFERS = Transfer.__table__


class StockRefused(Exception):
    def __init__(self, code: str, message: str, status: int = 422) -> None:
        super().__init__(message)
        self.code, self.message, self.status = code, message, status


def level_at(conn: Connection, store_id: str, sku: str, position: int) -> int:
    """The sum of the first `position` movements of a store's SKU: its level at that position."""
    if position <= 0:
        return 0
    first = (
        select(_MOVES.c.delta)
        .where(_MOVES.c.store_id == store_id, _MOVES.c.sku == sku)
        .order_by(_MOVES.c.id)
        .limit(position)
        .subquery()
    )
    return int(conn.execute(select(func.coalesce(func.sum(first.c.delta), 0))).scalar() or 0)


def levels_at_store_position(conn: Connection, store_id: str, skus: list[str],
                             position: int) -> dict[str, int]:
    """Each SKU's level at the store's ledger position: the sum of its movements numbered up to it."""
    out: dict[str, int] = {}
    for i in range(0, len(skus), 500):
        chunk = skus[i : i + 500]
        out.update(conn.execute(
            select(_MOVES.c.sku, func.sum(_MOVES.c.delta))
            .where(_MOVES.c.store_id == store_id, _MOVES.c.id <= position, _MOVES.c.sku.in_(chunk))
            .group_by(_MOVES.c.sku)).all())
    return {k: int(v) for k, v in out.items()}


def moved_after(conn: Connection, store_id: str, skus: list[str], position: int, device_id: str,
                started_at: datetime, finished_at: datetime) -> tuple[dict[str, int], dict[str, int]]:
    """Movements after the position, judged by when their fact happened (the event's occurred_at):

    - before the count started (a till that sent late): the shelf already showed them, so they belong
      to the expected level;
    - other tills' sales during the count: taken, like the counting till's own untagged sales, as
      units the count did not see (they were there at the start), so they are added to the counted.
    The counting till's own sales during the count it has added back itself."""
    events = ReceivedEvent.__table__
    before: dict[str, int] = {}
    others: dict[str, int] = {}
    for i in range(0, len(skus), 500):
        rows = conn.execute(
            select(_MOVES.c.sku, _MOVES.c.delta, _MOVES.c.reason, events.c.occurred_at, events.c.device_id)
            .join(events, events.c.event_id == _MOVES.c.event_id)
            .where(_MOVES.c.store_id == store_id, _MOVES.c.id > position, _MOVES.c.sku.in_(skus[i : i + 500]))
        ).all()
        for sku, delta, reason, occurred, device in rows:
            at = as_utc(occurred)
            if at < started_at:
                before[sku] = before.get(sku, 0) + int(delta)
            elif reason == "sale" and device != device_id and at <= finished_at and delta < 0:
                others[sku] = others.get(sku, 0) - int(delta)
    return before, others


def apply_counted(
    conn: Connection, store_id: str, store_code: str, event: Event, count: StockCounted, now: datetime,
    device_id: str = "",
) -> ErrorBody | None:
    if count.store_code != store_code:
        raise StockRefused(
            "wrong_store", f"Count is for store {count.store_code}, device belongs to {store_code}."
        )
    deltas: dict[str, int] = {}
    kept = []
    skus = sorted({line.sku for line in count.lines})
    at_store: dict[str, int] = {}
    before: dict[str, int] = {}
    others: dict[str, int] = {}
    if count.store_position is not None:
        at_store = levels_at_store_position(conn, store_id, skus, count.store_position)
        before, others = moved_after(conn, store_id, skus, count.store_position, device_id,
                                     count.started_at.astimezone(UTC), count.finished_at.astimezone(UTC))
    for line in count.lines:
        if count.store_position is None:
            expected = level_at(conn, store_id, line.sku, line.position)
            counted = line.counted
        else:
            expected = at_store.get(line.sku, 0) + before.get(line.sku, 0)
            counted = line.counted + others.get(line.sku, 0)
        delta = counted - expected
        if delta:
            deltas[line.sku] = deltas.get(line.sku, 0) + delta
        kept.append(
            {
                "sku": line.sku,
                "counted": counted,
                "position": count.store_position if count.store_position is not None else line.position,
                "expected_at_position": expected,
                "delta": delta,
            }
        )
    if count.parts > 1 or count.store_position is not None:
        conn.execute(insert(StockCountPart.__table__), {
            "count_id": count.count_id, "part": count.part, "parts": count.parts, "store_id": store_id,
            "event_id": event.event_id, "lines": kept, "received_at": now, "device_id": device_id,
            "store_position": count.store_position, "started_at": count.started_at.astimezone(UTC),
            "finished_at": count.finished_at.astimezone(UTC)})
    if count.parts == 1:
        conn.execute(
            insert(StockCount.__table__),
            {
                "count_id": count.count_id,
                "store_id": store_id,
                "event_id": event.event_id,
                "scope": count.scope,
                "area": count.area,
                "lines": kept,
                "staff": count.staff,
                "finished_at": count.finished_at.astimezone(UTC),
                "received_at": now,
            },
        )
    move_stock_many(conn, store_id, deltas, "count", event.event_id, now)
    return None


def apply_adjusted(
    conn: Connection, store_id: str, store_code: str, event: Event, adj: StockAdjusted, now: datetime
) -> ErrorBody | None:
    if adj.store_code != store_code:
        raise StockRefused(
            "wrong_store", f"Adjustment is for store {adj.store_code}, device belongs to {store_code}."
        )
    deltas: dict[str, int] = {}
    for line in adj.lines:
        deltas[line.sku] = deltas.get(line.sku, 0) + line.delta
    move_stock_many(conn, store_id, {k: v for k, v in deltas.items() if v}, adj.reason, event.event_id, now)
    conflict = None
    if adj.transfer_id and adj.reason in ("transfer_out", "transfer_in"):
        conflict = _transfer_moved(conn, store_id, adj, now)
    short = [ln for ln in adj.lines if ln.expected is not None and ln.delta != ln.expected]
    if short:
        said = ", ".join(f"{ln.sku}: {ln.delta} of {ln.expected}" for ln in short[:5])
        conn.execute(
            insert(Note.__table__),
            {
                "store_id": store_id,
                "device_id": None,
                "kind": "receipt_difference",
                "created_at": now,
                "message": f"{adj.reason} {adj.transfer_id or adj.adjustment_id} at {store_code}: {said}",
            },
        )
    return conflict


def _transfer_moved(conn: Connection, store_id: str, adj: StockAdjusted, now: datetime) -> ErrorBody | None:
    row = conn.execute(
        select(_TRANSFERS).where(_TRANSFERS.c.transfer_id == adj.transfer_id).with_for_update()
    ).first()
    if row is None:
        return ErrorBody(
            code="unknown_transfer",
            message=f"No transfer {adj.transfer_id} at central; the stock moved as sent.",
        )
    sending = adj.reason == "transfer_out"
    if (row.from_store_id if sending else row.to_store_id) != store_id:
        return ErrorBody(
            code="wrong_transfer_store",
            message=f"Transfer {row.transfer_no} does not {'leave' if sending else 'reach'} this store.",
        )
    moved = {ln.sku: abs(ln.delta) for ln in adj.lines}
    field = "shipped" if sending else "received"
    lines = [dict(ln, **{field: moved.get(ln["sku"], 0)}) for ln in row.lines]
    extra = [
        {"sku": s, "qty": 0, field: q} for s, q in moved.items() if s not in {ln["sku"] for ln in row.lines}
    ]
    values = {"lines": lines + extra, "status": field}
    values["shipped_at" if sending else "received_at"] = now
    conn.execute(update(_TRANSFERS).where(_TRANSFERS.c.transfer_id == row.transfer_id).values(**values))
    log_transfer(conn, row.transfer_id, now)
    return None


def transfer_data(row) -> dict:
    return {
        "transfer_id": row.transfer_id,
        "transfer_no": row.transfer_no,
        "from_store_code": row.from_code,
        "to_store_code": row.to_code,
        "status": row.status,
        "lines": row.lines,
        "note": row.note,
        "requested_at": row.requested_at.isoformat(),
        "shipped_at": row.shipped_at.isoformat() if row.shipped_at else None,
        "received_at": row.received_at.isoformat() if row.received_at else None,
    }


def transfer_row(conn: Connection, transfer_id: str) -> dict:
    """The transfer as its stores see it (entity `transfer`)."""
    src = Store.__table__.alias("src")
    dst = Store.__table__.alias("dst")
    row = conn.execute(
        select(_TRANSFERS, src.c.code.label("from_code"), dst.c.code.label("to_code"))
        .join(src, src.c.id == _TRANSFERS.c.from_store_id)
        .join(dst, dst.c.id == _TRANSFERS.c.to_store_id)
        .where(_TRANSFERS.c.transfer_id == transfer_id)
    ).one()
    return transfer_data(row)


def log_transfer(conn: Connection, transfer_id: str, now: datetime) -> dict:
    """The transfer as it stands, down to both its stores."""
    data = transfer_row(conn, transfer_id)
    stores = conn.execute(
        select(_TRANSFERS.c.from_store_id, _TRANSFERS.c.to_store_id).where(
            _TRANSFERS.c.transfer_id == transfer_id
        )
    ).one()
    for scope in sorted(set(stores)):
        seq = reserve_seqs(conn, scope, 1)
        conn.execute(
            insert(ChangeLogEntry.__table__),
            {
                "scope": scope,
                "seq": seq,
                "entity": "transfer",
                "entity_id": transfer_id,
                "op": "upsert",
                "data": data,
                "created_at": now,
            },
        )
    return data


def request_transfer(session: Session, store_id: str, req: TransferRequest, now: datetime) -> dict:
    """Ask for goods; the same transfer id again answers the transfer as it stands."""
    conn = session.connection()
    seen = conn.execute(
        select(_TRANSFERS.c.transfer_id).where(_TRANSFERS.c.transfer_id == req.transfer_id)
    ).first()
    codes = dict(conn.execute(select(Store.code, Store.id)).all())
    if seen is not None:
        return log_transfer(conn, req.transfer_id, now)
    if codes.get(req.to_store_code) != store_id:
        raise StockRefused("wrong_store", "A till asks for transfers into its own store.", 403)
    source = codes.get(req.from_store_code)
    if source is None:
        raise StockRefused("unknown_store", f"There is no store or warehouse {req.from_store_code}.")
    if source == store_id:
        raise StockRefused("same_store", "A transfer needs another store to send the goods.")
    number = "TR" + now.strftime("%y%m%d") + hashlib.sha256(req.transfer_id.encode()).hexdigest()[:6].upper()
    conn.execute(
        insert(_TRANSFERS),
        {
            "transfer_id": req.transfer_id,
            "transfer_no": number,
            "from_store_id": source,
            "to_store_id": store_id,
            "status": "requested",
            "lines": [{"sku": ln.sku, "qty": ln.qty, "shipped": 0, "received": 0} for ln in req.lines],
            "note": req.note,
            "requested_by": req.requested_by,
            "requested_at": now,
        },
    )
    return log_transfer(conn, req.transfer_id, now)


def sales_after_counts(conn: Connection, store_id: str, device_id: str, moved: dict[str, int],
                       occurred_at: datetime, event_id: str, now: datetime) -> None:
    """A sale made at another till during a count, arriving after the count was applied: its units
    are taken as ones the count did not see (as when it arrives before), so they are added back."""
    parts = StockCountPart.__table__
    rows = conn.execute(select(parts.c.lines).where(
        parts.c.store_id == store_id, parts.c.store_position.is_not(None), parts.c.device_id != device_id,
        parts.c.started_at <= occurred_at, parts.c.finished_at >= occurred_at)).all()
    if not rows:
        return
    counted = {ln["sku"] for (lines,) in rows for ln in lines}
    back = {sku: -delta for sku, delta in moved.items() if sku in counted and delta < 0}
    if back:
        move_stock_many(conn, store_id, back, "count", event_id, now)
