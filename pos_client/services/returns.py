"""Returns and refunds: find the sale, choose what comes back, refund it, durably, with its event.

A sale of this till is found offline in its own records; a sale of another till, another
store or an older one is looked up at central (online only), which also knows what was
returned of it elsewhere.  Where both know the sale, the larger of the returned counts is
taken, so goods returned at one till are not refunded again at another.  The refund slip,
its `return.completed` event and the journal entry are one transaction, like a sale.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine

from pos_client.domain.identifiers import new_id, receipt_number
from pos_client.domain.permissions import REASONS, Action, allowed
from pos_client.domain.returns import (
    OriginalLine,
    OriginalSale,
    RefundPolicy,
    Return,
    ReturnError,
    ReturnLine,
    refund_tenders,
)
from pos_client.domain.sale import Cashier
from pos_client.domain.tenders import CASH, WALLET, Tender
from pos_client.store import journal
from pos_client.store.returns import insert_return, local_sale
from pos_client.store.sales import OutgoingEvent, UnitOfWork, enqueue, next_counter
from sync.client import CentralClient
from sync.errors import NotFoundAtCentral, SyncError
from sync.protocol import ReturnCompleted, ReturnLinePayload, SaleLookupResponse, TenderPayload

from .checkout import ApprovalNeeded, Approver, ReasonNeeded, StoreIdentity
from .wallet import WalletDeclined, WalletOutcomeUnknown, WalletPayments, WalletUnavailable, refund_key

Clock = Callable[[], datetime]


class SaleNotFound(LookupError):
    """No such receipt here, and central (when it could be asked) does not know it either."""

    def __init__(self, receipt_no: str, asked_central: bool) -> None:
        super().__init__(receipt_no)
        self.receipt_no = receipt_no
        self.asked_central = asked_central


def return_counter_name(day) -> str:
    return f"return:{day:%Y%m%d}"


def return_number(store: StoreIdentity, day, seq: int) -> str:
    """Refund slips count on their own: S001-01-20261203-R0001."""
    base = receipt_number(store.store_code, store.terminal_no, day, seq)
    head, _, tail = base.rpartition("-")
    return f"{head}-R{tail}"


def _from_central(found: SaleLookupResponse) -> OriginalSale:
    return OriginalSale(
        sale_id=found.sale_id, receipt_no=found.receipt_no, store_code=found.store_code,
        occurred_at=found.occurred_at,
        lines=tuple(OriginalLine(ln.line_no, ln.sku, ln.name, ln.qty, ln.amount, ln.weight_g, ln.returned_qty)
                    for ln in found.lines),
        tenders=tuple(Tender(t.kind, t.amount, t.tendered, t.change, reference=t.reference, last4=t.last4,
                             provider=t.provider) for t in found.tenders),
        refunded=tuple(Tender(t.kind, t.amount, t.amount, reference=t.reference) for t in found.refunded),
        source="central")


def _merge(local: OriginalSale, remote: OriginalSale) -> OriginalSale:
    """This till may have returns central has not heard of yet, and central returns made elsewhere."""
    theirs = {ln.line_no: ln.returned_qty for ln in remote.lines}
    lines = tuple(OriginalLine(ln.line_no, ln.sku, ln.name, ln.qty, ln.amount, ln.weight_g,
                               max(ln.returned_qty, theirs.get(ln.line_no, 0))) for ln in local.lines)
    refunded = max((local.refunded, remote.refunded), key=lambda rs: sum(t.amount for t in rs))
    return OriginalSale(local.sale_id, local.receipt_no, local.store_code, local.occurred_at, lines,
                        local.tenders, refunded, source="local+central")


def return_event(done: Return) -> OutgoingEvent:
    original = done.original
    payload = ReturnCompleted(
        return_id=done.return_id, receipt_no=done.receipt_no, store_code=done.store_code,
        terminal_no=done.terminal_no, cashier_id=done.cashier.staff_id, cashier_name=done.cashier.name,
        currency=done.currency, original_sale_id=original.sale_id if original else None,
        original_receipt_no=original.receipt_no if original else None,
        original_store_code=original.store_code if original else None,
        lines=[ReturnLinePayload(original_line_no=ln.original_line_no, sku=ln.sku, name=ln.name, qty=ln.qty,
                                 weight_g=ln.weight_g, amount=ln.amount, restock=ln.restock)
               for ln in done.lines],
        total=done.total,
        refunds=[TenderPayload(kind=t.kind, amount=t.amount, tendered=t.amount,  # type: ignore[arg-type]
                               reference=t.reference, last4=t.last4, provider=t.provider,
                               refund_id=t.refund_id)
                 for t in done.refunds],
        reason=done.reason, approved_by=done.approved_by)
    return OutgoingEvent(event_id=new_id(), type="return.completed", occurred_at=done.occurred_at,
                         payload=payload.model_dump(mode="json"))


class WalletRefundUnavailable(Exception):
    """Central cannot be asked, so the money cannot go back to the wallet now; nothing was
    refunded.  The cashier may refund in cash instead (complete(..., wallet_to_cash=True))."""

    def __init__(self, amount: int) -> None:
        super().__init__(amount)
        self.amount = amount


class WalletRefundRefused(Exception):
    """Central's provider would not refund (more than the payment took, a payment it does not know)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


class WalletRefundUnknown(Exception):
    """The answer was lost: confirming again asks with the same key, so the customer is refunded once."""


