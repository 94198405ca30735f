"""The HTTP face of central: the store ↔ central contract under /api/v1."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Annotated, Literal

import orjson
from fastapi import APIRouter, Depends, FastAPI, Header, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, ValidationError
from sqlalchemy import update
from sqlalchemy.orm import Session
from starlette.exceptions import HTTPException as StarletteHTTPException

from sync.protocol import (
    IDEMPOTENCY_HEADER,
    MAX_PROTOCOL_VERSION_SUPPORTED,
    MAX_PUSH_BYTES,
    MIN_PROTOCOL_VERSION,
    PROTOCOL_RANGE_HEADER,
    PROTOCOL_VERSION,
    ChangesResponse,
    CouponValidation,
    DeviceSyncState,
    ErrorBody,
    ErrorResponse,
    Event,
    EventResult,
    HealthResponse,
    MemberContact,
    MemberContactRequest,
    PushRequest,
    PushResponse,
    RegisterRequest,
    RegisterResponse,
    SaleLookupResponse,
    WalletChargeRequest,
    WalletChargeResponse,
    WalletRefundRequest,
    WalletRefundResponse,
)

from .changes import (
    MAX_PAGE,
    SNAPSHOT_ENTITIES,
    Cursor,
    CursorExpired,
    changes_for_store,
    current_cursor,
    snapshot_count,
    snapshot_rows,
)
from .coupons import validate
from .db import Engines, init_db, make_engines, session_factory, utcnow
from .device_state import device_sync_state
from .devices import (
    TOKEN_IDLE_LIMIT,
    EnrollmentError,
    device_for_token,
    needs_seen_update,
    register_device,
    token_expired,
)
from .events import EventBatch
from .guide_api import add_guide_routes
from .members import ContactRefused, member_contact
from .models import Device, Store
from .payments import PaymentError, charge
from .payments import refund as refund_wallet
from .pickup_api import pickup_router
from .reports import UnknownStore, sales_report, shifts_report
from .returns import lookup_sale

CODE_TEXT = r"^[A-Za-z0-9\-]+$"
"""Receipt numbers, coupon codes and ids: what a till sends, never text a database may refuse."""


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse(status_code=status, content={"error": {"code": code, "message": message}})


ERRORS = {
    400: {"model": ErrorResponse}, 401: {"model": ErrorResponse}, 403: {"model": ErrorResponse},
    404: {"model": ErrorResponse}, 409: {"model": ErrorResponse}, 410: {"model": ErrorResponse},
    413: {"model": ErrorResponse},
    422: {"model": ErrorResponse},
}


class TenderTotal(BaseModel):
    kind: str
    count: int
    amount: int


class SalesReport(BaseModel):
    store: str
    date: date
    timezone: str
    currency: str
    sale_count: int
    gross: int
    discounts: int
    net: int
    tenders: list[TenderTotal]


class ShiftMovement(BaseModel):
    direction: str
    amount: int
    reason: str
    note: str
    staff: str
    approved_by: str | None = None
    at: str


class ClosedShift(BaseModel):
    shift_id: str
    terminal_no: str
    z_no: int | None
    opened_at: str
    closed_at: str
    opened_by: str
    closed_by: str | None
    opening_float: int
    sale_count: int | None
    sales_total: int | None
    cash_sales: int | None
    cash_refunds: int | None
    cash_in: int | None
    cash_out: int | None
    expected_cash: int | None
    counted_cash: int | None
    over_short: int | None
    tenders: list[TenderTotal]
    movements: list[ShiftMovement]


class ShiftsReport(BaseModel):
    store: str
    date: date
    timezone: str
    currency: str
    shifts: list[ClosedShift]
    over_short: int


def _malformed(raw: object, exc: ValidationError) -> EventResult:
    event_id = raw.get("event_id") if isinstance(raw, dict) else None
    where = ", ".join(".".join(str(p) for p in e["loc"]) for e in exc.errors()[:3])
    return EventResult(event_id=str(event_id)[:40] if event_id else "", status="rejected",
                       error=ErrorBody(code="malformed_event", message=f"Unreadable event: {where}"))


def create_app(db_url: str | None = None, *, engines: Engines | None = None,
               token_idle_limit: timedelta = TOKEN_IDLE_LIMIT,
               expire_every: float | None = None) -> FastAPI:
    """`expire_every`: seconds between runs of the pickup expiry while served (None: no job)."""
    engines = engines or make_engines(db_url or "sqlite:///central.db")
    init_db(engines.write)
    writes = session_factory(engines.write)
    reads = session_factory(engines.read)

    app = FastAPI(
        title="POS central", version=str(PROTOCOL_VERSION), openapi_url="/api/v1/openapi.json",
        docs_url="/api/v1/docs", redoc_url=None,
    )
    app.state.engines = engines
    app.state.engine = engines.write
    app.state.sessions = writes

    @app.middleware("http")
    async def _protocol_headers(request: Request, call_next):
        if request.headers.get("content-encoding") == "gzip":
            body = await request.body()
            try:
                decoder = zlib.decompressobj(wbits=31)
                raw = decoder.decompress(body, MAX_PUSH_BYTES + 1)
            except zlib.error:
                return _error(400, "bad_gzip", "Request body is not valid gzip.")
            if len(raw) > MAX_PUSH_BYTES:
                return _error(413, "too_large", "Request body is over 5 MB.")
            request._body = raw  # starlette caches the body here
        elif int(request.headers.get("content-length") or 0) > MAX_PUSH_BYTES:
            return _error(413, "too_large", "Request body is over 5 MB.")
        response = await call_next(request)
        response.headers[PROTOCOL_RANGE_HEADER] = f"{MIN_PROTOCOL_VERSION}-{MAX_PROTOCOL_VERSION_SUPPORTED}"
        return response

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        kind = first.get("type", "")
        status = 400 if kind in ("json_invalid", "model_attributes_type", "dict_type") else 422
        return _error(status, "invalid_request", f"{where}: {first.get('msg', 'invalid')}")

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, "http_error", str(exc.detail))

    def read_session() -> Iterator[Session]:
        with reads() as s:
            yield s

    def write_session() -> Iterator[Session]:
        with writes() as s:
            yield s

    def device(authorization: Annotated[str | None, Header()] = None) -> Device:
        """The calling till.  Its own short session, closed before the endpoint runs: a push of
        500 events must not hold a second pooled connection just to remember who sent it."""
        if not authorization or not authorization.startswith("Bearer "):
            raise ApiError(401, "no_token", "This call needs a device token.")
        with reads() as s:
            found = device_for_token(s, authorization.removeprefix("Bearer ").strip())
        if found is None:
            raise ApiError(401, "bad_token", "The device token is not valid. Enrol the till again.")
        if found.revoked_at is not None:
            raise ApiError(403, "revoked", "This till has been revoked at central. Ask IT to enrol it again.")
        now = utcnow()
        if token_expired(found, now, token_idle_limit):
            raise ApiError(401, "token_expired",
                           f"This till's token expired after {token_idle_limit.days} days without contact "
                           "with central. Ask IT to enrol it again.")
        if needs_seen_update(found, now):
            with writes() as w:
                w.execute(update(Device).where(Device.id == found.id).values(last_seen_at=now))
                w.commit()
            found.last_seen_at = now
        return found

    api = APIRouter(prefix="/api/v1", responses=ERRORS)

    @api.get("/health", response_model=HealthResponse)
    def health() -> HealthResponse:
        return HealthResponse(status="ok", protocol_min=MIN_PROTOCOL_VERSION,
                              protocol_max=MAX_PROTOCOL_VERSION_SUPPORTED, server_time=utcnow())

    @api.post("/devices/register", response_model=RegisterResponse)
    def register(body: RegisterRequest, s: Session = Depends(write_session)) -> RegisterResponse:
        try:
            dev, store, token = register_device(s, body.enrollment_code, body.device_name, body.platform)
            s.commit()
        except EnrollmentError as exc:
            s.rollback()
            raise ApiError(403 if exc.code != "invalid_code" else 401, exc.code, exc.message) from exc
        return RegisterResponse(device_id=dev.id, store_id=store.id, store_code=store.code,
                                terminal_no=dev.terminal_no, token=token,
                                protocol_version=PROTOCOL_VERSION, server_time=utcnow())

    @api.post("/sync/push", response_model=PushResponse)
    def push(body: PushRequest, dev: Device = Depends(device)) -> PushResponse:
        if body.device_id != dev.id:
            raise ApiError(403, "wrong_device", "The batch names a different device than the token.")
        results = []
        with EventBatch(engines.write, dev.id) as batch:
            for raw in body.events:
                try:
                    event = Event.model_validate(raw)
                except ValidationError as exc:
                    results.append(_malformed(raw, exc))
                    continue
                results.append(batch.apply(event))
        return PushResponse(results=results, server_time=utcnow())

    @api.get("/sync/changes", response_model=ChangesResponse)
    def changes(
        since: Annotated[str | None, Query(max_length=40)] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1000,
        dev: Device = Depends(device),
        s: Session = Depends(read_session),
    ) -> ChangesResponse:
        try:
            cursor = Cursor.decode(since)
        except ValueError as exc:
            raise ApiError(400, "bad_cursor", "The cursor is not one central gave out.") from exc
        try:
            rows, next_cursor, has_more = changes_for_store(s, dev.store_id, cursor, limit)
        except CursorExpired as exc:
            raise ApiError(410, "cursor_expired",
                           "Changes this old are no longer kept; load snapshots again.") from exc
        return ChangesResponse(changes=rows, next_cursor=next_cursor.encode(), has_more=has_more,
                               server_time=utcnow())

    @api.get("/sync/snapshot", response_class=StreamingResponse,
             responses={200: {"content": {"application/x-ndjson": {}},
                              "description": "gzip NDJSON: a header line {entity, total}, one line "
                                             "{id, data} per row, a trailer line {cursor, count}"}})
    def snapshot(entity: Literal[SNAPSHOT_ENTITIES],  # type: ignore[valid-type]
                 dev: Device = Depends(device)) -> StreamingResponse:
        store_id = dev.store_id

        def stream() -> Iterator[bytes]:
            # One read transaction: the cursor and the rows are the same moment's state.
            with reads() as s, s.begin():
                cursor = current_cursor(s, store_id)
                total = snapshot_count(s, store_id, entity)
                packer = zlib.compressobj(1, zlib.DEFLATED, 31)  # fast: CPU, not bandwidth, is short
                lines = [orjson.dumps({"entity": entity, "total": total})]
                count = 0
                for row_id, data in snapshot_rows(s, store_id, entity):
                    lines.append(orjson.dumps({"id": row_id, "data": data}))
                    count += 1
                    if len(lines) >= 2000:
                        yield packer.compress(b"\n".join(lines) + b"\n")
                        lines = []
                lines.append(orjson.dumps({"cursor": cursor.encode(), "count": count}))
                yield packer.compress(b"\n".join(lines) + b"\n") + packer.flush()

        return StreamingResponse(stream(), media_type="application/x-ndjson",
                                 headers={"Content-Encoding": "gzip"})

    @api.get("/reports/sales", response_model=SalesReport)
    def report(store: Annotated[str, Query(min_length=1, max_length=16)],
               day: Annotated[date, Query(alias="date")],
               dev: Device = Depends(device), s: Session = Depends(read_session)) -> SalesReport:
        own = s.get(Store, dev.store_id)
        if own is None or own.code != store:
            raise ApiError(403, "wrong_store", "A till can read only its own store's reports.")
        try:
            return SalesReport.model_validate(sales_report(s, store, day))
        except UnknownStore as exc:
            raise ApiError(404, "unknown_store", f"No store {store}.") from exc

    @api.get("/sales/lookup", response_model=SaleLookupResponse)
    def sale_lookup(receipt_no: Annotated[str, Query(min_length=1, max_length=40, pattern=CODE_TEXT)],
                    _dev: Device = Depends(device), s: Session = Depends(read_session)) -> SaleLookupResponse:
        """Any store's sale, for a return (chains take back what any of their stores sold)."""
        found = lookup_sale(s, receipt_no.strip().upper())
        if found is None:
            raise ApiError(404, "unknown_sale", f"No sale with receipt number {receipt_no[:40]}.")
        return found

    @api.post("/coupons/{code}/validate", response_model=CouponValidation)
    def coupon_validate(code: Annotated[str, Path(min_length=4, max_length=24, pattern=CODE_TEXT)],
                        member_id: Annotated[str | None, Query(max_length=40, pattern=CODE_TEXT)] = None,
                        _dev: Device = Depends(device),
                        s: Session = Depends(read_session)) -> CouponValidation:
        """Live single-use check before a coupon goes on a sale (online only)."""
        return validate(s, code, member_id)

    @api.post("/members/{member_id}/contact", response_model=MemberContact)
    def member_contact_view(member_id: Annotated[str, Path(min_length=8, max_length=40, pattern=CODE_TEXT)],
                            body: MemberContactRequest, dev: Device = Depends(device),
                            s: Session = Depends(write_session)) -> MemberContact:
        """A member's full phone and name for a manager who gave their number and PIN; recorded."""
        try:
            return member_contact(s, dev.store_id, dev.id, member_id, body.staff_code, body.pin, utcnow())
        except ContactRefused as exc:
            raise ApiError(exc.status, exc.code, exc.message) from exc

    @api.post("/payments/scan-code", response_model=WalletChargeResponse)
    def scan_code(body: WalletChargeRequest,
                  idempotency_key: Annotated[str, Header(alias=IDEMPOTENCY_HEADER, min_length=8,
                                                         max_length=64)],
                  dev: Device = Depends(device), s: Session = Depends(write_session)) -> WalletChargeResponse:
        own = s.get(Store, dev.store_id)
        if own is None or own.code != body.store_code:
            raise ApiError(403, "wrong_store", "A till charges payments for its own store only.")
        try:
            return charge(s, dev.id, idempotency_key, body)
        except PaymentError as exc:
            raise ApiError(exc.status, exc.code, exc.message) from exc

    @api.post("/payments/refund", response_model=WalletRefundResponse)
    def wallet_refund(body: WalletRefundRequest,
                      idempotency_key: Annotated[str, Header(alias=IDEMPOTENCY_HEADER, min_length=8,
                                                             max_length=64)],
                      dev: Device = Depends(device),
                      s: Session = Depends(write_session)) -> WalletRefundResponse:
        """Money back to the wallet a sale was paid from; refused beyond what the payment took."""
        own = s.get(Store, dev.store_id)
        if own is None or own.code != body.store_code:
            raise ApiError(403, "wrong_store", "A till refunds payments for its own store only.")
        try:
            return refund_wallet(s, dev.id, idempotency_key, body)
        except PaymentError as exc:
            raise ApiError(exc.status, exc.code, exc.message) from exc
    @api.get("/reports/shifts", response_model=ShiftsReport)
    def shift_report(store: Annotated[str, Query(min_length=1, max_length=16)],
                     day: Annotated[date, Query(alias="date")],
                     dev: Device = Depends(device), s: Session = Depends(read_session)) -> ShiftsReport:
        """Z reports of the store's tills closed that local day, with over/short and cash movements."""
        own = s.get(Store, dev.store_id)
        if own is None or own.code != store:
            raise ApiError(403, "wrong_store", "A till can read only its own store's reports.")
        return ShiftsReport.model_validate(shifts_report(s, store, day))

    @api.get("/devices/me/sync-state", response_model=DeviceSyncState)
    def sync_state(dev: Device = Depends(device), s: Session = Depends(read_session)) -> DeviceSyncState:
        """The highest seq and receipt number central has from this till (asked after a restore)."""
        return device_sync_state(s, dev)

    add_guide_routes(api, device, read_session, write_session, ApiError)
    app.include_router(api)
    app.include_router(pickup_router(writes, ApiError, ERRORS))
    if expire_every:
        from .expiry_job import attach_expiry_job

        attach_expiry_job(app, engines.write, expire_every)
    return app



