"""How long a till may sit untouched before it locks, kept in the till's settings.

A till left logged in is a till anyone can sell on, refund on or open the drawer of
in that cashier's name; locking after a few idle minutes keeps the journal's names
honest.  The sale in progress is never lost to a lock.
"""

from __future__ import annotations

from pos_client.store.settings import Settings

AUTOLOCK_KEY = "ui.autolock_minutes"
DEFAULT_AUTOLOCK_MINUTES = 5.0
MAX_AUTOLOCK_MINUTES = 24 * 60.0


def autolock_minutes(settings: Settings, store_limit: object = None) -> float:
    """Minutes without a key press or touch before the till locks; 0 means never.

    `store_limit` is the store's policy from central (store_config.autolock_minutes): the
    longest any of its tills may stay unlocked.  A till may lock sooner, never later, and
    "never" is not allowed once the store has a limit."""
    raw = settings.get(AUTOLOCK_KEY, DEFAULT_AUTOLOCK_MINUTES)
    try:
        minutes = min(max(float(raw), 0.0), MAX_AUTOLOCK_MINUTES)
    except (TypeError, ValueError):
        minutes = DEFAULT_AUTOLOCK_MINUTES
    try:
        limit = float(store_limit) if store_limit is not None else 0.0  # type: ignore[arg-type]
    except (TypeError, ValueError):
        limit = 0.0
    if limit > 0:
        return min(minutes, limit) if minutes > 0 else min(limit, MAX_AUTOLOCK_MINUTES)
    return minutes


def store_autolock_limit(store_config: dict | None) -> object:
    return (store_config or {}).get("autolock_minutes")


def set_autolock_minutes(settings: Settings, minutes: float) -> float:
    if not 0 <= minutes <= MAX_AUTOLOCK_MINUTES:
        raise ValueError(f"auto-lock must be between 0 (never) and {MAX_AUTOLOCK_MINUTES:g} minutes")
    settings.put(AUTOLOCK_KEY, minutes)
    return minutes


LOCK_HOLDS_KEY = "lock.held_for"
"""Staff number -> the held sale their lock put aside, so it comes back at their next login
(also after a restart)."""


def remember_hold(settings: Settings, staff_code: str, parked_id: str) -> None:
    holds = dict(settings.get(LOCK_HOLDS_KEY) or {})
    holds[staff_code] = parked_id
    settings.put(LOCK_HOLDS_KEY, holds)


def take_hold(settings: Settings, staff_code: str) -> str | None:
    holds = dict(settings.get(LOCK_HOLDS_KEY) or {})
    parked = holds.pop(staff_code, None)
    if parked is not None:
        settings.put(LOCK_HOLDS_KEY, holds)
    return parked
