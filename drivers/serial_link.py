"""A serial device read on its own thread that keeps coming back: the loop scanners and RFID
readers share.

Open the port (found again by USB serial number or vid:pid after a replug), report
connected, run the device's own session until the link fails, report disconnected once,
and try again every `poll_seconds` or at once when poked (the port watcher saw a device
arrive).  Callbacks run on this thread; their exceptions are logged, never raised.
"""

from __future__ import annotations

import logging
import threading
from abc import ABC, abstractmethod
from typing import Any

import serial

from drivers.interfaces import DeviceEvent, DeviceStatus, StatusHandler
from drivers.ports import resolve_port

log = logging.getLogger(__name__)


class SerialDevice(ABC):
    thread_prefix = "serial"
    stop_timeout = 2.0

    def __init__(self, url: str, port: str, baud: int, *, poll_seconds: float = 2.0,
                 serial_number: str | None = None, vid_pid: str | None = None) -> None:
        self.url, self.port, self.baud = url, port, baud
        self.poll_seconds = poll_seconds
        self.serial_number, self.vid_pid = serial_number, vid_pid
        self.connected = False
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._on_status: StatusHandler = lambda s: None

    def _start_thread(self, on_status: StatusHandler | None) -> None:
        self._on_status = on_status or (lambda s: None)
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=f"{self.thread_prefix}:{self.port}",
                                        daemon=True)
        self._thread.start()

    def poke(self) -> None:
        """Try the port now (a device was just plugged in), not at the next poll."""
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(self.stop_timeout)

    def _status(self, event: DeviceEvent, detail: str = "") -> None:
        try:
            self._on_status(DeviceStatus(event, detail))
        except Exception:
            log.exception("%s status callback failed", self.thread_prefix)

    def _connected_detail(self, port: str) -> str:
        return port

    def _open_options(self) -> dict[str, Any]:
        """Extra pyserial arguments (timeouts) for this kind of device."""
        return {}

    @abstractmethod
    def _session(self, link: serial.Serial) -> None:
        """Talk to the device until stopped; a serial or OS error ends the connection."""

    def _run(self) -> None:
        down = False
        while not self._stop.is_set():
            port = resolve_port(self.port, self.serial_number, self.vid_pid)
            try:
                link = serial.Serial(port, self.baud, **self._open_options())
            except (serial.SerialException, OSError) as exc:
                if not down:
                    self._status(DeviceEvent.DISCONNECTED, f"{port}: {exc}")
                    down = True
                self._wake.wait(self.poll_seconds)
                self._wake.clear()
                continue
            down = False
            self.connected = True
            self._status(DeviceEvent.CONNECTED, self._connected_detail(port))
            try:
                self._session(link)
            except (serial.SerialException, OSError) as exc:
                self._status(DeviceEvent.DISCONNECTED, f"{port}: {exc}")
                down = True
            finally:
                self.connected = False
                link.close()
            self._stop.wait(min(self.poll_seconds, 0.2))
