"""Real-time status (DLE EOT n) as ESC/POS printers answer it, read with a short deadline.

A printer answers each DLE EOT n with one byte whose fixed bits are 0xx1xx10
(mask 0x93 == 0x12).  No answer, or a byte without those bits, is *unknown*:
many printers (and every spooler queue) never answer, and "unknown" must not be
reported as "ok".  python-escpos's paper_status() does exactly that (an empty
reply returns "paper adequate"), so this layer is ours.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from drivers.interfaces import PrinterCondition, PrinterState

DLE_EOT = b"\x10\x04"
PRINTER_STATUS, OFFLINE_CAUSE, ROLL_PAPER = 1, 2, 4
QUERY = DLE_EOT + bytes([PRINTER_STATUS]) + DLE_EOT + bytes([OFFLINE_CAUSE]) + DLE_EOT + bytes([ROLL_PAPER])
DEFAULT_TIMEOUT = 0.5


def valid(byte: int) -> bool:
    return byte & 0x93 == 0x12


def interpret(reply: bytes) -> PrinterState:
    """Turn the answers to QUERY (printer, offline cause, roll paper, in that order) into a state."""
    if not reply:
        return PrinterState(PrinterCondition.UNKNOWN, "the printer did not answer the status query")
    answers = list(reply[:3])
    if not all(valid(b) for b in answers):
        return PrinterState(PrinterCondition.UNKNOWN, f"unreadable status reply {reply.hex()}", reply)
    printer = answers[0]
    cause = answers[1] if len(answers) > 1 else None
    paper = answers[2] if len(answers) > 2 else None
    if paper is not None and paper & 0x60:
        return PrinterState(PrinterCondition.PAPER_OUT, "out of paper", reply)
    if cause is not None and cause & 0x20:
        return PrinterState(PrinterCondition.PAPER_OUT, "out of paper", reply)
    if cause is not None and cause & 0x04:
        return PrinterState(PrinterCondition.COVER_OPEN, "cover open", reply)
    if printer & 0x08 or (cause is not None and cause & 0x40):
        return PrinterState(PrinterCondition.OFFLINE, "printer offline or in error", reply)
    if paper is not None and paper & 0x0C:
        return PrinterState(PrinterCondition.PAPER_LOW, "paper is running low", reply)
    if len(answers) < 3:
        return PrinterState(PrinterCondition.UNKNOWN, "the printer answered only part of the status query",
                            reply)
    return PrinterState(PrinterCondition.OK, "", reply)


def read_reply(read: Callable[[int, float], bytes], timeout: float, want: int = 3) -> bytes:
    """Collect up to `want` status bytes until `timeout` seconds have passed in total."""
    deadline = time.monotonic() + timeout
    got = b""
    while len(got) < want:
        left = deadline - time.monotonic()
        if left <= 0:
            break
        chunk = read(want - len(got), left)
        if not chunk:
            break
        got += chunk
    return got


def status_byte(*, offline: bool = False, cover_open: bool = False, paper_out: bool = False,
                paper_low: bool = False, which: int) -> int:
    """The byte a printer in this condition answers to DLE EOT `which` (for simulators)."""
    b = 0x12
    if which == PRINTER_STATUS and (offline or cover_open or paper_out):
        b |= 0x08
    elif which == OFFLINE_CAUSE:
        b |= (0x04 if cover_open else 0) | (0x20 if paper_out else 0)
    elif which == ROLL_PAPER:
        b |= (0x60 if paper_out else 0) | (0x0C if paper_low else 0)
    return b
