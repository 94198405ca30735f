"""HTTP calls for the sales guide and stock work (online only, degrade clearly on the till):
`GET /stock`, `POST /orders`, `GET /commission`, `POST /transfers`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Literal

import orjson
from fastapi import APIRouter, Depends, Header, Query, Response
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from sync.protocol import (
    IDEMPOTENCY_HEADER,
    CommissionReport,
    NetworkSnapshot,
    NetworkStockResponse,
    OrderPlaced,
    OrderResponse,
    StockPosition,
    TransferData,
    TransferRequest,
)

from .commission import report
from .db import utcnow
from .guide_orders import OrderRefused, place_order
from .models import Device, Staff, Store
from .network_snapshot import PAGE, snapshot, store_position
from .network_stock import UnknownSku, network_stock_data
from .stockwork import StockRefused, request_transfer

SKU_TEXT = r"^[A-Za-z0-9\-_.]+$"


def add_guide_routes(
    api: APIRouter,
    device: Callable,
    read_session: Callable,
    write_session: Callable,
    api_error: type[Exception],
) -> None:
    @api.get("/stock", response_model=NetworkStockResponse)
    def stock(
        sku: Annotated[str, Query(min_length=1, max_length=32, pattern=SKU_TEXT)],
        dev: Device = Depends(device),
        s: Session = Depends(read_session),
    ) -> Response:
        """The SKU and its variants in every store and warehouse, nearest to the asking store first."""
        try:
            answer = network_stock_data(s, sku, dev.store_id)
        except UnknownSku as exc:
            raise api_error(404, "unknown_sku", f"No product {sku} at central.") from exc
        # 50 locations x 12 variants: plain data serialised once, here, not validated on the way out.
        return Response(orjson.dumps(answer), media_type="application/json")

    @api.get("/stock/position", response_model=StockPosition)
    def stock_position(dev: Device = Depends(device), s: Session = Depends(read_session)) -> StockPosition:
        """The store's ledger position now: a count started at it is reconciled against it."""
        return store_position(s, dev.store_id, utcnow())

    @api.get("/stock/snapshot", response_model=NetworkSnapshot)
    def stock_snapshot(
        since: Annotated[int, Query(ge=0, le=2**62)] = 0,
        limit: Annotated[int, Query(ge=1, le=PAGE)] = PAGE,
        dev: Device = Depends(device),
        s: Session = Depends(read_session),
    ) -> Response:
        """What moved since the cursor at the store's nearest locations, as current figures."""
        answer = snapshot(s, dev.store_id, since, utcnow(), page=limit)
        return Response(orjson.dumps(answer.model_dump(mode="json")), media_type="application/json")

    @api.post("/orders", response_model=OrderResponse)
    def orders(
        body: OrderPlaced,
        idempotency_key: Annotated[str, Header(alias=IDEMPOTENCY_HEADER, min_length=8, max_length=64)],
        dev: Device = Depends(device),
        s: Session = Depends(write_session),
    ) -> OrderResponse:
        """A guide-assisted order; the Idempotency-Key is the order id, so a retry never makes two."""
        if idempotency_key != body.order_id:
            raise api_error(422, "key_mismatch", "The Idempotency-Key must be the order id.")
        own = s.get(Store, dev.store_id)
        assert own is not None
        conn = s.connection()
        try:
            answer = place_order(conn, dev.id, own.id, own.code, body, utcnow())
            s.commit()
        except OrderRefused as exc:
            s.rollback()
            raise api_error(exc.status, exc.code, exc.message) from exc
        except IntegrityError:  # the same order raced in from the event path or another process
            s.rollback()
            answer = place_order(s.connection(), dev.id, own.id, own.code, body, utcnow())
            s.commit()
        return answer

    @api.get("/commission", response_model=CommissionReport)
    def commission(
        period: Literal["today", "month"] = "today",
        guide: Annotated[str | None, Query(max_length=16, pattern=r"^[0-9A-Za-z]+$")] = None,
        staff: Annotated[str | None, Query(max_length=16, pattern=r"^[0-9A-Za-z]+$")] = None,
        dev: Device = Depends(device),
        s: Session = Depends(read_session),
    ) -> CommissionReport:
        """Guides' attributed sales and commission at the till's store.  `staff` is who asks: a guide
        sees only their own figures, a manager or supervisor every guide's."""
        asking = s.scalar(select(Staff).where(Staff.code == staff, Staff.active.is_(True))) if staff else None
        if asking is None:
            raise api_error(403, "who_asks", "Say which active staff member asks (staff=CODE).")
        if asking.role not in ("manager", "supervisor", "admin"):
            guide = asking.code  # anyone else sees their own figures only
        return report(s, dev.store_id, period, guide, utcnow())

    @api.post("/transfers", response_model=TransferData)
    def transfers(
        body: TransferRequest,
        idempotency_key: Annotated[str, Header(alias=IDEMPOTENCY_HEADER, min_length=8, max_length=64)],
        dev: Device = Depends(device),
        s: Session = Depends(write_session),
    ) -> TransferData:
        """Ask another store or the warehouse for goods; the same transfer id again is the same transfer."""
        if idempotency_key != body.transfer_id:
            raise api_error(422, "key_mismatch", "The Idempotency-Key must be the transfer id.")
        try:
            data = request_transfer(s, dev.store_id, body, utcnow())
            s.commit()
        except StockRefused as exc:
            s.rollback()
            raise api_error(exc.status, exc.code, exc.message) from exc
        return TransferData.model_validate(data)
