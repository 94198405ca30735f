"""Scanner drivers in the registry: serial://, wedge://, sim://.

URL options: `baud=`, `suffix=cr|lf|crlf|tab|none|hex:..` (default cr), `encoding=` (default
utf-8; gbk for scanners that send Chinese QR content so), `gs=` (the character the
scanner sends for the GS1 separator), `serial_number=` / `vid_pid=` (find the
port again after a replug).
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
    registry.register(DriverInfo(s, "sim", "simulated serial scanner on a pseudo-terminal",
                                 lambda u, c: SimulatedSerialScanner(u), _no_pty))