def _wallet_to_cash(refunds: tuple[Tender, ...]) -> tuple[Tender, ...]:
    """The same refund with what would go back to wallets paid in cash instead."""
    moved = sum(t.amount for t in refunds if t.kind == WALLET)
    if not moved:
        return refunds
    kept = [t for t in refunds if t.kind not in (WALLET, CASH)]
    cash = moved + sum(t.amount for t in refunds if t.kind == CASH)
    return (*kept, Tender(CASH, cash, cash))


class ReturnService:
    def __init__(self, engine: Engine, writer: UnitOfWork, store: StoreIdentity,
                 client: Callable[[], CentralClient] | None = None, *,
                 policy: RefundPolicy = RefundPolicy.ORIGINAL,
                 clock: Clock = lambda: datetime.now(UTC), wallet: WalletPayments | None = None) -> None:
        self._engine = engine
        self._wallet = wallet
        self._writer = writer
        self._store = store
        self._client = client
        self._policy = policy
        self._clock = clock

    def find_sale(self, receipt_no: str) -> OriginalSale:
        """Blocking when it asks central: run it off the UI thread."""
        text = receipt_no.strip()
        if text.upper().startswith("PICKUP1:"):  # the customer's pickup QR: the online order it names
            text = text.split(":")[1] if text.count(":") == 2 else ""
        text = text.upper()
        if not text or len(text) > 40:
            raise SaleNotFound(text[:40], asked_central=False)
        local = local_sale(self._engine, text, self._store.store_code)
        remote, asked = None, False
        if self._client is not None:
            try:
                with self._client() as client:
                    remote = _from_central(client.lookup_sale(text))
                asked = True
            except NotFoundAtCentral:
                asked = True
            except SyncError:
                asked = False  # offline: this till's own sales are still found
        if local is not None and remote is not None:
            return _merge(local, remote)
        if local is not None or remote is not None:
            return local or remote  # type: ignore[return-value]
        raise SaleNotFound(text, asked_central=asked)

    def refunds_for(self, total: int, original: OriginalSale | None) -> tuple[Tender, ...]:
        return refund_tenders(total, original, self._policy if original is not None else RefundPolicy.CASH)

    def needs_central(self, total: int, original: OriginalSale | None) -> bool:
        """Whether completing this refund asks central (money back to a wallet): run it off the UI thread."""
        return any(t.kind == WALLET for t in self.refunds_for(total, original))

    def complete(self, original: OriginalSale | None, lines: tuple[ReturnLine, ...], *, reason: str | None,
                 cashier: Cashier, actor_role: str, approver: Approver | None = None,
                 wallet_to_cash: bool = False) -> Return:
        """Refund durably and return the record; raises ApprovalNeeded, ReasonNeeded or ReturnError,
        and for money going back to a wallet WalletRefundUnavailable/Refused/Unknown.

        Wallet money goes back through central's provider before the return is written, with
        a key derived from the sale and what it had refunded before: a till that crashes
        between the two redoes the return and central answers with the same refund."""
        if not lines:
            raise ReturnError("nothing_to_return")
        total = sum(ln.amount for ln in lines)
        action = Action.RETURN if original is not None else Action.RETURN_NO_RECEIPT
        if reason not in REASONS[action]:
            raise ReasonNeeded(action)
        if not allowed(actor_role, action, total) and not (
                approver is not None and allowed(approver.role, action, total)):
            raise ApprovalNeeded(action, total)
        refunds = self.refunds_for(total, original)
        if wallet_to_cash:
            refunds = _wallet_to_cash(refunds)
        elif original is not None and any(t.kind == WALLET for t in refunds):
            refunds = self._refund_wallets(original, refunds)
        now = self._clock()
        day = now.astimezone().date()

        def write(conn: Connection) -> Return:
            seq = next_counter(conn, return_counter_name(day))
            done = Return(return_id=new_id(), receipt_no=return_number(self._store, day, seq),
                          store_code=self._store.store_code, terminal_no=self._store.terminal_no,
                          cashier=cashier, occurred_at=now, lines=lines, refunds=refunds, reason=reason,
                          original=original, approved_by=approver.code if approver else None,
                          currency=self._store.currency)
            insert_return(conn, done)
            enqueue(conn, return_event(done))
            journal.append(conn, "refund", cashier.code, {
                "receipt_no": done.receipt_no,
                "original_receipt_no": original.receipt_no if original else None,
                "total": done.total, "refunds": [{"kind": t.kind, "amount": t.amount} for t in refunds],
                "reason": reason, "approved_by": done.approved_by}, at=now)
            if any(t.kind == CASH for t in refunds):
                journal.append(conn, "drawer.opened", cashier.code, {"reason": "cash refund",
                                                                      "receipt_no": done.receipt_no}, at=now)
            return done

        return self._writer.run(write)

    def _refund_wallets(self, original: OriginalSale, refunds: tuple[Tender, ...]) -> tuple[Tender, ...]:
        wallet_total = sum(t.amount for t in refunds if t.kind == WALLET)
        if self._wallet is None:
            raise WalletRefundUnavailable(wallet_total)
        out: list[Tender] = []
        for t in refunds:
            if t.kind != WALLET:
                out.append(t)
                continue
            before = sum(r.amount for r in original.refunded
                         if r.kind == WALLET and r.reference == t.reference)
            key = refund_key(original.sale_id, t.reference or "", before, t.amount)
            try:
                out.append(self._wallet.refund(t, key, original.receipt_no))
            except WalletUnavailable as exc:
                raise WalletRefundUnavailable(wallet_total) from exc
            except WalletOutcomeUnknown as exc:
                raise WalletRefundUnknown(str(exc)) from exc
            except WalletDeclined as exc:
                raise WalletRefundRefused(exc.decline_code, exc.message) from exc
        return tuple(out)
