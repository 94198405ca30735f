"""One interface per device kind; services and the UI use these, never a concrete driver.

Every method may block on I/O: callers run them on the device's own worker thread
(drivers.worker.DeviceWorker) or the driver runs its own reader thread and calls
back from there.  Nothing here is ever called on the UI thread.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Protocol, runtime_checkable

from .printer.document import ReceiptDocument


class DeviceKind(Enum):
    PRINTER = "printer"
    SCANNER = "scanner"
    RFID = "rfid"
    DISPLAY = "display"


# ----------------------------------------------------------------------------- printers


class PrinterCondition(Enum):
    OK = "ok"
    PAPER_LOW = "paper_low"
    PAPER_OUT = "paper_out"
    COVER_OPEN = "cover_open"
    OFFLINE = "offline"
    UNREACHABLE = "unreachable"
    UNKNOWN = "unknown"
    """The transport cannot read, or the printer did not answer in time: not a claim of "ok"."""


@dataclass(frozen=True, slots=True)
class PrinterState:
    condition: PrinterCondition
    detail: str = ""
    raw: bytes = b""

    @property
    def can_print(self) -> bool:
        """Worth sending a job: ok, paper low, or we just do not know (many printers never answer)."""
        return self.condition in (PrinterCondition.OK, PrinterCondition.PAPER_LOW,
                                  PrinterCondition.UNKNOWN)


@runtime_checkable
class Printer(Protocol):
    url: str

    def render(self, doc: ReceiptDocument) -> bytes:
        """The bytes this printer wants for `doc` (its paper width, code page, drawer pin)."""
        ...

    def send(self, job_id: str, data: bytes) -> None:
        """Deliver rendered bytes; raises PrinterFault when they did not reach the printer."""
        ...

    def status(self) -> PrinterState: ...

    def print_document(self, doc: ReceiptDocument) -> None: ...


# ----------------------------------------------------------------------------- scanners


@dataclass(frozen=True, slots=True)
class Scan:
    data: str
    symbology: str | None = None
    """Human name from the AIM identifier ("EAN-13", "GS1-128", "QR Code"), when the scanner sent one."""
    aim: str | None = None
    """The AIM symbology identifier as received, e.g. "]E0", stripped from `data`."""
    source: str = ""
    at: float = field(default_factory=time.monotonic)


class DeviceEvent(Enum):
    CONNECTED = "connected"
    DISCONNECTED = "disconnected"
    BAD_INPUT = "bad_input"


@dataclass(frozen=True, slots=True)
class DeviceStatus:
    event: DeviceEvent
    detail: str = ""


ScanHandler = Callable[[Scan], None]
StatusHandler = Callable[[DeviceStatus], None]


@runtime_checkable
class Scanner(Protocol):
    url: str

    def start(self, on_scan: ScanHandler, on_status: StatusHandler | None = None) -> None:
        """Begin reading on the driver's own thread; reconnect on unplug until stop()."""
        ...

    def stop(self) -> None: ...


# ----------------------------------------------------------------------------- RFID


@dataclass(frozen=True, slots=True)
class TagRead:
    epc: str
    """EPC bank contents as upper-case hex."""
    antenna: int = 0
    rssi: int | None = None
    source: str = ""
    at: float = field(default_factory=time.monotonic)


TagHandler = Callable[[TagRead], None]


@runtime_checkable
class RfidReader(Protocol):
    url: str

    def start(self, on_tag: TagHandler, on_status: StatusHandler | None = None) -> None: ...

    def stop(self) -> None: ...


# ----------------------------------------------------------------------------- customer display


@dataclass(frozen=True, slots=True)
class DisplayContent:
    """What the customer sees: the current line and the running total, already formatted."""

    line: str = ""
    amount: str = ""
    total: str = ""
    line_en: str = ""
    """The line in English, for displays that cannot show Chinese."""


@runtime_checkable
class CustomerDisplay(Protocol):
    url: str

    def show(self, content: DisplayContent) -> None: ...

    def clear(self) -> None: ...

    def close(self) -> None: ...
