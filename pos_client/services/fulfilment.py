"""Ship-from-store on the till: the fulfilment queue, picking by scan (or an RFID tote), packing,
shipping with the courier's tracking number, and rejecting lines the store cannot fill.

A wrong item is refused at the scan, before anything is counted.  Picking, packing and
shipping are this till's facts (tables sync never overwrites); `fulfilment.picked`,
`fulfilment.shipped` and `fulfilment.rejected` go to central with their journal entries
in the same transaction.  Shipping is single use: the `fulfilment_done` row for the
order can reach the stage `shipped` once.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, delete, select, update
from sqlalchemy.dialects.sqlite import insert as upsert

from pos_client.domain.identifiers import new_id
from pos_client.domain.sale import Cashier
from pos_client.store import journal
from pos_client.store.catalog import CatalogReader
from pos_client.store.sales import OutgoingEvent, UnitOfWork, enqueue
from pos_client.store.schema import (
    fulfilment_done,
    fulfilment_order,
    fulfilment_pick,
    fulfilment_pick_tag,
    reservation,
    sold_tag,
)
from sync.protocol import FulfilmentPicked, FulfilmentRejected, FulfilmentShipped, PickupLinePayload

from .checkout import StoreIdentity

Clock = Callable[[], datetime]


class FulfilmentProblem(Exception):
    code = "fulfilment"


class WrongItem(FulfilmentProblem):
    code = "wrong_item"

    def __init__(self, code: str, name: str | None) -> None:
        super().__init__(f"{name or code} is not (or no longer) wanted on this order")
        self.scanned, self.name = code, name


class NotReady(FulfilmentProblem):
    code = "not_ready"


class TagAlreadyPicked(FulfilmentProblem):
    """This RFID tag was already counted into the order's tote (a tote read again)."""

    code = "tag_repeat"

    def __init__(self, epc: str) -> None:
        super().__init__(f"tag {epc} is already counted for this order")
        self.epc = epc


class TagSold(FulfilmentProblem):
    """This RFID tag was sold at this till (`sold_tag`): the unit is the customer's, not stock to ship."""

    code = "tag_sold"

    def __init__(self, epc: str, receipt_no: str) -> None:
        super().__init__(f"tag {epc} was sold on receipt {receipt_no}")
        self.epc, self.receipt_no = epc, receipt_no


class BadTracking(FulfilmentProblem):
    code = "bad_tracking"


@dataclass(frozen=True, slots=True)
class QueueLine:
    line_no: int
    sku: str
    name: str
    qty: int
    picked: int
    rejected: bool


@dataclass(frozen=True, slots=True)
class QueueOrder:
    fulfilment_id: str
    delivery_order_id: str
    status: str
    """central's status, or this till's stage (picked, packed, shipped) when further along."""
    ship_by: str | None
    customer: str
    lines: tuple[QueueLine, ...]
    tracking_no: str | None

    @property
    def open_lines(self) -> tuple[QueueLine, ...]:
        return tuple(ln for ln in self.lines if not ln.rejected)

    @property
    def fully_picked(self) -> bool:
        return bool(self.open_lines) and all(ln.picked >= ln.qty for ln in self.open_lines)


STAGES = ("routed", "picked", "packed", "shipped")


