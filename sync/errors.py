"""Typed sync failures, so the UI and CLI can say what happened and what to do."""

from __future__ import annotations


class SyncError(Exception):
    """Base: `code` is stable for programs, `message` is for logs (the UI words its own)."""

    code = "sync_error"

    def __init__(self, message: str = "") -> None:
        super().__init__(message or self.code)
        self.message = message or self.code


class CentralUnreachable(SyncError):
    """No whole answer: network down, DNS, refused, timed out, reset, or a body cut short."""

    code = "unreachable"


class NotCentral(SyncError):
    """Something answered that is not central: a captive portal (200 HTML, 302, 511), or an
    answer that does not match the protocol. (A proxy's 5xx page reads as ServerFault.)"""

    code = "not_central"


class AuthRejected(SyncError):
    """Token unknown or expired (401) or device revoked (403): re-enrol the till."""

    code = "auth_rejected"

    def __init__(self, message: str = "", *, revoked: bool = False, server_code: str = "") -> None:
        super().__init__(message)
        self.revoked = revoked
        self.server_code = server_code


class ProtocolUnsupported(SyncError):
    """Central no longer speaks this client's protocol version: update the till."""

    code = "protocol_unsupported"


class ServerFault(SyncError):
    """Central answered 5xx or refused the request as malformed: retry later."""

    code = "server_fault"


class NotFoundAtCentral(SyncError):
    """Central answered 404: what was asked for (a receipt, an order) does not exist there."""

    code = "not_found"


class CursorExpired(SyncError):
    """Central no longer keeps changes that old (410): load snapshots again."""

    code = "cursor_expired"


class SnapshotMismatch(SyncError):
    """After loading a snapshot twice, the till's row count still differs from central's."""

    code = "snapshot_mismatch"


class SyncBusy(SyncError):
    """Another sync of the same till is running (this process or another): nothing was done."""

    code = "busy"


class NotEnrolled(SyncError):
    code = "not_enrolled"
