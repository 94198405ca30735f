"""RFID reader drivers in the registry: serial:// with &protocol=uhfreader18|r2000, sim://rfid.

URL options: `protocol=` (required for serial), `address=` (reader address, e.g. 0xFF),
`window_ms=` (de-duplication window; default from config, 2000), `baud=` (57600 is
usual for these readers), `serial_number=` / `vid_pid=`.
"""

from __future__ import annotations

from drivers.interfaces import DeviceKind
from drivers.registry import DeviceContext, DriverInfo, DriverRegistry
from drivers.urls import DeviceUrl, DeviceUrlError

from .serial_reader import SerialRfidReader
from .simulator import PtyRfidReader


def _window(url: DeviceUrl, context: DeviceContext) -> float:
    default = int(context.settings.get("rfid_window_ms", 2000))
    return url.int_param("window_ms", default, 0, 600_000) / 1000


def _serial(url: DeviceUrl, context: DeviceContext) -> SerialRfidReader:
    protocol = (url.param("protocol") or "").lower()
    if not protocol:
        raise DeviceUrlError(f"{url.raw}: an RFID reader needs &protocol=uhfreader18 or &protocol=r2000")
    address = url.int_param("address", -1, -1, 255)
    return SerialRfidReader(url.raw, url.serial_port, url.baud, protocol,
                            address=None if address < 0 else address, window=_window(url, context),
                            serial_number=url.param("serial_number"), vid_pid=url.param("vid_pid"))


class SimulatedSerialRfidReader(SerialRfidReader):
    """sim://rfid[?protocol=r2000]: the real serial driver talking to a reader on a pseudo-terminal."""

    def __init__(self, url: DeviceUrl, context: DeviceContext) -> None:
        protocol = (url.param("protocol") or "uhfreader18").lower()
        if protocol not in ("uhfreader18", "r2000"):
            raise DeviceUrlError(f"{url.raw}: protocol={protocol!r} is unknown; use uhfreader18 or r2000")
        self.simulator = PtyRfidReader(protocol)
        super().__init__(url.raw, self.simulator.port, 57600, protocol, window=_window(url, context))

    def stop(self) -> None:
        super().stop()
        self.simulator.close()


def register(registry: DriverRegistry) -> None:
    r = DeviceKind.RFID
    registry.register(DriverInfo(r, "serial", "UHF reader on a serial port (uhfreader18, r2000)", _serial))
    registry.register(DriverInfo(r, "sim", "simulated UHF reader on a pseudo-terminal",
                                 SimulatedSerialRfidReader))