class FulfilmentQueue:
    def __init__(
        self, engine: Engine, identity: StoreIdentity, catalog: CatalogReader, clock: Clock | None = None
    ) -> None:
        self._engine = engine
        self._writer = UnitOfWork(engine)
        self._catalog = catalog
        self.catalog = catalog
        self.identity = identity
        self._clock = clock or (lambda: datetime.now(UTC))

    # ---------------------------------------------------------------- reading
    def queue(self) -> list[QueueOrder]:
        """Open fulfilment orders, soonest ship-by first."""
        with self._engine.connect() as conn:
            ids = (
                conn.execute(
                    select(fulfilment_order.c.fulfilment_id)
                    .where(fulfilment_order.c.status.in_(("routed", "picked")))
                    .order_by(fulfilment_order.c.ship_by)
                )
                .scalars()
                .all()
            )
        return [
            o
            for o in (self.order(i) for i in ids)
            if o is not None and o.status not in ("shipped", "rejected")
        ]

    def order(self, fid: str) -> QueueOrder | None:
        with self._engine.connect() as conn:
            row = conn.execute(
                select(fulfilment_order).where(fulfilment_order.c.fulfilment_id == fid)
            ).first()
            if row is None:
                return None
            picks = {
                r.line_no: r
                for r in conn.execute(
                    select(fulfilment_pick).where(fulfilment_pick.c.fulfilment_id == fid)
                ).all()
            }
            done = conn.execute(select(fulfilment_done).where(fulfilment_done.c.fulfilment_id == fid)).first()
        lines = tuple(
            QueueLine(
                int(ln["line_no"]),
                str(ln["sku"]),
                str(ln.get("name") or ln["sku"]),
                int(ln["qty"]),
                picks[ln["line_no"]].picked if ln["line_no"] in picks else 0,
                ln.get("status") == "rejected"
                or bool(ln["line_no"] in picks and picks[ln["line_no"]].rejected_reason),
            )
            for ln in json.loads(row.lines)
        )
        status = row.status
        if done is not None and STAGES.index(done.stage) > STAGES.index(
            status if status in STAGES else "routed"
        ):
            status = done.stage
        return QueueOrder(
            row.fulfilment_id,
            row.delivery_order_id,
            status,
            row.ship_by,
            row.customer,
            lines,
            done.tracking_no if done is not None and done.tracking_no else row.tracking_no,
        )

    def _open(self, fid: str) -> QueueOrder:
        o = self.order(fid)
        if o is None:
            raise NotReady(f"no fulfilment order {fid} on this till")
        if o.status in ("shipped", "rejected", "cancelled"):
            raise NotReady(f"fulfilment order {fid} is {o.status}")
        return o

    # ---------------------------------------------------------------- picking
    def scan_item(self, fid: str, code: str, staff: Cashier, *, epc: str | None = None) -> QueueOrder:
        """One item scanned into the tote: counted against its line, or refused at once.  With `epc`
        (read by RFID) the tag counts once for the order, ever: TagAlreadyPicked otherwise; a tag sold
        at this till is refused first (TagSold), as the checkout's RFID basket refuses it."""
        o = self._open(fid)
        if epc is not None:
            with self._engine.connect() as conn:
                receipt = conn.scalar(select(sold_tag.c.receipt_no).where(sold_tag.c.epc == epc))
            if receipt is not None:
                raise TagSold(epc, receipt)
        item = self._catalog.by_barcode((code.strip(),)) or self._catalog.by_sku(code.strip())
        line = next(
            (ln for ln in o.open_lines if item is not None and ln.sku == item.sku and ln.picked < ln.qty),
            None,
        )
        if line is None:
            raise WrongItem(code, item.name if item else None)
        now = self._clock()

        def write(conn: Connection) -> None:
            if epc is not None:
                tagged = conn.execute(
                    upsert(fulfilment_pick_tag)
                    .values(fulfilment_id=fid, epc=epc, line_no=line.line_no, at=now.isoformat())
                    .on_conflict_do_nothing()
                )
                if tagged.rowcount != 1:
                    raise TagAlreadyPicked(epc)
            stmt = upsert(fulfilment_pick).values(fulfilment_id=fid, line_no=line.line_no, picked=1)
            conn.execute(
                stmt.on_conflict_do_update(
                    index_elements=["fulfilment_id", "line_no"], set_={"picked": fulfilment_pick.c.picked + 1}
                )
            )
            after = self._picked_in(conn, fid)
            if all(after.get(ln.line_no, 0) >= ln.qty for ln in o.open_lines):
                self._stage(conn, fid, "picked", now, staff)
                payload = FulfilmentPicked(
                    fulfilment_id=fid,
                    store_code=self.identity.store_code,
                    staff=staff.code,
                    at=now,
                    lines=[
                        PickupLinePayload(line_no=ln.line_no, sku=ln.sku, qty=ln.qty) for ln in o.open_lines
                    ],
                )
                enqueue(
                    conn, OutgoingEvent(new_id(), "fulfilment.picked", now, payload.model_dump(mode="json"))
                )
                journal.append(conn, "fulfilment.picked", staff.code, {"fulfilment_id": fid}, at=now)

        self._writer.run(write)
        return self.order(fid)  # type: ignore[return-value]

    def pick_tote(self, fid: str, codes: list[str], staff: Cashier) -> tuple[list[str], list[str]]:
        """A tote read at once (RFID tags decoded to GTINs): (accepted, refused) codes."""
        accepted, refused = [], []
        for code in codes:
            try:
                self.scan_item(fid, code, staff)
                accepted.append(code)
            except WrongItem:
                refused.append(code)
        return accepted, refused

    def pick_tote_epcs(self, fid: str, epcs: list[str], staff: Cashier) -> tuple[list[str], list[str]]:
        """The tote read by the RFID reader: each tag (SGTIN-96) counts once for the order, as its GTIN;
        a tag that is no GS1 item, an item not on the order, or a tag sold at this till is refused; a tag
        already counted
        (in this read or an earlier one) is neither.  Returns (accepted, refused) EPCs."""
        from .tote_pick import pick_tag

        accepted, refused = [], []
        for epc in dict.fromkeys(e.strip().upper() for e in epcs):  # a tag read twice is one item
            result = pick_tag(self, fid, epc, staff)
            if result.accepted:
                accepted.append(epc)
            elif result.refused:
                refused.append(epc)
        return accepted, refused

    @staticmethod
    def _picked_in(conn: Connection, fid: str) -> dict[int, int]:
        return dict(
            conn.execute(
                select(fulfilment_pick.c.line_no, fulfilment_pick.c.picked).where(
                    fulfilment_pick.c.fulfilment_id == fid
                )
            ).all()
        )

    @staticmethod
    def _stage(conn: Connection, fid: str, stage: str, now: datetime, staff: Cashier, **extra) -> None:
        stmt = upsert(fulfilment_done).values(
            fulfilment_id=fid, stage=stage, at=now.isoformat(), staff_code=staff.code, **extra
        )
        conn.execute(
            stmt.on_conflict_do_update(
                index_elements=["fulfilment_id"], set_={"stage": stage, "at": now.isoformat(), **extra}
            )
        )

    # ---------------------------------------------------------------- pack, ship, reject
    def pack(self, fid: str, staff: Cashier) -> QueueOrder:
        o = self._open(fid)
        if not o.fully_picked:
            raise NotReady(f"fulfilment order {fid} is not fully picked")
        now = self._clock()
        self._writer.run(
            lambda conn: (
                self._stage(conn, fid, "packed", now, staff),
                journal.append(conn, "fulfilment.packed", staff.code, {"fulfilment_id": fid}, at=now),
            )
        )
        return self.order(fid)  # type: ignore[return-value]

    def ship(self, fid: str, tracking_no: str, carrier: str, staff: Cashier) -> QueueOrder:
        """Handed to the courier, once: the tracking number travels with `fulfilment.shipped`."""
        o = self._open(fid)
        if o.status != "packed":
            raise NotReady(f"fulfilment order {fid} must be picked and packed before it ships")
        tracking = tracking_no.strip().upper()
        if not (4 <= len(tracking) <= 64) or not all(ch.isalnum() or ch == "-" for ch in tracking):
            raise BadTracking(f"{tracking_no!r} is not a tracking number")
        now = self._clock()

        def write(conn: Connection) -> None:
            moved = conn.execute(
                update(fulfilment_done)
                .where(fulfilment_done.c.fulfilment_id == fid, fulfilment_done.c.stage == "packed")
                .values(
                    stage="shipped",
                    at=now.isoformat(),
                    staff_code=staff.code,
                    carrier=carrier,
                    tracking_no=tracking,
                )
            )
            if moved.rowcount != 1:
                raise NotReady(f"fulfilment order {fid} was already shipped")
            payload = FulfilmentShipped(
                fulfilment_id=fid,
                store_code=self.identity.store_code,
                terminal_no=self.identity.terminal_no,
                staff=staff.code,
                shipped_at=now,
                carrier=carrier,
                tracking_no=tracking,
                lines=[PickupLinePayload(line_no=ln.line_no, sku=ln.sku, qty=ln.qty) for ln in o.open_lines],
            )
            enqueue(conn, OutgoingEvent(new_id(), "fulfilment.shipped", now, payload.model_dump(mode="json")))
            journal.append(
                conn,
                "fulfilment.shipped",
                staff.code,
                {"fulfilment_id": fid, "tracking_no": tracking, "carrier": carrier},
                at=now,
            )

        self._writer.run(write)
        return self.order(fid)  # type: ignore[return-value]

    def reject_line(self, fid: str, line_no: int, reason: str, staff: Cashier) -> QueueOrder:
        """This store cannot fill the line: central releases it here and routes it to another store."""
        o = self._open(fid)
        line = next((ln for ln in o.open_lines if ln.line_no == line_no), None)
        if line is None:
            raise NotReady(f"fulfilment order {fid} has no open line {line_no}")
        now = self._clock()
        reason = (reason or "cannot fill").strip()[:40]

        def write(conn: Connection) -> None:
            stmt = upsert(fulfilment_pick).values(
                fulfilment_id=fid, line_no=line_no, picked=0, rejected_reason=reason
            )
            conn.execute(
                stmt.on_conflict_do_update(
                    index_elements=["fulfilment_id", "line_no"], set_={"rejected_reason": reason}
                )
            )
            conn.execute(
                delete(reservation).where(reservation.c.order_id == fid, reservation.c.line_no == line_no)
            )
            payload = FulfilmentRejected(
                fulfilment_id=fid,
                store_code=self.identity.store_code,
                staff=staff.code,
                at=now,
                lines=[PickupLinePayload(line_no=line_no, sku=line.sku, qty=line.qty, reason=reason)],
            )
            enqueue(
                conn, OutgoingEvent(new_id(), "fulfilment.rejected", now, payload.model_dump(mode="json"))
            )
            journal.append(
                conn,
                "fulfilment.rejected",
                staff.code,
                {"fulfilment_id": fid, "line_no": line_no, "reason": reason},
                at=now,
            )

        self._writer.run(write)
        return self.order(fid)  # type: ignore[return-value]
