"""Staff login at the till: offline against synced PIN hashes; locks after repeated failures."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from pos_client.services.auth import AuthService, LoginFailed, LoginLocked
from pos_client.services.till import Till


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def test_correct_pin_logs_in_and_wrong_pins_lock_even_across_restarts(till: Till) -> None:
    clock = Clock()
    auth = AuthService(till.staff, till.settings, clock=clock)
    session = auth.login("1001", "1234")
    assert (session.cashier.name, session.role) == ("李娜", "cashier")

    for left in (4, 3, 2, 1):
        with pytest.raises(LoginFailed) as failed:
            auth.login("1001", "0000")
        assert failed.value.attempts_left == left
    with pytest.raises(LoginLocked):
        auth.login("1001", "0000")

    restarted = AuthService(till.staff, till.settings, clock=clock)  # the lock is on disk
    with pytest.raises(LoginLocked):
        restarted.login("1001", "1234")  # even the right PIN waits
    clock.now += timedelta(minutes=5, seconds=1)
    assert restarted.login("1001", "1234").cashier.code == "1001"


def test_unknown_staff_counts_as_a_failure(till: Till) -> None:
    auth = AuthService(till.staff, till.settings, clock=Clock())
    with pytest.raises(LoginFailed):
        auth.login("9999", "1234")


def test_pins_are_stored_only_as_slow_hashes(till: Till) -> None:
    from sqlalchemy import text

    with till.engine.connect() as conn:
        hashes = [r[0] for r in conn.execute(text("SELECT pin_hash FROM staff"))]
    assert hashes and all(h.startswith("scrypt$16384$") for h in hashes)
    assert not any("1234" in h.split("$")[-1] for h in hashes)
