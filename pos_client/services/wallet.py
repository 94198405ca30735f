"""Wallet payment codes (WeChat Pay / Alipay style), charged through central: online only.

The customer's code is charged by central's payment provider, so without central there is
no wallet payment: the cashier is told so at once and takes cash or card instead.  A charge
whose answer was lost (a timeout after central charged) is asked again with the same
Idempotency-Key, which central answers with the first outcome, so a retry never charges
the customer twice.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable

import httpx

from pos_client.domain.money import Amount
from pos_client.domain.tenders import WALLET, Tender, wallet_kind
from sync.client import CentralClient
from sync.errors import CentralUnreachable, SyncError
from sync.protocol import WalletChargeRequest, WalletRefundRequest

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

    def refund(self, paid: Tender, key: str, return_receipt_no: str | None = None) -> Tender:
        """Blocking: money back to the wallet `paid` came from; returns `paid` with the refund id.

        Raises WalletUnavailable when central cannot be asked (nothing was refunded),
        WalletOutcomeUnknown when the answer was lost (ask again with the same key), and
        WalletDeclined when central refuses (more than the payment took, unknown payment)."""
        if not paid.reference:
            raise WalletDeclined("unknown_transaction", "the wallet payment has no transaction id")
        request = WalletRefundRequest(transaction_id=paid.reference, amount=paid.amount,
                                      currency=self._store.currency, store_code=self._store.store_code,
                                      terminal_no=self._store.terminal_no,
                                      return_receipt_no=return_receipt_no)
        try:
            with self._client() as client:
                try:
                    answer = client.refund_wallet(request, key)
                except CentralUnreachable:
                    answer = client.refund_wallet(request, key)  # same key: never twice
        except CentralUnreachable as exc:
            if isinstance(exc.__cause__, httpx.ConnectError | httpx.ConnectTimeout):
                raise WalletUnavailable(str(exc)) from exc
            raise WalletOutcomeUnknown(str(exc)) from exc
        except SyncError as exc:
            raise WalletUnavailable(getattr(exc, "message", str(exc)) or str(exc)) from exc
        if answer.status != "refunded" or not answer.refund_id:
            raise WalletDeclined(answer.refused_code or "refused", answer.message or "")
        return Tender(WALLET, paid.amount, paid.amount, reference=paid.reference, last4=paid.last4,
                      provider=paid.provider, refund_id=answer.refund_id)


def refund_key(sale_id: str, transaction_id: str, refunded_before: Amount, amount: Amount) -> str:
    """The same refund asked again (a retry, or the same return redone after a crash) gets the
    same key, so central answers with the first refund instead of paying out twice; the next
    return of the same sale has refunded more before it, so it gets a new key."""
    text = f"refund|{sale_id}|{transaction_id}|{refunded_before}|{amount}"
    return hashlib.sha256(text.encode()).hexdigest()[:48]
