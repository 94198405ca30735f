"""A 2x20 pole display (VFD) on a serial port: the current line on top, the total below.

Two command sets cover nearly every model sold: `mode=epson` (ESC/POS for customer
displays: ESC @, clear, US $ x y to place the cursor), the default, and
`mode=cd5220` (ESC Q A / ESC Q B + CR for the upper / lower line).  Text is
encoded in the display's `encoding` (default ascii: most VFDs have no Chinese font;
gb18030 for those that do); when the Chinese name cannot be shown, the English
one is.  Widths count a Chinese character as two cells.
"""

from __future__ import annotations

import contextlib
import os
import select
import threading
from collections.abc import Callable

from drivers.interfaces import DisplayContent
from drivers.printer.textwidth import cell_width, wrap_cells
from drivers.printer.transports import SerialTransport, Transport

ESC, US, FF, CR = b"\x1b", b"\x1f", b"\x0c", b"\r"
MODES = ("epson", "cd5220")


def _fits(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def _cut(text: str, width: int) -> str:
    return wrap_cells(text, width)[0] if text else ""


def two_line(left: str, right: str, width: int) -> str:
    """`left` cut to leave room for `right`, flush right, exactly `width` cells."""
    room = width - cell_width(right) - (1 if right else 0)
    left = _cut(left, max(0, room))
    return left + " " * (width - cell_width(left) - cell_width(right)) + right


def pole_lines(content: DisplayContent, width: int = 20, encoding: str = "ascii") -> tuple[str, str]:
    line = content.line if _fits(content.line, encoding) else content.line_en
    total_label = "合计" if _fits("合计", encoding) else "TOTAL"
    upper = two_line(line, content.amount, width) if (line or content.amount) else " " * width
    lower = two_line(total_label if content.total else "", content.total, width)
    return upper, lower


def commands(upper: str, lower: str, mode: str, encoding: str) -> bytes:
    up, low = upper.encode(encoding, "replace"), lower.encode(encoding, "replace")
    if mode == "cd5220":
        return FF + ESC + b"QA" + up + CR + ESC + b"QB" + low + CR
    return ESC + b"@" + FF + US + b"$\x01\x01" + up + US + b"$\x01\x02" + low


class PoleDisplay:
    def __init__(self, url: str, transport: Callable[[], Transport], *, mode: str = "epson",
                 encoding: str = "ascii", width: int = 20) -> None:
        if mode not in MODES:
            raise ValueError(f"mode={mode!r}: use epson or cd5220")
        self.url, self.mode, self.encoding, self.width = url, mode, encoding, width
        self._transport = transport

    def _send(self, data: bytes) -> None:
        t = self._transport()
        try:
            t.open()
            t.write(data)
        finally:
            t.close()

    def show(self, content: DisplayContent) -> None:
        upper, lower = pole_lines(content, self.width, self.encoding)
        self._send(commands(upper, lower, self.mode, self.encoding))

    def clear(self) -> None:
        self._send(FF)

    def close(self) -> None:
        pass


def serial_pole(url: str, port: str, baud: int, **kw: object) -> PoleDisplay:
    return PoleDisplay(url, lambda: SerialTransport(port, baud, write_timeout=2.0), **kw)  # type: ignore[arg-type]


class PtyPoleDisplay:
    """A pole display on a pseudo-terminal that keeps what it would show (both command sets)."""

    def __init__(self, width: int = 20, encoding: str = "ascii") -> None:
        import tty

        self.width, self.encoding = width, encoding
        self.upper = self.lower = ""
        self.updates = 0
        self._cond = threading.Condition()
        self._master, self._slave = os.openpty()
        tty.setraw(self._slave)
        self.port = os.ttyname(self._slave)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sim-display", daemon=True)
        self._thread.start()

    def wait(self, updates: int, timeout: float = 3.0) -> tuple[str, str]:
        with self._cond:
            self._cond.wait_for(lambda: self.updates >= updates, timeout)
            return self.upper, self.lower

    def _run(self) -> None:
        buf = b""
        while not self._stop.is_set():
            try:
                if not select.select([self._master], [], [], 0.05)[0]:
                    if buf:
                        self._interpret(buf)
                        buf = b""
                    continue
                buf += os.read(self._master, 4096)
            except OSError:
                return

    def _interpret(self, data: bytes) -> None:
        upper, lower = self.upper, self.lower
        for frame in data.split(FF)[1:] or [data]:
            if frame.startswith(ESC + b"QA"):
                up, _, rest = frame[3:].partition(CR)
                low = rest[3:].partition(CR)[0] if rest.startswith(ESC + b"QB") else b""
                upper, lower = up.decode(self.encoding, "replace"), low.decode(self.encoding, "replace")
            elif frame.startswith(US + b"$\x01\x01"):
                up, _, low = frame[4:].partition(US + b"$\x01\x02")
                upper, lower = up.decode(self.encoding, "replace"), low.decode(self.encoding, "replace")
            elif not frame.strip(ESC + b"@"):
                upper = lower = ""
        with self._cond:
            self.upper, self.lower = upper, lower
            self.updates += 1
            self._cond.notify_all()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(1)
        for fd in (self._master, self._slave):
            with contextlib.suppress(OSError):
                os.close(fd)
