"""Serial ports present on this machine, with the USB identity that lets a replugged device be found again.

A USB-serial adapter can come back as /dev/ttyUSB1 or COM7 after a replug; its
vendor id, product id and serial number stay the same.  Device URLs may carry
`?serial_number=...` (or `vid_pid=0403:6001`), and drivers resolve the current
port name from it on every (re)connect.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from serial.tools import list_ports


@dataclass(frozen=True, slots=True)
class PortInfo:
    device: str
    description: str
    vendor_id: int | None
    product_id: int | None
    serial_number: str | None
    manufacturer: str | None
    product: str | None

    @property
    def usb_id(self) -> str | None:
        if self.vendor_id is None or self.product_id is None:
            return None
        return f"{self.vendor_id:04x}:{self.product_id:04x}"


def serial_ports() -> list[PortInfo]:
    return [PortInfo(p.device, p.description or "", p.vid, p.pid, p.serial_number, p.manufacturer, p.product)
            for p in sorted(list_ports.comports(), key=lambda p: p.device)]


def resolve_port(configured: str, serial_number: str | None = None, vid_pid: str | None = None,
                 ports: list[PortInfo] | None = None) -> str:
    """The port to open now: the one with the configured USB identity if given and present, else as named."""
    if not serial_number and not vid_pid:
        return configured
    for p in ports if ports is not None else serial_ports():
        if serial_number and p.serial_number != serial_number:
            continue
        if vid_pid and p.usb_id != vid_pid.lower():
            continue
        return p.device
    return configured


class PortWatcher:
    """Notices serial devices being plugged in and pulled out, by listing the ports every few seconds.

    Drivers already retry on their own; the watcher makes a replugged device come
    back at once (`on_change` pokes them) and leaves a line in the log naming it.
    """

    def __init__(self, on_change: Callable[[list[PortInfo], list[PortInfo]], None], interval: float = 2.0,
                 list_ports: Callable[[], list[PortInfo]] | None = None) -> None:
        self._on_change = on_change
        self._interval = interval
        self._list = list_ports or serial_ports
        self._known: dict[str, PortInfo] = {p.device: p for p in self._list()}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="port-watcher", daemon=True)

    def start(self) -> PortWatcher:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(2)

    def check(self) -> tuple[list[PortInfo], list[PortInfo]]:
        now = {p.device: p for p in self._list()}
        added = [p for d, p in now.items() if d not in self._known]
        removed = [p for d, p in self._known.items() if d not in now]
        self._known = now
        if added or removed:
            self._on_change(added, removed)
        return added, removed

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            try:
                self.check()
            except Exception:
                logging.getLogger(__name__).exception("listing serial ports failed")
