"""A UHF reader on a pseudo-terminal: answers inventory commands with the tags "in its field".

The real serial driver opens `port`; put tags in the field with `tags = [...]`
(EPC hex).  `noise=True` adds line noise and a frame with a bad CRC before every
answer, which the driver must count and survive.
"""

from __future__ import annotations

import contextlib
import os
import select
import threading

from . import r2000, uhfreader18

DEMO_TAGS = [
    "3074257BF7194E4000001A85",  # SGTIN-96: GTIN 80614141123458, serial 6789
    "30340242201D8840009EFDB3",  # SGTIN-96
    "E2801160600002084D9D0C3B",  # a chip's factory EPC: not GS1
]


class PtyRfidReader:
    def __init__(self, protocol: str = "uhfreader18", tags: list[str] | None = None, *,
                 noise: bool = False, per_frame: int = 16) -> None:
        import tty

        if protocol not in ("uhfreader18", "r2000"):
            raise ValueError(f"unknown protocol {protocol!r}")
        self.protocol = protocol
        self.tags: list[str] = list(tags or [])
        self.noise = noise
        self.per_frame = per_frame
        self.commands = 0
        self._master, self._slave = os.openpty()
        tty.setraw(self._slave)
        self.port = os.ttyname(self._slave)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sim-rfid", daemon=True)
        self._thread.start()

    def demo(self) -> None:
        self.tags = list(DEMO_TAGS)

    def answer(self) -> bytes:
        epcs = [bytes.fromhex(t) for t in self.tags]
        out = b""
        if self.noise:
            out += b"\x00\x13\x37"
            sample = epcs[0] if epcs else b"\x01\x02"
            bad = bytearray(uhfreader18.inventory_reply([sample]) if self.protocol == "uhfreader18"
                            else r2000.tag_frame(sample))
            bad[-1] ^= 0xFF
            out += bytes(bad)
        if self.protocol == "uhfreader18":
            chunks = [epcs[i:i + self.per_frame] for i in range(0, len(epcs), self.per_frame)] or [[]]
            for i, chunk in enumerate(chunks):
                last = i == len(chunks) - 1
                status = uhfreader18.STATUS_DONE if last else uhfreader18.STATUS_MORE
                out += uhfreader18.inventory_reply(chunk, status=status)
        else:
            for n, epc in enumerate(epcs):
                out += r2000.tag_frame(epc, antenna=1 + n % 4, rssi_dbm=-50 - n % 20)
            out += r2000.done_frame(len(epcs))
        return out

    def _run(self) -> None:
        command = (uhfreader18.inventory_command() if self.protocol == "uhfreader18"
                   else r2000.inventory_command())
        pending = b""
        while not self._stop.is_set():
            try:
                ready = select.select([self._master], [], [], 0.05)[0]
                if not ready:
                    continue
                pending += os.read(self._master, 4096)
            except OSError:
                return
            while (at := pending.find(command)) >= 0:
                pending = pending[at + len(command):]
                self.commands += 1
                with contextlib.suppress(OSError):
                    os.write(self._master, self.answer())
            pending = pending[-len(command):]

    def close(self) -> None:
        self._stop.set()
        self._thread.join(1)
        for fd in (self._master, self._slave):
            with contextlib.suppress(OSError):
                os.close(fd)
