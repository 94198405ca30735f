"""Serial ports present on this machine, with the USB identity that lets a replugged device be found again.

A USB-serial adapter can come back as /dev/ttyUSB1 or COM7 after a replug; its
vendor id, product id and serial number stay the same.  Device URLs may carry
`?serial_number=...` (or `vid_pid=0403:6001`), and drivers resolve the current
port name from it on every (re)connect.
"""

from __future__ import annotations

import logging
import select
import socket
import sys
import threading
import time
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


NETLINK_KOBJECT_UEVENT = 15
WATCHED_SUBSYSTEMS = frozenset({"tty", "usb", "usbmisc", "hidraw", "video4linux"})
"""Serial adapters, USB printers (usbmisc: /dev/usb/lp*), HID scanners, cameras."""


def parse_uevent(data: bytes) -> dict[str, str] | None:
    """One kernel uevent ("add@/devices/...\0ACTION=add\0SUBSYSTEM=tty\0...") as its fields.

    Anything else on the socket (udev's own re-broadcasts start with "libudev", garbage)
    is None, never an exception."""
    head, _, rest = data.partition(b"\0")
    if b"@" not in head or not rest:
        return None
    fields: dict[str, str] = {}
    for item in rest.split(b"\0"):
        key, eq, value = item.partition(b"=")
        if eq and key:
            fields[key.decode("ascii", "replace")] = value.decode("utf-8", "replace")
    return fields if "ACTION" in fields and "SUBSYSTEM" in fields else None


class KernelDeviceEvents:
    """The kernel's own plug and unplug messages (netlink, what the udev daemon reads), on Linux.

    Cheap where it exists: one socket, read only when the kernel has something to say. It
    needs no privileges; where it cannot be opened (other systems, a locked-down
    container) the watcher simply keeps polling."""

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock

    @classmethod
    def open(cls) -> KernelDeviceEvents | None:
        if not sys.platform.startswith("linux"):
            return None
        try:
            sock = socket.socket(socket.AF_NETLINK, socket.SOCK_DGRAM, NETLINK_KOBJECT_UEVENT)  # type: ignore[attr-defined]
            sock.bind((0, 1))  # group 1: the kernel's broadcasts
            sock.setblocking(False)
        except OSError as exc:
            logging.getLogger(__name__).info("no kernel device events here (%s): polling only", exc)
            return None
        return cls(sock)

    def fileno(self) -> int:
        return self._sock.fileno()

    def read(self) -> list[dict[str, str]]:
        """Every event waiting now (non-blocking)."""
        events = []
        while True:
            try:
                data = self._sock.recv(16384)
            except (BlockingIOError, InterruptedError):
                return events
            except OSError:
                return events
            event = parse_uevent(data)
            if event is not None:
                events.append(event)

    def close(self) -> None:
        self._sock.close()


def concerns_devices(events: list[dict[str, str]]) -> bool:
    return any(e.get("ACTION") in ("add", "remove", "bind", "unbind")
               and e.get("SUBSYSTEM") in WATCHED_SUBSYSTEMS for e in events)


class PortWatcher:
    """Notices serial devices being plugged in and pulled out: at once from the kernel's events
    where the OS has them (Linux), and by listing the ports every few seconds everywhere.

    Drivers already retry on their own; the watcher makes a replugged device come
    back at once (`on_change` pokes them) and leaves a line in the log naming it.
    """

    SETTLE_SECONDS = 0.3
    """After a kernel event, before listing: the new port's entries are still being made."""

    def __init__(self, on_change: Callable[[list[PortInfo], list[PortInfo]], None], interval: float = 2.0,
                 list_ports: Callable[[], list[PortInfo]] | None = None,
                 events: KernelDeviceEvents | bool | None = True) -> None:
        self._on_change = on_change
        self._interval = interval
        self._list = list_ports or serial_ports
        self._known: dict[str, PortInfo] = {p.device: p for p in self._list()}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="port-watcher", daemon=True)
        self._events = KernelDeviceEvents.open() if events is True else events or None
        self.kernel_events_seen = 0

    @property
    def uses_kernel_events(self) -> bool:
        return self._events is not None

    def start(self) -> PortWatcher:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(2)
        if self._events is not None:
            self._events.close()

    def check(self) -> tuple[list[PortInfo], list[PortInfo]]:
        now = {p.device: p for p in self._list()}
        added = [p for d, p in now.items() if d not in self._known]
        removed = [p for d, p in self._known.items() if d not in now]
        self._known = now
        if added or removed:
            self._on_change(added, removed)
        return added, removed

    def _run(self) -> None:
        next_poll = time.monotonic() + self._interval
        while not self._stop.is_set():
            wait = max(0.0, min(next_poll - time.monotonic(), 0.5))  # 0.5: stop() is heard soon
            if self._events is not None:
                ready, _, _ = select.select([self._events], [], [], wait)
                if ready:
                    events = self._events.read()
                    if concerns_devices(events):
                        self.kernel_events_seen += 1
                        self._stop.wait(self.SETTLE_SECONDS)
                        next_poll = 0.0  # list now
            else:
                self._stop.wait(wait)
            if time.monotonic() >= next_poll and not self._stop.is_set():
                next_poll = time.monotonic() + self._interval
                try:
                    self.check()
                except Exception:
                    logging.getLogger(__name__).exception("listing serial ports failed")
