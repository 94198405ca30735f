"""Stock work at the store: count, receive, safety stock, transfers, damage and write-off.

Everything that moves stock goes up as an event (`stock.counted`, `stock.adjusted`)
written in one durable transaction, so it works offline and reaches central once.
A count remembers, at its start, the ledger position of every SKU it may meet; at
the end it adds back what was sold here meanwhile without the count having seen it
(pos_client.domain.stock_count), so central's delta keeps every sale.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import Connection

from drivers.interfaces import TagRead
from pos_client.domain.identifiers import new_id
from pos_client.domain.stock_count import (
    ADJUST_REASONS,
    CountLine,
    ReceiptLine,
    count_lines,
    may_adjust,
    receipt_lines,
    sold_unseen,
    suggested_order,
)
from pos_client.store.catalog import CatalogReader
from pos_client.store.guide import GuideStore
from pos_client.store.sales import OutgoingEvent, UnitOfWork, enqueue
from sync.client import CentralClient
from sync.errors import SyncError
from sync.protocol import (
    StockAdjusted,
    StockAdjustLine,
    StockCounted,
    StockCountLine,
    TransferData,
    TransferLinePayload,
    TransferRequest,
)

from .checkout import Approver
from .rfid_count import CountSummary, RfidCountSession, catalog_lookup

Clock = Callable[[], datetime]


class NeedsApproval(PermissionError):
    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


class UnknownItem(LookupError):
    pass


@dataclass
class StockCount:
    """One count in progress: RFID tags and scans, against the positions taken at its start."""

    scope: str
    area: str
    started_at: datetime
    expected: dict[str, tuple[int, int]]
    rfid: RfidCountSession
    scanned: Counter = field(default_factory=Counter)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    store_position: int | None = None
    """Central's store-level ledger position at the start (None: offline, per-SKU positions)."""

    def add_tag(self, tag: TagRead) -> str | None:
        return self.rfid.add(tag)

    def add_scan(self, sku: str) -> None:
        with self._lock:
            self.scanned[sku] += 1

    def counted(self) -> dict[str, int]:
        summary = self.rfid.summary()
        out = Counter(summary.by_sku)
        with self._lock:
            out.update(self.scanned)
        return dict(out)

    def summary(self) -> CountSummary:
        return self.rfid.summary()


@dataclass
class Receiving:
    """Goods arriving: a transfer's or delivery's expected list against what was scanned or read."""

    expected: dict[str, int]
    transfer_id: str | None
    rfid: RfidCountSession
    scanned: Counter = field(default_factory=Counter)

    def received(self) -> dict[str, int]:
        out = Counter(self.rfid.summary().by_sku)
        out.update(self.scanned)
        return dict(out)

    def lines(self) -> list[ReceiptLine]:
        return receipt_lines(self.expected, self.received())


@dataclass(frozen=True, slots=True)
class Suggestion:
    sku: str
    name: str
    on_hand: int
    min_qty: int
    target_qty: int
    suggested: int


