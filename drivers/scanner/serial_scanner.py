"""Serial and virtual-COM (USB CDC) scanners through pyserial, each read on its own thread.

The reader reconnects by itself (drivers.serial_link): an unplugged scanner is reported as
disconnected, the port is tried again every `poll_seconds`, and when it is back
(under its old name or, with `serial_number=` in the URL, under a new one)
scanning resumes without a restart.  Bad input is counted and reported, never raised.
"""

from __future__ import annotations

import contextlib
import logging

import serial

from drivers.interfaces import DeviceEvent, Scan, ScanHandler, StatusHandler
from drivers.serial_link import SerialDevice

from .framing import Framer
from .gs1 import restore_gs

log = logging.getLogger(__name__)


class SerialScanner(SerialDevice):
    thread_prefix = "scanner"

    def __init__(self, url: str, port: str, baud: int = 9600, *, suffix: bytes = b"\r",
                 encoding: str = "utf-8", gs_substitute: str | None = None, poll_seconds: float = 2.0,
                 idle_seconds: float = 0.05, serial_number: str | None = None,
                 vid_pid: str | None = None) -> None:
        super().__init__(url, port, baud, poll_seconds=poll_seconds, serial_number=serial_number,
                         vid_pid=vid_pid)
        self.gs_substitute = gs_substitute
        self.idle_seconds = idle_seconds
        self.framer = Framer(suffix=suffix, encoding=encoding, source=url)
        self.scans = 0
        self._on_scan: ScanHandler = lambda s: None

    @property
    def rejected(self) -> int:
        return self.framer.rejected

    def start(self, on_scan: ScanHandler, on_status: StatusHandler | None = None) -> None:
        self._on_scan = on_scan
        self._start_thread(on_status)

    def _open_options(self) -> dict:
        return {"timeout": self.idle_seconds}

    def _session(self, link: serial.Serial) -> None:
        self._read(link)

    def _read(self, link: serial.Serial) -> None:
        while not self._stop.is_set():
            data = link.read(max(1, link.in_waiting))
            scans = self.framer.feed(data) if data else self.framer.idle()
            for why in self.framer.take_rejections():
                log.warning("scanner %s: bad input: %s", self.url, why)
                self._status(DeviceEvent.BAD_INPUT, why)
            for scan in scans:
                self._deliver(scan)

    def _deliver(self, scan: Scan) -> None:
        if self.gs_substitute:
            scan = Scan(restore_gs(scan.data, self.gs_substitute), scan.symbology, scan.aim, scan.source,
                        scan.at)
        self.scans += 1
        try:
            self._on_scan(scan)
        except Exception:
            log.exception("scan handler failed for %r", scan.data)


class PtyScanner:
    """A serial scanner on a pseudo-terminal: drivers open `port`; `scan()` sends as a scanner would."""

    def __init__(self, suffix: bytes = b"\r") -> None:
        import os
        import tty

        self.suffix = suffix
        self._master, self._slave = os.openpty()
        tty.setraw(self._slave)
        self.port = os.ttyname(self._slave)

    def scan(self, data: str, aim: str | None = None, *, encoding: str = "utf-8") -> None:
        self.send(((aim or "") + data).encode(encoding) + self.suffix)

    def send(self, raw: bytes) -> None:
        import os

        os.write(self._master, raw)

    def close(self) -> None:
        import os

        for fd in (self._master, self._slave):
            with contextlib.suppress(OSError):
                os.close(fd)
