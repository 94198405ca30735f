"""A tag in the field is read many times a second: report it once per read window.

A tag seen again within `window` seconds of its last sighting is the same read
(the window slides with every sighting, so a bag lying on the reader is one read,
however long it lies there).  A tag that left for longer than the window is new
again.  Memory is bounded by forgetting tags not seen for a window.
"""

from __future__ import annotations

import time


class ReadWindow:
    def __init__(self, window: float = 2.0) -> None:
        self.window = window
        self._last: dict[str, float] = {}
        self._next_purge = 0.0
        self.seen = 0
        self.reported = 0

    def accept(self, epc: str, at: float | None = None) -> bool:
        """True the first time `epc` is read in a window; later reads only keep it alive."""
        now = time.monotonic() if at is None else at
        self.seen += 1
        last = self._last.get(epc)
        self._last[epc] = now
        if now >= self._next_purge:
            self._purge(now)
        if last is not None and now - last <= self.window:
            return False
        self.reported += 1
        return True

    def _purge(self, now: float) -> None:
        cutoff = now - self.window
        self._last = {e: t for e, t in self._last.items() if t >= cutoff}
        self._next_purge = now + self.window

    def reset(self) -> None:
        self._last.clear()
