"""Offline limits: what a till may still do after a while without central.

Cash is always taken (the sale is recorded and reconciled later); card,
wallet and points tenders depend on central's view of the customer's funds,
so after the store's configured hours without a successful sync they lock.
Limits come from central per store; the till never widens them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

CLOCK_SKEW_WARNING = timedelta(minutes=2)
ALWAYS_ALLOWED = frozenset({"cash"})


@dataclass(frozen=True, slots=True)
class OfflineLimits:
    noncash_lock_after_hours: int = 72


@dataclass(frozen=True, slots=True)
class OfflineState:
    offline_for: timedelta | None
    """Time since the last successful sync; None if the till has never synced."""
    noncash_locked: bool
    locks_in: timedelta | None
    """Time left before non-cash tenders lock; None once locked."""


def offline_state(last_sync_at: datetime | None, now: datetime, limits: OfflineLimits) -> OfflineState:
    if last_sync_at is None:
        return OfflineState(None, True, None)
    offline_for = max(timedelta(0), now - last_sync_at)
    allowed = timedelta(hours=limits.noncash_lock_after_hours)
    if offline_for >= allowed:
        return OfflineState(offline_for, True, None)
    return OfflineState(offline_for, False, allowed - offline_for)


def tender_allowed(kind: str, state: OfflineState) -> bool:
    return kind in ALWAYS_ALLOWED or not state.noncash_locked


def skew_worth_showing(skew_seconds: float | None) -> bool:
    return skew_seconds is not None and abs(skew_seconds) > CLOCK_SKEW_WARNING.total_seconds()
