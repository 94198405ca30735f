"""Pricing a cart: member prices, promotions, manual discounts and coupons, in one pass.

The same function prices the sale at the till (offline, after every scan) and recomputes
it at central from the sale's event, so it must be deterministic: the result depends on
what is in the cart, never on the order it was scanned in.  Lines are visited in a
canonical order (by SKU and measure), ties are broken by promotion id, and every amount
is split over lines by largest remainder, so two runs on the same goods agree to the fen.

Order of cuts on a line: member price, then at most one item-level promotion, then the
cashier's manual discount, then spend thresholds, then coupons.  No cut ever takes a line
below zero.  A line whose price was overridden at the till takes no promotion: the
override is its price.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from .money import Amount, round_half_up
from .promotions import Promotion, Target

MEMBER_PRICE_ID = "member_price"


@dataclass(frozen=True, slots=True)
class PricingLine:
    key: int
    sku: str
    category: str
    brand: str
    qty: int
    unit_price: Amount
    """The catalog price per unit (per kilogram when weight_g is set)."""
    member_price: Amount | None = None
    weight_g: int | None = None
    label_price: Amount | None = None
    override_price: Amount | None = None
    manual_discount: Amount = 0

    @property
    def measured(self) -> bool:
        return self.weight_g is not None or self.label_price is not None

    @property
    def gross(self) -> Amount:
        """What the line costs before any cut: the override, the label, the weight or the units."""
        if self.label_price is not None and self.override_price is None:
            return self.label_price
        price = self.override_price if self.override_price is not None else self.unit_price
        if self.weight_g is not None and self.label_price is None:
            return round_half_up(price * self.weight_g, 1000)
        return price * self.qty


@dataclass(frozen=True, slots=True)
class CouponTerms:
    """A coupon as the cart uses it, already checked for validity by `coupons`."""

    code: str
    name: str
    value: Amount = 0
    percent_off: int = 0
    min_spend: Amount = 0
    target: Target = field(default_factory=Target)
    max_off: Amount | None = None


@dataclass(frozen=True, slots=True)
class LinePrice:
    key: int
    gross: Amount
    member_saving: Amount = 0
    item_discount: Amount = 0
    manual_discount: Amount = 0
    order_discount: Amount = 0
    promotion_ids: tuple[str, ...] = ()

    @property
    def promo_discount(self) -> Amount:
        """Everything taken off by rules (member price, promotions, coupons), not by the cashier."""
        return self.member_saving + self.item_discount + self.order_discount

    @property
    def discount(self) -> Amount:
        return self.promo_discount + self.manual_discount

    @property
    def amount(self) -> Amount:
        return self.gross - self.discount


@dataclass(frozen=True, slots=True)
class Applied:
    """One promotion (or the member price, or a coupon) and what it took off, for screen and receipt."""

    promotion_id: str
    version: int
    kind: str
    name: str
    name_en: str
    amount: Amount
    line_keys: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Pricing:
    lines: tuple[LinePrice, ...]
    applied: tuple[Applied, ...] = ()
    unmet_coupons: tuple[str, ...] = ()
    """Coupons in the cart whose minimum spend the goods no longer reach."""

    @property
    def subtotal(self) -> Amount:
        return sum(ln.gross for ln in self.lines)

    @property
    def discount_total(self) -> Amount:
        return sum(ln.discount for ln in self.lines)

    @property
    def total(self) -> Amount:
        return self.subtotal - self.discount_total

    def line(self, key: int) -> LinePrice:
        for ln in self.lines:
            if ln.key == key:
                return ln
        raise KeyError(key)


def split(amount: Amount, weights: Sequence[tuple[int, Amount]]) -> dict[int, Amount]:
    """`amount` over keys in proportion to their weights, to the fen, by largest remainder.

    `weights` must already be in canonical order: ties in the remainder go to the first."""
    total = sum(w for _k, w in weights)
    if amount <= 0 or total <= 0:
        return {}
    shares = {k: amount * w // total for k, w in weights}
    left = amount - sum(shares.values())
    by_remainder = sorted(range(len(weights)), key=lambda i: -(amount * weights[i][1] % total))
    for i in by_remainder[:left]:
        shares[weights[i][0]] += 1
    return {k: v for k, v in shares.items() if v}


class _Line:
    """Working state of one line while a cart is priced."""

    __slots__ = ("closed", "gross", "ids", "item", "line", "manual", "member", "order", "taken", "unit",
                 "units")

    def __init__(self, line: PricingLine, member: bool) -> None:
        self.line = line
        self.gross = line.gross
        self.member = 0
        if (member and line.member_price is not None and line.override_price is None
                and line.label_price is None and line.member_price < line.unit_price):
            if line.weight_g is not None:
                self.member = self.gross - round_half_up(line.member_price * line.weight_g, 1000)
            else:
                self.member = (line.unit_price - line.member_price) * line.qty
        base = self.gross - self.member
        self.units = 1 if line.measured else line.qty
        self.unit = base if line.measured else base // max(line.qty, 1)
        self.taken = 0
        """Units an item-level promotion has claimed."""
        self.item = 0
        self.manual = 0
        self.order = 0
        self.closed = False
        """An exclusive promotion took this line: nothing further applies to it."""
        self.ids: list[str] = []

    @property
    def open_for_promotions(self) -> bool:
        return self.line.override_price is None and not self.closed

    @property
    def free(self) -> int:
        return self.units - self.taken if self.open_for_promotions else 0

    @property
    def current(self) -> Amount:
        return self.gross - self.member - self.item - self.manual - self.order

    def matches(self, target: Target) -> bool:
        return target.matches(self.line.sku, self.line.category, self.line.brand)


def _canonical(lines: Iterable[PricingLine]) -> list[PricingLine]:
    """The order lines are visited in: by what they are, not by when they were scanned."""
    return sorted(lines, key=lambda ln: (ln.sku, ln.measured, ln.weight_g or 0, ln.label_price or 0,
                                         -1 if ln.override_price is None else ln.override_price,
                                         ln.qty, ln.key))


# ------------------------------------------------------------------------ item-level rules
def _item_discount(p: Promotion, work: list[_Line]) -> dict[int, tuple[int, Amount]]:
    """{line key: (units claimed, discount)}"""
    out: dict[int, tuple[int, Amount]] = {}
    for w in work:
        n = w.free
        if not n or not w.matches(p.target):
            continue
        measured = w.line.measured
        if p.percent_off:
            cut = round_half_up(w.unit * n * p.percent_off, 100)
        elif measured:
            # A weight or a label is one unit of unknown size: only percentages fit it.
            continue
        elif p.amount_off:
            cut = min(p.amount_off, w.unit) * n
        else:
            cut = max(0, w.unit - (p.fixed_price or 0)) * n
        if cut > 0:
            out[w.line.key] = (n, cut)
    return out


def _multi_buy(p: Promotion, work: list[_Line]) -> dict[int, tuple[int, Amount]]:
    runs = sorted(((w, w.free) for w in work if w.free and not w.line.measured and w.matches(p.target)),
                  key=lambda r: -r[0].unit)  # stable: canonical order within equal prices
    size = p.buy + p.get
    groups = sum(n for _w, n in runs) // size
    end = groups * size
    if not groups:
        return {}

    def discounted_before(x: int) -> int:
        return (x // size) * p.get + max(0, x % size - p.buy)

    total, claimed, pos = 0, [], 0
    for w, n in runs:
        a, b = min(pos, end), min(pos + n, end)
        pos += n
        if b > a:
            free_units = discounted_before(b) - discounted_before(a)
            total += round_half_up(w.unit * free_units * p.percent_off, 100)
            claimed.append((w, b - a))
    return _spread(total, claimed)


def _bundle(p: Promotion, work: list[_Line]) -> dict[int, tuple[int, Amount]]:
    left = {id(w): w.free for w in work}
    candidates = [sorted((w for w in work if w.free and not w.line.measured and w.matches(c.target)),
                         key=lambda w: -w.unit) for c in p.components]
    pointers = [0] * len(p.components)
    taken: dict[int, int] = {}
    total = 0
    while True:
        trial: list[tuple[_Line, int]] = []
        trial_left = dict(left)
        for ci, comp in enumerate(p.components):
            need, i = comp.qty, pointers[ci]
            while need and i < len(candidates[ci]):
                w = candidates[ci][i]
                n = min(need, trial_left[id(w)])
                if n:
                    trial.append((w, n))
                    trial_left[id(w)] -= n
                    need -= n
                if trial_left[id(w)] == 0:
                    i += 1
            if need:
                trial = []
                break
        value = sum(w.unit * n for w, n in trial)
        if not trial or value <= p.price:
            break
        total += value - p.price
        left = trial_left
        for w, n in trial:
            taken[id(w)] = taken.get(id(w), 0) + n
        for ci in range(len(p.components)):
            while pointers[ci] < len(candidates[ci]) and left[id(candidates[ci][pointers[ci]])] == 0:
                pointers[ci] += 1
    return _spread(total, [(w, taken[id(w)]) for w in work if id(w) in taken])


def _spread(total: Amount, claimed: list[tuple[_Line, int]]) -> dict[int, tuple[int, Amount]]:
    """A deal's saving over every unit that took part, in proportion to price: returning one
    unit of a "buy 2 get 1" gives back its fair share, not all or none of the free one."""
    if total <= 0:
        return {}
    shares = split(total, [(w.line.key, w.unit * n) for w, n in claimed])
    return {w.line.key: (n, shares.get(w.line.key, 0)) for w, n in claimed}


ITEM_RULES = {"item_discount": _item_discount, "multi_buy": _multi_buy, "bundle": _bundle}


# ------------------------------------------------------------------------ spend thresholds
def threshold_off(p: Promotion, base: Amount) -> Amount:
    """What a spend threshold takes off a base of eligible spend."""
    if p.every:
        tier = p.tiers[0]
        off = (base // tier.spend) * tier.off
    else:
        reached = [t for t in p.tiers if t.spend <= base]
        if not reached:
            return 0
        tier = reached[-1]
        off = tier.off or round_half_up(base * tier.percent_off, 100)
    if p.max_off is not None:
        off = min(off, p.max_off)
    return max(0, min(off, base))


def _threshold_lines(p: Promotion, work: list[_Line]) -> list[_Line]:
    return [w for w in work if w.open_for_promotions and w.current > 0 and w.matches(p.target)
            and not (p.full_price_only and w.item) and not (p.exclusive and (w.item or w.order))]


# ------------------------------------------------------------------------ the whole cart
def price_cart(lines: Sequence[PricingLine], promotions: Iterable[Promotion], *, store_code: str,
               local_time: datetime, member: bool = False,
               coupons: Sequence[CouponTerms] = ()) -> Pricing:
    """Price the lines; `local_time` is the store's wall-clock time (naive or aware)."""
    local = local_time.replace(tzinfo=None)
    work = [_Line(ln, member) for ln in _canonical(lines)]
    by_key = {w.line.key: w for w in work}
    applied: list[Applied] = []
    running = [p for p in promotions if p.runs(store_code, local, member)]

    member_lines = tuple(w.line.key for w in work if w.member)
    if member_lines:
        applied.append(Applied(MEMBER_PRICE_ID, 0, MEMBER_PRICE_ID, "会员价", "Member price",
                               sum(by_key[k].member for k in member_lines), member_lines))

    for p in sorted((p for p in running if p.item_level), key=lambda p: (-p.priority, p.id)):
        result = ITEM_RULES[p.kind](p, work)
        if not result:
            continue
        for key, (units, cut) in result.items():
            w = by_key[key]
            w.taken += units
            w.item += cut
            w.ids.append(p.id)
            if p.exclusive:
                w.closed = True
        applied.append(Applied(p.id, p.version, p.kind, p.name, p.name_en,
                               sum(cut for _u, cut in result.values()), tuple(result)))

    for w in work:  # the cashier's discount comes after the rules and never below zero
        w.manual = max(0, min(w.line.manual_discount, w.current))

    groups: dict[str, list[Promotion]] = {}
    for p in running:
        if not p.item_level:
            groups.setdefault(p.group, []).append(p)
    order = sorted(groups, key=lambda g: (-max(p.priority for p in groups[g]), g))
    for group in order:
        best: tuple[Amount, Promotion, list[_Line]] | None = None
        for p in sorted(groups[group], key=lambda p: (-p.priority, p.id)):
            eligible = _threshold_lines(p, work)
            off = threshold_off(p, sum(w.current for w in eligible))
            if off > 0 and (best is None or off > best[0]):
                best = (off, p, eligible)
        if best is None:
            continue
        off, p, eligible = best
        shares = split(off, [(w.line.key, w.current) for w in eligible])
        for key, share in shares.items():
            w = by_key[key]
            w.order += share
            w.ids.append(p.id)
        if p.exclusive:
            for w in eligible:
                w.closed = True
        applied.append(Applied(p.id, p.version, p.kind, p.name, p.name_en, off, tuple(shares)))

    unmet: list[str] = []
    for coupon in sorted(coupons, key=lambda c: c.code):
        eligible = [w for w in work if w.open_for_promotions and w.current > 0 and w.matches(coupon.target)]
        base = sum(w.current for w in eligible)
        if base < max(coupon.min_spend, 1):
            unmet.append(coupon.code)
            continue
        off = coupon.value or round_half_up(base * coupon.percent_off, 100)
        if coupon.max_off is not None:
            off = min(off, coupon.max_off)
        off = min(off, base)
        shares = split(off, [(w.line.key, w.current) for w in eligible])
        coupon_id = f"coupon:{coupon.code}"
        for key, share in shares.items():
            by_key[key].order += share
            by_key[key].ids.append(coupon_id)
        applied.append(Applied(coupon_id, 0, "coupon", coupon.name, coupon.name, off, tuple(shares)))

    priced = {w.line.key: LinePrice(w.line.key, w.gross, w.member, w.item, w.manual, w.order, tuple(w.ids))
              for w in work}
    return Pricing(tuple(priced[ln.key] for ln in lines), tuple(applied), tuple(unmet))
