"""Scanner drivers in the registry: serial://, wedge://, camera://, sim://.

URL options: `baud=`, `suffix=cr|lf|crlf|tab|none|hex:..` (default cr), `encoding=` (default
utf-8; gbk for scanners that send Chinese QR content so), `gs=` (the character the
scanner sends for the GS1 separator), `serial_number=` / `vid_pid=` (find the
port again after a replug). Cameras: `decoder=zxing|zbar`, `debounce_ms=1500`, `width=`, `height=`.
"""

from __future__ import annotations

import codecs

from drivers.interfaces import DeviceKind
from drivers.registry import DeviceContext, DriverInfo, DriverRegistry
from drivers.urls import DeviceUrl, DeviceUrlError

from .framing import parse_suffix
from .serial_scanner import PtyScanner, SerialScanner
from .wedge import WedgeScanner


def _options(url: DeviceUrl) -> dict:
    try:
        suffix = parse_suffix(url.param("suffix"))
    except ValueError as exc:
        raise DeviceUrlError(f"{url.raw}: {exc}") from None
    encoding = url.param("encoding", "utf-8") or "utf-8"
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise DeviceUrlError(f"{url.raw}: encoding={encoding!r} is unknown; e.g. utf-8, gbk") from None
    gs = url.param("gs")
    if gs is not None and len(gs) != 1:
        raise DeviceUrlError(f"{url.raw}: gs= takes one character, e.g. gs=~")
    return {"suffix": suffix, "encoding": encoding, "gs_substitute": gs}


def _serial(url: DeviceUrl, context: DeviceContext) -> SerialScanner:
    return SerialScanner(url.raw, url.serial_port, url.baud, **_options(url),
                         serial_number=url.param("serial_number"), vid_pid=url.param("vid_pid"))


class SimulatedSerialScanner(SerialScanner):
    """sim://scanner: the real serial driver reading a pseudo-terminal; `simulator.scan()` injects."""

    def __init__(self, url: DeviceUrl) -> None:
        options = _options(url)
        self.simulator = PtyScanner(options["suffix"] or b"\r")
        options["suffix"] = self.simulator.suffix
        super().__init__(url.raw, self.simulator.port, 9600, **options)

    def stop(self) -> None:
        super().stop()
        self.simulator.close()


def _wedge(url: DeviceUrl, context: DeviceContext) -> WedgeScanner:
    return WedgeScanner(url.raw, gs_substitute=_options(url)["gs_substitute"])


def _camera_options(url: DeviceUrl) -> dict:
    decoder = (url.param("decoder") or "zxing").lower()
    if decoder not in ("zxing", "zbar"):
        raise DeviceUrlError(f"{url.raw}: decoder={decoder!r}: use zxing or zbar")
    return {"decoder": decoder, "debounce_ms": url.int_param("debounce_ms", 1500, 0, 60_000),
            "width": url.int_param("width", 640, 160, 4096),
            "height": url.int_param("height", 480, 120, 4096)}


def _camera(url: DeviceUrl, context: DeviceContext):
    from .camera import CameraScanner

    target: str | int = url.index if url.index is not None else url.target
    return CameraScanner(url.raw, target, **_camera_options(url))


def _sim(url: DeviceUrl, context: DeviceContext):
    """sim://scanner: a serial scanner on a pty; sim://camera?file=PATH: a camera showing a file."""
    if url.target == "camera":
        from .camera import CameraScanner

        path = url.param("file")
        if not path:
            raise DeviceUrlError(f"{url.raw}: the camera simulator needs file=PATH (a video or an image)")
        return CameraScanner(url.raw, path, loop=True, **_camera_options(url))
    return SimulatedSerialScanner(url)


def _no_camera() -> str | None:
    try:
        import cv2  # noqa: F401
    except ImportError:
        return "OpenCV is not installed (pip install opencv-python-headless)"
    return None


def _no_pty() -> str | None:
    try:
        import pty  # noqa: F401
        import tty  # noqa: F401
    except ImportError:
        return "simulated serial scanners need pseudo-terminals (Linux, macOS)"
    return None


def register(registry: DriverRegistry) -> None:
    s = DeviceKind.SCANNER
    registry.register(DriverInfo(s, "serial", "serial or virtual-COM scanner (pyserial)", _serial))
    registry.register(DriverInfo(s, "wedge", "keyboard-wedge scanner (the till window's key filter)", _wedge))
    registry.register(DriverInfo(s, "sim", "simulated serial scanner on a pty; sim://camera?file= a camera",
                                 _sim, _no_pty))
    registry.register(DriverInfo(s, "camera", "camera scanner (OpenCV, zxing-cpp or pyzbar)", _camera,
                                 _no_camera))
