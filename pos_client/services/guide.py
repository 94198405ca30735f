"""The sales guide's work: find a product, see it across the chain, order for a customer.

An order is written on the till first (row `guide_order` and an `order.placed` event in
one durable transaction), then, when central answers, posted at once with the order id
as Idempotency-Key.  Offline, the event waits in the outbox and is placed by the next
sync; central makes one order per id whichever arrives first, and sends the numbered
order back down (`guide_order`), so the guide sees "queued" turn into "placed".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, select

from pos_client.domain.commission import commission_on, reversal, rule_for, rule_from_data
from pos_client.domain.guide_order import OrderDraft, problems
from pos_client.domain.identifiers import new_id
from pos_client.domain.sale import Cashier
from pos_client.store.catalog import CatalogReader
from pos_client.store.guide import GuideOrderRow, GuideStore, attributed_lines, returned_amounts
from pos_client.store.sales import OutgoingEvent, UnitOfWork, enqueue
from pos_client.store.schema import staff
from sync.client import CentralClient
from sync.errors import CentralUnreachable, NotCentral, NotFoundAtCentral, ServerFault, SyncError
from sync.protocol import (
    CommissionReport,
    CommissionTotal,
    DeliveryAddress,
    NetworkStockResponse,
    OrderLinePayload,
    OrderPlaced,
    StockAtSku,
    StockLocation,
    TenderPayload,
    VariantView,
)

from .checkout import StoreIdentity
from .network_snapshot import snapshot_view

BADGE_PREFIX = "GD"
"""A guide's badge barcode: GD + staff number (GD4001)."""
Clock = Callable[[], datetime]


class OrderProblems(ValueError):
    def __init__(self, codes: list[str]) -> None:
        super().__init__(", ".join(codes))
        self.codes = codes


class NotAGuide(LookupError):
    pass


@dataclass(frozen=True, slots=True)
class NetworkView:
    stock: NetworkStockResponse
    live: bool
    """True: central answered just now; False: the last answer kept on this till (or this store only)."""
    fetched_at: datetime
    own_store_only: bool = False
    """Offline with nothing kept for this SKU: only this store's level, as last synced."""
    snapshot: bool = False
    """Offline: the network stock snapshot the sync keeps (nearest locations), as of `fetched_at`."""

    def age_seconds(self, now: datetime) -> float:
        return max(0.0, (now - self.fetched_at).total_seconds())


