"""UHF RFID readers on a serial port: inventory rounds on the reader's own thread, reads de-duplicated.

The protocol (uhfreader18 or r2000) is a codec chosen by the URL; this module
only moves bytes and keeps going: unplugged readers are retried every
`poll_seconds`, frames with bad CRCs and malformed answers are counted and
reported as BAD_INPUT, never raised.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Any

import serial

from drivers.interfaces import DeviceEvent, StatusHandler, TagHandler, TagRead
from drivers.serial_link import SerialDevice

from . import r2000, uhfreader18
from .dedup import ReadWindow

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Seen:
    epc: bytes
    antenna: int = 0
    rssi: int | None = None


class Uhf18Codec:
    name = "uhfreader18"

    def __init__(self, address: int = uhfreader18.BROADCAST) -> None:
        self.address = address
        self.decoder = uhfreader18.Decoder()
        self.bad = 0

    def command(self) -> bytes:
        return uhfreader18.inventory_command(self.address)

    def feed(self, chunk: bytes) -> tuple[list[Seen], bool]:
        seen: list[Seen] = []
        finished = False
        for reply in self.decoder.feed(chunk):
            try:
                seen += [Seen(e) for e in uhfreader18.inventory_epcs(reply)]
            except uhfreader18.BadPayload as exc:
                log.warning("rfid: %s", exc)
                self.bad += 1
            finished = finished or reply.status != uhfreader18.STATUS_MORE
        return seen, finished

    @property
    def bad_frames(self) -> int:
        return self.decoder.bad_frames + self.bad


class R2000Codec:
    name = "r2000"

    def __init__(self, address: int = r2000.DEFAULT_ADDRESS) -> None:
        self.address = address
        self.decoder = r2000.Decoder()
        self.bad = 0

    def command(self) -> bytes:
        return r2000.inventory_command(self.address)

    def feed(self, chunk: bytes) -> tuple[list[Seen], bool]:
        seen: list[Seen] = []
        finished = False
        for frame in self.decoder.feed(chunk):
            try:
                item = r2000.parse_inventory(frame)
            except r2000.BadPayload as exc:
                log.warning("rfid: %s", exc)
                self.bad += 1
                continue
            if isinstance(item, r2000.TagReport):
                seen.append(Seen(item.epc, item.antenna, item.rssi_dbm))
            else:
                finished = True
        return seen, finished

    @property
    def bad_frames(self) -> int:
        return self.decoder.bad_frames + self.bad


CODECS: dict[str, Any] = {"uhfreader18": Uhf18Codec, "r2000": R2000Codec}


class SerialRfidReader(SerialDevice):
    thread_prefix = "rfid"
    stop_timeout = 3.0

    def __init__(self, url: str, port: str, baud: int, protocol: str, *, address: int | None = None,
                 window: float = 2.0, poll_seconds: float = 2.0, round_timeout: float = 1.0,
                 serial_number: str | None = None, vid_pid: str | None = None) -> None:
        super().__init__(url, port, baud, poll_seconds=poll_seconds, serial_number=serial_number,
                         vid_pid=vid_pid)
        codec_cls = CODECS[protocol]
        self.codec = codec_cls() if address is None else codec_cls(address)
        self.window = ReadWindow(window)
        self.round_timeout = round_timeout
        self.rounds = 0
        self._on_tag: TagHandler = lambda t: None

    @property
    def rejected(self) -> int:
        return self.codec.bad_frames

    def reread(self) -> None:
        """Report the tags in the field again at the next round, as if new (a tote read starting
        while the tote already lies on the reader, whose tags were reported before)."""
        self.window.reset()

    def start(self, on_tag: TagHandler, on_status: StatusHandler | None = None) -> None:
        self._on_tag = on_tag
        self._start_thread(on_status)

    def _open_options(self) -> dict:
        return {"timeout": 0.02, "write_timeout": 1.0}

    def _connected_detail(self, port: str) -> str:
        return f"{port} ({self.codec.name})"

    def _session(self, link: serial.Serial) -> None:
        while not self._stop.is_set():
            self._round(link)

    def _round(self, link: serial.Serial) -> None:
        """One inventory: send the command, take answers until the reader says done or time runs out."""
        self.codec.decoder.reset()
        link.write(self.codec.command())
        deadline = time.monotonic() + self.round_timeout
        bad_before = self.codec.bad_frames
        finished = False
        while not finished and time.monotonic() < deadline and not self._stop.is_set():
            chunk = link.read(max(1, link.in_waiting))
            if not chunk:
                continue
            seen, finished = self.codec.feed(chunk)
            now = time.monotonic()
            for s in seen:
                epc = s.epc.hex().upper()
                if self.window.accept(epc, now):
                    self._deliver(TagRead(epc, s.antenna, s.rssi, self.url, now))
        self.rounds += 1
        if self.codec.bad_frames != bad_before:
            self._status(DeviceEvent.BAD_INPUT, f"{self.codec.bad_frames - bad_before} bad frame(s)")

    def _deliver(self, tag: TagRead) -> None:
        try:
            self._on_tag(tag)
        except Exception:
            log.exception("tag handler failed for %s", tag.epc)
