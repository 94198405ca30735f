"""Money back to the wallet a sale was paid from, through central's provider: once, never more
than was paid, and in cash by the cashier's choice when central cannot be reached."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from central.db import session_factory
from central.models import Note, WalletRefund
from central.server import EmbeddedCentral
from pos_client.domain.returns import return_lines
from pos_client.domain.sale import Cashier
from pos_client.domain.tenders import CASH, WALLET, Tender
from pos_client.services.returns import ReturnService, WalletRefundRefused, WalletRefundUnavailable
from pos_client.services.till import Till
from pos_client.services.wallet import WalletDeclined, WalletPayments, new_idempotency_key, refund_key
from sync.client import CentralClient
from tests.helpers import central_events

CASHIER = Cashier("s", "1001", "李娜")
GREEN_TEA = "6972718281825"  # SKU0000001, 13.40
WECHAT = "134567890123456789"


def sync(till: Till) -> None:
    with till.client() as client:
        assert till.sync_engine(client).run_once().ok


def sell_three_teas_by_wallet(till: Till):
    checkout = till.checkout()
    for _ in range(3):
        checkout.scan(GREEN_TEA)
    payment = checkout.payment()
    payment.add(WalletPayments(till.client, till.identity()).charge(WECHAT, payment.remaining,
                                                                  new_idempotency_key()))
    return checkout.complete_sale(payment, CASHIER)


def refunds_at_central(central: EmbeddedCentral) -> list[WalletRefund]:
    with session_factory(central.app.state.engine)() as s:
        return list(s.scalars(select(WalletRefund).order_by(WalletRefund.created_at)))


def test_a_return_goes_back_to_the_wallet_once_even_when_redone_after_a_crash(
        till: Till, central: EmbeddedCentral) -> None:
    sale = sell_three_teas_by_wallet(till)
    service = till.returns()
    original = service.find_sale(sale.receipt_no)
    lines = return_lines(original, {1: (1, True)})
    assert service.needs_central(1340, original)

    # The till asks the provider, then dies before writing its return: the redone return
    # asks with the same key and gets the same refund, so the customer is paid back once.
    wallet = WalletPayments(till.client, till.identity())
    txn = sale.tenders[0].reference
    lost = wallet.refund(Tender(WALLET, 1340, 1340, reference=txn, provider="wechat"),
                         refund_key(original.sale_id, txn, 0, 1340), original.receipt_no)
    done = service.complete(original, lines, reason="defective", cashier=CASHIER, actor_role="cashier")
    [back] = done.refunds
    assert (back.kind, back.amount, back.reference) == (WALLET, 1340, sale.tenders[0].reference)
    assert back.refund_id == lost.refund_id
    assert len(refunds_at_central(central)) == 1

    # A second return of the next tea is a new refund, and central takes the event without a flag.
    again = service.find_sale(sale.receipt_no)
    service.complete(again, return_lines(again, {1: (1, True)}), reason="defective", cashier=CASHIER,
                     actor_role="cashier")
    assert [r.amount for r in refunds_at_central(central)] == [1340, 1340]
    sync(till)
    returns = [e for e in central_events(central) if e.type == "return.completed"]
    assert len(returns) == 2 and all(e.status == "accepted" and not e.outcome["conflict"] for e in returns)


def test_central_never_sends_back_more_than_the_payment_took(till: Till, central: EmbeddedCentral) -> None:
    sale = sell_three_teas_by_wallet(till)
    wallet = WalletPayments(till.client, till.identity())
    paid = sale.tenders[0]
    wallet.refund(Tender(WALLET, 3000, 3000, reference=paid.reference), new_idempotency_key())
    with pytest.raises(WalletDeclined) as refused:  # 40.20 paid, 30.00 back already
        wallet.refund(Tender(WALLET, 1100, 1100, reference=paid.reference), new_idempotency_key())
    assert refused.value.decline_code == "exceeds_payment"
    with pytest.raises(WalletDeclined) as unknown:
        wallet.refund(Tender(WALLET, 100, 100, reference="SBXNOSUCHPAYMENT"), new_idempotency_key())
    assert unknown.value.decline_code == "unknown_transaction"

    # Through a return the refusal says why, and nothing is written at the till.
    service = till.returns()
    original = service.find_sale(sale.receipt_no)
    with pytest.raises(WalletRefundRefused) as why:
        service.complete(original, return_lines(original, {1: (1, True)}), reason="defective",
                         cashier=CASHIER, actor_role="cashier")
    assert why.value.code == "exceeds_payment"
    assert service.find_sale(sale.receipt_no).lines[0].returnable == 3


def test_offline_the_cashier_is_told_and_may_refund_in_cash_instead(till: Till,
                                                                    central: EmbeddedCentral) -> None:
    sale = sell_three_teas_by_wallet(till)

    def unreachable() -> CentralClient:
        return CentralClient("http://127.0.0.1:9")

    offline = ReturnService(till.engine, till.writer, till.identity(), unreachable,
                            wallet=WalletPayments(unreachable, till.identity()))
    original = offline.find_sale(sale.receipt_no)
    lines = return_lines(original, {1: (2, True)})
    with pytest.raises(WalletRefundUnavailable) as unavailable:
        offline.complete(original, lines, reason="defective", cashier=CASHIER, actor_role="cashier")
    assert unavailable.value.amount == 2680
    done = offline.complete(original, lines, reason="defective", cashier=CASHIER, actor_role="cashier",
                            wallet_to_cash=True)
    assert [(t.kind, t.amount) for t in done.refunds] == [(CASH, 2680)]
    assert refunds_at_central(central) == []


def test_a_wallet_refund_central_did_not_make_is_flagged(till: Till, central: EmbeddedCentral) -> None:
    """A till that claims money went back to a wallet without the provider (an old build, a
    tampered database) is accepted (the customer has left) but flagged for the manager."""
    sale = sell_three_teas_by_wallet(till)
    service = till.returns()
    original = service.find_sale(sale.receipt_no)
    fake = (Tender(WALLET, 1340, 1340, reference=sale.tenders[0].reference, refund_id="RFDFAKE"),)
    service.refunds_for = lambda total, orig: fake  # type: ignore[method-assign]
    service._refund_wallets = lambda orig, refunds: refunds  # type: ignore[method-assign]
    service.complete(original, return_lines(original, {1: (1, True)}), reason="defective", cashier=CASHIER,
                     actor_role="cashier")
    sync(till)
    [event] = [e for e in central_events(central) if e.type == "return.completed"]
    assert (event.status, event.outcome["conflict"]["code"]) == ("accepted", "wallet_refund_unverified")
    with session_factory(central.app.state.engine)() as s:
        assert s.scalars(select(Note.kind).where(Note.kind == "wallet_refund")).all() == ["wallet_refund"]