class GuideService:
    def __init__(
        self,
        catalog: CatalogReader,
        writer: UnitOfWork,
        store: StoreIdentity,
        client: Callable[[], CentralClient] | None,
        clock: Clock = lambda: datetime.now(UTC),
    ) -> None:
        self.catalog = catalog
        self.data = GuideStore(catalog.engine)
        self._writer = writer
        self._store = store
        self._client = client
        self._clock = clock

    @property
    def store_code(self) -> str:
        return self._store.store_code

    # ------------------------------------------------------------ guides
    def guide_by_code(self, typed: str) -> Cashier:
        """A badge scan (GD4001) or a staff number typed or picked: must be an active guide-capable staff."""
        code = typed.strip().upper()
        if code.startswith(BADGE_PREFIX):
            code = code[len(BADGE_PREFIX) :]
        with self.catalog.engine.connect() as conn:
            row = conn.execute(
                select(staff.c.staff_id, staff.c.code, staff.c.name, staff.c.role, staff.c.active).where(
                    staff.c.code == code
                )
            ).first()
        if row is None or not row.active or row.role not in ("guide", "supervisor", "manager"):
            raise NotAGuide(typed)
        return Cashier(row.staff_id, row.code, row.name)

    def guides(self) -> list[Cashier]:
        with self.catalog.engine.connect() as conn:
            rows = conn.execute(
                select(staff.c.staff_id, staff.c.code, staff.c.name)
                .where(staff.c.role == "guide", staff.c.active.is_(True))
                .order_by(staff.c.code)
            ).all()
        return [Cashier(*r) for r in rows]

    # ------------------------------------------------------------ products
    def find(self, typed: str) -> list[tuple[str, str]]:
        """(sku, name): a scanned code or SKU first, else name / pinyin search."""
        text = typed.strip()
        if not text:
            return []
        item = self.catalog.by_barcode((text,)) or self.catalog.by_sku(text.upper())
        if item is not None:
            return [(item.sku, item.name)]
        return [(m.item.sku, m.item.name) for m in self.catalog.search(text, limit=50)]

    def network(self, sku: str) -> NetworkView:
        """Live from central when it answers; else the last answer kept here; else this store alone."""
        if self._client is not None:
            try:
                with self._client() as client:
                    live = client.network_stock(sku)
                now = self._clock()
                self.data.keep_network(sku, live.model_dump(mode="json"), now)
                return NetworkView(live, True, now)
            except NotFoundAtCentral:
                raise
            except (CentralUnreachable, ServerFault, NotCentral, SyncError):
                pass
        kept = self.data.last_network(sku)
        variants = [VariantView(sku=v.sku, name=v.name, size=v.size, colour=v.colour)
                    for v in self.data.variants(sku)]
        snap = snapshot_view(self.catalog.engine, sku, variants, self._clock())
        # The fresher of the two: the last live answer for this product, or the synced snapshot.
        if snap is not None and (kept is None or snap[1] > kept[1]):
            return NetworkView(snap[0], False, snap[1], snapshot=True)
        if kept is not None:
            return NetworkView(NetworkStockResponse.model_validate(kept[0]), False, kept[1])
        return self._own_store(sku)

    def _own_store(self, sku: str) -> NetworkView:
        variants = self.data.variants(sku)
        levels = self.data.levels([v.sku for v in variants])
        now = self._clock()
        stock = NetworkStockResponse(
            sku=sku,
            variants=[VariantView(sku=v.sku, name=v.name, size=v.size, colour=v.colour) for v in variants],
            locations=[
                StockLocation(
                    store_code=self._store.store_code,
                    name=self._store.store_code,
                    distance_m=0,
                    as_of=None,
                    skus=[
                        StockAtSku(
                            sku=s,
                            on_hand=levels.get(s, (0, 0))[0],
                            available=max(levels.get(s, (0, 0))[0], 0),
                        )
                        for s in levels
                    ],
                )
            ],
            server_time=now,
        )
        return NetworkView(stock, False, now, own_store_only=True)

    # ------------------------------------------------------------ orders
    def place(self, draft: OrderDraft, guide: Cashier) -> str:
        """Check, then write the order and its event durably; returns the order id (the key)."""
        found = problems(draft, self._store.store_code)
        if found:
            raise OrderProblems(found)
        now = self._clock()
        order_id = new_id()
        order = OrderPlaced(
            order_id=order_id,
            store_code=self._store.store_code,
            terminal_no=self._store.terminal_no,
            guide_id=guide.staff_id,
            guide_code=guide.code,
            member_id=draft.member_id,
            fulfilment=draft.fulfilment,  # type: ignore[arg-type]
            pickup_store_code=draft.pickup_store_code if draft.fulfilment == "pickup_other" else None,
            address=DeliveryAddress(
                name=draft.name.strip(), phone=draft.phone.strip(), address=draft.address.strip()
            )
            if draft.fulfilment == "delivery"
            else None,
            lines=[
                OrderLinePayload(
                    sku=ln.sku,
                    name=ln.name,
                    category=ln.category,
                    qty=ln.qty,
                    unit_price=ln.unit_price,
                    amount=ln.amount,
                )
                for ln in draft.lines
            ],
            total=draft.total,
            payment=draft.payment,  # type: ignore[arg-type]
            tenders=[TenderPayload(kind=k, amount=a, tendered=a) for k, a in draft.tenders],  # type: ignore[arg-type]
            placed_at=now,
        )
        payload = order.model_dump(mode="json")

        def write(conn: Connection) -> str:
            GuideStore.add_order(conn, order_id, guide.code, payload, now)
            enqueue(
                conn, OutgoingEvent(event_id=new_id(), type="order.placed", occurred_at=now, payload=payload)
            )
            return order_id

        return self._writer.run(write)

    def submit(self, order_id: str) -> GuideOrderRow:
        """Place it at central now (online); offline it stays queued for the outbox. Safe to repeat."""
        row = self.data.order(order_id)
        if row is None:
            raise KeyError(order_id)
        if row.state != "queued" or self._client is None:
            return row
        try:
            with self._client() as client:
                answer = client.place_order(OrderPlaced.model_validate(row.data))
        except ServerFault as exc:
            if not str(exc).startswith("HTTP 4"):
                return row  # central failed: try again later (the outbox will too)
            self.data.order_refused(order_id, str(exc))
            return self.data.order(order_id) or row
        except (CentralUnreachable, NotCentral):
            return row
        except SyncError as exc:
            self.data.order_refused(order_id, str(exc))
            return self.data.order(order_id) or row
        self.data.order_placed(order_id, answer.status, answer.order_no, answer.payment_url)
        return self.data.order(order_id) or row

    def orders(self, guide_code: str | None = None) -> list[GuideOrderRow]:
        return self.data.orders(guide_code)

    # ------------------------------------------------------------ commission
    def commission(self, period: str, asking: str, guide: str | None = None) -> CommissionReport:
        """Central's figures (every till's sales and returns, every order)."""
        if self._client is None:
            raise CentralUnreachable("this till is not enrolled")
        with self._client() as client:
            return client.commission(period, asking, guide)

    def local_commission(self, period: str, guide: str | None = None) -> CommissionReport:
        """Offline: this till's own guide-attributed sales, less this till's returns of them, with the
        commission rules central last sent.  Orders and other tills' sales are not in it."""
        now = self._clock()
        local = now.astimezone(self._store.zone())
        start = local.replace(hour=0, minute=0, second=0, microsecond=0)
        if period == "month":
            start = start.replace(day=1)
        rules = [rule_from_data(d) for d in self.data.commission_rules()]
        lines = attributed_lines(self.catalog.engine, start.astimezone(UTC))
        if guide:
            lines = [ln for ln in lines if ln[1] == guide]
        back = returned_amounts(self.catalog.engine, sorted({ln[2] for ln in lines}))
        totals: dict[str, list] = {}
        for guide_id, code, sale_id, line_no, category, amount in lines:
            rule = rule_for(rules, category, "in_store")
            earned = commission_on(amount, rule.rate_bp) if rule and amount > 0 else 0
            sold = amount
            for returned in back.get((sale_id, line_no), []):
                sold -= returned
                if rule is not None:
                    earned += reversal(returned, rule.rate_bp, earned)
            entry = totals.setdefault(guide_id, [code, 0, 0, set()])
            entry[1] += sold
            entry[2] += earned
            entry[3].add(sale_id)
        return CommissionReport(
            store=self._store.store_code,
            period=period,
            start=start,
            server_time=now,
            guides=[
                CommissionTotal(guide_id=gid, guide_code=code, sales=s, commission=c, count=len(ids))
                for gid, (code, s, c, ids) in sorted(totals.items(), key=lambda kv: kv[1][0])
            ],
        )
