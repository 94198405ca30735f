"""RFID reader drivers in the registry: serial:// with &protocol=uhfreader18|r2000, llrp://, sim://.

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


def _llrp(url: DeviceUrl, context: DeviceContext):
    from .llrp_reader import LlrpReader

    return LlrpReader(url.raw, url.host, url.port or 5084, window=_window(url, context))


class SimulatedLlrpReader:
    """sim://llrp: the real LLRP driver talking to a loopback LLRP reader."""

    def __init__(self, url: DeviceUrl, context: DeviceContext) -> None:
        from .llrp_reader import LlrpReader
        from .llrp_simulator import LoopbackLlrpReader

        self.simulator = LoopbackLlrpReader().__enter__()
        self.url = url.raw
        self._reader = LlrpReader(url.raw, "127.0.0.1", self.simulator.port, window=_window(url, context))

    @property
    def rejected(self) -> int:
        return self._reader.rejected

    def reread(self) -> None:
        self._reader.reread()

    def start(self, on_tag, on_status=None) -> None:
        self._reader.start(on_tag, on_status)

    def stop(self) -> None:
        self._reader.stop()
        self.simulator.__exit__()


def _sim(url: DeviceUrl, context: DeviceContext):
    if url.target == "llrp":
        return SimulatedLlrpReader(url, context)
    return SimulatedSerialRfidReader(url, context)


def register(registry: DriverRegistry) -> None:
    r = DeviceKind.RFID
    registry.register(DriverInfo(r, "llrp", "LLRP reader over TCP (port 5084; messages decoded by sllurp)",
                                 _llrp))
    registry.register(DriverInfo(r, "serial", "UHF reader on a serial port (uhfreader18, r2000)", _serial))
    registry.register(DriverInfo(r, "sim", "simulated UHF reader on a pty (sim://rfid), LLRP (sim://llrp)",
                                 _sim))
