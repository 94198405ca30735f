"""The driver side of a keyboard-wedge scanner: complete scans handed over by the UI's key filter.

A wedge scanner types into whatever has focus; only the application-wide key
filter in the UI layer can tell its bursts from typing.  That filter calls
`deliver()` with each complete burst; from here on a wedge scan is a Scan like
any other (AIM identifier stripped, GS substitute restored).
"""

from __future__ import annotations

from drivers.interfaces import DeviceEvent, DeviceStatus, Scan, ScanHandler, StatusHandler

from .aim import split_aim, symbology_name
from .gs1 import restore_gs


class WedgeScanner:
    def __init__(self, url: str, *, gs_substitute: str | None = None) -> None:
        self.url = url
        self.gs_substitute = gs_substitute
        self._on_scan: ScanHandler | None = None

    def start(self, on_scan: ScanHandler, on_status: StatusHandler | None = None) -> None:
        self._on_scan = on_scan
        if on_status:
            on_status(DeviceStatus(DeviceEvent.CONNECTED, "keyboard"))

    def stop(self) -> None:
        self._on_scan = None

    def to_scan(self, text: str) -> Scan | None:
        aim, data = split_aim(text)
        if not data:
            return None
        return Scan(restore_gs(data, self.gs_substitute), symbology_name(aim), aim, self.url)

    def deliver(self, text: str) -> None:
        scan = self.to_scan(text) if self._on_scan is not None else None
        if scan is not None and self._on_scan is not None:
            self._on_scan(scan)
