"""The sale in progress survives the till program dying (a crash, kill -9, power loss).

The window writes the cart in progress to the database a moment after each change (not on
every scan: a durable write per scan would cost the scan its latency budget). When the
program starts and finds a cart it did not finish, it puts it on hold for its cashier, and
it comes back by itself when that cashier logs in (as after a lock).

A cart that was paid must never come back to be charged again: with the cart, the number
of sales committed so far is kept; if a sale was committed after the cart was last saved,
that sale was this cart (the window sells one cart at a time), so nothing is recovered.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, func, select

from pos_client.domain.cart import Cart, cart_from_dict, cart_to_dict
from pos_client.store import journal
from pos_client.store import parked as parked_sales
from pos_client.store.parked import ParkedSale
from pos_client.store.schema import parked_sale, sale, settings
from pos_client.store.settings import get_setting, put_setting

from .staff_lock import LOCK_HOLDS_KEY

log = logging.getLogger(__name__)
RECOVERY_KEY = "recovery.sale_in_progress"


@dataclass(frozen=True, slots=True)
class Recovered:
    held: ParkedSale
    staff: str


def _sales(conn: Connection) -> int:
    return conn.execute(select(func.count()).select_from(sale)).scalar() or 0


def _already_held(conn: Connection, kept: dict) -> bool:
    """The cart went on hold (F7, a lock) after it was kept: it is there already, once is enough."""
    rows = conn.execute(select(parked_sale.c.cart, parked_sale.c.parked_at)).all()
    return any(json.loads(raw).get("lines") == kept["cart"]["lines"] and at >= kept.get("saved_at", "")
               for raw, at in rows)


def save_in_progress(engine: Engine, cart: Cart, staff_code: str | None, extras: dict | None = None) -> None:
    """Keep the cart on screen (or forget it when it is empty or nobody is logged in)."""
    with engine.begin() as conn:
        if cart.is_empty or not staff_code:
            conn.execute(settings.delete().where(settings.c.key == RECOVERY_KEY))
            return
        put_setting(conn, RECOVERY_KEY, {"staff": staff_code, "cart": cart_to_dict(cart),
                                         "extras": extras or {}, "sales_before": _sales(conn),
                                         "saved_at": datetime.now(UTC).isoformat(timespec="seconds")})


def recover_after_crash(engine: Engine, now: datetime | None = None) -> Recovered | None:
    """At start: a cart the program did not finish goes on hold for its cashier (once)."""
    with engine.begin() as conn:
        kept = get_setting(conn, RECOVERY_KEY)
        if kept is None:
            return None
        conn.execute(settings.delete().where(settings.c.key == RECOVERY_KEY))
        if _sales(conn) > int(kept.get("sales_before", 0)):
            log.info("the cart kept at %s was paid before the till stopped; nothing to recover",
                     kept.get("saved_at"))
            return None
        cart = cart_from_dict(kept["cart"])
        if cart.is_empty or _already_held(conn, kept):
            return None
        staff = str(kept["staff"])
        held = parked_sales.park(conn, cart, staff, at=now, extras=kept.get("extras") or {})
        holds = dict(get_setting(conn, LOCK_HOLDS_KEY) or {})
        holds.setdefault(staff, held.id)  # a sale their lock put aside comes first; this one is under F8
        put_setting(conn, LOCK_HOLDS_KEY, holds)
        journal.append(conn, "sale.recovered", staff, {"number": held.number, "total": held.total,
                                                       "items": held.items}, at=now)
    log.warning("the till stopped with a sale in progress: held as #%d for %s", held.number, staff)
    return Recovered(held, staff)
