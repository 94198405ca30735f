"""LLRP readers over TCP (port 5084): one ROSpec that inventories until stopped, reports per tag.

The reader thread connects, waits for the reader's connection event, replaces any
ROSpec with ours (DELETE, ADD, ENABLE, START), answers keepalives, and turns every
RO_ACCESS_REPORT into de-duplicated TagReads.  A refused or dropped connection is
reported and tried again every `poll_seconds`; a message that cannot be decoded is
counted (BAD_INPUT), never raised.  Messages are decoded by sllurp (llrp_codec).
"""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
import time

from drivers.interfaces import DeviceEvent, DeviceStatus, StatusHandler, TagHandler, TagRead

from . import llrp_codec as llrp
from .dedup import ReadWindow

log = logging.getLogger(__name__)
ROSPEC_ID = 0x504F53  # "POS"


class LlrpProtocolError(Exception):
    pass


class LlrpReader:
    def __init__(self, url: str, host: str, port: int = 5084, *, window: float = 2.0,
                 poll_seconds: float = 2.0, connect_timeout: float = 3.0) -> None:
        self.url, self.host, self.port = url, host, port
        self.window = ReadWindow(window)
        self.poll_seconds, self.connect_timeout = poll_seconds, connect_timeout
        self.framer = llrp.Framer()
        self.bad_messages = 0
        self.reports = 0
        self.connected = False
        self._msg_id = 10
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._sock: socket.socket | None = None
        self._on_tag: TagHandler = lambda t: None
        self._on_status: StatusHandler = lambda s: None

    @property
    def rejected(self) -> int:
        return self.bad_messages + self.framer.bad

    def reread(self) -> None:
        """Report the tags in the field again, as if new (see SerialRfidReader.reread)."""
        self.window.reset()

    def start(self, on_tag: TagHandler, on_status: StatusHandler | None = None) -> None:
        self._on_tag, self._on_status = on_tag, on_status or (lambda s: None)
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=f"llrp:{self.host}", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        sock = self._sock
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.sendall(llrp.message(llrp.CLOSE_CONNECTION, b"", self._next_id()))
        if self._thread is not None:
            self._thread.join(3)

    def _status(self, event: DeviceEvent, detail: str = "") -> None:
        try:
            self._on_status(DeviceStatus(event, detail))
        except Exception:
            log.exception("rfid status callback failed")

    def _next_id(self) -> int:
        self._msg_id += 1
        return self._msg_id

    def _run(self) -> None:
        down = False
        while not self._stop.is_set():
            try:
                sock = socket.create_connection((self.host, self.port), timeout=self.connect_timeout)
            except OSError as exc:
                if not down:
                    self._status(DeviceEvent.DISCONNECTED, f"{self.host}:{self.port}: {exc}")
                    down = True
                self._stop.wait(self.poll_seconds)
                continue
            self._sock = sock
            self.framer = llrp.Framer()
            try:
                sock.settimeout(0.2)
                self._session(sock)
                down = False
            except (OSError, LlrpProtocolError) as exc:
                if not self._stop.is_set():
                    self._status(DeviceEvent.DISCONNECTED, f"{self.host}:{self.port}: {exc}")
                    down = True
            finally:
                self.connected = False
                self._sock = None
                sock.close()
            self._stop.wait(min(self.poll_seconds, 0.5))

    def _messages(self, sock: socket.socket, until: float | None = None):
        while not self._stop.is_set() and (until is None or time.monotonic() < until):
            try:
                chunk = sock.recv(65536)
            except TimeoutError:
                continue
            if not chunk:
                raise LlrpProtocolError("the reader closed the connection")
            yield from self.framer.feed(chunk)

    def _expect(self, sock: socket.socket, msg_type: int, timeout: float = 5.0) -> dict:
        for msg in self._messages(sock, time.monotonic() + timeout):
            decoded = self._decode(msg)
            if decoded is None:
                continue
            if msg.type == llrp.KEEPALIVE:
                sock.sendall(llrp.message(llrp.KEEPALIVE_ACK, b"", msg.id))
            elif msg.type == msg_type:
                return decoded
            elif msg.type == llrp.RO_ACCESS_REPORT:
                self._report(decoded)
        raise LlrpProtocolError(f"no answer (message type {msg_type}) from the reader")

    def _command(self, sock: socket.socket, data: bytes, response: int) -> None:
        sock.sendall(data)
        ok, why = llrp.status_ok(self._expect(sock, response))
        if not ok:
            raise LlrpProtocolError(f"the reader refused: {why}")

    def _session(self, sock: socket.socket) -> None:
        event = self._expect(sock, llrp.READER_EVENT_NOTIFICATION)
        data = event["READER_EVENT_NOTIFICATION"].get("ReaderEventNotificationData", {})
        status = (data.get("ConnectionAttemptEvent") or {}).get("Status")
        if status not in (None, "Success"):
            raise LlrpProtocolError(f"the reader refused the connection: {status}")
        self._command(sock, llrp.rospec_command(llrp.DELETE_ROSPEC, 0, self._next_id()),
                      llrp.DELETE_ROSPEC_RESPONSE)
        self._command(sock, llrp.add_rospec(ROSPEC_ID, self._next_id()), llrp.ADD_ROSPEC_RESPONSE)
        self._command(sock, llrp.rospec_command(llrp.ENABLE_ROSPEC, ROSPEC_ID, self._next_id()),
                      llrp.ENABLE_ROSPEC_RESPONSE)
        self._command(sock, llrp.rospec_command(llrp.START_ROSPEC, ROSPEC_ID, self._next_id()),
                      llrp.START_ROSPEC_RESPONSE)
        self.connected = True
        self._status(DeviceEvent.CONNECTED, f"{self.host}:{self.port} (LLRP)")
        for msg in self._messages(sock):
            decoded = self._decode(msg)
            if decoded is None:
                continue
            if msg.type == llrp.RO_ACCESS_REPORT:
                self._report(decoded)
            elif msg.type == llrp.KEEPALIVE:
                sock.sendall(llrp.message(llrp.KEEPALIVE_ACK, b"", msg.id))
            elif msg.type == llrp.CLOSE_CONNECTION_RESPONSE:
                return

    def _decode(self, msg: llrp.Message) -> dict | None:
        try:
            return llrp.decode(msg)
        except llrp.BadMessage as exc:
            self.bad_messages += 1
            log.warning("llrp %s: %s", self.url, exc)
            self._status(DeviceEvent.BAD_INPUT, str(exc)[:120])
            return None

    def _report(self, decoded: dict) -> None:
        self.reports += 1
        now = time.monotonic()
        for epc, antenna, rssi in llrp.report_tags(decoded):
            if self.window.accept(epc, now):
                try:
                    self._on_tag(TagRead(epc, antenna, rssi, self.url, now))
                except Exception:
                    log.exception("tag handler failed for %s", epc)
