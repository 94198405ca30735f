"""HTTP calls to central, with every way a store network fails turned into a typed error."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from typing import Any, TypeVar

import httpx
import orjson
from pydantic import BaseModel, ValidationError

from .errors import (
    AuthRejected,
    CentralUnreachable,
    CursorExpired,
    NotCentral,
    NotFoundAtCentral,
    ProtocolUnsupported,
    ServerFault,
)
from .protocol import (
    IDEMPOTENCY_HEADER,
    PROTOCOL_HEADER,
    PROTOCOL_RANGE_HEADER,
    PROTOCOL_VERSION,
    ChangesResponse,
    CommissionReport,
    CouponValidation,
    DeviceSyncState,
    Event,
    HealthResponse,
    MemberContact,
    MemberContactRequest,
    NetworkSnapshot,
    NetworkStockResponse,
    OrderPlaced,
    OrderResponse,
    PushRequest,
    PushResponse,
    RegisterRequest,
    RegisterResponse,
    SaleLookupResponse,
    SnapshotHeader,
    SnapshotRow,
    SnapshotTrailer,
    StockPosition,
    TransferData,
    TransferRequest,
    WalletChargeRequest,
    WalletChargeResponse,
    WalletRefundRequest,
    WalletRefundResponse,
)

M = TypeVar("M", bound=BaseModel)
DEFAULT_TIMEOUT = httpx.Timeout(10.0, connect=3.0)


def _lines(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """Split a byte stream on newlines without decoding it to text first (orjson reads bytes)."""
    rest = b""
    for chunk in chunks:
        parts = (rest + chunk).split(b"\n")
        rest = parts.pop()
        yield from (part for part in parts if part)
    if rest:
        yield rest


def _protocol_supported(header: str | None) -> bool:
    if not header:
        return True  # an older central that does not announce its range
    try:
        low, _, high = header.partition("-")
        return int(low) <= PROTOCOL_VERSION <= int(high or low)
    except ValueError:
        return True


class CentralClient:
    def __init__(self, base_url: str, token: str | None = None, *,
                 timeout: httpx.Timeout = DEFAULT_TIMEOUT,
                 transport: httpx.BaseTransport | None = None) -> None:
        headers = {PROTOCOL_HEADER: str(PROTOCOL_VERSION), "Accept-Encoding": "gzip"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        self._http = httpx.Client(base_url=base_url.rstrip("/") + "/api/v1", headers=headers,
                                  timeout=timeout, transport=transport)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> CentralClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _call(self, method: str, path: str, model: type[M], *, body: BaseModel | None = None,
              params: dict[str, Any] | None = None, headers: dict[str, str] | None = None) -> M:
        content = None
        headers = dict(headers or {})
        if body is not None:
            raw = body.model_dump_json().encode()
            if len(raw) > 64 * 1024:
                content, headers["Content-Encoding"] = gzip.compress(raw, 5), "gzip"
            else:
                content = raw
            headers["Content-Type"] = "application/json"
        try:
            response = self._http.request(method, path, content=content, params=params,
                                          headers=headers)
        except (httpx.TransportError, httpx.DecodingError) as exc:
            # Connect/read timeouts, refusals, resets, and bodies cut short all land here.
            raise CentralUnreachable(f"{type(exc).__name__}: {exc}") from exc
        return self._read(response, model)

    def _read(self, response: httpx.Response, model: type[M]) -> M:
        if not _protocol_supported(response.headers.get(PROTOCOL_RANGE_HEADER)):
            raise ProtocolUnsupported(
                f"central supports {response.headers.get(PROTOCOL_RANGE_HEADER)}, "
                f"this till speaks {PROTOCOL_VERSION}")
        error_code, error_message = "", ""
        if response.status_code == 511:
            # RFC 6585 Network Authentication Required: a captive portal, not central.
            raise NotCentral("the network asks for a login (HTTP 511): a captive portal is in the way")
        if response.status_code >= 400:
            try:
                err = response.json()["error"]
                error_code, error_message = str(err["code"]), str(err["message"])
            except (ValueError, KeyError, TypeError):
                if response.status_code < 500:
                    raise NotCentral(f"HTTP {response.status_code} without a central error body") from None
        status = response.status_code
        if status in (401, 403):
            raise AuthRejected(error_message, revoked=error_code == "revoked", server_code=error_code)
        if status == 410:
            raise CursorExpired(error_message)
        if status == 404 and error_code:
            raise NotFoundAtCentral(f"{error_code}: {error_message}")
        if status >= 500:
            raise ServerFault(f"HTTP {status}: {error_message or response.text[:200]}")
        if status >= 400:
            raise ServerFault(f"HTTP {status} {error_code}: {error_message}")
        if "json" not in response.headers.get("content-type", ""):
            raise NotCentral(f"answer is {response.headers.get('content-type', 'untyped')}, not JSON")
        try:
            return model.model_validate(response.json())
        except (ValueError, ValidationError, json.JSONDecodeError) as exc:
            raise NotCentral(f"answer does not match the protocol: {exc}") from exc

    # ------------------------------------------------------------------ calls
    def health(self) -> HealthResponse:
        return self._call("GET", "/health", HealthResponse)

    def register(self, code: str, device_name: str, platform: str) -> RegisterResponse:
        body = RegisterRequest(enrollment_code=code, device_name=device_name, platform=platform)
        return self._call("POST", "/devices/register", RegisterResponse, body=body)

    def push(self, device_id: str, events: list[Event]) -> PushResponse:
        body = PushRequest(device_id=device_id, events=[e.model_dump(mode="json") for e in events])
        return self._call("POST", "/sync/push", PushResponse, body=body)

    def charge_wallet(self, request: WalletChargeRequest, idempotency_key: str) -> WalletChargeResponse:
        """Online only.  Ask again with the same key after a timeout: central answers the first outcome."""
        return self._call("POST", "/payments/scan-code", WalletChargeResponse, body=request,
                          headers={IDEMPOTENCY_HEADER: idempotency_key})

    def refund_wallet(self, request: WalletRefundRequest, idempotency_key: str) -> WalletRefundResponse:
        """Online only.  The same key after a lost answer gets the first outcome: one refund."""
        return self._call("POST", "/payments/refund", WalletRefundResponse, body=request,
                          headers={IDEMPOTENCY_HEADER: idempotency_key})

    def member_contact(self, member_id: str, staff_code: str, pin: str) -> MemberContact:
        """Online only: a member's full contact for a manager (central checks the PIN and records it)."""
        return self._call("POST", f"/members/{member_id}/contact", MemberContact,
                          body=MemberContactRequest(staff_code=staff_code, pin=pin))

    def validate_coupon(self, code: str, member_id: str | None = None) -> CouponValidation:
        """Live single-use check (online only)."""
        params = {"member_id": member_id} if member_id else None
        return self._call("POST", f"/coupons/{code}/validate", CouponValidation, params=params)

    def device_sync_state(self) -> DeviceSyncState:
        """The highest seq and receipt number central holds from this till (after a restore)."""
        return self._call("GET", "/devices/me/sync-state", DeviceSyncState)

    def lookup_sale(self, receipt_no: str) -> SaleLookupResponse:
        """A sale anywhere in the chain by its receipt number, with what was returned of it (online only)."""
        return self._call("GET", "/sales/lookup", SaleLookupResponse, params={"receipt_no": receipt_no})

    def snapshot(self, entity: str) -> Iterator[SnapshotHeader | SnapshotRow | SnapshotTrailer]:
        """Stream one entity (gzip NDJSON): a header, rows, then the trailer with the cursor.

        A stream that ends without its trailer was cut short and raises, so a
        half snapshot is never taken for a whole one.
        """
        try:
            with self._http.stream("GET", "/sync/snapshot", params={"entity": entity},
                                   timeout=httpx.Timeout(60.0, connect=3.0)) as response:
                if response.status_code >= 400 or "ndjson" not in response.headers.get("content-type", ""):
                    response.read()
                    self._read(response, SnapshotTrailer)  # raises the typed error
                    raise NotCentral("snapshot answer is not NDJSON")
                header_seen = False
                for line in _lines(response.iter_bytes(1 << 16)):
                    try:
                        item = orjson.loads(line)
                        if not header_seen:
                            header_seen = True
                            yield SnapshotHeader.model_validate(item)
                        elif "cursor" in item:
                            yield SnapshotTrailer.model_validate(item)
                            return
                        else:
                            # A million rows: checked by hand, a model per row costs seconds.
                            row_id, data = item["id"], item["data"]
                            if not isinstance(row_id, str) or not isinstance(data, dict):
                                raise ValueError("row without a string id and an object")
                            yield SnapshotRow.model_construct(id=row_id, data=data)
                    except (orjson.JSONDecodeError, ValueError, ValidationError, KeyError, TypeError) as exc:
                        raise NotCentral(f"unreadable snapshot line: {exc}") from exc
        except (httpx.TransportError, httpx.DecodingError) as exc:
            raise CentralUnreachable(f"{type(exc).__name__}: {exc}") from exc
        raise NotCentral(f"the {entity} snapshot ended without its trailer")

    def changes(self, since: str | None, limit: int = 1000) -> ChangesResponse:
        params: dict[str, Any] = {"limit": limit}
        if since:
            params["since"] = since
        return self._call("GET", "/sync/changes", ChangesResponse, params=params)

    # ------------------------------------------------------------------ sales guide and stock work
    def network_stock(self, sku: str) -> NetworkStockResponse:
        """The SKU and its variants in every store and warehouse, nearest first (online only)."""
        return self._call("GET", "/stock", NetworkStockResponse, params={"sku": sku})

    def place_order(self, order: OrderPlaced) -> OrderResponse:
        """A guide-assisted order; its id is the Idempotency-Key, so asking again never makes two."""
        return self._call("POST", "/orders", OrderResponse, body=order,
                          headers={IDEMPOTENCY_HEADER: order.order_id})

    def commission(self, period: str, staff: str, guide: str | None = None) -> CommissionReport:
        params = {"period": period, "staff": staff}
        if guide:
            params["guide"] = guide
        return self._call("GET", "/commission", CommissionReport, params=params)

    def request_transfer(self, request: TransferRequest) -> TransferData:
        return self._call("POST", "/transfers", TransferData, body=request,
                          headers={IDEMPOTENCY_HEADER: request.transfer_id})

    def stock_position(self) -> StockPosition:
        """The store's ledger position now (a count starts against it)."""
        return self._call("GET", "/stock/position", StockPosition)

    def network_snapshot(self, since: int, limit: int | None = None) -> NetworkSnapshot:
        """What moved at the store's nearest locations since the cursor (offline network stock)."""
        params: dict = {"since": since}
        if limit:
            params["limit"] = limit
        return self._call("GET", "/stock/snapshot", NetworkSnapshot, params=params)
