"""Running central inside another process: the demo's embedded platform and the tests' server.

The socket is bound before the server thread starts, so the caller knows the
port at once and never races a server that is still starting.
"""

from __future__ import annotations

import socket
import threading
import time

import uvicorn

from .app import create_app


class EmbeddedCentral:
    def __init__(self, db_url: str, host: str = "127.0.0.1", port: int = 0, *,
                 expire_every: float | None = None) -> None:
        self.db_url = db_url
        self.app = create_app(db_url, expire_every=expire_every)
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind((host, port))
        self.host, self.port = self._sock.getsockname()[:2]
        config = uvicorn.Config(self.app, log_level="warning", access_log=False,
                                lifespan="on" if expire_every else "off")
        self._server = uvicorn.Server(config)
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> EmbeddedCentral:
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [self._sock]}, name="central", daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("central did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
        self._sock.close()
        self.app.state.engines.dispose()

    def __enter__(self) -> EmbeddedCentral:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
