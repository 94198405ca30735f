"""Running sync in its own thread: now after a sale, every interval otherwise, slower on failure."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from .backoff import Backoff
from .engine import SyncEngine, SyncReport
from .errors import AuthRejected, ProtocolUnsupported

STOPPING_ERRORS = (AuthRejected, ProtocolUnsupported)
"""Failures that retrying cannot fix: the till needs re-enrolment or an update."""

log = logging.getLogger(__name__)


class SyncScheduler:
    def __init__(self, engine: SyncEngine, *, interval: float = 30.0,
                 on_report: Callable[[SyncReport], None] | None = None,
                 backoff: Backoff | None = None) -> None:
        self._engine = engine
        self._interval = interval
        self._on_report = on_report
        self._backoff = backoff or Backoff(cap=max(interval, 60.0))
        self._wake = threading.Event()
        self._stop = threading.Event()
        self.paused_by: Exception | None = None
        self._thread = threading.Thread(target=self._loop, name="sync", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def poke(self) -> None:
        """Sync now (after a sale, or when staff press 'sync'); also retries after a pause."""
        self.paused_by = None
        self._wake.set()

    def replace_engine(self, engine: SyncEngine) -> None:
        """After re-enrolment: sync with the new identity from the next round on."""
        self._engine = engine
        self.poke()

    def stop(self, timeout: float = 15.0) -> None:
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout)

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                report = self._engine.run_once()
            except Exception:  # a bug must not kill the sync thread for the rest of the day
                log.exception("sync round failed unexpectedly")
                report = None
            if report is not None and report.ok:
                self._backoff.reset()
                delay = self._interval
            else:
                delay = min(self._interval, self._backoff.next_delay())
                if report is not None:
                    log.info("sync failed (%s); retrying in %.1fs", report.error, delay)
            if report is not None and self._on_report is not None:
                self._on_report(report)
            if report is not None and isinstance(report.error, STOPPING_ERRORS):
                # Hammering central with a revoked token helps nobody: wait for staff or IT.
                self.paused_by = report.error
                log.warning("sync paused until re-enrolment or update: %s", report.error)
                self._wake.wait()
            else:
                self._wake.wait(delay)
            self._wake.clear()
