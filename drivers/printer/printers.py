"""Receipt printers by URL: `sim://printer`, `tcp://HOST[:PORT]`, `file:///dev/usb/lp0`.

Every printer takes a document and a profile and does its own I/O; callers run
it on the printer's own worker thread, never on the UI thread.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import Protocol

from drivers.interfaces import DeviceKind, PrinterCondition, PrinterState
from drivers.registry import DeviceContext, DriverInfo, DriverRegistry
from drivers.registry import UnsupportedDeviceUrl as UnsupportedDeviceUrl

from .document import ReceiptDocument
from .escpos_render import PaperProfile, render


class PrinterFault(Exception):
    """The job did not reach the printer; the caller keeps it and tells staff."""


class ReceiptPrinter(Protocol):
    url: str

    def print_document(self, doc: ReceiptDocument) -> None: ...


class _RenderingPrinter:
    def __init__(self, url: str, profile: PaperProfile) -> None:
        self.url = url
        self.profile = profile

    def render(self, doc: ReceiptDocument) -> bytes:
        return render(doc, self.profile)

    def print_document(self, doc: ReceiptDocument) -> None:
        self.send(doc.job_id, self.render(doc))

    def status(self) -> PrinterState:
        return PrinterState(PrinterCondition.UNKNOWN, "this transport cannot read the printer's status")

    def send(self, job_id: str, data: bytes) -> None:
        raise PrinterFault("no transport")


class SimulatedPrinter(_RenderingPrinter):
    """Writes each job's exact bytes to `<dir>/<job>.bin`, as the printer would receive them."""

    def __init__(self, url: str, profile: PaperProfile, directory: Path) -> None:
        super().__init__(url, profile)
        self.directory = directory

    def send(self, job_id: str, data: bytes) -> None:
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in job_id)
            tmp = self.directory / f".{safe}.tmp"
            tmp.write_bytes(data)
            os.replace(tmp, self.directory / f"{safe}.bin")
        except OSError as exc:
            raise PrinterFault(str(exc)) from exc


class NetworkPrinter(_RenderingPrinter):
    """Raw TCP (port 9100 by default), as most Ethernet receipt printers speak."""

    def __init__(self, url: str, profile: PaperProfile, host: str, port: int,
                 timeout: float = 5.0) -> None:
        super().__init__(url, profile)
        self.host, self.port, self.timeout = host, port, timeout

    def send(self, job_id: str, data: bytes) -> None:
        try:
            with socket.create_connection((self.host, self.port), timeout=self.timeout) as sock:
                sock.sendall(data)
        except OSError as exc:
            raise PrinterFault(f"{self.host}:{self.port}: {exc}") from exc


class DevicePrinter(_RenderingPrinter):
    """A printer device node (`/dev/usb/lp0`) written directly."""

    def __init__(self, url: str, profile: PaperProfile, path: Path) -> None:
        super().__init__(url, profile)
        self.path = path

    def send(self, job_id: str, data: bytes) -> None:
        try:
            with open(self.path, "wb", buffering=0) as dev:
                dev.write(data)
        except OSError as exc:
            raise PrinterFault(f"{self.path}: {exc}") from exc


def _profile(context: DeviceContext) -> PaperProfile:
    return context.settings.get("profile") or PaperProfile.for_width(80)


def register(registry: DriverRegistry) -> None:
    registry.register(DriverInfo(
        DeviceKind.PRINTER, "sim", "simulated printer: each job's bytes in <data-dir>/devices/printer",
        lambda u, c: SimulatedPrinter(u.raw, _profile(c), c.data_dir / "devices" / "printer")))
    registry.register(DriverInfo(
        DeviceKind.PRINTER, "tcp", "network printer, raw TCP (port 9100)",
        lambda u, c: NetworkPrinter(u.raw, _profile(c), u.host, u.port or 9100)))
    registry.register(DriverInfo(
        DeviceKind.PRINTER, "file", "printer device node written directly (/dev/usb/lp0)",
        lambda u, c: DevicePrinter(u.raw, _profile(c), Path(u.target))))


def open_printer(url: str, profile: PaperProfile, data_dir: Path,
                 registry: DriverRegistry | None = None) -> ReceiptPrinter:
    """The printer a URL names, through the driver registry."""
    from drivers.registry import default_registry

    return (registry or default_registry()).open(
        DeviceKind.PRINTER, url, DeviceContext(data_dir, {"profile": profile}))
