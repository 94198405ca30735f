"""A real TCP proxy between a till and central that breaks HTTP/1.1 the ways store networks do.

The till talks to `proxy.url` instead of `central.url`.  Every request is read
whole (request line, headers, Content-Length or chunked body), a fault is
chosen for it, and then the proxy acts on the sockets:

- ``drop_request``: close the till's connection without forwarding (central never sees it);
- ``drop_response``: forward, read central's whole answer (central has committed), then
  close without sending any of it;
- ``duplicate_request``: send the request to central twice over two connections and
  return the second answer;
- ``delay``: sleep before forwarding (or, with ``phase="response"``, before answering);
- ``reset``: send part of the answer, then a TCP RST (SO_LINGER 0);
- ``truncate``: send the head with its full Content-Length (or the chunked framing) and only
  part of the body, then close ("body cut short");
- ``captive_portal``: answer ``200 OK`` (or another ``status``, e.g. 511) with an HTML login
  page, without contacting central.

A fault is chosen per request: first a scripted fault (a queue, for deterministic
tests), else ``always`` (a standing fault, e.g. everything dropped while "offline"),
else a draw from a seeded ``random.Random`` against per-kind probabilities.
Every answer the proxy relays carries ``Connection: close``, so each request has
its own connection and the client never reuses a socket the proxy broke.

The proxy only ever connects to the loopback target it was given.
"""

from __future__ import annotations

import contextlib
import ipaddress
import random
import socket
import struct
import threading
import time
from collections import Counter, deque
from dataclasses import dataclass
from urllib.parse import urlsplit

FAULTS = ("drop_request", "drop_response", "duplicate_request", "delay", "reset", "truncate",
          "captive_portal")

CAPTIVE_PAGE = (
    b"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Guest Wi-Fi</title></head>\n"
    b"<body><h1>Welcome to Mall Free Wi-Fi</h1><p>Please log in to continue.</p>\n"
    b"<form method=\"post\" action=\"/portal/login\"><input name=\"phone\">"
    b"<input name=\"sms_code\"><button>Connect</button></form></body></html>\n"
)

_MAX_LINE = 64 * 1024
_HOP_HEADERS = {b"connection", b"keep-alive", b"proxy-connection"}


class _Closed(Exception):
    """The peer closed (or broke) its side before a whole message arrived."""


@dataclass(frozen=True)
class Fault:
    kind: str
    path: str | None = None
    """Only a request whose path starts with this takes the fault (None: any request)."""
    delay_ms: int | None = None
    phase: str = "request"
    """For ``delay``: "request" sleeps before forwarding, "response" before answering."""
    status: int = 200
    """For ``captive_portal``: the status line the portal answers with."""

    def __post_init__(self) -> None:
        if self.kind not in FAULTS:
            raise ValueError(f"unknown fault {self.kind!r}; known: {', '.join(FAULTS)}")
        if self.phase not in ("request", "response"):
            raise ValueError(f"unknown delay phase {self.phase!r}")

    def matches(self, path: str) -> bool:
        return self.path is None or path.startswith(self.path)


@dataclass(frozen=True)
class Handled:
    """What the proxy did with one request."""

    method: str
    path: str
    fault: str | None
    forwarded: int
    """How many times the request reached central (0, 1, or 2 for a duplicate)."""
    status: int | None
    """Central's status code when it answered (whether or not the till got it)."""


@dataclass
class _Message:
    head: bytes  # start line, without CRLF
    headers: list[tuple[bytes, bytes]]
    body: bytes  # raw framed body: chunked stays chunked

    def header(self, name: str) -> str | None:
        key = name.lower().encode()
        for k, v in self.headers:
            if k.lower() == key:
                return v.decode("latin-1").strip()
        return None

    def encode(self, *, close: bool = True) -> tuple[bytes, bytes]:
        """(head bytes with CRLFCRLF, body bytes), hop-by-hop headers replaced by `Connection: close`."""
        lines = [self.head]
        lines += [k + b": " + v for k, v in self.headers if k.lower() not in _HOP_HEADERS]
        if close:
            lines.append(b"Connection: close")
        return b"\r\n".join(lines) + b"\r\n\r\n", self.body


@dataclass
class _Outcome:
    method: str = ""
    path: str = ""
    fault: Fault | None = None
    forwarded: int = 0
    status: int | None = None
    reset: bool = False
    recorded: bool = False


