"""Offline limits, clock skew, backoff: the rules sync follows, without a network."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from pos_client.domain.offline_policy import (
    OfflineLimits,
    offline_state,
    skew_worth_showing,
    tender_allowed,
)
from sync.backoff import Backoff

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def test_noncash_tenders_lock_after_the_stores_hours_offline_and_cash_never_does() -> None:
    limits = OfflineLimits(noncash_lock_after_hours=24)
    fresh = offline_state(NOW - timedelta(hours=23), NOW, limits)
    assert not fresh.noncash_locked and fresh.locks_in == timedelta(hours=1)
    assert tender_allowed("card", fresh) and tender_allowed("cash", fresh)
    stale = offline_state(NOW - timedelta(hours=24), NOW, limits)
    assert stale.noncash_locked and stale.locks_in is None
    assert not tender_allowed("wallet", stale) and tender_allowed("cash", stale)
    never = offline_state(None, NOW, limits)
    assert never.noncash_locked and tender_allowed("cash", never)


def test_a_clock_ahead_of_central_does_not_count_as_time_offline() -> None:
    state = offline_state(NOW + timedelta(minutes=5), NOW, OfflineLimits())
    assert state.offline_for == timedelta(0) and not state.noncash_locked


def test_clock_skew_is_shown_only_beyond_two_minutes() -> None:
    assert not skew_worth_showing(None)
    assert not skew_worth_showing(119.0) and not skew_worth_showing(-119.0)
    assert skew_worth_showing(121.0) and skew_worth_showing(-3 * 3600.0)


def test_backoff_grows_exponentially_with_jitter_is_capped_and_resets() -> None:
    backoff = Backoff(base=2.0, cap=60.0, rng=random.Random(1))
    delays = [backoff.next_delay() for _ in range(10)]
    for n, delay in enumerate(delays[:5]):
        ceiling = 2.0 * 2**n
        assert ceiling / 2 <= delay <= ceiling
    assert all(30.0 <= d <= 60.0 for d in delays[5:])  # capped, still jittered
    assert len(set(delays)) == len(delays)
    backoff.reset()
    assert 1.0 <= backoff.next_delay() <= 2.0


def test_a_push_never_grows_past_centrals_byte_limit() -> None:
    """500 journal batches are megabytes: the engine cuts the batch by size, not by count alone."""
    from types import SimpleNamespace

    from sync.engine import PUSH_BYTE_BUDGET, within_push_budget
    from sync.protocol import MAX_PUSH_BYTES

    big = [SimpleNamespace(payload={"entries": ["x" * 60_000]}) for _ in range(500)]
    batch = within_push_budget(big)
    assert 0 < len(batch) < 500
    assert sum(len(str(q.payload)) for q in batch) <= PUSH_BYTE_BUDGET < MAX_PUSH_BYTES
    small = [SimpleNamespace(payload={"total": 100}) for _ in range(500)]
    assert within_push_budget(small) == small
    huge = [SimpleNamespace(payload={"x": "y" * (MAX_PUSH_BYTES * 2)})]
    assert within_push_budget(huge) == huge  # one event always goes (central answers for it)
