"""Receipts go to the printer on the printer's own thread, through a durable queue.

A printer out of paper, with its cover open or unplugged must never lose a
receipt nor block the next sale.  Every job is rendered and written to the print
queue (a file per job, see drivers.printer.spool) before it is sent; it leaves
the queue only once the printer took it.  Before sending, the printer is asked
for its status (DLE EOT) where the transport can read: paper out, cover open or
offline keep the job without sending it.  While jobs wait, the queue is tried
again every few seconds, so they print when the printer is fixed, in order;
staff are told through the status callback whenever the state changes.
Jobs left in the queue by a crash or a restart print when the service starts.
While nothing waits, the printer is asked its status every `poll_seconds`, so
staff see "out of paper" before the next receipt, not after it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from drivers.interfaces import PrinterCondition
from drivers.printer.document import ReceiptDocument
from drivers.printer.printers import PrinterFault, ReceiptPrinter
from drivers.printer.spool import MemorySpool, PrintSpool
from drivers.worker import DeviceWorker

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PrinterStatus:
    ok: bool
    """The last attempt delivered everything that was waiting."""
    waiting: int
    detail: str = ""
    condition: str = PrinterCondition.UNKNOWN.value
    """What the printer itself said (drivers.interfaces.PrinterCondition); "unknown" when it cannot say."""


def _load_renderer() -> None:
    """python-escpos takes a moment to import (its capability database): load it on the printer's
    own thread at start, so the first receipt does not wait for it and nothing else does."""
    import escpos.printer  # noqa: F401


class PrintService:
    def __init__(self, printer: ReceiptPrinter,
                 on_status: Callable[[PrinterStatus], None] | None = None,
                 spool: PrintSpool | MemorySpool | None = None, retry_seconds: float = 5.0,
                 poll_seconds: float = 0.0) -> None:
        self._printer = printer
        self._on_status = on_status
        self._spool = spool if spool is not None else MemorySpool()
        self._retry_seconds = retry_seconds
        self._poll_seconds = poll_seconds
        self._poller: threading.Timer | None = None
        self._worker = DeviceWorker("printer")
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None
        self._closed = False
        self.last_status = PrinterStatus(ok=True, waiting=len(self._spool))
        if len(self._spool):
            self.retry()
        self._schedule_poll()

    def warm_up(self) -> None:
        """Load the ESC/POS library on the printer's thread now (call once the window is up: the
        import competes with start-up for the interpreter), so the first receipt does not wait."""
        self._worker.submit(_load_renderer, lambda _result, _error: None)

    @property
    def waiting(self) -> int:
        return len(self._spool)

    def submit(self, doc: ReceiptDocument) -> None:
        """Queue `doc` durably and print it after any jobs still waiting, in order."""
        self._worker.submit(lambda: self._queue_and_drain(doc), self._done)

    def retry(self) -> None:
        """Try the waiting jobs now (staff pressed retry, or the retry timer fired)."""
        self._worker.submit(self._drain, self._done)

    def _queue_and_drain(self, doc: ReceiptDocument) -> PrinterStatus:
        data = self._printer.render(doc)
        self._spool.add(doc.job_id, data)
        return self._drain()

    def _drain(self) -> PrinterStatus:
        jobs = self._spool.pending()
        if not jobs:
            return PrinterStatus(ok=True, waiting=0, condition=self.last_status.condition)
        state = self._printer.status()
        if not state.can_print:
            return PrinterStatus(ok=False, waiting=len(jobs), detail=state.detail or state.condition.value,
                                 condition=state.condition.value)
        for job in jobs:
            try:
                self._printer.send(job.job_id, self._spool.data(job))
            except PrinterFault as exc:
                return PrinterStatus(ok=False, waiting=len(self._spool), detail=str(exc),
                                     condition=PrinterCondition.UNREACHABLE.value)
            self._spool.done(job)
        return PrinterStatus(ok=True, waiting=len(self._spool), condition=state.condition.value)

    def _done(self, status: PrinterStatus | None, error: BaseException | None) -> None:
        if error is not None:  # a bug or a full disk, not a printer fault: say so, keep what is queued
            log.error("printing failed", exc_info=error)
            status = PrinterStatus(ok=False, waiting=len(self._spool),
                                   detail=f"{type(error).__name__}: {error}",
                                   condition=self.last_status.condition)
        assert status is not None
        with self._lock:
            changed = status != self.last_status
            self.last_status = status
            if status.waiting and not self._closed and self._timer is None:
                self._timer = threading.Timer(self._retry_seconds, self._timer_fired)
                self._timer.daemon = True
                self._timer.start()
        if changed and self._on_status:
            self._on_status(status)

    def check(self) -> None:
        """Ask the printer how it is now (only while no job waits: then the retry does it)."""
        self._worker.submit(self._probe, self._done)

    def _probe(self) -> PrinterStatus:
        if len(self._spool):
            return self.last_status
        state = self._printer.status()
        return PrinterStatus(ok=state.can_print, waiting=0, detail=state.detail,
                             condition=state.condition.value)

    def _schedule_poll(self) -> None:
        if self._poll_seconds <= 0:
            return
        with self._lock:
            if self._closed:
                return
            self._poller = threading.Timer(self._poll_seconds, self._poll_fired)
            self._poller.daemon = True
            self._poller.start()

    def _poll_fired(self) -> None:
        self.check()
        self._schedule_poll()

    def _timer_fired(self) -> None:
        with self._lock:
            self._timer = None
            if self._closed:
                return
        self.retry()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            for timer in (self._timer, self._poller):
                if timer is not None:
                    timer.cancel()
        self._worker.stop()
