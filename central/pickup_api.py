"""The e-commerce front end's calls: online pickup orders (POST /api/v1/online-orders and after).

These are not till calls: the front end authenticates with the chain's channel key
(`X-Channel-Key`, shown by `pos-central channel-key`), never with a device token.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Path
from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.protocol import (
    DeliveryOrderRequest,
    DeliveryOrderResponse,
    OnlineOrderRequest,
    OnlineOrderResponse,
    OnlineRefundView,
)

from .db import utcnow
from .fulfilment import cancel_delivery_order, create_delivery_order
from .models import OnlineRefund, PickupOrder
from .pickup import (
    OrderLineIn,
    PickupError,
    cancel_order,
    channel_key_ok,
    create_order,
    order_answer,
    pay_order,
)

ORDER_ID = r"^[A-Za-z0-9\-]{4,40}$"


def pickup_router(writes: Callable[[], Session], api_error: type[Exception], errors: dict) -> APIRouter:
    """Routes under /api/v1; `api_error(status, code, message)` is the app's error type."""
    router = APIRouter(prefix="/api/v1", responses=errors, tags=["online orders"])

    def session() -> Iterator[Session]:
        with writes() as s:
            yield s

    def channel(
        x_channel_key: Annotated[str | None, Header()] = None, s: Session = Depends(session)
    ) -> Session:
        if not channel_key_ok(s, x_channel_key):
            raise api_error(
                401,
                "bad_channel_key",
                "This call needs the chain's channel key in X-Channel-Key (pos-central channel-key).",
            )
        return s

    def run(s: Session, work: Callable[[], dict]) -> OnlineOrderResponse:
        try:
            answer = work()
            s.commit()
        except PickupError as exc:
            s.rollback()
            if exc.details is not None:
                from fastapi.responses import JSONResponse

                return JSONResponse(
                    status_code=exc.status,
                    content={  # type: ignore[return-value]
                        "error": {"code": exc.code, "message": exc.message},
                        "available": exc.details,
                    },
                )
            raise api_error(exc.status, exc.code, exc.message) from exc
        return OnlineOrderResponse.model_validate(answer)

    @router.post(
        "/online-orders",
        response_model=OnlineOrderResponse,
        responses={
            409: {
                "description": "not enough stock: `available` lists each SKU's on hand, "
                "reserved and available"
            }
        },
    )
    def place(body: OnlineOrderRequest, s: Session = Depends(channel)) -> OnlineOrderResponse:
        """Reserve the lines at the pickup store and answer the customer's pickup code."""
        return run(
            s,
            lambda: create_order(
                s,
                store_code=body.store_code,
                external_ref=body.external_ref,
                customer_name=body.customer_name,
                customer_phone=body.customer_phone,
                paid=body.paid,
                lines=[OrderLineIn(ln.sku, ln.qty, ln.unit_price, ln.name) for ln in body.lines],
            ),
        )

    @router.get("/online-orders/{order_id}", response_model=OnlineOrderResponse)
    def show(
        order_id: Annotated[str, Path(pattern=ORDER_ID)], s: Session = Depends(channel)
    ) -> OnlineOrderResponse:
        o = s.get(PickupOrder, order_id)
        if o is None:
            raise api_error(404, "unknown_order", f"No pickup order {order_id}.")
        return OnlineOrderResponse.model_validate(order_answer(o))

    @router.post("/online-orders/{order_id}/pay", response_model=OnlineOrderResponse)
    def pay(
        order_id: Annotated[str, Path(pattern=ORDER_ID)], s: Session = Depends(channel)
    ) -> OnlineOrderResponse:
        return run(s, lambda: pay_order(s, order_id))

    @router.post("/online-orders/{order_id}/cancel", response_model=OnlineOrderResponse)
    def cancel(
        order_id: Annotated[str, Path(pattern=ORDER_ID)], s: Session = Depends(channel)
    ) -> OnlineOrderResponse:
        return run(s, lambda: cancel_order(s, order_id))

    @router.post("/delivery-orders", response_model=DeliveryOrderResponse,
                 responses={409: {"description": "no store (nor any set of stores) can ship the lines"}})
    def deliver(body: DeliveryOrderRequest, s: Session = Depends(channel)) -> DeliveryOrderResponse:
        """Route a home-delivery order to the nearest store(s) with stock (ship-from-store)."""
        try:
            answer = create_delivery_order(
                s, external_ref=body.external_ref, customer_name=body.customer_name,
                customer_phone=body.customer_phone, address=body.address, latitude_e6=body.latitude_e6,
                longitude_e6=body.longitude_e6, lines=list(body.lines))
            s.commit()
        except PickupError as exc:
            s.rollback()
            raise api_error(exc.status, exc.code, exc.message) from exc
        return DeliveryOrderResponse.model_validate(answer)

    @router.post("/delivery-orders/{order_id}/cancel", response_model=DeliveryOrderResponse)
    def cancel_delivery(order_id: Annotated[str, Path(pattern=ORDER_ID)],
                        s: Session = Depends(channel)) -> DeliveryOrderResponse:
        try:
            answer = cancel_delivery_order(s, order_id)
            s.commit()
        except PickupError as exc:
            s.rollback()
            raise api_error(exc.status, exc.code, exc.message) from exc
        return DeliveryOrderResponse.model_validate(answer)


    @router.get("/online-refunds", response_model=list[OnlineRefundView])
    def online_refunds(s: Session = Depends(channel)) -> list[OnlineRefundView]:
        """What stores' returns owe back on online orders and the shop has not paid out yet."""
        rows = s.scalars(select(OnlineRefund).where(OnlineRefund.status == "pending")
                         .order_by(OnlineRefund.created_at))
        return [OnlineRefundView(return_id=r.return_id, order_id=r.order_id, external_ref=r.external_ref,
                                 amount=r.amount, store_code=r.store_code, status=r.status,
                                reason=r.reason) for r in rows]

    @router.post("/online-refunds/{return_id}/paid", response_model=OnlineRefundView)
    def online_refund_paid(return_id: Annotated[str, Path(pattern=ORDER_ID)],
                           s: Session = Depends(channel)) -> OnlineRefundView:
        """The shop paid this refund through its payment channel (again: no change)."""
        r = s.get(OnlineRefund, return_id)
        if r is None:
            raise api_error(404, "unknown_refund", f"No online refund for return {return_id}.")
        if r.status != "paid":
            r.status, r.paid_at = "paid", utcnow()
            s.commit()
        return OnlineRefundView(return_id=r.return_id, order_id=r.order_id, external_ref=r.external_ref,
                                amount=r.amount, store_code=r.store_code, status=r.status,
                                reason=r.reason)

    return router
