"""Enrolment codes and device tokens.

Codes and tokens are stored only as SHA-256 hashes: both are long random
secrets, so a plain hash is enough, and a copied database grants nothing.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .db import as_utc, utcnow
from .models import Device, EnrollmentCode, Store

CODE_VALIDITY = timedelta(hours=24)
TOKEN_IDLE_LIMIT = timedelta(days=30)
"""A token not used for this long stops working: a till lost, stolen or stored away for a month
must be enrolled again by IT.  Every call renews it, so a till in daily use never expires."""
SEEN_RESOLUTION = timedelta(minutes=10)
"""How stale `last_seen_at` may get before a call writes it again (pulls are frequent reads)."""
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud over the phone


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def normalise_code(code: str) -> str:
    return code.strip().upper().replace("-", "").replace(" ", "")


class EnrollmentError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def create_enrollment_code(session: Session, store_code: str, now: datetime | None = None) -> str:
    store = session.scalar(select(Store).where(Store.code == store_code))
    if store is None:
        raise EnrollmentError("unknown_store", f"No store with code {store_code!r}.")
    now = now or utcnow()
    raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(12))
    session.add(EnrollmentCode(code_hash=sha256(raw), store_id=store.id, created_at=now,
                               expires_at=now + CODE_VALIDITY))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def register_device(
    session: Session, code: str, device_name: str, platform: str, now: datetime | None = None
) -> tuple[Device, Store, str]:
    """Spend a code and make a device; returns the token, which is never stored in clear."""
    now = now or utcnow()
    enrolment = session.get(EnrollmentCode, sha256(normalise_code(code)), with_for_update=True)
    if enrolment is None:
        raise EnrollmentError("invalid_code", "This enrolment code is not known.")
    if enrolment.used_at is not None:
        raise EnrollmentError("code_used", "This enrolment code has already been used.")
    if as_utc(enrolment.expires_at) < now:
        raise EnrollmentError("code_expired", "This enrolment code has expired.")
    store = session.get(Store, enrolment.store_id)
    assert store is not None
    existing = session.scalar(select(func.count()).select_from(Device).where(Device.store_id == store.id))
    token = secrets.token_urlsafe(32)
    device = Device(
        id=str(uuid.uuid4()), store_id=store.id, terminal_no=f"{(existing or 0) + 1:02d}",
        name=device_name, platform=platform, token_hash=sha256(token), created_at=now,
    )
    session.add(device)
    enrolment.used_at = now
    enrolment.device_id = device.id
    session.flush()
    return device, store, token


def device_for_token(session: Session, token: str) -> Device | None:
    return session.scalar(select(Device).where(Device.token_hash == sha256(token)))


def token_expired(device: Device, now: datetime, idle_limit: timedelta = TOKEN_IDLE_LIMIT) -> bool:
    last_used = device.last_seen_at or device.created_at
    return as_utc(last_used) + idle_limit < now


def needs_seen_update(device: Device, now: datetime) -> bool:
    return device.last_seen_at is None or as_utc(device.last_seen_at) + SEEN_RESOLUTION < now