class _Reader:
    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock
        self._buf = bytearray()

    def _fill(self) -> bool:
        try:
            chunk = self._sock.recv(65536)
        except OSError as exc:
            raise _Closed(str(exc)) from exc
        if not chunk:
            return False
        self._buf += chunk
        return True

    def readline(self) -> bytes:
        while True:
            at = self._buf.find(b"\r\n")
            if at >= 0:
                line = bytes(self._buf[:at + 2])
                del self._buf[:at + 2]
                return line
            if len(self._buf) > _MAX_LINE:
                raise _Closed("line too long")
            if not self._fill():
                raise _Closed("closed mid-line")

    def read(self, n: int) -> bytes:
        while len(self._buf) < n:
            if not self._fill():
                raise _Closed(f"closed with {n - len(self._buf)} bytes missing")
        data = bytes(self._buf[:n])
        del self._buf[:n]
        return data

    def read_to_eof(self) -> bytes:
        while self._fill():
            pass
        data = bytes(self._buf)
        self._buf.clear()
        return data

    def message(self, *, request: bool, method: str = "") -> _Message:
        head = self.readline().rstrip(b"\r\n")
        headers: list[tuple[bytes, bytes]] = []
        while True:
            line = self.readline()
            if line == b"\r\n":
                break
            name, sep, value = line.rstrip(b"\r\n").partition(b":")
            if not sep:
                raise _Closed(f"bad header line {line!r}")
            headers.append((name.strip(), value.strip()))
        msg = _Message(head, headers, b"")
        status = 0 if request else int(head.split(b" ", 2)[1])
        if not request and (method == "HEAD" or 100 <= status < 200 or status in (204, 304)):
            return msg
        if "chunked" in (msg.header("transfer-encoding") or "").lower():
            msg.body = self._chunked()
        elif msg.header("content-length") is not None:
            msg.body = self.read(int(msg.header("content-length") or 0))
        elif not request:
            msg.body = self.read_to_eof()
        return msg

    def _chunked(self) -> bytes:
        raw = bytearray()
        while True:
            size_line = self.readline()
            raw += size_line
            size = int(size_line.split(b";")[0].strip() or b"0", 16)
            if size == 0:
                while True:  # trailers, then the empty line
                    line = self.readline()
                    raw += line
                    if line == b"\r\n":
                        return bytes(raw)
            raw += self.read(size + 2)


def _loopback_target(target: str | tuple[str, int]) -> tuple[str, int]:
    if isinstance(target, str):
        parts = urlsplit(target if "//" in target else f"http://{target}")
        host, port = parts.hostname or "", parts.port or 80
    else:
        host, port = target
    if host == "localhost":
        host = "127.0.0.1"
    if not ipaddress.ip_address(host).is_loopback:
        raise ValueError(f"the fault proxy only forwards to loopback, not {host}")
    return host, int(port)


