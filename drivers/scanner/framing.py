"""Cutting a scanner's byte stream into scans: by the configured suffix, or by a pause.

Pure logic (no I/O, no clock of its own), so every case is tested directly and
fuzzed: bytes in, complete scans and rejected fragments out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from drivers.interfaces import Scan

from .aim import split_aim, symbology_name
from .gs1 import GS

SUFFIXES = {"cr": b"\r", "lf": b"\n", "crlf": b"\r\n", "tab": b"\t", "none": b""}
MAX_LENGTH = 4096


def parse_suffix(value: str | None) -> bytes:
    """`cr` (default), `lf`, `crlf`, `tab`, `none` (a pause ends a scan), or hex like `hex:0d0a`."""
    if value is None:
        return b"\r"
    value = value.lower()
    if value in SUFFIXES:
        return SUFFIXES[value]
    if value.startswith("hex:"):
        try:
            raw = bytes.fromhex(value[4:])
        except ValueError:
            raw = b""
        if raw:
            return raw
    raise ValueError(f"suffix={value!r}: use cr, lf, crlf, tab, none or hex:0d0a")


@dataclass
class Framer:
    suffix: bytes = b"\r"
    encoding: str = "utf-8"
    source: str = ""
    max_length: int = MAX_LENGTH
    _buffer: bytearray = field(default_factory=bytearray)
    rejected: int = 0
    rejections: list[str] = field(default_factory=list)
    """Why each fragment since the last `take_rejections()` was refused."""

    def feed(self, data: bytes) -> list[Scan]:
        self._buffer.extend(data)
        scans: list[Scan] = []
        if self.suffix:
            while (at := self._buffer.find(self.suffix)) >= 0:
                chunk = bytes(self._buffer[:at])
                del self._buffer[:at + len(self.suffix)]
                self._emit(chunk, scans)
            if len(self._buffer) > self.max_length:
                self._reject(f"{len(self._buffer)} bytes without a suffix")
                self._buffer.clear()
        return scans

    def idle(self) -> list[Scan]:
        """The line went quiet: with no suffix that ends a scan; with one, a fragment stays pending."""
        if self.suffix or not self._buffer:
            return []
        scans: list[Scan] = []
        chunk = bytes(self._buffer)
        self._buffer.clear()
        self._emit(chunk, scans)
        return scans

    def _emit(self, chunk: bytes, scans: list[Scan]) -> None:
        chunk = chunk.strip(b"\r\n")  # a CR/LF left over from a mismatched suffix setting
        if not chunk:
            return
        if len(chunk) > self.max_length:
            self._reject(f"{len(chunk)} bytes is longer than any barcode")
            return
        try:
            text = chunk.decode(self.encoding)
        except UnicodeDecodeError:
            self._reject(f"not {self.encoding}: {chunk[:40].hex()}")
            return
        if any((ord(c) < 0x20 and c != GS) or ord(c) == 0x7F for c in text):
            self._reject(f"control characters in {text[:40]!r}")
            return
        aim, data = split_aim(text)
        if not data:
            self._reject(f"only a symbology identifier {aim!r}")
            return
        scans.append(Scan(data=data, symbology=symbology_name(aim), aim=aim, source=self.source))

    def take_rejections(self) -> list[str]:
        taken, self.rejections = self.rejections, []
        return taken

    def _reject(self, why: str) -> None:
        self.rejected += 1
        if len(self.rejections) < 100:
            self.rejections.append(why)
