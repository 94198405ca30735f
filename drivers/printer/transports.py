"""Byte pipes to a printer: raw TCP, a serial port, a device node, or an OS spooler queue.

Each transport is opened for one job or one status query and closed again, so a
printer that was switched off, replugged or given a new cable is simply found on
the next attempt.  TCP and serial can read the printer's status answers; a device
node and spooler queues cannot (their status is "unknown").  CUPS, the Windows
spooler and raw USB go through python-escpos's printer classes, which know those
platform libraries; TCP and serial are ours because python-escpos gives no read
deadline shorter than its connect timeout.
"""

from __future__ import annotations

import contextlib
import socket
from typing import Any, Protocol

import serial


class Transport(Protocol):
    description: str
    can_read: bool

    def open(self) -> None: ...

    def write(self, data: bytes) -> None: ...

    def read(self, size: int, timeout: float) -> bytes: ...

    def close(self) -> None: ...


class TcpTransport:
    can_read = True

    def __init__(self, host: str, port: int, connect_timeout: float = 3.0,
                 write_timeout: float = 10.0) -> None:
        self.host, self.port = host, port
        self.connect_timeout, self.write_timeout = connect_timeout, write_timeout
        self.description = f"{host}:{port}"
        self._sock: socket.socket | None = None

    def open(self) -> None:
        self._sock = socket.create_connection((self.host, self.port), timeout=self.connect_timeout)
        self._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def write(self, data: bytes) -> None:
        assert self._sock is not None
        self._sock.settimeout(self.write_timeout)
        self._sock.sendall(data)

    def read(self, size: int, timeout: float) -> bytes:
        assert self._sock is not None
        self._sock.settimeout(max(0.001, timeout))
        try:
            return self._sock.recv(size)
        except TimeoutError:
            return b""

    def close(self) -> None:
        if self._sock is not None:
            with contextlib.suppress(OSError):
                self._sock.shutdown(socket.SHUT_WR)
            self._sock.close()
            self._sock = None


class SerialTransport:
    """A serial or virtual-COM printer through pyserial; writes give up after `write_timeout`."""

    can_read = True

    def __init__(self, port: str, baud: int = 9600, write_timeout: float = 10.0) -> None:
        self.port, self.baud, self.write_timeout = port, baud, write_timeout
        self.description = f"{port} at {baud} baud"
        self._serial: serial.Serial | None = None

    def open(self) -> None:
        self._serial = serial.Serial(self.port, self.baud, timeout=0.1, write_timeout=self.write_timeout)

    def write(self, data: bytes) -> None:
        assert self._serial is not None
        self._serial.write(data)
        self._serial.flush()

    def read(self, size: int, timeout: float) -> bytes:
        assert self._serial is not None
        self._serial.timeout = max(0.001, timeout)
        return self._serial.read(size)

    def close(self) -> None:
        if self._serial is not None:
            with contextlib.suppress(OSError, serial.SerialException):
                self._serial.close()
            self._serial = None


class FileTransport:
    """A device node such as /dev/usb/lp0 (see README for the udev rule that lets staff write it)."""

    can_read = False

    def __init__(self, path: str) -> None:
        self.path = path
        self.description = path
        self._file: Any = None

    def open(self) -> None:
        self._file = open(self.path, "wb", buffering=0)  # noqa: SIM115 - closed in close()

    def write(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            written = self._file.write(view)
            view = view[written or 0:]

    def read(self, size: int, timeout: float) -> bytes:
        return b""

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


class EscposTransport:
    """A python-escpos printer class (CupsPrinter, Win32Raw, Usb) used only as a byte pipe."""

    can_read = False

    def __init__(self, description: str, make: Any) -> None:
        self.description = description
        self._make = make
        self._printer: Any = None

    def open(self) -> None:
        self._printer = self._make()
        self._printer.open(raise_not_found=True)

    def write(self, data: bytes) -> None:
        self._printer._raw(data)

    def read(self, size: int, timeout: float) -> bytes:
        return b""

    def close(self) -> None:
        if self._printer is not None:
            with contextlib.suppress(Exception):
                self._printer.close()
            self._printer = None
