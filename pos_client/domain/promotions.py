"""Promotion rules as central defines them, read into plain objects the pricing engine runs.

Central sends each promotion down as data (`sync.protocol.PromotionData`); this module
is the one reader of that data, used by the till and by central itself (which checks a
definition when it is saved and recomputes a sale's pricing from its event), so both
sides read every rule the same way.  A definition this build cannot read raises
`ValueError` with the reason and the till skips that promotion, loudly.

Kinds (all amounts in minor units, percentages in whole percent):

- ``item_discount``: each matching unit ``percent_off``, ``amount_off`` or sold at ``fixed_price``.
- ``multi_buy``: buy ``buy`` get ``get`` at ``percent_off`` (100: free).  "Second item half
  price" is buy 1 get 1 at 50 %.  The cheapest units of each group take the cut.
- ``bundle``: ``components`` (a target and a quantity each) together for ``price``.
- ``spend_threshold``: ``tiers`` of ``{spend, off}`` or ``{spend, percent_off}`` (满300减50,
  满500减100), or with ``every`` the one tier repeated (每满100减10), capped by ``max_off``.

Stacking: a unit takes at most one item-level promotion (item_discount, multi_buy, bundle),
chosen by priority; spend thresholds then apply on what is left, one per ``group`` (the
best of the group), groups in priority order.  An ``exclusive`` promotion shares its units
with no other promotion.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, time
from typing import Any

ITEM_KINDS = frozenset({"item_discount", "multi_buy", "bundle"})
ORDER_KINDS = frozenset({"spend_threshold"})
KINDS = ITEM_KINDS | ORDER_KINDS
MAX_AMOUNT = 10**10


@dataclass(frozen=True, slots=True)
class Target:
    """Which goods a rule is about: any listed SKU, category or brand; nothing listed is everything."""

    skus: frozenset[str] = frozenset()
    categories: frozenset[str] = frozenset()
    brands: frozenset[str] = frozenset()
    exclude_skus: frozenset[str] = frozenset()

    @property
    def everything(self) -> bool:
        return not (self.skus or self.categories or self.brands)

    def matches(self, sku: str, category: str, brand: str) -> bool:
        if sku in self.exclude_skus:
            return False
        if self.everything:
            return True
        return sku in self.skus or category in self.categories or brand in self.brands


@dataclass(frozen=True, slots=True)
class Schedule:
    """When a promotion runs, in the store's local time."""

    starts_at: datetime | None = None
    ends_at: datetime | None = None
    weekdays: frozenset[int] = frozenset()
    """ISO weekdays (1 Monday … 7 Sunday); empty is every day."""
    daily_from: time | None = None
    daily_to: time | None = None
    """A daily window (happy hour); a window past midnight (22:00-02:00) wraps."""

    def active(self, local: datetime) -> bool:
        if self.starts_at is not None and local < self.starts_at:
            return False
        if self.ends_at is not None and local >= self.ends_at:
            return False
        if self.weekdays and local.isoweekday() not in self.weekdays:
            return False
        if self.daily_from is not None and self.daily_to is not None:
            now = local.time().replace(tzinfo=None)
            if self.daily_from <= self.daily_to:
                return self.daily_from <= now < self.daily_to
            return now >= self.daily_from or now < self.daily_to
        return True


@dataclass(frozen=True, slots=True)
class Tier:
    spend: int
    off: int = 0
    percent_off: int = 0


@dataclass(frozen=True, slots=True)
class Component:
    target: Target
    qty: int


@dataclass(frozen=True, slots=True)
class Promotion:
    id: str
    version: int
    kind: str
    name: str
    name_en: str = ""
    priority: int = 0
    exclusive: bool = False
    members_only: bool = False
    stores: frozenset[str] = frozenset()
    """Store codes it runs in; empty is every store of the chain."""
    schedule: Schedule = field(default_factory=Schedule)
    target: Target = field(default_factory=Target)
    group: str = "order"
    """Spend thresholds in one group do not stack: the best one applies."""
    # item_discount
    percent_off: int = 0
    amount_off: int = 0
    fixed_price: int | None = None
    # multi_buy
    buy: int = 0
    get: int = 0
    # bundle
    components: tuple[Component, ...] = ()
    price: int = 0
    # spend_threshold
    tiers: tuple[Tier, ...] = ()
    every: bool = False
    full_price_only: bool = False
    """Only lines no item-level promotion touched count towards the threshold."""
    max_off: int | None = None

    @property
    def item_level(self) -> bool:
        return self.kind in ITEM_KINDS

    def runs(self, store_code: str, local: datetime, member: bool) -> bool:
        if self.stores and store_code not in self.stores:
            return False
        if self.members_only and not member:
            return False
        return self.schedule.active(local)


def applying_to(rules: Iterable[Promotion], sku: str, category: str, brand: str, *, store_code: str,
                local: datetime) -> list[Promotion]:
    """The rules running now in the store whose goods include this product (members' ones too):
    what a lookup shows.  Whether one takes anything off depends on the rest of the cart."""
    found = []
    for p in rules:
        if not (p.runs(store_code, local, member=True)):
            continue
        targets = [c.target for c in p.components] if p.kind == "bundle" else [p.target]
        if any(t.matches(sku, category, brand) for t in targets):
            found.append(p)
    return sorted(found, key=lambda p: (-p.priority, p.id))


