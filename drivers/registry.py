"""Which driver opens which device: a registry keyed by device kind and URL scheme.

Drivers say what they support when they register; a device is opened through the
registry each time it is (re)connected, so a replugged or reconfigured device is
looked up again rather than held as a stale object.  Drivers whose platform
library is missing (CUPS, the Windows spooler, USB) still register and say why
they are unavailable, so `pos-client devices list` can tell IT what to install.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .interfaces import DeviceKind
from .urls import DeviceUrl, DeviceUrlError, parse_device_url


class UnsupportedDeviceUrl(DeviceUrlError):
    """A valid URL, but no driver for it on this kind of device (or on this platform)."""


@dataclass(frozen=True, slots=True)
class DeviceContext:
    """What a driver may need besides its URL: where simulators and spools keep files, settings."""

    data_dir: Path
    settings: dict[str, Any] = field(default_factory=dict)


Factory = Callable[[DeviceUrl, DeviceContext], Any]


@dataclass(frozen=True, slots=True)
class DriverInfo:
    kind: DeviceKind
    scheme: str
    summary: str
    factory: Factory
    unavailable: Callable[[], str | None] = lambda: None
    """None when the driver can run here; otherwise the reason (e.g. a missing library)."""


class DriverRegistry:
    def __init__(self) -> None:
        self._drivers: dict[tuple[DeviceKind, str], DriverInfo] = {}

    def register(self, info: DriverInfo) -> None:
        key = (info.kind, info.scheme)
        if key in self._drivers:
            raise ValueError(f"a {info.kind.value} driver for {info.scheme}:// is already registered")
        self._drivers[key] = info

    def drivers(self, kind: DeviceKind | None = None) -> list[DriverInfo]:
        return [d for (k, _s), d in sorted(self._drivers.items(), key=lambda kv: (kv[0][0].value, kv[0][1]))
                if kind is None or k is kind]

    def schemes(self, kind: DeviceKind) -> list[str]:
        return [d.scheme for d in self.drivers(kind)]

    def lookup(self, kind: DeviceKind, url: str | DeviceUrl) -> tuple[DriverInfo, DeviceUrl]:
        parsed = url if isinstance(url, DeviceUrl) else parse_device_url(url)
        info = self._drivers.get((kind, parsed.scheme))
        if info is None:
            known = ", ".join(f"{s}://" for s in self.schemes(kind)) or "none"
            raise UnsupportedDeviceUrl(f"{parsed.raw!r}: no {kind.value} driver for {parsed.scheme}://; "
                                       f"a {kind.value} takes {known}")
        reason = info.unavailable()
        if reason:
            raise UnsupportedDeviceUrl(f"{parsed.raw!r}: the {parsed.scheme}:// {kind.value} driver "
                                       f"cannot run here: {reason}")
        return info, parsed

    def open(self, kind: DeviceKind, url: str | DeviceUrl, context: DeviceContext) -> Any:
        info, parsed = self.lookup(kind, url)
        return info.factory(parsed, context)

    def kinds_for(self, url: str | DeviceUrl) -> list[DeviceKind]:
        parsed = url if isinstance(url, DeviceUrl) else parse_device_url(url)
        return [k for (k, s) in self._drivers if s == parsed.scheme]


_BUILTIN = ("drivers.printer.printers", "drivers.scanner.drivers", "drivers.rfid.drivers",
            "drivers.display.drivers")


def default_registry(extra: Iterable[DriverInfo] = ()) -> DriverRegistry:
    """A registry with every built-in driver (a fresh one each call: no global state)."""
    registry = DriverRegistry()
    for name in _BUILTIN:
        importlib.import_module(name).register(registry)
    for info in extra:
        registry.register(info)
    return registry
