"""Paying for a sale: cash with the store's rounding rule, card, wallet codes, points, split.

A payment is built up tender by tender until nothing is due.  Only cash gives change;
a card, wallet or points tender covers at most what is still due.  When cash settles
the rest, the rest is rounded by the store's rule (many Chinese stores round to the jiao,
some drop the fen: 抹零), and the difference is the sale's `rounding`, kept beside the
total so that tenders always add up to what was actually paid.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from .money import CNY, Amount, Currency

CASH, CARD, WALLET, POINTS, EXCHANGE = "cash", "card", "wallet", "points", "exchange"
TENDER_KINDS = (CASH, CARD, WALLET, POINTS, EXCHANGE)
MAX_TENDERS = 10


class CashRounding(Enum):
    NONE = "none"
    JIAO_HALF_UP = "jiao"
    """To the nearest 0.10, halves up (12.35 → 12.40, 12.34 → 12.30)."""
    JIAO_DOWN = "jiao_down"
    """Drop the fen (抹零): 12.39 → 12.30, always in the customer's favour."""

    @classmethod
    def from_config(cls, value: object) -> CashRounding:
        try:
            return cls(value)
        except ValueError:
            return cls.NONE


def round_cash(amount: Amount, rule: CashRounding) -> Amount:
    if rule is CashRounding.JIAO_HALF_UP:
        return (amount + 5) // 10 * 10
    if rule is CashRounding.JIAO_DOWN:
        return amount // 10 * 10
    return amount


class TenderError(ValueError):
    """A tender the payment refuses; `reason` is a stable word the UI explains."""

    def __init__(self, reason: str, amount: Amount | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.amount = amount


@dataclass(frozen=True, slots=True)
class Tender:
    kind: str
    amount: Amount
    """What the tender covers of the sale (cash: tendered minus change)."""
    tendered: Amount
    change: Amount = 0
    reference: str | None = None
    """Card terminal reference, wallet transaction id, or the return an exchange credit comes from."""
    last4: str | None = None
    points: int | None = None
    provider: str | None = None
    refund_id: str | None = None
    """A wallet refund: the provider's id for the money it sent back."""


class WalletKind(Enum):
    WECHAT = "wechat"
    ALIPAY = "alipay"


_WALLET = re.compile(r"\d{18}", re.ASCII)


def wallet_kind(code: str) -> WalletKind | None:
    """An 18-digit customer payment code: 10-15 is WeChat Pay, 25-30 Alipay (as printed by each)."""
    text = code.strip()
    if not _WALLET.fullmatch(text):
        return None
    head = int(text[:2])
    if 10 <= head <= 15:
        return WalletKind.WECHAT
    if 25 <= head <= 30:
        return WalletKind.ALIPAY
    return None


_REFERENCE = re.compile(r"[A-Za-z0-9-]{4,32}", re.ASCII)
_LAST4 = re.compile(r"\d{4}", re.ASCII)


def card_tender(amount: Amount, due: Amount, reference: str, last4: str) -> Tender:
    """A card paid on the external terminal: its approval reference and the card's last 4 digits."""
    if not _REFERENCE.fullmatch(reference.strip()):
        raise TenderError("bad_reference")
    if not _LAST4.fullmatch(last4.strip()):
        raise TenderError("bad_last4")
    if amount <= 0 or amount > due:
        raise TenderError("over_due", due)
    return Tender(CARD, amount, amount, reference=reference.strip(), last4=last4.strip())


@dataclass
class Payment:
    """The tenders taken so far for one sale."""

    total: Amount
    rounding_rule: CashRounding = CashRounding.NONE
    tenders: list[Tender] = field(default_factory=list)
    rounding: Amount = 0

    @property
    def covered(self) -> Amount:
        return sum(t.amount for t in self.tenders)

    @property
    def remaining(self) -> Amount:
        """Still to pay before any cash rounding."""
        return self.total + self.rounding - self.covered

    @property
    def cash_due(self) -> Amount:
        """What cash must cover to settle the rest, after the store's rounding."""
        return round_cash(self.remaining, self.rounding_rule)

    @property
    def settled(self) -> bool:
        return self.remaining == 0 and bool(self.tenders)

    @property
    def change(self) -> Amount:
        return sum(t.change for t in self.tenders)

    def _room(self) -> None:
        if self.settled:
            raise TenderError("already_paid")
        if len(self.tenders) >= MAX_TENDERS:
            raise TenderError("too_many_tenders", MAX_TENDERS)

    def add_cash(self, tendered: Amount) -> Tender:
        """Cash: settles the rest (rounded) when enough, else covers part of it."""
        self._room()
        if tendered <= 0:
            raise TenderError("nothing_tendered")
        due = self.cash_due
        if tendered >= due:
            self.rounding += due - self.remaining
            tender = Tender(CASH, due, tendered, tendered - due)
        else:
            tender = Tender(CASH, tendered, tendered)
        self.tenders.append(tender)
        return tender

    def add(self, tender: Tender) -> Tender:
        """A non-cash tender, which never exceeds what is still due and gives no change."""
        self._room()
        if tender.kind == CASH:
            raise TenderError("use_add_cash")
        if tender.amount <= 0 or tender.amount > self.remaining:
            raise TenderError("over_due", self.remaining)
        self.tenders.append(tender)
        return tender

    def remove_last(self) -> Tender | None:
        """Take back the last tender (a card declined after all); cash rounding is recomputed."""
        if not self.tenders:
            return None
        tender = self.tenders.pop()
        if tender.kind == CASH and tender.change:
            self.rounding = 0
        return tender

    def kinds(self) -> set[str]:
        return {t.kind for t in self.tenders}


# Round-up steps for quick cash, in major units: the banknotes shoppers hand over in the
# currency's home market. Anything not listed uses 10, 50 and 100 of the major unit.
_NOTE_STEPS = {"JPY": (1000, 5000, 10000), "KRW": (1000, 10000, 50000), "TWD": (100, 500, 1000),
               "HKD": (20, 50, 100), "MOP": (20, 50, 100)}


def quick_cash_amounts(due: Amount, currency: Currency = CNY) -> list[Amount]:
    """Exact, then the next round banknote amounts above the amount due (10, 50 and 100 yuan;
    1,000, 5,000 and 10,000 yen): what the cashier would otherwise key in most often."""
    options = [due]
    for note in _NOTE_STEPS.get(currency.code, (10, 50, 100)):
        step = note * currency.scale
        rounded = -(-due // step) * step
        if rounded > due and rounded not in options:
            options.append(rounded)
    return options
