"""Receipt printers by URL: `sim://printer`, `tcp://HOST[:PORT]`, `serial://PORT?baud=N`,
`file:///dev/usb/lp0`, `usb://VID:PID`, `cups://NAME`, `win32://NAME`.

Every printer takes a document and a profile and does its own I/O; callers run
it on the printer's own worker thread, never on the UI thread.  URL options
shared by every printer: `status=off` skips the DLE EOT query (for a printer
that misbehaves on it), `status_timeout=MS` (default 500).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from drivers.interfaces import DeviceKind, PrinterCondition, PrinterState
from drivers.registry import DeviceContext, DriverInfo, DriverRegistry
from drivers.registry import UnsupportedDeviceUrl as UnsupportedDeviceUrl
from drivers.urls import DeviceUrl

from . import status as dle
from .document import ReceiptDocument
from .escpos_render import PaperProfile, drawer_kick, render
from .transports import EscposTransport, FileTransport, SerialTransport, TcpTransport, Transport


class PrinterFault(Exception):
    """The job did not reach the printer; the caller keeps it and tells staff."""


class ReceiptPrinter(Protocol):
    url: str

    def render(self, doc: ReceiptDocument) -> bytes: ...

    def send(self, job_id: str, data: bytes) -> None: ...

    def status(self) -> PrinterState: ...

    def print_document(self, doc: ReceiptDocument) -> None: ...


class _RenderingPrinter:
    def __init__(self, url: str, profile: PaperProfile) -> None:
        self.url = url
        self.profile = profile

    def render(self, doc: ReceiptDocument) -> bytes:
        return render(doc, self.profile)

    def print_document(self, doc: ReceiptDocument) -> None:
        self.send(doc.job_id, self.render(doc))

    def kick_drawer(self) -> None:
        """Open the cash drawer on the configured pin without printing anything."""
        self.send("drawer", drawer_kick(self.profile.drawer_pin))

    def status(self) -> PrinterState:
        return PrinterState(PrinterCondition.UNKNOWN, "this transport cannot read the printer's status")

    def send(self, job_id: str, data: bytes) -> None:
        raise PrinterFault("no transport")


class SimulatedPrinter(_RenderingPrinter):
    """Writes each job's exact bytes to `<dir>/<job>.bin`, as the printer would receive them.

    A file named `PAPER_OUT` in that directory makes it report paper out (and refuse
    jobs), so the demo and tests can show what staff see when the roll runs out.
    """

    def __init__(self, url: str, profile: PaperProfile, directory: Path) -> None:
        super().__init__(url, profile)
        self.directory = directory

    def status(self) -> PrinterState:
        if (self.directory / "PAPER_OUT").exists():
            return PrinterState(PrinterCondition.PAPER_OUT, "out of paper (simulated)")
        return PrinterState(PrinterCondition.OK)

    def send(self, job_id: str, data: bytes) -> None:
        if (self.directory / "PAPER_OUT").exists():
            raise PrinterFault("out of paper (simulated)")
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in job_id)
            tmp = self.directory / f".{safe}.tmp"
            tmp.write_bytes(data)
            os.replace(tmp, self.directory / f"{safe}.bin")
        except OSError as exc:
            raise PrinterFault(str(exc)) from exc


class EscPosPrinter(_RenderingPrinter):
    """An ESC/POS printer over any transport; asks DLE EOT status where the transport can read."""

    def __init__(self, url: str, profile: PaperProfile, transport: Callable[[], Transport],
                 status_timeout: float | None = dle.DEFAULT_TIMEOUT) -> None:
        super().__init__(url, profile)
        self._transport = transport
        self.status_timeout = status_timeout

    def send(self, job_id: str, data: bytes) -> None:
        t = self._transport()
        try:
            t.open()
            t.write(data)
        except Exception as exc:  # socket, pyserial and python-escpos errors alike: the job did not go
            raise PrinterFault(f"{t.description}: {exc}") from exc
        finally:
            t.close()

    def status(self) -> PrinterState:
        t = self._transport()
        if not t.can_read or self.status_timeout is None:
            return super().status()
        try:
            t.open()
            t.write(dle.QUERY)
            reply = dle.read_reply(t.read, self.status_timeout)
        except Exception as exc:
            return PrinterState(PrinterCondition.UNREACHABLE, f"{t.description}: {exc}")
        finally:
            t.close()
        return dle.interpret(reply)


# Kept for callers that name the old classes.
class NetworkPrinter(EscPosPrinter):
    """Raw TCP (port 9100 by default), as most Ethernet receipt printers speak."""

    def __init__(self, url: str, profile: PaperProfile, host: str, port: int, timeout: float = 5.0,
                 status_timeout: float | None = dle.DEFAULT_TIMEOUT) -> None:
        super().__init__(url, profile, lambda: TcpTransport(host, port, connect_timeout=timeout),
                         status_timeout)
        self.host, self.port = host, port


class DevicePrinter(EscPosPrinter):
    """A printer device node (`/dev/usb/lp0`) written directly."""

    def __init__(self, url: str, profile: PaperProfile, path: Path) -> None:
        super().__init__(url, profile, lambda: FileTransport(str(path)), None)
        self.path = path


def _profile(context: DeviceContext) -> PaperProfile:
    return context.settings.get("profile") or PaperProfile.for_width(80)


def _status_timeout(url: DeviceUrl) -> float | None:
    if (url.param("status") or "").lower() in ("off", "0", "no", "false"):
        return None
    return url.int_param("status_timeout", int(dle.DEFAULT_TIMEOUT * 1000), 10, 10_000) / 1000


def _missing(module: str, hint: str) -> Callable[[], str | None]:
    def check() -> str | None:
        try:
            __import__(module)
        except ImportError:
            return hint
        return None

    return check


def _usb(url: DeviceUrl, context: DeviceContext) -> EscPosPrinter:
    from escpos.printer import Usb

    return EscPosPrinter(url.raw, _profile(context), lambda: EscposTransport(
        f"USB {url.target}", lambda: Usb(url.vendor_id, url.product_id, timeout=5000)), None)


def _cups(url: DeviceUrl, context: DeviceContext) -> EscPosPrinter:
    from escpos.printer import CupsPrinter

    return EscPosPrinter(url.raw, _profile(context), lambda: EscposTransport(
        f"CUPS queue {url.target}", lambda: CupsPrinter(url.target)), None)


def _win32(url: DeviceUrl, context: DeviceContext) -> EscPosPrinter:
    from escpos.printer import Win32Raw

    return EscPosPrinter(url.raw, _profile(context), lambda: EscposTransport(
        f"Windows printer {url.target}", lambda: Win32Raw(url.target)), None)


def register(registry: DriverRegistry) -> None:
    p = DeviceKind.PRINTER
    registry.register(DriverInfo(
        p, "sim", "simulated printer: each job's bytes in <data-dir>/devices/printer",
        lambda u, c: SimulatedPrinter(u.raw, _profile(c), c.data_dir / "devices" / "printer")))
    registry.register(DriverInfo(
        p, "tcp", "network printer, raw TCP (port 9100), with status",
        lambda u, c: EscPosPrinter(u.raw, _profile(c), lambda: TcpTransport(u.host, u.port or 9100),
                                   _status_timeout(u))))
    registry.register(DriverInfo(
        p, "serial", "serial or virtual-COM printer, with status",
        lambda u, c: EscPosPrinter(u.raw, _profile(c), lambda: SerialTransport(u.serial_port, u.baud),
                                   _status_timeout(u))))
    registry.register(DriverInfo(
        p, "file", "printer device node written directly (/dev/usb/lp0)",
        lambda u, c: DevicePrinter(u.raw, _profile(c), Path(u.target))))
    registry.register(DriverInfo(p, "usb", "USB printer by vendor:product id (python-escpos, pyusb)", _usb,
                                 _missing("usb.core", "pyusb is not installed (pip install pyusb)")))
    registry.register(DriverInfo(p, "cups", "CUPS queue, raw (python-escpos, pycups)", _cups,
                                 _missing("cups", "pycups is not installed (apt install python3-cups)")))
    registry.register(DriverInfo(p, "win32", "Windows printer through the spooler, raw (pywin32)", _win32,
                                 _missing("win32print", "only on Windows, with pywin32 installed")))


def open_printer(url: str, profile: PaperProfile, data_dir: Path,
                 registry: DriverRegistry | None = None) -> ReceiptPrinter:
    """The printer a URL names, through the driver registry."""
    from drivers.registry import default_registry

    return (registry or default_registry()).open(
        DeviceKind.PRINTER, url, DeviceContext(data_dir, {"profile": profile}))
