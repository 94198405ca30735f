"""Staff PINs: slow to guess offline, slow to guess at the till.

A PIN has only 10^4..10^6 values, so a fast hash of it is reversed in
milliseconds by anyone who copies a till's database.  scrypt makes each guess
cost tens of milliseconds and memory; the lockout policy makes guessing at the
keyboard impractical.  Hash strings carry their parameters so they can be raised
later without invalidating old hashes.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

_N, _R, _P = 2**14, 8, 1
_DKLEN = 32
MIN_PIN_LENGTH = 4
MAX_PIN_LENGTH = 12


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4))


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    if not (MIN_PIN_LENGTH <= len(pin) <= MAX_PIN_LENGTH and pin.isascii() and pin.isdigit()):
        raise ValueError("a PIN is 4 to 12 digits")
    salt = salt or os.urandom(16)
    key = hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=_DKLEN)
    return f"scrypt${_N}${_R}${_P}${_b64(salt)}${_b64(key)}"


def verify_pin(pin: str, encoded: str) -> bool:
    try:
        scheme, n, r, p, salt, key = encoded.split("$")
        if scheme != "scrypt":
            return False
        expected = _unb64(key)
        actual = hashlib.scrypt(
            pin.encode(), salt=_unb64(salt), n=int(n), r=int(r), p=int(p), dklen=len(expected)
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


@dataclass(frozen=True, slots=True)
class LoginLock:
    """Failed PIN attempts at one till, and until when login is locked."""

    failures: int = 0
    locked_until: datetime | None = None


@dataclass(frozen=True, slots=True)
class LockoutPolicy:
    max_failures: int = 5
    lock_for: timedelta = timedelta(minutes=5)

    def locked_for(self, state: LoginLock, now: datetime) -> timedelta | None:
        if state.locked_until is not None and now < state.locked_until:
            return state.locked_until - now
        return None

    def after_failure(self, state: LoginLock, now: datetime) -> LoginLock:
        if state.locked_until is not None and now >= state.locked_until:
            state = LoginLock()  # the last lock has run out: a fresh count
        failures = state.failures + 1
        if failures >= self.max_failures:
            return LoginLock(failures=failures, locked_until=now + self.lock_for)
        return replace(state, failures=failures)

    def after_success(self) -> LoginLock:
        return LoginLock()
