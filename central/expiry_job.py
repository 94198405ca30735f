"""Reservation expiry as a job of the served central, not only a cron command.

`pos-central expire-pickups` and the lazy expiry at each new reservation leave a store's
stock held by an abandoned unpaid order until somebody happens to call them; the tills
then keep showing those units as reserved.  `pos-central serve` therefore runs
`pickup.expire` itself at start and then every `interval` seconds (60 by default, `--expire-every`), on a
thread of its own started and stopped with the app's lifespan.  Each run is one
transaction, taking the stores' scope locks in the same order every writer does, so
several central processes behind a load balancer may all run it: the second finds
nothing left to expire.  A failing run (database restarting) is logged and retried at
the next tick; it never stops the server.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime

from fastapi import FastAPI
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from .db import utcnow
from .pickup import expire

log = logging.getLogger(__name__)

DEFAULT_INTERVAL = 60.0


class ExpiryJob:
    """Runs the pickup expiry every `interval` seconds until `stop()` (which waits for the thread)."""

    def __init__(self, engine: Engine, interval: float = DEFAULT_INTERVAL,
                 clock: Callable[[], datetime] = utcnow) -> None:
        if interval <= 0:
            raise ValueError("the expiry interval must be positive")
        self._engine, self.interval, self._clock = engine, interval, clock
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.runs = 0
        self.expired = 0
        self.failures = 0

    def run_once(self) -> int:
        """One pass: expired orders' count (reservations past their time are released as well)."""
        with Session(self._engine) as session:
            count = expire(session.connection(), self._clock())
            session.commit()
        return count

    def _loop(self) -> None:
        # First at once: a central restarted after a night down has orders overdue now, and
        # should not keep their stock held for another interval.
        while True:
            self._tick()
            if self._stop.wait(self.interval):
                return

    def _tick(self) -> None:
        try:
            count = self.run_once()
        except Exception:  # the database may be restarting: say so, try again next tick
            self.failures += 1
            log.exception("pickup expiry failed; it runs again in %.0f s", self.interval)
            return
        self.runs += 1
        self.expired += count
        if count:
            log.info("%d pickup orders expired", count)

    def start(self) -> ExpiryJob:
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="pickup-expiry", daemon=True)
            self._thread.start()
        return self

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()


def attach_expiry_job(app: FastAPI, engine: Engine, interval: float) -> None:
    """Run an ExpiryJob for as long as the app is served (its lifespan), kept as app.state.expiry_job."""
    outer = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan(a: FastAPI) -> AsyncIterator[None]:
        job = ExpiryJob(engine, interval).start()
        a.state.expiry_job = job
        try:
            async with outer(a):
                yield
        finally:
            job.stop()

    app.router.lifespan_context = lifespan
