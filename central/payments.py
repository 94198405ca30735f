"""Wallet payment codes charged through central's payment provider; the reference has a sandbox.

A till may time out after central charged the customer; it then asks again with the same
Idempotency-Key and gets the first answer, so a retry never charges twice.  The payment code
itself is never stored (it is a bearer credential for a minute); only its last four digits.

The sandbox decides by the code, so tests and demos can choose the outcome: a code ending in
``0000`` is declined for insufficient funds, ``0001`` for an expired code; any other code of
a known wallet range is approved.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pos_client.domain.tenders import WalletKind, wallet_kind
from sync.protocol import (
    WalletChargeRequest,
    WalletChargeResponse,
    WalletRefundRequest,
    WalletRefundResponse,
)

from .db import utcnow
from .models import WalletPayment, WalletRefund

SANDBOX_DECLINES = {"0000": ("insufficient_funds", "The customer's wallet has too little money."),
                    "0001": ("code_expired", "The payment code has expired: ask for a fresh one.")}


class PaymentError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def _request_hash(device_id: str, req: WalletChargeRequest | WalletRefundRequest) -> str:
    return hashlib.sha256(f"{device_id}|{req.model_dump_json()}".encode()).hexdigest()


def _keep_first(session: Session, model, key: str, row, result, replay):
    """Commit `row` under its Idempotency-Key and answer `result`; when the same key raced in
    from a retry meanwhile, answer with that first outcome (`replay(seen)`) instead."""
    session.add(row)
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        seen = session.scalar(select(model).where(model.idempotency_key == key))
        assert seen is not None
        return replay(seen)
    return result


def _sandbox(req: WalletChargeRequest, kind: WalletKind, key: str) -> WalletChargeResponse:
    decline = SANDBOX_DECLINES.get(req.code[-4:])
    if decline:
        return WalletChargeResponse(status="declined", provider=kind.value, amount=req.amount,
                                    decline_code=decline[0], message=decline[1])
    txn = "SBX" + hashlib.sha256(key.encode()).hexdigest()[:20].upper()
    return WalletChargeResponse(status="approved", provider=kind.value, amount=req.amount, transaction_id=txn)


def charge(session: Session, device_id: str, key: str, req: WalletChargeRequest,
           now: datetime | None = None) -> WalletChargeResponse:
    kind = wallet_kind(req.code)
    if kind is None:
        raise PaymentError(422, "not_a_wallet_code",
                           "These 18 digits are not a WeChat Pay or Alipay payment code.")
    digest = _request_hash(device_id, req)
    seen = session.scalar(select(WalletPayment).where(WalletPayment.idempotency_key == key))
    if seen is not None:
        return _replay(seen, digest)
    result = _sandbox(req, kind, key)
    row = WalletPayment(
        idempotency_key=key, device_id=device_id, request_hash=digest, store_code=req.store_code,
        amount=req.amount, provider=kind.value, status=result.status, transaction_id=result.transaction_id,
        decline_code=result.decline_code, code_last4=req.code[-4:], created_at=now or utcnow())
    return _keep_first(session, WalletPayment, key, row, result, lambda seen: _replay(seen, digest))


def _replay(seen: WalletPayment, digest: str) -> WalletChargeResponse:
    if seen.request_hash != digest:
        raise PaymentError(409, "idempotency_key_reused",
                           "This Idempotency-Key was used for a different payment.")
    message = {code: text for code, text in SANDBOX_DECLINES.values()}.get(seen.decline_code or "")
    return WalletChargeResponse(status=seen.status, provider=seen.provider, amount=seen.amount,  # type: ignore[arg-type]
                                transaction_id=seen.transaction_id, decline_code=seen.decline_code,
                                message=message)


REFUSALS = {
    "unknown_transaction": "Central has no approved wallet payment with this transaction id.",
    "exceeds_payment": "This would send back more than the customer paid with this wallet payment.",
    "other_store": "This wallet payment was taken at another store: refund it there or in cash.",
}


def _refused(code: str, amount: int) -> WalletRefundResponse:
    return WalletRefundResponse(status="refused", amount=amount, refused_code=code, message=REFUSALS[code])


def refund(session: Session, device_id: str, key: str, req: WalletRefundRequest,
           now: datetime | None = None) -> WalletRefundResponse:
    """Refund part or all of an approved wallet payment, never more than it took in all.

    The same key answers the first outcome, so a till that lost the answer (or crashed
    before writing its return) asks again and the customer is refunded once."""
    digest = _request_hash(device_id, req)
    seen = session.scalar(select(WalletRefund).where(WalletRefund.idempotency_key == key))
    if seen is not None:
        return _refund_replay(seen, digest)
    paid = session.scalar(select(WalletPayment).where(WalletPayment.transaction_id == req.transaction_id,
                                                      WalletPayment.status == "approved")
                          .with_for_update())
    if paid is None:
        result = _refused("unknown_transaction", req.amount)
    elif paid.store_code != req.store_code:
        result = _refused("other_store", req.amount)
    else:
        before = session.scalar(select(func.coalesce(func.sum(WalletRefund.amount), 0)).where(
            WalletRefund.transaction_id == req.transaction_id, WalletRefund.status == "refunded")) or 0
        if before + req.amount > paid.amount:
            result = _refused("exceeds_payment", req.amount)
        else:
            refund_id = "RFD" + hashlib.sha256(key.encode()).hexdigest()[:20].upper()
            result = WalletRefundResponse(status="refunded", amount=req.amount, refund_id=refund_id)
    row = WalletRefund(idempotency_key=key, device_id=device_id, request_hash=digest,
                       transaction_id=req.transaction_id, amount=req.amount, status=result.status,
                       refund_id=result.refund_id, refused_code=result.refused_code,
                       created_at=now or utcnow())
    return _keep_first(session, WalletRefund, key, row, result, lambda seen: _refund_replay(seen, digest))


def _refund_replay(seen: WalletRefund, digest: str) -> WalletRefundResponse:
    if seen.request_hash != digest:
        raise PaymentError(409, "idempotency_key_reused",
                           "This Idempotency-Key was used for a different refund.")
    if seen.status != "refunded":
        return _refused(seen.refused_code or "unknown_transaction", seen.amount)
    return WalletRefundResponse(status="refunded", amount=seen.amount, refund_id=seen.refund_id)
