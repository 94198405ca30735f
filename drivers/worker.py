"""One thread per device, so a slow or dead device never blocks anything else."""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)
Done = Callable[[Any, BaseException | None], None]


class DeviceWorker:
    def __init__(self, name: str) -> None:
        self._jobs: queue.Queue[tuple[Callable[[], Any], Done] | None] = queue.Queue()
        self._thread = threading.Thread(target=self._loop, name=f"device:{name}", daemon=True)
        self._thread.start()

    def submit(self, job: Callable[[], Any], done: Done) -> None:
        self._jobs.put((job, done))

    def stop(self, timeout: float = 5.0) -> None:
        self._jobs.put(None)
        self._thread.join(timeout)

    def _loop(self) -> None:
        while (item := self._jobs.get()) is not None:
            job, done = item
            try:
                result, error = job(), None
            except BaseException as exc:  # reported to the caller, never kills the worker
                result, error = None, exc
            try:
                done(result, error)
            except Exception:
                log.exception("device callback failed")
