"""Pickup rules without a database: codes and QR text, the order state machine, desk lockout,
the ID-check line and the reserved-stock verdict."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from pos_client.domain import pickup as rules

NOW = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)


def test_codes_are_eight_digits_or_the_qr_and_only_the_salted_hash_matches() -> None:
    assert rules.parse_code(" 1234-5678 ") == rules.ScannedCode("12345678", None, "digits")
    assert rules.parse_code("PICKUP1:PU0A1B2C:87654321") == rules.ScannedCode("87654321", "PU0A1B2C", "qr")
    for bad in ("1234567", "123456789", "abcdefgh", "PICKUP1:PU0A1B2C:1234", "", "PICKUP1:x y:12345678"):
        assert rules.parse_code(bad) is None, bad
    salt = "00" * 16
    digest = rules.code_hash("12345678", salt)
    assert len(digest) == 64 and "12345678" not in digest
    assert rules.code_matches("12345678", salt, digest)
    assert not rules.code_matches("12345679", salt, digest)
    assert rules.code_hash("12345678", "11" * 16) != digest  # another store's salt


def test_the_state_machine_allows_only_forward_moves() -> None:
    assert rules.move("created", "paid") == "paid"
    assert rules.move("paid", "ready") == "ready"
    assert rules.move("ready", "handed_over") == "handed_over"
    for done in rules.CLOSED_STATUSES:
        for status in rules.STATUSES:
            assert not rules.can_move(done, status)
    with pytest.raises(rules.BadTransition):
        rules.move("handed_over", "ready")
    assert rules.handover_status(0, 2) == "handed_over"
    assert rules.handover_status(1, 2) == "partly_handed_over"
    assert rules.handover_status(2, 2) == "cancelled"


def test_the_desk_locks_after_five_failures_in_a_row_for_five_minutes() -> None:
    policy = rules.LockoutPolicy()
    fails = [(NOW - timedelta(seconds=50 - i * 10), False) for i in range(4)]
    assert rules.locked_until(fails, NOW, policy) is None
    fails.append((NOW, False))
    assert rules.locked_until(fails, NOW, policy) == NOW + timedelta(minutes=5)
    assert rules.locked_until(fails, NOW + timedelta(minutes=5), policy) is None
    # a success between resets the count; failures older than the window are forgotten
    reset = [*fails[:2], (NOW - timedelta(seconds=25), True), *fails[3:]]
    assert rules.locked_until(reset, NOW, policy) is None
    old = [(NOW - timedelta(minutes=20), False)] * 4 + [(NOW, False)]
    assert rules.locked_until(old, NOW, policy) is None
    strict = rules.LockoutPolicy.from_config({"lock_after_failures": 2, "lock_minutes": 10})
    assert rules.locked_until(fails[-2:], NOW, strict) == NOW + timedelta(minutes=10)


def test_masking_the_id_check_line_and_reserved_stock() -> None:
    assert rules.mask_name("王小明") == "王**" and rules.mask_name("Jenny Li") == "J***"
    assert rules.mask_name("李") == "李*" and rules.mask_name("") == ""
    assert rules.phone_last4("+86 138-0000-1234") == "1234"
    assert rules.id_check_needed(50_001, 50_000) and not rules.id_check_needed(50_000, 50_000)
    assert not rules.id_check_needed(10**9, None)
    warn = rules.stock_verdict("A", 20, 18, 3, "warn")
    assert warn.available == 2 and warn.eats_reserved and not warn.blocked
    assert rules.stock_verdict("A", 20, 18, 3, "block").blocked
    assert not rules.stock_verdict("A", 20, 18, 2, "block").eats_reserved
    assert not rules.stock_verdict("A", 1, 0, 5, "block").blocked  # nothing reserved: not ours to stop
