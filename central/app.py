"""The HTTP face of central: the store ↔ central contract under /api/v1."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy import Engine
from sqlalchemy.orm import Session
from starlette.exceptions import HTTPException as StarletteHTTPException

from sync.protocol import (
    MAX_PROTOCOL_VERSION_SUPPORTED,
    MAX_PUSH_BYTES,
    MIN_PROTOCOL_VERSION,
    PROTOCOL_RANGE_HEADER,
    PROTOCOL_VERSION,
    ChangesResponse,
    ErrorResponse,
    HealthResponse,
    PushRequest,
    PushResponse,
    RegisterRequest,
    RegisterResponse,
)

from .changes import MAX_PAGE, changes_for_store, parse_cursor
from .db import init_db, make_engine, session_factory, utcnow
from .devices import EnrollmentError, device_for_token, register_device
from .events import apply_event
from .models import Device


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse(status_code=status,
                        content={"error": {"code": code, "message": message}})


ERRORS = {
    400: {"model": ErrorResponse}, 401: {"model": ErrorResponse}, 403: {"model": ErrorResponse},
    413: {"model": ErrorResponse}, 422: {"model": ErrorResponse},
}


def create_app(db_url: str | None = None, *, engine: Engine | None = None) -> FastAPI:
    engine = engine or make_engine(db_url or "sqlite:///central.db")
    init_db(engine)
    factory = session_factory(engine)

    app = FastAPI(
        title="POS central", version=str(PROTOCOL_VERSION), openapi_url="/api/v1/openapi.json",
        docs_url="/api/v1/docs", redoc_url=None,
    )
    app.state.engine = engine
    app.state.sessions = factory

    @app.middleware("http")
    async def _protocol_headers(request: Request, call_next):
        if request.headers.get("content-encoding") == "gzip":
            body = await request.body()
            if len(body) > MAX_PUSH_BYTES:
                return _error(413, "too_large", "Request body is over 5 MB.")
            try:
                request._body = gzip.decompress(body)  # starlette caches the body here
            except (OSError, EOFError):
                return _error(400, "bad_gzip", "Request body is not valid gzip.")
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

    def session() -> Iterator[Session]:
        with factory() as s:
            yield s

    def device(authorization: Annotated[str | None, Header()] = None,
               s: Session = Depends(session)) -> Device:
        if not authorization or not authorization.startswith("Bearer "):
            raise ApiError(401, "no_token", "This call needs a device token.")
        found = device_for_token(s, authorization.removeprefix("Bearer ").strip())
        if found is None:
            raise ApiError(401, "bad_token", "The device token is not valid. Enrol the till again.")
        if found.revoked_at is not None:
            raise ApiError(403, "revoked", "This till has been revoked at central. Ask IT to enrol it again.")
        return found

    api = APIRouter(prefix="/api/v1", responses=ERRORS)

    @api.get("/health", response_model=HealthResponse)
    def health() -> HealthResponse:
        return HealthResponse(status="ok", protocol_min=MIN_PROTOCOL_VERSION,
                              protocol_max=MAX_PROTOCOL_VERSION_SUPPORTED, server_time=utcnow())

    @api.post("/devices/register", response_model=RegisterResponse)
    def register(body: RegisterRequest, s: Session = Depends(session)) -> RegisterResponse:
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
        results = [apply_event(factory, dev.id, event) for event in body.events]
        return PushResponse(results=results, server_time=utcnow())

    @api.get("/sync/changes", response_model=ChangesResponse)
    def changes(
        since: Annotated[str | None, Query(max_length=20)] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1000,
        dev: Device = Depends(device),
        s: Session = Depends(session),
    ) -> ChangesResponse:
        try:
            cursor = parse_cursor(since)
        except ValueError as exc:
            raise ApiError(400, "bad_cursor", "The cursor is not one central gave out.") from exc
        rows, next_cursor, has_more = changes_for_store(s, dev.store_id, cursor, limit)
        return ChangesResponse(changes=rows, next_cursor=str(next_cursor), has_more=has_more,
                               server_time=utcnow())

    app.include_router(api)
    return app
