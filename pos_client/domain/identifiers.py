"""Ids a till makes without asking anyone.

UUIDv7 sorts by creation time, so event and sale ids index well at central and
read in order in logs; the receipt number is for people: store, till, day and a
per-day sequence, short enough to read out over the phone.
"""

from __future__ import annotations

from datetime import date

import uuid6


def new_id() -> str:
    return str(uuid6.uuid7())


def receipt_number(store_code: str, terminal_no: str, day: date, seq: int) -> str:
    if seq < 1:
        raise ValueError("receipt sequence starts at 1")
    return f"{store_code}-{terminal_no}-{day:%Y%m%d}-{seq:04d}"


def receipt_counter_name(day: date) -> str:
    return f"receipt:{day:%Y%m%d}"
