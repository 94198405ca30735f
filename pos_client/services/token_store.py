"""Where the device token lives: the OS keyring, or a 0600 file by explicit choice.

A headless Linux till or a CI runner has no keyring backend; silently falling
back to a file would put a secret on disk nobody chose to put there, so the
file store is used only when POS_TOKEN_STORE=file says so.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Protocol

SERVICE = "pos-client"
TOKEN_STORE_ENV = "POS_TOKEN_STORE"


class TokenStoreUnavailable(RuntimeError):
    pass


class TokenStore(Protocol):
    def get(self, device_id: str) -> str | None: ...
    def put(self, device_id: str, token: str) -> None: ...
    def delete(self, device_id: str) -> None: ...


class FileTokenStore:
    def __init__(self, path: Path) -> None:
        self.path = path

    def get(self, device_id: str) -> str | None:
        try:
            stored_id, _, token = self.path.read_text("utf-8").strip().partition(" ")
        except FileNotFoundError:
            return None
        return token if stored_id == device_id and token else None

    def put(self, device_id: str, token: str) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(f"{device_id} {token}\n")
        os.replace(tmp, self.path)

    def delete(self, device_id: str) -> None:
        if self.get(device_id) is not None:
            self.path.unlink(missing_ok=True)


class KeyringTokenStore:
    def __init__(self) -> None:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring):
            raise TokenStoreUnavailable(
                "No OS keyring is available on this machine to keep the device token. "
                f"To keep it in a file readable only by this user instead, set {TOKEN_STORE_ENV}=file "
                "(the file is token.secret, mode 0600, in the data directory)."
            )
        self._keyring = keyring

    def get(self, device_id: str) -> str | None:
        return self._keyring.get_password(SERVICE, device_id)

    def put(self, device_id: str, token: str) -> None:
        self._keyring.set_password(SERVICE, device_id, token)

    def delete(self, device_id: str) -> None:
        with contextlib.suppress(Exception):  # already gone is fine
            self._keyring.delete_password(SERVICE, device_id)


def chosen_store_kind(configured: str | None = None) -> str:
    """POS_TOKEN_STORE wins; otherwise what enrolment chose and recorded in the config."""
    choice = os.environ.get(TOKEN_STORE_ENV, "").strip().lower() or (configured or "keyring")
    return "file" if choice == "file" else "keyring"


def token_store(data_dir: Path, configured: str | None = None) -> TokenStore:
    if chosen_store_kind(configured) == "file":
        return FileTokenStore(data_dir / "token.secret")
    return KeyringTokenStore()
