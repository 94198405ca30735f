"""An LLRP reader on loopback: accepts our ROSpec and reports the tags "in its field" every 50 ms."""

from __future__ import annotations

import contextlib
import socket
import struct
import threading

from . import llrp_codec as llrp


class LoopbackLlrpReader:
    def __init__(self, tags: list[str] | None = None, *, refuse: bool = False, garbage: bool = False,
                 interval: float = 0.05) -> None:
        self.tags: list[str] = list(tags or [])
        self.refuse, self.garbage, self.interval = refuse, garbage, interval
        self.received: list[int] = []
        self.started = threading.Event()
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.2)
        self.port = self._server.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, name="sim-llrp", daemon=True)

    @property
    def url(self) -> str:
        return f"llrp://127.0.0.1:{self.port}"

    def __enter__(self) -> LoopbackLlrpReader:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(2)
        self._server.close()

    def demo(self) -> None:
        from .simulator import DEMO_TAGS

        self.tags = list(DEMO_TAGS)

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except (TimeoutError, OSError):
                continue
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        framer = llrp.Framer()
        inventory = False
        with conn:
            conn.sendall(llrp.connection_event(success=not self.refuse))
            conn.settimeout(self.interval)
            while not self._stop.is_set():
                try:
                    chunk = conn.recv(65536)
                    if not chunk:
                        return
                except TimeoutError:
                    chunk = b""
                except OSError:
                    return
                for msg in framer.feed(chunk):
                    self.received.append(msg.type)
                    reply = llrp.RESPONSE_TO.get(msg.type)
                    if reply is not None:
                        conn.sendall(llrp.message(reply, llrp.llrp_status(), msg.id))
                    if msg.type == llrp.START_ROSPEC:
                        inventory = True
                        self.started.set()
                    if msg.type == llrp.CLOSE_CONNECTION:
                        return
                if inventory and self.tags:
                    with contextlib.suppress(OSError):
                        if self.garbage:  # a message sllurp cannot read, then a good one
                            conn.sendall(llrp.message(llrp.RO_ACCESS_REPORT,
                                                      struct.pack("!HH", 240, 200) + b"\x01\x02"))
                        conn.sendall(llrp.tag_report(
                            [(bytes.fromhex(t), 1 + n % 4, -50 - n % 30) for n, t in enumerate(self.tags)]))
