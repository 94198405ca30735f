"""Wallet payment codes (WeChat Pay / Alipay style), charged through central: online only.

The customer's code is charged by central's payment provider, so without central there is
no wallet payment: the cashier is told so at once and takes cash or card instead.  A charge
whose answer was lost (a timeout after central charged) is asked again with the same
Idempotency-Key, which central answers with the first outcome, so a retry never charges
the customer twice.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

import httpx

from pos_client.domain.money import Amount
from pos_client.domain.tenders import WALLET, Tender, wallet_kind
from sync.client import CentralClient
from sync.errors import CentralUnreachable, SyncError
from sync.protocol import WalletChargeRequest

from .checkout import StoreIdentity


class WalletUnavailable(Exception):
    """Central could not be asked (offline, not enrolled, refused); nothing was charged."""


class WalletOutcomeUnknown(Exception):
    """The request may have reached central: ask again with the same key before anything else."""


class WalletDeclined(Exception):
    def __init__(self, decline_code: str, message: str) -> None:
        super().__init__(message)
        self.decline_code = decline_code
        self.message = message


def new_idempotency_key() -> str:
    return uuid.uuid4().hex


class WalletPayments:
    def __init__(self, client: Callable[[], CentralClient], store: StoreIdentity) -> None:
        self._client = client
        self._store = store

    def charge(self, code: str, amount: Amount, idempotency_key: str) -> Tender:
        """Blocking: run it off the UI thread.  Returns the wallet tender when approved."""
        if wallet_kind(code) is None:
            raise WalletDeclined("not_a_wallet_code", "not a wallet payment code")
        request = WalletChargeRequest(code=code.strip(), amount=amount, currency=self._store.currency,
                                      store_code=self._store.store_code, terminal_no=self._store.terminal_no)
        try:
            with self._client() as client:
                try:
                    answer = client.charge_wallet(request, idempotency_key)
                except CentralUnreachable:
                    answer = client.charge_wallet(request, idempotency_key)  # same key: never twice
        except CentralUnreachable as exc:
            if isinstance(exc.__cause__, httpx.ConnectError | httpx.ConnectTimeout):
                raise WalletUnavailable(str(exc)) from exc  # never left the till: nothing charged
            raise WalletOutcomeUnknown(str(exc)) from exc
        except SyncError as exc:
            raise WalletUnavailable(getattr(exc, "message", str(exc)) or str(exc)) from exc
        if answer.status != "approved" or not answer.transaction_id:
            raise WalletDeclined(answer.decline_code or "declined", answer.message or "")
        return Tender(WALLET, amount, amount, reference=answer.transaction_id, provider=answer.provider)
