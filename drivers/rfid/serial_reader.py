"""UHF RFID readers on a serial port: inventory rounds on the reader's own thread, reads de-duplicated.

The protocol (uhfreader18 or r2000) is a codec chosen by the URL; this module
only moves bytes and keeps going: unplugged readers are retried every
`poll_seconds`, frames with bad CRCs and malformed answers are counted and
reported as BAD_INPUT, never raised.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Any

import serial

from drivers.interfaces import DeviceEvent, DeviceStatus, StatusHandler, TagHandler, TagRead
from drivers.ports import resolve_port

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


class SerialRfidReader:
    def __init__(self, url: str, port: str, baud: int, protocol: str, *, address: int | None = None,
                 window: float = 2.0, poll_seconds: float = 2.0, round_timeout: float = 1.0,
                 serial_number: str | None = None, vid_pid: str | None = None) -> None:
        self.url, self.port, self.baud = url, port, baud
        codec_cls = CODECS[protocol]
        self.codec = codec_cls() if address is None else codec_cls(address)
        self.window = ReadWindow(window)
        self.poll_seconds, self.round_timeout = poll_seconds, round_timeout
        self.serial_number, self.vid_pid = serial_number, vid_pid
        self.rounds = 0
        self.connected = False
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._on_tag: TagHandler = lambda t: None
        self._on_status: StatusHandler = lambda s: None

    @property
    def rejected(self) -> int:
        return self.codec.bad_frames

    def start(self, on_tag: TagHandler, on_status: StatusHandler | None = None) -> None:
        self._on_tag, self._on_status = on_tag, on_status or (lambda s: None)
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=f"rfid:{self.port}", daemon=True)
        self._thread.start()

    def poke(self) -> None:
        """Try the port now (a device was just plugged in), not at the next poll."""
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(3)

    def _status(self, event: DeviceEvent, detail: str = "") -> None:
        try:
            self._on_status(DeviceStatus(event, detail))
        except Exception:
            log.exception("rfid status callback failed")

    def _run(self) -> None:
        down = False
        while not self._stop.is_set():
            port = resolve_port(self.port, self.serial_number, self.vid_pid)
            try:
                link = serial.Serial(port, self.baud, timeout=0.02, write_timeout=1.0)
            except (serial.SerialException, OSError) as exc:
                if not down:
                    self._status(DeviceEvent.DISCONNECTED, f"{port}: {exc}")
                    down = True
                self._wake.wait(self.poll_seconds)
                self._wake.clear()
                continue
            down = False
            self.connected = True
            self._status(DeviceEvent.CONNECTED, f"{port} ({self.codec.name})")
            try:
                while not self._stop.is_set():
                    self._round(link)
            except (serial.SerialException, OSError) as exc:
                self._status(DeviceEvent.DISCONNECTED, f"{port}: {exc}")
                down = True
            finally:
                self.connected = False
                link.close()
            self._stop.wait(0.2)

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