class FaultProxy:
    def __init__(self, target: str | tuple[str, int], *, seed: int = 0,
                 probabilities: dict[str, float] | None = None,
                 delay_ms: tuple[int, int] = (50, 150), timeout: float = 15.0) -> None:
        self.target = _loopback_target(target)
        self.seed = seed
        self.probabilities: dict[str, float] = dict(probabilities or {})
        for kind in self.probabilities:
            Fault(kind)  # validates the name
        if sum(self.probabilities.values()) > 1.0:
            raise ValueError("fault probabilities add up to more than 1")
        self.delay_ms = delay_ms
        self.always: Fault | None = None
        """A standing fault for every matching request (after the script, before chance)."""
        self.timeout = timeout
        self.counts: Counter[str] = Counter()
        self.log: list[Handled] = []
        self._rng = random.Random(seed)
        self._script: deque[Fault] = deque()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self.host, self.port = self._listener.getsockname()[:2]
        self._accepting: threading.Thread | None = None
        self._workers: set[threading.Thread] = set()
        self._open: set[socket.socket] = set()

    # ---------------------------------------------------------------- control
    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def script(self, kind: str, path: str | None = None, *, delay_ms: int | None = None,
               phase: str = "request", status: int = 200) -> FaultProxy:
        """Queue a fault for the next request whose path starts with `path` (in queue order)."""
        with self._lock:
            self._script.append(Fault(kind, path, delay_ms, phase, status))
        return self

    def set_always(self, kind: str | None, path: str | None = None, *, delay_ms: int | None = None,
                   phase: str = "request", status: int = 200) -> None:
        self.always = None if kind is None else Fault(kind, path, delay_ms, phase, status)

    def pending_script(self) -> int:
        with self._lock:
            return len(self._script)

    def handled(self, path: str | None = None) -> list[Handled]:
        with self._lock:
            return [h for h in self.log if path is None or h.path.startswith(path)]

    def forwarded(self, path: str | None = None) -> int:
        """How many requests (matching `path`) central actually received through this proxy."""
        return sum(h.forwarded for h in self.handled(path))

    def start(self) -> FaultProxy:
        self._listener.listen(64)
        self._listener.settimeout(0.05)
        self._accepting = threading.Thread(target=self._accept_loop, name="fault-proxy", daemon=True)
        self._accepting.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._accepting is not None:
            self._accepting.join(timeout=5)
        self._listener.close()
        with self._lock:
            socks, workers = list(self._open), list(self._workers)
        for sock in socks:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        for worker in workers:
            worker.join(timeout=5)

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ---------------------------------------------------------------- work
    def _accept_loop(self) -> None:
        while not self._stopping.is_set():
            try:
                conn, _addr = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            conn.settimeout(self.timeout)
            worker = threading.Thread(target=self._serve, args=(conn,), name="fault-proxy-conn",
                                      daemon=True)
            with self._lock:
                self._open.add(conn)
                self._workers.add(worker)
            worker.start()

    def _choose(self, path: str) -> Fault | None:
        with self._lock:
            if self._script and self._script[0].matches(path):
                return self._script.popleft()
            if self.always is not None and self.always.matches(path):
                return self.always
            if not self.probabilities:
                return None
            draw = self._rng.random()
            delay = self._rng.randint(*self.delay_ms)
            edge = 0.0
            for kind in FAULTS:
                edge += self.probabilities.get(kind, 0.0)
                if draw < edge:
                    return Fault(kind, delay_ms=delay)
            return None

    def _serve(self, client: socket.socket) -> None:
        outcome = _Outcome()
        try:
            request = _Reader(client).message(request=True)
            method, _, rest = request.head.decode("latin-1").partition(" ")
            outcome.method, outcome.path = method, rest.rpartition(" ")[0] or rest
            outcome.fault = self._choose(outcome.path)
            self._act(client, request, outcome)
        except (_Closed, OSError):
            pass
        finally:
            self._record(outcome)
            with self._lock:
                self._open.discard(client)
                self._workers.discard(threading.current_thread())
            if not outcome.reset:
                with contextlib.suppress(OSError):
                    client.close()

    def _record(self, outcome: _Outcome) -> None:
        """Count and log a request once, before the client can see what happened to it."""
        with self._lock:
            if outcome.recorded or not outcome.method:
                return
            outcome.recorded = True
            if outcome.fault is not None:
                self.counts[outcome.fault.kind] += 1
            self.log.append(Handled(outcome.method, outcome.path,
                                    outcome.fault.kind if outcome.fault else None,
                                    outcome.forwarded, outcome.status))

    def _act(self, client: socket.socket, request: _Message, outcome: _Outcome) -> None:
        fault = outcome.fault
        kind = fault.kind if fault else None
        delay = (fault.delay_ms if fault and fault.delay_ms is not None else self.delay_ms[0]) / 1000
        if kind == "captive_portal" and fault is not None:
            self._record(outcome)
            reason = {200: "OK", 302: "Found", 511: "Network Authentication Required"}.get(fault.status, "X")
            where = b"Location: http://127.0.0.1/portal/login\r\n" if fault.status == 302 else b""
            client.sendall(f"HTTP/1.1 {fault.status} {reason}\r\n".encode() + where
                           + b"Content-Type: text/html; charset=utf-8\r\n"
                           b"Cache-Control: no-store\r\nContent-Length: "
                           + str(len(CAPTIVE_PAGE)).encode() + b"\r\nConnection: close\r\n\r\n"
                           + CAPTIVE_PAGE)
            return
        if kind == "drop_request":
            return  # recorded in _serve, before the socket is closed
        if kind == "delay" and fault is not None and fault.phase == "request":
            time.sleep(delay)
        response = self._forward(request, outcome)
        if kind == "duplicate_request":
            response = self._forward(request, outcome)
        if kind == "drop_response":
            return
        if kind == "delay" and fault is not None and fault.phase == "response":
            time.sleep(delay)
        head, body = response.encode()
        self._record(outcome)
        if kind in ("reset", "truncate"):
            client.sendall(head + body[:len(body) // 2] if body else head[:len(head) // 2])
            if kind == "reset":
                client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                outcome.reset = True
                client.close()  # with linger 0: RST, not FIN
                return
            client.shutdown(socket.SHUT_WR)
            return
        client.sendall(head + body)

    def _forward(self, request: _Message, outcome: _Outcome) -> _Message:
        head, body = request.encode()
        with socket.create_connection(self.target, timeout=self.timeout) as upstream:
            upstream.sendall(head + body)
            outcome.forwarded += 1
            message = _Reader(upstream).message(request=False, method=outcome.method)
        outcome.status = int(message.head.split(b" ", 2)[1])
        return message