# ------------------------------------------------------------------------ reading definitions
def _int(d: dict, key: str, default: int | None = 0, *, lo: int = 0, hi: int = MAX_AMOUNT) -> int | None:
    value = d.get(key, default)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{key} must be a whole number, not {value!r}")
    if not lo <= value <= hi:
        raise ValueError(f"{key} must be between {lo} and {hi}, not {value}")
    return value


def _strings(d: dict, key: str) -> frozenset[str]:
    value = d.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{key} must be a list of strings")
    return frozenset(value)


def _target(d: Any) -> Target:
    if d is None:
        return Target()
    if not isinstance(d, dict):
        raise ValueError("target must be an object")
    return Target(_strings(d, "skus"), _strings(d, "categories"), _strings(d, "brands"),
                  _strings(d, "exclude_skus"))


def _datetime(value: Any, key: str) -> datetime | None:
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(str(value))
    except ValueError as exc:
        raise ValueError(f"{key} is not a date and time: {value!r}") from exc
    return parsed.replace(tzinfo=None)  # local wall-clock time of the store


def _time(value: Any, key: str) -> time | None:
    if value is None:
        return None
    try:
        return time.fromisoformat(str(value))
    except ValueError as exc:
        raise ValueError(f"{key} is not a time of day: {value!r}") from exc


def _schedule(d: Any) -> Schedule:
    if d is None:
        return Schedule()
    if not isinstance(d, dict):
        raise ValueError("schedule must be an object")
    weekdays = d.get("weekdays") or []
    if not isinstance(weekdays, list) or not all(isinstance(w, int) and 1 <= w <= 7 for w in weekdays):
        raise ValueError("weekdays must be a list of 1 (Monday) to 7 (Sunday)")
    daily_from, daily_to = _time(d.get("daily_from"), "daily_from"), _time(d.get("daily_to"), "daily_to")
    if (daily_from is None) != (daily_to is None):
        raise ValueError("a daily window needs both daily_from and daily_to")
    return Schedule(_datetime(d.get("starts_at"), "starts_at"), _datetime(d.get("ends_at"), "ends_at"),
                    frozenset(weekdays), daily_from, daily_to)


def parse_promotion(promotion_id: str, version: int, d: dict) -> Promotion:
    """A promotion from central's definition; ValueError naming what cannot be used."""
    if not isinstance(d, dict):
        raise ValueError("a promotion definition is an object")
    kind = d.get("kind")
    if kind not in KINDS:
        raise ValueError(f"unknown promotion kind {kind!r}")
    name = d.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError("a promotion needs a name")
    common: dict[str, Any] = {
        "id": promotion_id, "version": version, "kind": kind, "name": name.strip()[:60],
        "name_en": str(d.get("name_en") or "")[:60], "priority": _int(d, "priority", lo=-1000, hi=1000),
        "exclusive": bool(d.get("exclusive", False)), "members_only": bool(d.get("members_only", False)),
        "stores": _strings(d, "stores"), "schedule": _schedule(d.get("schedule")),
        "target": _target(d.get("target")), "group": str(d.get("group") or "order")[:40],
    }
    if kind == "item_discount":
        pct, off = _int(d, "percent_off", hi=100), _int(d, "amount_off")
        fixed = _int(d, "fixed_price", None)
        if bool(pct) + bool(off) + (fixed is not None) != 1:
            raise ValueError("an item discount takes exactly one of percent_off, amount_off, fixed_price")
        return Promotion(**common, percent_off=pct or 0, amount_off=off or 0, fixed_price=fixed)
    if kind == "multi_buy":
        buy, get = _int(d, "buy", lo=1, hi=99), _int(d, "get", lo=1, hi=99)
        pct = _int(d, "percent_off", 100, lo=1, hi=100)
        return Promotion(**common, buy=buy or 1, get=get or 1, percent_off=pct or 100)
    if kind == "bundle":
        raw = d.get("components")
        if not isinstance(raw, list) or not 1 <= len(raw) <= 10:
            raise ValueError("a bundle needs 1 to 10 components")
        components = tuple(Component(_target(c.get("target") if isinstance(c, dict) else None),
                                     _int(c, "qty", 1, lo=1, hi=99) or 1) for c in raw)
        if any(c.target.everything for c in components):
            raise ValueError("each bundle component names its goods")
        price = _int(d, "price", lo=0)
        return Promotion(**common, components=components, price=price or 0)
    raw_tiers = d.get("tiers")
    if not isinstance(raw_tiers, list) or not 1 <= len(raw_tiers) <= 10:
        raise ValueError("a spend threshold needs 1 to 10 tiers")
    tiers = []
    for t in raw_tiers:
        if not isinstance(t, dict):
            raise ValueError("a tier is an object")
        tier = Tier(_int(t, "spend", lo=1) or 1, _int(t, "off") or 0, _int(t, "percent_off", hi=100) or 0)
        if bool(tier.off) == bool(tier.percent_off):
            raise ValueError("a tier takes exactly one of off and percent_off")
        if tier.off > tier.spend:
            raise ValueError("a tier cannot take off more than its spend")
        tiers.append(tier)
    every = bool(d.get("every", False))
    if every and (len(tiers) != 1 or tiers[0].percent_off):
        raise ValueError("an 'every' threshold has one tier with an amount off")
    return Promotion(**common, tiers=tuple(sorted(tiers, key=lambda t: t.spend)), every=every,
                     full_price_only=bool(d.get("full_price_only", False)),
                     max_off=_int(d, "max_off", None))
