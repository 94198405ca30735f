"""Dates and times in the staff's language, in the store's zone when one is given."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale

from pos_client.ui.i18n import ui_language
from pos_client.ui.time_text import date_text, day_time_text, time_text, when_text

SHANGHAI = ZoneInfo("Asia/Shanghai")
AT = datetime(2026, 12, 3, 8, 29, 5, tzinfo=UTC)  # 16:29:05 in Shanghai


def test_chinese_and_english_read_their_own_patterns() -> None:
    assert when_text(AT, "zh_CN", SHANGHAI) == "2026/12/3 16:29"
    assert day_time_text(AT, "zh_CN", SHANGHAI) == "12月3日 16:29"
    assert time_text(AT, "zh_CN", SHANGHAI, seconds=True) == "16:29:05"
    assert date_text(date(2026, 12, 3), "zh_CN") == "2026年12月3日"
    assert when_text(AT, "en", SHANGHAI).replace("\u202f", " ") == "12/3/26, 4:29 PM"
    assert day_time_text(AT, "en", SHANGHAI).replace("\u202f", " ") == "Dec 3 4:29 PM"
    assert date_text(date(2026, 12, 3), "en") == "Dec 3, 2026"


def test_the_zone_decides_the_day_near_midnight() -> None:
    late = datetime(2026, 12, 3, 17, 30, tzinfo=UTC)  # already the 4th in Shanghai
    assert day_time_text(late, "zh_CN", SHANGHAI) == "12月4日 01:30"
    assert day_time_text(late, "zh_CN", ZoneInfo("Europe/London")) == "12月3日 17:30"


def test_without_a_locale_the_windows_language_is_used() -> None:
    before = QLocale()
    try:
        QLocale.setDefault(QLocale("zh_CN"))
        assert ui_language() == "zh_CN" and time_text(AT, zone=SHANGHAI) == "16:29"
        QLocale.setDefault(QLocale("en_US"))
        assert ui_language() == "en" and time_text(AT, zone=SHANGHAI).replace("\u202f", " ") == "4:29 PM"
    finally:
        QLocale.setDefault(before)
