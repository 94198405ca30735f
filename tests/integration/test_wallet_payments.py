"""Wallet payment codes charged through central's sandbox: approved, declined, retried, offline."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from central.db import session_factory
from central.models import WalletPayment
from central.server import EmbeddedCentral
from pos_client.domain.tenders import WALLET
from pos_client.services.till import Till
from pos_client.services.wallet import WalletDeclined, WalletPayments, WalletUnavailable, new_idempotency_key

WECHAT = "134567890123456789"
ALIPAY_BROKE = "281234567890120000"  # the sandbox declines codes ending 0000


def charges(central: EmbeddedCentral) -> int:
    with session_factory(central.app.state.engine)() as s:
        return s.scalar(select(func.count()).select_from(WalletPayment)) or 0


def test_an_approved_code_becomes_a_wallet_tender_and_a_retry_never_charges_twice(
        till: Till, central: EmbeddedCentral) -> None:
    payments = WalletPayments(till.client, till.identity())
    key = new_idempotency_key()
    tender = payments.charge(WECHAT, 3561, key)
    assert (tender.kind, tender.amount, tender.provider) == (WALLET, 3561, "wechat")
    assert tender.reference and tender.reference.startswith("SBX")
    again = payments.charge(WECHAT, 3561, key)  # the answer was lost: ask again, same key
    assert again.reference == tender.reference
    assert charges(central) == 1
    with session_factory(central.app.state.engine)() as s:
        stored = s.scalars(select(WalletPayment)).one()
    assert stored.code_last4 == "6789" and WECHAT not in repr(stored.__dict__)  # never the whole code


def test_a_declined_code_says_why_and_a_reused_key_for_another_payment_is_refused(
        till: Till, central: EmbeddedCentral) -> None:
    payments = WalletPayments(till.client, till.identity())
    with pytest.raises(WalletDeclined) as declined:
        payments.charge(ALIPAY_BROKE, 1000, new_idempotency_key())
    assert declined.value.decline_code == "insufficient_funds"
    key = new_idempotency_key()
    payments.charge(WECHAT, 1000, key)
    with pytest.raises(WalletUnavailable, match="idempotency_key_reused"):
        payments.charge(WECHAT, 2000, key)
    assert charges(central) == 2


def test_offline_a_wallet_code_is_refused_at_once_and_nothing_is_charged(
        till: Till, central: EmbeddedCentral) -> None:
    payments = WalletPayments(till.client, till.identity())
    central.stop()
    with pytest.raises(WalletUnavailable):
        payments.charge(WECHAT, 1000, new_idempotency_key())
