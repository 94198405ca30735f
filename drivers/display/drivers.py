"""Customer display drivers in the registry: serial:// pole displays, sim://display.

URL options: `baud=` (9600 usual), `mode=epson|cd5220`, `encoding=ascii|gb18030`, `width=20`.
"""

from __future__ import annotations

import codecs

from drivers.interfaces import DeviceKind
from drivers.printer.transports import SerialTransport
from drivers.registry import DriverInfo, DriverRegistry
from drivers.urls import DeviceUrl, DeviceUrlError

from .pole import MODES, PoleDisplay, PtyPoleDisplay, serial_pole


def _options(url: DeviceUrl) -> dict:
    mode = (url.param("mode") or "epson").lower()
    if mode not in MODES:
        raise DeviceUrlError(f"{url.raw}: mode={mode!r} is unknown; use epson or cd5220")
    encoding = url.param("encoding") or "ascii"
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise DeviceUrlError(f"{url.raw}: encoding={encoding!r} is unknown") from None
    return {"mode": mode, "encoding": encoding, "width": url.int_param("width", 20, 8, 80)}


class SimulatedPoleDisplay(PoleDisplay):
    """sim://display: the real pole display driver writing to a display on a pseudo-terminal."""

    def __init__(self, url: DeviceUrl) -> None:
        options = _options(url)
        self.simulator = PtyPoleDisplay(options["width"], options["encoding"])
        port = self.simulator.port
        super().__init__(url.raw, lambda: SerialTransport(port, 9600, write_timeout=2.0), **options)

    def close(self) -> None:
        self.simulator.close()


def register(registry: DriverRegistry) -> None:
    d = DeviceKind.DISPLAY
    registry.register(DriverInfo(d, "serial", "2x20 pole display on a serial port (epson or cd5220 commands)",
                                 lambda u, c: serial_pole(u.raw, u.serial_port, u.baud, **_options(u))))
    registry.register(DriverInfo(d, "sim", "simulated pole display on a pseudo-terminal",
                                 lambda u, c: SimulatedPoleDisplay(u)))

