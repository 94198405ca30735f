"""Receipts go to the printer on the printer's own thread; a fault keeps the job.

A printer out of paper or unplugged must never lose a receipt nor block the
next sale: jobs that fail stay in `waiting`, staff are told through the status
callback, and `retry()` sends them again in order.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from drivers.printer.document import ReceiptDocument
from drivers.printer.printers import PrinterFault, ReceiptPrinter
from drivers.worker import DeviceWorker

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PrinterStatus:
    ok: bool
    waiting: int
    detail: str = ""


class PrintService:
    def __init__(self, printer: ReceiptPrinter,
                 on_status: Callable[[PrinterStatus], None] | None = None) -> None:
        self._printer = printer
        self._on_status = on_status
        self._worker = DeviceWorker("printer")
        self._lock = threading.Lock()
        self._waiting: list[ReceiptDocument] = []
        self.last_status = PrinterStatus(ok=True, waiting=0)

    def submit(self, doc: ReceiptDocument) -> None:
        """Print `doc`, after any jobs still waiting from an earlier fault, in order."""
        self.retry()
        self._send(doc)

    def _send(self, doc: ReceiptDocument) -> None:
        self._worker.submit(lambda: self._printer.print_document(doc),
                            lambda _r, err: self._done(doc, err))

    def retry(self) -> None:
        with self._lock:
            jobs, self._waiting = self._waiting, []
        for doc in jobs:
            self._send(doc)

    def _done(self, doc: ReceiptDocument, error: BaseException | None) -> None:
        with self._lock:
            if error is not None:
                if not any(d.job_id == doc.job_id for d in self._waiting):
                    self._waiting.append(doc)
                if not isinstance(error, PrinterFault):
                    log.exception("printing %s failed", doc.job_id, exc_info=error)
            status = PrinterStatus(ok=error is None, waiting=len(self._waiting),
                                   detail=str(error) if error else "")
            self.last_status = status
        if self._on_status:
            self._on_status(status)

    def close(self) -> None:
        self._worker.stop()
