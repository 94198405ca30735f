"""Device URLs: one string names a device, the same in the config file, the settings screen and the CLI.

    tcp://HOST[:PORT]                 network printer (raw TCP, port 9100 by default)
    serial:///dev/ttyUSB0?baud=19200  serial or virtual-COM device (serial://COM3?... on Windows);
                                      RFID readers add &protocol=uhfreader18 or &protocol=r2000
    usb://VID:PID                     USB device by vendor and product id (hex)
    file:///dev/usb/lp0               a printer device node written directly
    cups://NAME, win32://NAME         a printer queue of the OS spooler (raw)
    llrp://HOST[:PORT]                LLRP RFID reader (port 5084 by default)
    camera://0                        camera scanner by index (camera:///dev/video0 by path)
    wedge://                          keyboard-wedge scanner
    sim://NAME                        simulator

The parser is our own rather than urllib's: urllib lower-cases host names, reads
`usb://04b8:0202` as a host with a bad port, and cannot take a Windows printer
name with spaces.  Errors say what is wrong and show a correct example.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from urllib.parse import parse_qsl, unquote

SCHEMES = ("tcp", "serial", "usb", "file", "cups", "win32", "llrp", "camera", "wedge", "sim")
DEFAULT_PORTS = {"tcp": 9100, "llrp": 5084}
EXAMPLES = {
    "tcp": "tcp://192.168.1.50:9100",
    "serial": "serial:///dev/ttyUSB0?baud=19200 (serial://COM3?baud=19200 on Windows)",
    "usb": "usb://04b8:0202",
    "file": "file:///dev/usb/lp0",
    "cups": "cups://receipt",
    "win32": "win32://EPSON TM-T88V Receipt",
    "llrp": "llrp://192.168.1.60:5084",
    "camera": "camera://0",
    "wedge": "wedge://",
    "sim": "sim://printer",
}
BAUD_RATES = (1200, 2400, 4800, 9600, 14400, 19200, 38400, 57600, 115200, 230400, 460800, 921600)
RFID_PROTOCOLS = ("uhfreader18", "r2000")
_HOSTNAME = re.compile(r"^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                       r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$")
_COM_PORT = re.compile(r"^COM\d{1,3}$", re.IGNORECASE)
_USB_ID = re.compile(r"^([0-9A-Fa-f]{4}):([0-9A-Fa-f]{4})$")


class DeviceUrlError(ValueError):
    """A device URL that cannot be used; the message says why and shows a correct form."""


@dataclass(frozen=True, slots=True)
class DeviceUrl:
    raw: str
    scheme: str
    target: str = ""
    """What follows `scheme://` up to `?`, percent-decoded: a path, a port name, a queue name."""
    host: str = ""
    port: int | None = None
    vendor_id: int | None = None
    product_id: int | None = None
    index: int | None = None
    params: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def param(self, name: str, default: str | None = None) -> str | None:
        return self.params.get(name, default)

    def int_param(self, name: str, default: int, low: int, high: int) -> int:
        """An integer query parameter within [low, high], or a DeviceUrlError that says so."""
        value = self.params.get(name)
        if value is None:
            return default
        try:
            number = int(value, 0)
        except ValueError:
            raise DeviceUrlError(f"{self.raw}: {name}={value!r} is not a number") from None
        if not low <= number <= high:
            raise DeviceUrlError(f"{self.raw}: {name}={number} is outside {low}..{high}")
        return number

    @property
    def baud(self) -> int:
        value = self.params.get("baud", "9600")
        if not value.isdigit() or int(value) not in BAUD_RATES:
            raise DeviceUrlError(f"{self.raw}: baud={value!r} is not a serial speed; use one of "
                                 + ", ".join(map(str, BAUD_RATES)))
        return int(value)

    @property
    def serial_port(self) -> str:
        """The port name pyserial opens: `/dev/ttyUSB0` or `COM3`."""
        return self.target

    def __str__(self) -> str:
        return self.raw


def parse_device_url(url: str) -> DeviceUrl:
    """Parse and check a device URL; every form in the module docstring is accepted."""
    if not isinstance(url, str) or not url.strip():
        raise DeviceUrlError("a device URL is empty; e.g. " + EXAMPLES["tcp"])
    url = url.strip()
    if "://" not in url:
        raise DeviceUrlError(f"{url!r} is not a device URL: it needs a scheme, e.g. "
                             + EXAMPLES["tcp"] + " or " + EXAMPLES["serial"].split(" ")[0])
    scheme, rest = url.split("://", 1)
    scheme = scheme.lower()
    if scheme not in SCHEMES:
        raise DeviceUrlError(f"{url!r}: unknown scheme {scheme!r}; known: " + ", ".join(SCHEMES))
    target, _, query = rest.partition("?")
    params: dict[str, str] = {}
    try:
        pairs = parse_qsl(query, keep_blank_values=True, strict_parsing=bool(query))
    except ValueError:
        raise DeviceUrlError(f"{url!r}: the part after '?' must be name=value pairs joined by '&'") from None
    for key, value in pairs:
        if key in params:
            raise DeviceUrlError(f"{url!r}: {key} is given twice")
        params[key.lower()] = value
    base = {"raw": url, "scheme": scheme, "params": MappingProxyType(params)}
    return _PARSERS[scheme](url, unquote(target), base)


def _fail(url: str, scheme: str, why: str) -> DeviceUrlError:
    return DeviceUrlError(f"{url!r}: {why}; e.g. {EXAMPLES[scheme]}")


def _host_port(url: str, target: str, base: dict) -> DeviceUrl:
    scheme = base["scheme"]
    target = target.rstrip("/")
    if not target:
        return _raise(_fail(url, scheme, "needs a host"))
    if target.startswith("["):
        host, sep, tail = target[1:].partition("]")
        if not sep:
            return _raise(_fail(url, scheme, "an IPv6 address needs its closing ']'"))
        if tail and not tail.startswith(":"):
            return _raise(_fail(url, scheme, f"unexpected {tail!r} after the address"))
        port_text = tail[1:] if tail else ""
        try:
            ipaddress.IPv6Address(host)
        except ValueError:
            return _raise(_fail(url, scheme, f"{host!r} is not an IPv6 address"))
    else:
        host, _, port_text = target.partition(":")
        if ":" in port_text:
            return _raise(_fail(url, scheme, "an IPv6 address goes in brackets: [::1]:9100"))
        if not _HOSTNAME.match(host):
            return _raise(_fail(url, scheme, f"{host!r} is not a host name or address"))
    if port_text:
        if not port_text.isdigit() or not 1 <= int(port_text) <= 65535:
            return _raise(_fail(url, scheme, f"port {port_text!r} is not a number in 1..65535"))
        port = int(port_text)
    else:
        port = DEFAULT_PORTS[scheme]
    return DeviceUrl(target=target, host=host, port=port, **base)


def _serial(url: str, target: str, base: dict) -> DeviceUrl:
    port = target
    if port.startswith("/") and _COM_PORT.match(port[1:]):
        port = port[1:]  # serial:///COM3 as some tools write it
    if not port:
        return _raise(_fail(url, "serial", "needs a port"))
    if not (port.startswith("/") or _COM_PORT.match(port) or port.startswith("\\\\.\\")):
        return _raise(_fail(url, "serial", f"{port!r} is neither a device path nor a COM port"))
    made = DeviceUrl(target=port.upper() if _COM_PORT.match(port) else port, **base)
    made.baud  # noqa: B018 - checked now, so a bad speed is reported when the URL is entered
    protocol = made.param("protocol")
    if protocol is not None and protocol.lower() not in RFID_PROTOCOLS:
        raise _fail(url, "serial", f"protocol={protocol!r} is unknown; RFID readers take "
                    + " or ".join(RFID_PROTOCOLS))
    return made


def _usb(url: str, target: str, base: dict) -> DeviceUrl:
    match = _USB_ID.match(target.rstrip("/"))
    if not match:
        return _raise(_fail(url, "usb", "needs VENDOR:PRODUCT as four hex digits each"))
    return DeviceUrl(target=target.rstrip("/").lower(), vendor_id=int(match[1], 16),
                     product_id=int(match[2], 16), **base)


def _file(url: str, target: str, base: dict) -> DeviceUrl:
    if not target.startswith("/") and not re.match(r"^/?[A-Za-z]:[\\/]", target):
        return _raise(_fail(url, "file", "needs an absolute path (three slashes)"))
    if re.match(r"^/[A-Za-z]:[\\/]", target):
        target = target[1:]  # file:///C:/... on Windows
    return DeviceUrl(target=target, **base)


def _named(url: str, target: str, base: dict) -> DeviceUrl:
    name = target.strip().rstrip("/")
    if not name:
        return _raise(_fail(url, base["scheme"], "needs the printer's queue name"))
    return DeviceUrl(target=name, **base)


def _camera(url: str, target: str, base: dict) -> DeviceUrl:
    target = target.rstrip("/") if not target.startswith("/") else target
    if target.isdigit():
        return DeviceUrl(target=target, index=int(target), **base)
    if target.startswith("/"):
        return DeviceUrl(target=target, **base)
    return _raise(_fail(url, "camera", "needs a camera index or a device path"))


def _wedge(url: str, target: str, base: dict) -> DeviceUrl:
    if target.strip("/"):
        return _raise(_fail(url, "wedge", "takes no device name, only options after '?'"))
    return DeviceUrl(target="", **base)


def _sim(url: str, target: str, base: dict) -> DeviceUrl:
    name = target.strip("/")
    if not name:
        return _raise(_fail(url, "sim", "needs the simulator's name"))
    return DeviceUrl(target=name, **base)


def _raise(error: DeviceUrlError) -> DeviceUrl:
    raise error


_PARSERS = {
    "tcp": _host_port, "llrp": _host_port, "serial": _serial, "usb": _usb, "file": _file,
    "cups": _named, "win32": _named, "camera": _camera, "wedge": _wedge, "sim": _sim,
}