class StockWork:
    def __init__(
        self,
        catalog: CatalogReader,
        writer: UnitOfWork,
        store_code: str,
        client: Callable[[], CentralClient] | None,
        clock: Clock = lambda: datetime.now(UTC),
    ) -> None:
        self.catalog = catalog
        self.data = GuideStore(catalog.engine)
        self._writer = writer
        self._store = store_code
        self._client = client
        self._clock = clock

    def sku_of(self, code: str) -> str:
        item = self.catalog.by_barcode((code.strip(),)) or self.catalog.by_sku(code.strip().upper())
        if item is None:
            raise UnknownItem(code)
        return item.sku

    # ------------------------------------------------------------ counts
    part_lines: int = 20_000
    """Lines per `stock.counted` event: a whole-store count of 100,000 SKUs goes up in parts, each
    well under the 5 MB push limit (about 80 bytes a line)."""

    def start_count(self, scope: str = "shelf", area: str = "") -> StockCount:
        """Positions are taken now: sync first (the UI does) so they include this till's sales.

        Online, central's store-level ledger position is taken too: central then reconciles the count
        against every movement after it, from any till of the store (central/stockwork.py)."""
        position = None
        if self._client is not None:
            try:
                with self._client() as client:
                    position = client.stock_position().position
            except SyncError:
                position = None  # offline: the per-SKU positions of the last pull
        return StockCount(
            scope, area, self._clock(), self.data.levels(), RfidCountSession(catalog_lookup(self.catalog)),
            store_position=position,
        )

    def count_result(self, count: StockCount) -> list[CountLine]:
        untagged, tags = self.data.sold_since(count.started_at)
        unseen = sold_unseen(tags, untagged, count.rfid.seen_epcs())
        counted = count.counted()
        # Sold-unseen units only matter for SKUs this count covers.
        covered = set(counted) | (
            {s for s, (q, _p) in count.expected.items() if q} if count.scope == "store" else set()
        )
        unseen = {s: n for s, n in unseen.items() if s in covered}
        return count_lines(count.expected, counted, unseen, whole_scope=count.scope == "store")

    def submit_count(self, count: StockCount, staff_code: str) -> list[CountLine]:
        lines = self.count_result(count)
        if not lines:
            return []
        now = self._clock()
        count_id = new_id()
        size = max(1, self.part_lines)
        chunks = [lines[i : i + size] for i in range(0, len(lines), size)]
        # Fields newer than central may know go only when used: an offline one-part count reads as before.
        newer = {"part", "parts"} if len(chunks) == 1 else set()
        if count.store_position is None:
            newer.add("store_position")
        payloads = [
            StockCounted(
                count_id=count_id,
                store_code=self._store,
                scope=count.scope,
                area=count.area[:60],  # type: ignore[arg-type]
                method="rfid" if count.rfid.summary().tags else "scan",
                lines=[
                    StockCountLine(
                        sku=ln.sku, counted=ln.at_position, position=ln.position, expected=ln.expected
                    )
                    for ln in chunk
                ],
                unknown_tags=sum(count.summary().unknown_gtins.values()) + len(count.summary().not_gs1),
                staff=staff_code,
                started_at=count.started_at,
                finished_at=now,
                store_position=count.store_position,
                part=n,
                parts=len(chunks),
            ).model_dump(mode="json", exclude=newer)
            for n, chunk in enumerate(chunks, start=1)
        ]

        def write(conn: Connection) -> None:  # every part or none: one durable transaction
            for payload in payloads:
                enqueue(conn, OutgoingEvent(event_id=new_id(), type="stock.counted", occurred_at=now,
                                            payload=payload))

        self._writer.run(write)
        return lines

    # ------------------------------------------------------------ receiving
    def incoming(self) -> list[dict]:
        """Transfers to this store that are on their way (or asked for)."""
        return [
            t
            for t in self.data.transfers()
            if t["to_store_code"] == self._store and t["status"] != "received"
        ]

    def outgoing(self) -> list[dict]:
        """Transfers other stores asked this store for, not yet sent."""
        return [
            t
            for t in self.data.transfers()
            if t["from_store_code"] == self._store and t["status"] == "requested"
        ]

    def start_receiving(
        self, transfer: dict | None = None, expected: dict[str, int] | None = None
    ) -> Receiving:
        if transfer is not None:
            expected = {ln["sku"]: int(ln.get("shipped") or ln["qty"]) for ln in transfer["lines"]}
        return Receiving(
            dict(expected or {}),
            transfer["transfer_id"] if transfer else None,
            RfidCountSession(catalog_lookup(self.catalog)),
        )

    def submit_receiving(self, receiving: Receiving, staff_code: str) -> list[ReceiptLine]:
        lines = receiving.lines()
        moved = [ln for ln in lines if ln.received or ln.expected]
        if not moved:
            return []
        self._adjust(
            "transfer_in" if receiving.transfer_id else "receive",
            [StockAdjustLine(sku=ln.sku, delta=ln.received, expected=ln.expected) for ln in moved],
            staff_code,
            transfer_id=receiving.transfer_id,
        )
        return lines

    def ship(self, transfer: dict, staff_code: str, shipped: dict[str, int] | None = None) -> None:
        """Send a transfer another store asked for (all of it unless `shipped` says otherwise)."""
        qty = shipped or {ln["sku"]: int(ln["qty"]) for ln in transfer["lines"]}
        self._adjust(
            "transfer_out",
            [StockAdjustLine(sku=s, delta=-q, expected=None) for s, q in qty.items() if q],
            staff_code,
            transfer_id=transfer["transfer_id"],
        )

    # ------------------------------------------------------------ safety stock and transfers
    def below_safety(self) -> list[Suggestion]:
        return [
            Suggestion(
                b.sku,
                b.name,
                b.on_hand,
                b.min_qty,
                b.target_qty,
                suggested_order(b.on_hand, b.min_qty, b.target_qty),
            )
            for b in self.data.below_safety()
        ]

    def nearest_with_spare(self, sku: str, qty: int) -> str | None:
        """The nearest other location that can spare `qty`, from central's live network stock: a
        warehouse with that much available, or a store left with at least as much again (a store
        does not give away its last units).  None when none can.  Online only."""
        if self._client is None:
            return None
        with self._client() as client:
            answer = client.network_stock(sku)
        for location in answer.locations:  # nearest first
            at = next((x for x in location.skus if x.sku == sku), None)
            if location.store_code == self._store or at is None:
                continue
            if at.available >= (qty if location.kind == "warehouse" else 2 * qty):
                return location.store_code
        return None

    def request_transfer(
        self, from_store: str, lines: dict[str, int], staff_code: str, note: str = ""
    ) -> TransferData:
        """Online only: the other store must hear of it to send the goods."""
        if self._client is None:
            raise RuntimeError("not enrolled")
        request = TransferRequest(
            transfer_id=new_id(),
            from_store_code=from_store,
            to_store_code=self._store,
            lines=[TransferLinePayload(sku=s, qty=q) for s, q in lines.items() if q > 0],
            note=note,
            requested_by=staff_code,
        )
        with self._client() as client:
            return client.request_transfer(request)

    # ------------------------------------------------------------ damage and write-off
    def write_down(
        self,
        kind: str,
        reason: str,
        lines: dict[str, int],
        staff_code: str,
        role: str,
        approver: Approver | None = None,
        note: str = "",
    ) -> None:
        """Damage or write-off: gated by role (domain.stock_count.may_adjust), with a reason."""
        if kind not in ADJUST_REASONS or reason not in ADJUST_REASONS[kind]:
            raise ValueError(f"{kind}/{reason}")
        if not may_adjust(role, kind) and not (approver and may_adjust(approver.role, kind)):
            raise NeedsApproval(kind)
        self._adjust(
            kind,
            [StockAdjustLine(sku=s, delta=-q) for s, q in lines.items() if q > 0],
            staff_code,
            note=f"{reason} {note}".strip(),
            approved_by=approver.code if approver and not may_adjust(role, kind) else None,
        )

    # ------------------------------------------------------------ events
    def _adjust(
        self,
        reason: str,
        lines: list[StockAdjustLine],
        staff_code: str,
        *,
        transfer_id: str | None = None,
        note: str = "",
        approved_by: str | None = None,
    ) -> None:
        now = self._clock()
        payload = StockAdjusted(
            adjustment_id=new_id(),
            store_code=self._store,
            reason=reason,  # type: ignore[arg-type]
            lines=lines,
            transfer_id=transfer_id,
            note=note[:200],
            staff=staff_code,
            approved_by=approved_by,
            at=now,
        )
        self._enqueue("stock.adjusted", payload.model_dump(mode="json"), now)

    def _enqueue(self, kind: str, payload: dict, now: datetime) -> None:
        def write(conn: Connection) -> None:
            enqueue(conn, OutgoingEvent(event_id=new_id(), type=kind, occurred_at=now, payload=payload))

        self._writer.run(write)
