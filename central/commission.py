"""Guide commission at central: booked per line when a sale or order names a guide, taken
back when goods come back, reported per guide for today and this month.

Rules are central's (table commission_rules, sent to the tills as `commission_rule`);
the arithmetic is pos_client.domain.commission, the same the tills use.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, func, insert, select
from sqlalchemy.orm import Session

from pos_client.domain.commission import Rule, commission_on, reversal, rule_for
from sync.protocol import CommissionReport, CommissionTotal, ReturnCompleted, SaleCompleted

from .models import CommissionEntry, CommissionRule, Product, Staff, Store

_ENTRIES = CommissionEntry.__table__


def rules(conn: Connection) -> list[Rule]:
    return [Rule(r.rule_id, r.category, r.channel, r.rate_bp)
            for r in conn.execute(select(CommissionRule.__table__))]


def rule_data(rule: CommissionRule) -> dict:
    return {"rule_id": rule.rule_id, "category": rule.category, "channel": rule.channel,
            "rate_bp": rule.rate_bp}


def book(conn: Connection, *, guide_id: str, store_id: str, source: str, ref_id: str, channel: str,
         lines: list[tuple[int, str, str, int]], occurred_at: datetime) -> int:
    """Commission on (line_no, sku, category, amount) lines; returns the total booked."""
    known = rules(conn)
    rows = []
    for line_no, sku, category, amount in lines:
        rule = rule_for(known, category, channel)
        if rule is None or amount <= 0:
            continue
        rows.append({"guide_id": guide_id, "store_id": store_id, "source": source, "ref_id": ref_id,
                     "origin_id": ref_id, "line_no": line_no, "sku": sku, "channel": channel, "base": amount,
                     "rate_bp": rule.rate_bp, "commission": commission_on(amount, rule.rate_bp),
                     "occurred_at": occurred_at})
    if rows:
        conn.execute(insert(_ENTRIES), rows)
    return sum(r["commission"] for r in rows)


def book_sale(conn: Connection, store_id: str, sale: SaleCompleted, occurred_at: datetime) -> None:
    """An in-store sale a guide helped with (their badge scanned or name picked at checkout)."""
    if not sale.guide_id:
        return
    book(conn, guide_id=sale.guide_id, store_id=store_id, source="sale", ref_id=sale.sale_id,
         channel="in_store", occurred_at=occurred_at,
         lines=[(ln.line_no, ln.sku, ln.category or _category(conn, ln.sku), ln.amount) for ln in sale.lines])


def _category(conn: Connection, sku: str) -> str:
    return conn.execute(select(Product.category).where(Product.sku == sku)).scalar() or ""


def reverse_for_return(conn: Connection, store_id: str, ret: ReturnCompleted, occurred_at: datetime) -> None:
    """Goods back from a guide-attributed sale take their commission back, line by line."""
    if not ret.original_sale_id:
        return
    earned = conn.execute(select(_ENTRIES).where(_ENTRIES.c.origin_id == ret.original_sale_id)).all()
    if not earned:
        return
    first: dict[int, Any] = {}
    left: dict[int, int] = {}
    for row in earned:
        if row.source != "return":
            first.setdefault(row.line_no, row)
        left[row.line_no] = left.get(row.line_no, 0) + row.commission
    rows = []
    for ln in ret.lines:
        line_no = ln.original_line_no
        if line_no is None or line_no not in first:
            continue
        sold = first[line_no]
        taken = reversal(ln.amount, sold.rate_bp, left[line_no])
        if taken:
            left[line_no] += taken
            rows.append({"guide_id": sold.guide_id, "store_id": store_id,
                         "source": "return", "ref_id": ret.return_id, "origin_id": ret.original_sale_id,
                         "line_no": line_no, "sku": ln.sku, "channel": sold.channel,
                         "base": -ln.amount, "rate_bp": sold.rate_bp,
                         "commission": taken, "occurred_at": occurred_at})
    if rows:
        conn.execute(insert(_ENTRIES), rows)


def period_start(period: str, timezone: str, now: datetime) -> datetime:
    local = now.astimezone(ZoneInfo(timezone))
    start = local.replace(hour=0, minute=0, second=0, microsecond=0)
    if period == "month":
        start = start.replace(day=1)
    return start.astimezone(UTC)


def report(session: Session, store_id: str, period: str, guide_code: str | None, now: datetime
           ) -> CommissionReport:
    store = session.get(Store, store_id)
    assert store is not None
    start = period_start(period, store.timezone or "Asia/Shanghai", now)
    stmt = (select(_ENTRIES.c.guide_id, func.sum(_ENTRIES.c.base), func.sum(_ENTRIES.c.commission),
                   func.count(func.distinct(_ENTRIES.c.ref_id)))
            .where(_ENTRIES.c.store_id == store_id, _ENTRIES.c.occurred_at >= start,
                   _ENTRIES.c.occurred_at < now + timedelta(days=1))
            .group_by(_ENTRIES.c.guide_id))
    staff = {s.id: s for s in session.scalars(select(Staff))}
    if guide_code:
        ids = [s.id for s in staff.values() if s.code == guide_code]
        stmt = stmt.where(_ENTRIES.c.guide_id.in_(ids))
    totals = []
    for guide_id, base, commission, count in session.execute(stmt).all():
        person = staff.get(guide_id)
        totals.append(CommissionTotal(guide_id=guide_id, guide_code=person.code if person else "?",
                                      guide_name=person.name if person else "", sales=int(base or 0),
                                      commission=int(commission or 0), count=int(count or 0)))
    totals.sort(key=lambda t: (-t.commission, t.guide_code))
    return CommissionReport(store=store.code, period=period, start=start, guides=totals, server_time=now)
