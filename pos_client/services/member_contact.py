"""A member's full contact, for a manager, from central: on screen once, never kept at the till.

Tills hold members masked (138****5678, 张*): enough to find them and to serve them.  When a
manager needs to call a customer back, they give their own staff number and PIN; central
checks both and the role, answers with the contact and writes down who looked.  Offline
there is no way to see it, by design.
"""

from __future__ import annotations

from collections.abc import Callable

from sync.client import CentralClient
from sync.errors import AuthRejected, CentralUnreachable, NotFoundAtCentral, SyncError
from sync.protocol import MemberContact

REFUSALS = frozenset({"wrong_staff_pin", "not_allowed"})


class ContactUnavailable(Exception):
    """Central cannot be asked now (offline, not enrolled)."""


class ContactRefused(Exception):
    """Central said no: `code` is wrong_staff_pin, not_allowed or no_such_member."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def member_contact(client: Callable[[], CentralClient] | None, member_id: str, staff_code: str,
                   pin: str) -> MemberContact:
    """Blocking: run it off the UI thread."""
    if client is None:
        raise ContactUnavailable("this till is not enrolled")
    staff_code, pin = staff_code.strip(), pin.strip()
    if not staff_code or not pin.isdigit() or not 4 <= len(pin) <= 12:
        raise ContactRefused("wrong_staff_pin")
    try:
        with client() as c:
            return c.member_contact(member_id, staff_code, pin)
    except AuthRejected as exc:
        if exc.server_code in REFUSALS:
            raise ContactRefused(exc.server_code) from exc
        raise ContactUnavailable(exc.message) from exc
    except NotFoundAtCentral as exc:
        raise ContactRefused("no_such_member") from exc
    except CentralUnreachable as exc:
        raise ContactUnavailable(exc.message) from exc
    except SyncError as exc:
        raise ContactUnavailable(exc.message) from exc
