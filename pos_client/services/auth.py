"""Staff login at the till, offline, against PIN hashes central sent down.

The lock state is stored in the database, so restarting the app does not
reset the count of failed attempts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from pos_client.domain.pins import LockoutPolicy, LoginLock, verify_pin
from pos_client.domain.sale import Cashier
from pos_client.services.checkout import Approver
from pos_client.store.settings import Settings
from pos_client.store.staff import StaffReader

LOCK_KEY = "login.lock"


class LoginLocked(Exception):
    def __init__(self, remaining: timedelta) -> None:
        super().__init__(remaining)
        self.remaining = remaining


class LoginFailed(Exception):
    def __init__(self, attempts_left: int) -> None:
        super().__init__(attempts_left)
        self.attempts_left = attempts_left


class NoStaffYet(Exception):
    """The till has never synced staff from central."""


@dataclass(frozen=True, slots=True)
class Session:
    cashier: Cashier
    role: str


class AuthService:
    def __init__(self, staff: StaffReader, settings: Settings, policy: LockoutPolicy | None = None,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC),
                 record: Callable[[str, str, dict], object] | None = None) -> None:
        self._record = record or (lambda kind, staff, data: None)
        self._staff = staff
        self._settings = settings
        self._policy = policy or LockoutPolicy()
        self._clock = clock

    def _lock(self) -> LoginLock:
        raw = self._settings.get(LOCK_KEY) or {}
        until = raw.get("locked_until")
        return LoginLock(failures=int(raw.get("failures", 0)),
                         locked_until=datetime.fromisoformat(until) if until else None)

    def _save(self, lock: LoginLock) -> None:
        self._settings.put(LOCK_KEY, {
            "failures": lock.failures,
            "locked_until": lock.locked_until.isoformat() if lock.locked_until else None,
        })

    def locked_for(self) -> timedelta | None:
        return self._policy.locked_for(self._lock(), self._clock())

    def login(self, staff_code: str, pin: str) -> Session:
        now = self._clock()
        lock = self._lock()
        remaining = self._policy.locked_for(lock, now)
        if remaining is not None:
            raise LoginLocked(remaining)
        if self._staff.count() == 0:
            raise NoStaffYet()
        member = self._staff.by_code(staff_code.strip())
        if member is None or not member.active or not verify_pin(pin, member.pin_hash):
            lock = self._policy.after_failure(lock, now)
            self._save(lock)
            remaining = self._policy.locked_for(lock, now)
            # Who was tried is worth keeping; what was typed as a PIN never is.
            self._record("login.failed", staff_code.strip()[:16], {"locked": remaining is not None})
            if remaining is not None:
                raise LoginLocked(remaining)
            raise LoginFailed(self._policy.max_failures - lock.failures)
        if lock.failures:
            self._save(self._policy.after_success())
        self._record("login", member.code, {"role": member.role})
        return Session(Cashier(member.staff_id, member.code, member.name), member.role)

    def approve(self, staff_code: str, pin: str, for_whom: str) -> Approver:
        """A supervisor's PIN typed at the till for someone else's action.  Wrong PINs count
        towards the same lock as logins: a guessed approval is as bad as a guessed login."""
        now = self._clock()
        lock = self._lock()
        remaining = self._policy.locked_for(lock, now)
        if remaining is not None:
            raise LoginLocked(remaining)
        member = self._staff.by_code(staff_code.strip())
        if member is None or not member.active or not verify_pin(pin, member.pin_hash):
            lock = self._policy.after_failure(lock, now)
            self._save(lock)
            remaining = self._policy.locked_for(lock, now)
            self._record("approval.failed", staff_code.strip()[:16], {"for": for_whom})
            if remaining is not None:
                raise LoginLocked(remaining)
            raise LoginFailed(self._policy.max_failures - lock.failures)
        if lock.failures:
            self._save(self._policy.after_success())
        return Approver(member.code, member.role)

    def logout(self, session: Session) -> None:
        self._record("logout", session.cashier.code, {})
