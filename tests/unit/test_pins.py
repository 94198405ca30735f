"""Staff PINs: scrypt hashes and the lockout policy.  scrypt is slow, so few hashes are made."""

from datetime import datetime, timedelta

import pytest

from pos_client.domain.pins import LockoutPolicy, LoginLock, hash_pin, verify_pin

T0 = datetime(2026, 11, 23, 9, 0, 0)


@pytest.fixture(scope="module")
def hashed():
    return hash_pin("2468")  # scrypt call 1


def test_hash_format_carries_parameters(hashed):
    scheme, n, r, p, salt, key = hashed.split("$")
    assert (scheme, n, r, p) == ("scrypt", "16384", "8", "1")
    assert salt and key
    assert "2468" not in hashed


def test_verify_right_and_wrong_pin(hashed):
    assert verify_pin("2468", hashed) is True  # 2
    assert verify_pin("2469", hashed) is False  # 3


def test_salt_makes_hashes_differ_and_fixed_salt_is_deterministic(hashed):
    again = hash_pin("2468")  # 4
    assert again != hashed
    salt = bytes(range(16))
    assert hash_pin("0000", salt=salt) == hash_pin("0000", salt=salt)  # 5, 6


def test_tampered_hash_does_not_verify(hashed):
    head, key = hashed.rsplit("$", 1)
    flipped = ("B" if key[0] == "A" else "A") + key[1:]
    assert verify_pin("2468", f"{head}${flipped}") is False  # 7


@pytest.mark.parametrize(
    "encoded",
    ["", "garbage", "pbkdf2$1$2$3$c2FsdA$a2V5", "scrypt$x$8$1$c2FsdA$a2V5", "scrypt$16384$8$1$c2FsdA",
     "scrypt$16384$8$1$!!!$a2V5$extra"],
)
def test_malformed_hash_never_verifies_or_raises(encoded):
    assert verify_pin("2468", encoded) is False


@pytest.mark.parametrize("pin", ["", "123", "1234567890123", "12a4", "12 34", "-1234"])
def test_hash_pin_rejects_non_pins(pin):
    with pytest.raises(ValueError):
        hash_pin(pin)


def test_lockout_after_five_failures():
    policy = LockoutPolicy()
    state = LoginLock()
    for i in range(1, 5):
        state = policy.after_failure(state, T0 + timedelta(seconds=i))
        assert state.failures == i
        assert state.locked_until is None
        assert policy.locked_for(state, T0 + timedelta(seconds=i)) is None
    at = T0 + timedelta(seconds=5)
    state = policy.after_failure(state, at)
    assert state.failures == 5
    assert state.locked_until == at + timedelta(minutes=5)
    assert policy.locked_for(state, at) == timedelta(minutes=5)
    assert policy.locked_for(state, at + timedelta(minutes=4, seconds=59)) == timedelta(seconds=1)
    assert policy.locked_for(state, at + timedelta(minutes=5)) is None


def test_lock_expiry_starts_a_fresh_count():
    policy = LockoutPolicy()
    state = LoginLock()
    for _ in range(5):
        state = policy.after_failure(state, T0)
    assert policy.locked_for(state, T0) is not None
    later = T0 + timedelta(minutes=5)
    state = policy.after_failure(state, later)
    assert state == LoginLock(failures=1, locked_until=None)
    assert policy.locked_for(state, later) is None


def test_success_resets():
    policy = LockoutPolicy()
    state = LoginLock()
    for _ in range(4):
        state = policy.after_failure(state, T0)
    assert state.failures == 4
    state = policy.after_success()
    assert state == LoginLock()
    state = policy.after_failure(state, T0)
    assert state.failures == 1
    assert policy.locked_for(state, T0) is None


def test_custom_policy():
    policy = LockoutPolicy(max_failures=2, lock_for=timedelta(seconds=30))
    state = policy.after_failure(LoginLock(), T0)
    assert policy.locked_for(state, T0) is None
    state = policy.after_failure(state, T0)
    assert policy.locked_for(state, T0) == timedelta(seconds=30)
