"""What the customer sees while the cashier scans: the current line and the total.

Pole displays are written on their own device thread, and only the newest
content is written: scanning ten items quickly sends one or two updates, not a
queue of ten that lags behind the till.  A display that fails is logged and tried
again with the next update; the sale never waits for it.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from drivers.interfaces import DisplayContent
from drivers.worker import DeviceWorker
from pos_client.domain.cart import Cart
from pos_client.domain.money import CNY, Currency, format_amount

log = logging.getLogger(__name__)
WELCOME = DisplayContent(line="欢迎光临", line_en="WELCOME")


def display_content(cart: Cart, currency: Currency = CNY) -> DisplayContent:
    if cart.is_empty:
        return WELCOME
    touched = cart.last_touched
    index = touched if touched is not None and 0 <= touched < len(cart.lines) else len(cart.lines) - 1
    line = cart.lines[index]
    qty = f" x{line.qty}" if line.qty > 1 and line.weight_g is None else ""
    english = line.product.name_en or line.product.sku
    return DisplayContent(line=line.product.name + qty, amount=format_amount(line.amount, currency),
                          total=format_amount(cart.total, currency), line_en=english + qty)


class CustomerDisplayService:
    def __init__(self, displays: list[Any]) -> None:
        self.displays = displays
        self._worker = DeviceWorker("display")
        self._lock = threading.Lock()
        self._latest: DisplayContent | None = None
        self.written = 0
        self.failures = 0

    def show(self, content: DisplayContent) -> None:
        with self._lock:
            pending = self._latest is not None
            self._latest = content
        if not pending:
            self._worker.submit(self._flush, lambda _r, _e: None)

    def show_cart(self, cart: Cart) -> None:
        self.show(display_content(cart))

    def _flush(self) -> None:
        with self._lock:
            content, self._latest = self._latest, None
        if content is None:
            return
        for display in self.displays:
            try:
                display.show(content)
                self.written += 1
            except Exception as exc:  # unplugged, port busy: next update tries again
                self.failures += 1
                log.warning("customer display %s: %s", getattr(display, "url", display), exc)

    def close(self) -> None:
        self._worker.stop()
        for display in self.displays:
            try:
                display.close()
            except Exception:
                log.exception("closing customer display")
