"""The one way UI code runs work off the UI thread.

Database writes go to a single worker (one writer for the local database);
network work goes to another pool.  Callbacks always run on the UI thread,
delivered by a queued signal, so UI code never touches widgets from a worker.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot


class _Delivery(QObject):
    deliver = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.deliver.connect(self._run)  # queued: emitted from workers, run on the UI thread

    @Slot(object)
    def _run(self, fn: Callable[[], None]) -> None:
        fn()


class TaskRunner:
    def __init__(self) -> None:
        self._db = ThreadPoolExecutor(max_workers=1, thread_name_prefix="db-writer")
        self._net = ThreadPoolExecutor(max_workers=2, thread_name_prefix="net")
        self._delivery = _Delivery()

    def to_ui(self, fn: Callable[[], None]) -> None:
        """Run `fn` on the UI thread (safe to call from any thread)."""
        self._delivery.deliver.emit(fn)

    def _run(self, pool: ThreadPoolExecutor, work: Callable[[], Any],
             on_success: Callable[[Any], None], on_failure: Callable[[BaseException], None]) -> Future:
        def done(future: Future) -> None:
            error = future.exception()
            if error is not None:
                self.to_ui(lambda: on_failure(error))
            else:
                result = future.result()
                self.to_ui(lambda: on_success(result))

        future = pool.submit(work)
        future.add_done_callback(done)
        return future

    def write(self, work: Callable[[], Any], on_success: Callable[[Any], None],
              on_failure: Callable[[BaseException], None]) -> Future:
        return self._run(self._db, work, on_success, on_failure)

    def network(self, work: Callable[[], Any], on_success: Callable[[Any], None],
                on_failure: Callable[[BaseException], None]) -> Future:
        return self._run(self._net, work, on_success, on_failure)

    def shutdown(self) -> None:
        self._db.shutdown(wait=True)
        self._net.shutdown(wait=False, cancel_futures=True)
