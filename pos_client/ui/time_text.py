"""Dates and times as staff read them in their language (CLDR patterns through Babel).

`locale` defaults to the language the windows are in (`ui_language`).

A Chinese till reads "12月3日 16:29" and "2026/12/3 16:29"; an English one "Dec 3 4:29 PM".
Times are shown in the zone the caller gives (the store's, for deadlines), local otherwise.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from babel.dates import format_date, format_datetime, format_skeleton, format_time

from pos_client.ui.i18n import ui_language


def _babel(locale: str | None) -> str:
    return "zh_CN" if (locale or ui_language()).startswith("zh") else "en"


def _local(when: datetime, zone: tzinfo | None) -> datetime:
    return when.astimezone(zone) if zone is not None or when.tzinfo is not None else when


def when_text(when: datetime, locale: str | None = None, zone: tzinfo | None = None) -> str:
    """Date and time, for receipts looked up and last contact with central."""
    return format_datetime(_local(when, zone), "short", locale=_babel(locale))


def day_time_text(when: datetime, locale: str | None = None, zone: tzinfo | None = None) -> str:
    """Day and time without the year, for deadlines that fall within days."""
    local = _local(when, zone)
    return (f"{format_skeleton('MMMd', local, locale=_babel(locale))} "
            f"{format_time(local, 'short', locale=_babel(locale))}")


def time_text(when: datetime, locale: str | None = None, zone: tzinfo | None = None, *,
              seconds: bool = False) -> str:
    return format_time(_local(when, zone), "medium" if seconds else "short", locale=_babel(locale))


def date_text(day: date, locale: str | None = None) -> str:
    return format_date(day, "medium", locale=_babel(locale))
