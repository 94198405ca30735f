"""Manager reports: a store's sales, and its tills' closed shifts, for one local business day."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .db import as_utc
from .models import CashMovement, Sale, SaleTender, Store, TillShift


class UnknownStore(LookupError):
    pass


def day_window(day: date, tz_name: str) -> tuple[datetime, datetime]:
    """The UTC instants a local calendar day spans (23 or 25 hours across DST changes)."""
    tz = ZoneInfo(tz_name)
    start = datetime.combine(day, time(0), tz)
    end = datetime.combine(day + timedelta(days=1), time(0), tz)
    return start.astimezone(ZoneInfo("UTC")), end.astimezone(ZoneInfo("UTC"))


def sales_report(session: Session, store_code: str, day: date) -> dict:
    store = session.scalar(select(Store).where(Store.code == store_code))
    if store is None:
        raise UnknownStore(store_code)
    start, end = day_window(day, store.timezone)
    in_day = (Sale.store_id == store.id, Sale.occurred_at >= start, Sale.occurred_at < end)
    count, gross, discounts, net = session.execute(
        select(func.count(), func.coalesce(func.sum(Sale.subtotal), 0),
               func.coalesce(func.sum(Sale.discount_total), 0), func.coalesce(func.sum(Sale.total), 0))
        .where(*in_day)).one()
    tenders = session.execute(
        select(SaleTender.kind, func.count(), func.sum(SaleTender.amount))
        .join(Sale, Sale.sale_id == SaleTender.sale_id).where(*in_day)
        .group_by(SaleTender.kind).order_by(SaleTender.kind)).all()
    return {
        "store": store.code,
        "date": day.isoformat(),
        "timezone": store.timezone,
        "currency": store.currency,
        "sale_count": int(count),
        "gross": int(gross),
        "discounts": int(discounts),
        "net": int(net),
        "tenders": [{"kind": kind, "count": int(n), "amount": int(amount)} for kind, n, amount in tenders],
    }


def shifts_report(session: Session, store_code: str, day: date) -> dict:
    """The shifts closed (Z reports) at a store's tills in one local day, with over/short and the
    cash movements behind them; a manager checks the drawers against these."""
    store = session.scalar(select(Store).where(Store.code == store_code))
    if store is None:
        raise UnknownStore(store_code)
    start, end = day_window(day, store.timezone)
    closed = session.scalars(select(TillShift).where(
        TillShift.store_id == store.id, TillShift.closed_at >= start, TillShift.closed_at < end)
        .order_by(TillShift.terminal_no, TillShift.z_no)).all()
    moves: dict[str, list[dict]] = {}
    if closed:
        for m in session.scalars(select(CashMovement).where(
                CashMovement.shift_id.in_([s.shift_id for s in closed])).order_by(CashMovement.occurred_at)):
            moves.setdefault(m.shift_id, []).append({
                "direction": m.direction, "amount": m.amount, "reason": m.reason, "note": m.note,
                "staff": m.staff, "approved_by": m.approved_by, "at": as_utc(m.occurred_at).isoformat()})
    shifts = [{
        "shift_id": s.shift_id, "terminal_no": s.terminal_no, "z_no": s.z_no,
        "opened_at": as_utc(s.opened_at).isoformat(), "closed_at": as_utc(s.closed_at).isoformat(),
        "opened_by": s.opened_by, "closed_by": s.closed_by, "opening_float": s.opening_float,
        "sale_count": s.sale_count, "sales_total": s.sales_total, "cash_sales": s.cash_sales,
        "cash_refunds": s.cash_refunds, "cash_in": s.cash_in, "cash_out": s.cash_out,
        "expected_cash": s.expected_cash, "counted_cash": s.counted_cash, "over_short": s.over_short,
        "tenders": s.tenders or [], "movements": moves.get(s.shift_id, []),
    } for s in closed if s.closed_at is not None]
    return {"store": store.code, "date": day.isoformat(), "timezone": store.timezone,
            "currency": store.currency, "shifts": shifts,
            "over_short": sum(s["over_short"] or 0 for s in shifts)}
