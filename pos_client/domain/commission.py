"""Guide commission: which rule applies to a line, and how much it earns (integer fen).

The same rules run at central (which books commission) and on the till (which can
show what a sale will earn before it is sent), so they live here, free of I/O.
A rule names a category and a channel of fulfilment; '' matches any.  The most
specific rule wins: category and channel, then category, then channel, then the
catch-all.  Amounts round half up to the fen; a return takes back at the rate the
sale earned at, never more than the sale earned.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

CHANNELS = ("in_store", "delivery", "pickup_other", "pickup_here")


@dataclass(frozen=True, slots=True)
class Rule:
    rule_id: str
    category: str
    channel: str
    rate_bp: int


def rule_from_data(d: dict) -> Rule:
    return Rule(str(d["rule_id"]), str(d.get("category") or ""), str(d.get("channel") or ""),
                int(d["rate_bp"]))


def _specificity(rule: Rule) -> int:
    return (2 if rule.category else 0) + (1 if rule.channel else 0)


def rule_for(rules: Iterable[Rule], category: str, channel: str) -> Rule | None:
    """The most specific rule matching; ties go to the higher rate (the guide's favour), then id."""
    matching = [r for r in rules if r.category in ("", category) and r.channel in ("", channel)]
    if not matching:
        return None
    return max(matching, key=lambda r: (_specificity(r), r.rate_bp, r.rule_id))


def commission_on(amount: int, rate_bp: int) -> int:
    """amount × rate / 10,000, rounded half up (away from zero for a negative amount)."""
    sign = -1 if amount < 0 else 1
    return sign * ((abs(amount) * rate_bp + 5000) // 10000)


def reversal(returned_amount: int, rate_bp: int, still_earned: int) -> int:
    """What a return takes back (a negative number): at the sale's rate, at most what is left."""
    return -min(commission_on(returned_amount, rate_bp), max(still_earned, 0))
