"""Manager reports: a store's sales for one local business day."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .models import Sale, SaleTender, Store


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
