"""Camera scanners: frames from OpenCV, decoded on the scanner's own thread, debounced.

`camera://0` opens a camera by index, `camera:///dev/video0` by path; the simulator
`sim://camera?file=PATH` plays a video file or shows one image over and over, through
the same code.  Decoding is zxing-cpp (default) or pyzbar (`decoder=zbar`), measured
in bench/camera_decode.py.  A code held in front of the camera is reported once per
`debounce_ms` (default 1500), not once per frame.  OpenCV is the headless wheel: the
full one ships Qt plugins that break PySide6.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from drivers.interfaces import DeviceEvent, DeviceStatus, Scan, ScanHandler, StatusHandler
from drivers.rfid.dedup import ReadWindow

log = logging.getLogger(__name__)
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp"}

Decoded = list[tuple[str, str]]
"""(text, symbology name) for every code found in a frame."""


def zxing_decoder() -> Callable[[Any], Decoded]:
    import zxingcpp

    def decode(gray: Any) -> Decoded:
        return [(r.text, str(r.format).split(".")[-1]) for r in zxingcpp.read_barcodes(gray) if r.valid]

    return decode


def zbar_decoder() -> Callable[[Any], Decoded]:
    from pyzbar import pyzbar

    def decode(gray: Any) -> Decoded:
        return [(r.data.decode("utf-8", "replace"), r.type) for r in pyzbar.decode(gray)]

    return decode


DECODERS = {"zxing": zxing_decoder, "zbar": zbar_decoder}


class ImageLoop:
    """One still image served as an endless stream of frames (for the simulator and benchmarks)."""

    def __init__(self, path: str, fps: float = 30.0) -> None:
        import cv2

        self.frame = cv2.imread(path)
        if self.frame is None:
            raise OSError(f"cannot read image {path}")
        self.interval = 1.0 / fps

    def read(self) -> tuple[bool, Any]:
        time.sleep(self.interval)
        return True, self.frame

    def release(self) -> None:
        pass


def open_source(target: str | int, *, width: int = 640, height: int = 480, loop: bool = False) -> Any:
    import cv2

    if isinstance(target, str) and Path(target).suffix.lower() in IMAGE_SUFFIXES:
        return ImageLoop(target)
    capture = cv2.VideoCapture(target)
    if not capture.isOpened():
        raise OSError(f"cannot open camera or video {target!r}")
    if isinstance(target, int) or str(target).startswith("/dev/"):
        capture.set(cv2.CAP_PROP_FRAME_WIDTH, width)
        capture.set(cv2.CAP_PROP_FRAME_HEIGHT, height)
        capture.set(cv2.CAP_PROP_BUFFERSIZE, 1)  # the newest frame, not one queued behind a slow decode
    return _Looping(capture, target) if loop else capture


class _Looping:
    """A video file that starts again at its end, paced at its own frame rate."""

    def __init__(self, capture: Any, path: str | int) -> None:
        import cv2

        self.capture, self.path = capture, path
        fps = capture.get(cv2.CAP_PROP_FPS) or 30.0
        self.interval = 1.0 / max(1.0, min(fps, 120.0))

    def read(self) -> tuple[bool, Any]:
        import cv2

        time.sleep(self.interval)
        ok, frame = self.capture.read()
        if not ok:
            self.capture.set(cv2.CAP_PROP_POS_FRAMES, 0)
            ok, frame = self.capture.read()
        return ok, frame

    def release(self) -> None:
        self.capture.release()


class CameraScanner:
    def __init__(self, url: str, target: str | int, *, decoder: str = "zxing", debounce_ms: int = 1500,
                 width: int = 640, height: int = 480, loop: bool = False, poll_seconds: float = 2.0) -> None:
        self.url, self.target = url, target
        self.decoder_name = decoder
        self._decode = DECODERS[decoder]()
        self.window = ReadWindow(debounce_ms / 1000)
        self.width, self.height, self.loop = width, height, loop
        self.poll_seconds = poll_seconds
        self.frames = 0
        self.scans = 0
        self.on_frame: Callable[[Any], None] | None = None
        """Called with some frames (about 10 a second, BGR) for a preview window; on this thread."""
        self._last_preview = 0.0
        self.rejected = 0
        self.connected = False
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._on_scan: ScanHandler = lambda s: None
        self._on_status: StatusHandler = lambda s: None

    def start(self, on_scan: ScanHandler, on_status: StatusHandler | None = None) -> None:
        self._on_scan, self._on_status = on_scan, on_status or (lambda s: None)
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=f"camera:{self.target}", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(3)

    def _status(self, event: DeviceEvent, detail: str = "") -> None:
        try:
            self._on_status(DeviceStatus(event, detail))
        except Exception:
            log.exception("camera status callback failed")

    def _run(self) -> None:
        import cv2

        down = False
        while not self._stop.is_set():
            try:
                source = open_source(self.target, width=self.width, height=self.height, loop=self.loop)
            except OSError as exc:
                if not down:
                    self._status(DeviceEvent.DISCONNECTED, str(exc))
                    down = True
                self._stop.wait(self.poll_seconds)
                continue
            down = False
            self.connected = True
            self._status(DeviceEvent.CONNECTED, str(self.target))
            try:
                while not self._stop.is_set():
                    ok, frame = source.read()
                    if not ok:
                        self._status(DeviceEvent.DISCONNECTED, f"{self.target}: no more frames")
                        down = True
                        break
                    self.frames += 1
                    self._preview(frame)
                    gray = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY) if frame.ndim == 3 else frame
                    self._deliver(self._decode(gray))
            finally:
                self.connected = False
                source.release()
            self._stop.wait(self.poll_seconds if not self.loop else 0.2)

    def _preview(self, frame: Any) -> None:
        now = time.monotonic()
        if self.on_frame is not None and now - self._last_preview >= 0.1:
            self._last_preview = now
            try:
                self.on_frame(frame)
            except Exception:
                log.exception("camera preview failed")

    def _deliver(self, found: Decoded) -> None:
        now = time.monotonic()
        for text, symbology in found:
            if not text or any(ord(c) < 0x20 and c != "\x1d" for c in text):
                self.rejected += 1
                continue
            if not self.window.accept(text, now):
                continue
            self.scans += 1
            try:
                self._on_scan(Scan(text, symbology, None, self.url, now))
            except Exception:
                log.exception("scan handler failed for %r", text)
