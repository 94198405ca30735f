"""Serial and virtual-COM (USB CDC) scanners through pyserial, each read on its own thread.

The reader reconnects by itself: an unplugged scanner is reported as
disconnected, the port is tried again every `poll_seconds`, and when it is back
(under its old name or, with `serial_number=` in the URL, under a new one)
scanning resumes without a restart.  Bad input is counted and reported, never raised.
"""

from __future__ import annotations

import contextlib
import logging
import threading

import serial

from drivers.interfaces import DeviceEvent, DeviceStatus, Scan, ScanHandler, StatusHandler
from drivers.ports import resolve_port

from .framing import Framer
from .gs1 import restore_gs

log = logging.getLogger(__name__)


class SerialScanner:
    def __init__(self, url: str, port: str, baud: int = 9600, *, suffix: bytes = b"\r",
                 encoding: str = "utf-8", gs_substitute: str | None = None, poll_seconds: float = 2.0,
                 idle_seconds: float = 0.05, serial_number: str | None = None,
                 vid_pid: str | None = None) -> None:
        self.url, self.port, self.baud = url, port, baud
        self.gs_substitute = gs_substitute
        self.poll_seconds, self.idle_seconds = poll_seconds, idle_seconds
        self.serial_number, self.vid_pid = serial_number, vid_pid
        self.framer = Framer(suffix=suffix, encoding=encoding, source=url)
        self.scans = 0
        self.connected = False
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._on_scan: ScanHandler = lambda s: None
        self._on_status: StatusHandler = lambda s: None

    @property
    def rejected(self) -> int:
        return self.framer.rejected

    def start(self, on_scan: ScanHandler, on_status: StatusHandler | None = None) -> None:
        self._on_scan = on_scan
        self._on_status = on_status or (lambda s: None)
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=f"scanner:{self.port}", daemon=True)
        self._thread.start()

    def poke(self) -> None:
        """Try the port now (a device was just plugged in), not at the next poll."""
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(2)

    def _status(self, event: DeviceEvent, detail: str = "") -> None:
        try:
            self._on_status(DeviceStatus(event, detail))
        except Exception:
            log.exception("scanner status callback failed")

    def _run(self) -> None:
        reported_down = False
        while not self._stop.is_set():
            port = resolve_port(self.port, self.serial_number, self.vid_pid)
            try:
                link = serial.Serial(port, self.baud, timeout=self.idle_seconds)
            except (serial.SerialException, OSError) as exc:
                if not reported_down:
                    self._status(DeviceEvent.DISCONNECTED, f"{port}: {exc}")
                    reported_down = True
                self._wake.wait(self.poll_seconds)
                self._wake.clear()
                continue
            reported_down = False
            self.connected = True
            self._status(DeviceEvent.CONNECTED, port)
            try:
                self._read(link)
            except (serial.SerialException, OSError) as exc:
                self._status(DeviceEvent.DISCONNECTED, f"{port}: {exc}")
                reported_down = True
            finally:
                self.connected = False
                link.close()
            self._stop.wait(min(self.poll_seconds, 0.2))

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
