"""A network receipt printer on loopback: keeps every job's bytes and answers DLE EOT like a real one.

Tests, the demo and `pos-client devices test` use it to exercise the real TCP
printer code path.  Flip `paper_out`, `cover_open` or `offline` at any time; with
`answers_status=False` it behaves like the many printers that never reply.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time

from . import status as dle


class LoopbackPrinter:
    def __init__(self, host: str = "127.0.0.1", port: int = 0, *, answers_status: bool = True) -> None:
        self.answers_status = answers_status
        self.paper_out = False
        self.paper_low = False
        self.cover_open = False
        self.jobs: list[bytes] = []
        """Bytes of every connection that carried more than status queries, status queries removed."""
        self.refused: list[bytes] = []
        """Jobs that arrived while the printer could not print (paper out, cover open): never on paper."""
        self.status_queries = 0
        self._cond = threading.Condition()
        self._server = socket.create_server((host, port))
        self._server.settimeout(0.2)
        self.host, self.port = self._server.getsockname()[:2]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, name="sim-printer", daemon=True)

    @property
    def url(self) -> str:
        return f"tcp://{self.host}:{self.port}"

    def start(self) -> LoopbackPrinter:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self._server.close()

    def __enter__(self) -> LoopbackPrinter:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def wait_for_jobs(self, count: int, timeout: float = 5.0) -> list[bytes]:
        deadline = time.monotonic() + timeout
        with self._cond:
            while len(self.jobs) < count and time.monotonic() < deadline:
                self._cond.wait(deadline - time.monotonic())
            return list(self.jobs)

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _addr = self._server.accept()
            except (TimeoutError, OSError):
                continue
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _answer(self, which: int) -> bytes:
        self.status_queries += 1
        return bytes([dle.status_byte(offline=False, cover_open=self.cover_open, paper_out=self.paper_out,
                                      paper_low=self.paper_low, which=which)])

    def _serve(self, conn: socket.socket) -> None:
        data = bytearray()
        pending = b""
        conn.settimeout(0.2)
        with conn:
            while not self._stop.is_set():
                try:
                    chunk = conn.recv(65536)
                except TimeoutError:
                    continue
                except OSError:
                    break
                if not chunk:
                    break
                buf = pending + chunk
                pending = b""
                i = 0
                while i < len(buf):
                    if buf[i:i + 2] == dle.DLE_EOT:
                        if i + 2 >= len(buf):
                            pending = buf[i:]
                            break
                        if self.answers_status:
                            with contextlib.suppress(OSError):
                                conn.sendall(self._answer(buf[i + 2]))
                        i += 3
                        continue
                    data.append(buf[i])
                    i += 1
        if data:
            with self._cond:
                target = self.refused if (self.paper_out or self.cover_open) else self.jobs
                target.append(bytes(data))
                self._cond.notify_all()
