"""Pickup (BOPIS) rules shared by the till and central: codes, the order state machine, lockout.

Pure: no Qt, no SQL, no clock of its own (callers pass `now`).

The pickup code is 8 digits.  Stores receive a salted, deliberately slow hash of it
(PBKDF2), never the code: a till verifies a typed or scanned code offline, and a stolen
till database gives an attacker 10^8 slow hashes to try rather than the codes.  The salt
is per store, not per order, because a typed code names no order: with one salt the
till hashes once and finds the order by an index hit (with a salt per order it would
have to hash once per open order, 10,000 times).  Central keeps codes unique among a
store's open orders, so one hash finds at most one order.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

CODE_DIGITS = 8
CODE_ITERATIONS = 20_000
"""About 12 ms of CPU per hash: well inside the desk's 50 ms budget, slow for a brute force."""
QR_PREFIX = "PICKUP1"
"""A scanned QR reads ``PICKUP1:<order id>:<8 digits>``."""
_CODE = re.compile(r"^[0-9]{8}$")
_QR = re.compile(r"^PICKUP1:([A-Za-z0-9\-]{4,40}):([0-9]{8})$")

# ------------------------------------------------------------------ state machine
CREATED, PAID, READY = "created", "paid", "ready"
HANDED_OVER, PARTLY_HANDED_OVER = "handed_over", "partly_handed_over"
CANCELLED, EXPIRED = "cancelled", "expired"
STATUSES = (CREATED, PAID, READY, HANDED_OVER, PARTLY_HANDED_OVER, CANCELLED, EXPIRED)
OPEN_STATUSES = (CREATED, PAID, READY)
"""Orders still waiting for their customer: their reservations hold stock."""
CLOSED_STATUSES = (HANDED_OVER, PARTLY_HANDED_OVER, CANCELLED, EXPIRED)

TRANSITIONS: dict[str, tuple[str, ...]] = {
    CREATED: (PAID, READY, CANCELLED, EXPIRED),
    PAID: (READY, HANDED_OVER, PARTLY_HANDED_OVER, CANCELLED, EXPIRED),
    READY: (HANDED_OVER, PARTLY_HANDED_OVER, CANCELLED, EXPIRED),
    HANDED_OVER: (),
    PARTLY_HANDED_OVER: (),
    CANCELLED: (),
    EXPIRED: (),
}
"""Which status may follow which.  An unpaid order may be made ready (paid at the desk)."""

UNPAID_HOLD = timedelta(minutes=15)
"""How long an unpaid order's reservation holds stock before central releases it."""


class BadTransition(ValueError):
    def __init__(self, current: str, wanted: str) -> None:
        super().__init__(f"an order that is {current} cannot become {wanted}")
        self.current, self.wanted = current, wanted


def can_move(current: str, wanted: str) -> bool:
    return wanted in TRANSITIONS.get(current, ())


def move(current: str, wanted: str) -> str:
    """The new status, or BadTransition: one place says what may follow what."""
    if not can_move(current, wanted):
        raise BadTransition(current, wanted)
    return wanted


def handover_status(refused_lines: int, total_lines: int) -> str:
    """Handed over whole, or partly when some lines were refused at the desk."""
    if refused_lines >= total_lines:
        return CANCELLED
    return PARTLY_HANDED_OVER if refused_lines else HANDED_OVER


# ------------------------------------------------------------------ codes
def code_hash(code: str, salt: str) -> str:
    """The salted slow hash stores receive instead of the code."""
    return hashlib.pbkdf2_hmac("sha256", code.encode(), bytes.fromhex(salt), CODE_ITERATIONS).hex()


def code_matches(code: str, salt: str, expected_hash: str) -> bool:
    return hmac.compare_digest(code_hash(code, salt), expected_hash)


def qr_payload(order_id: str, code: str) -> str:
    return f"{QR_PREFIX}:{order_id}:{code}"


@dataclass(frozen=True, slots=True)
class ScannedCode:
    code: str
    order_id: str | None
    """Set when the customer's QR was scanned: the order is found by id, then the code checked."""
    via: str
    """'qr' or 'digits', for the audit trail."""


def parse_code(text: str) -> ScannedCode | None:
    """What staff typed or scanned: 8 digits (spaces and dashes allowed) or the QR's text; else None."""
    raw = text.strip()
    qr = _QR.match(raw)
    if qr:
        return ScannedCode(qr.group(2), qr.group(1), "qr")
    digits = re.sub(r"[\s\-]", "", raw)
    if _CODE.match(digits):
        return ScannedCode(digits, None, "digits")
    return None


def mask_name(name: str) -> str:
    """The customer's name as the desk shows it: the first character and stars ("王**", "J***")."""
    name = name.strip()
    if not name:
        return ""
    return name[0] + "*" * max(1, min(len(name) - 1, 3))


def phone_last4(phone: str) -> str:
    digits = "".join(ch for ch in phone if ch.isdigit())
    return digits[-4:]


# ------------------------------------------------------------------ rate limit
@dataclass(frozen=True, slots=True)
class LockoutPolicy:
    max_failures: int = 5
    lock_minutes: int = 5
    window_minutes: int = 15
    """Failures older than this are forgotten."""

    @classmethod
    def from_config(cls, cfg: dict | None) -> LockoutPolicy:
        cfg = cfg or {}
        return cls(max_failures=max(1, int(cfg.get("lock_after_failures", 5))),
                   lock_minutes=max(1, int(cfg.get("lock_minutes", 5))),
                   window_minutes=max(1, int(cfg.get("failure_window_minutes", 15))))


def locked_until(attempts: Iterable[tuple[datetime, bool]], now: datetime,
                 policy: LockoutPolicy = LockoutPolicy()) -> datetime | None:
    """When the desk unlocks, or None if it is not locked.

    `attempts` are (when, succeeded), any order.  The desk locks once `max_failures`
    failures follow each other (a success resets the count) within the window; it stays
    locked for `lock_minutes` after the failure that tipped it."""
    window_start = now - timedelta(minutes=policy.window_minutes)
    failures: list[datetime] = []
    for at, ok in sorted(attempts, key=lambda a: a[0]):
        if ok:
            failures = []
        elif at >= window_start:
            failures.append(at)
    if len(failures) < policy.max_failures:
        return None
    until = failures[-1] + timedelta(minutes=policy.lock_minutes)
    return until if until > now else None


# ------------------------------------------------------------------ id check
def id_check_needed(order_total: int, threshold: int | None) -> bool:
    """Orders worth more than the store's threshold (fen) need the customer's ID seen."""
    return threshold is not None and threshold >= 0 and order_total > threshold


# ------------------------------------------------------------------ reserved stock
WARN, BLOCK = "warn", "block"


@dataclass(frozen=True, slots=True)
class StockVerdict:
    sku: str
    on_hand: int
    reserved: int
    wanted: int
    policy: str

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved

    @property
    def eats_reserved(self) -> bool:
        """The sale would take units held for online pickup orders."""
        return self.reserved > 0 and self.wanted > self.available

    @property
    def blocked(self) -> bool:
        return self.eats_reserved and self.policy == BLOCK


def stock_verdict(sku: str, on_hand: int | None, reserved: int, wanted: int, policy: str) -> StockVerdict:
    return StockVerdict(sku, on_hand or 0, reserved, wanted, BLOCK if policy == BLOCK else WARN)


def order_total(lines: Sequence[dict]) -> int:
    return sum(int(line.get("amount", 0)) for line in lines)
