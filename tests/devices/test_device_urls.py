"""Device URLs in every form the issue names, and the registry that opens them by scheme."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drivers.interfaces import DeviceKind, Printer
from drivers.registry import DeviceContext, DriverInfo, DriverRegistry, UnsupportedDeviceUrl, default_registry
from drivers.urls import DeviceUrlError, parse_device_url


@pytest.mark.parametrize(("url", "host", "port"), [
    ("tcp://192.168.1.50", "192.168.1.50", 9100),
    ("tcp://192.168.1.50:9101", "192.168.1.50", 9101),
    ("tcp://Printer-1.shop.local", "Printer-1.shop.local", 9100),
    ("tcp://[::1]:9100", "::1", 9100),
    ("tcp://[fe80::1]", "fe80::1", 9100),
    ("llrp://10.0.0.7", "10.0.0.7", 5084),
    ("llrp://10.0.0.7:5085/", "10.0.0.7", 5085),
])
def test_host_and_port(url, host, port):
    u = parse_device_url(url)
    assert (u.host, u.port) == (host, port)
    assert str(u) == url


def test_serial_forms():
    u = parse_device_url("serial:///dev/ttyUSB0?baud=19200&protocol=uhfreader18")
    assert (u.scheme, u.serial_port, u.baud, u.param("protocol")) == ("serial", "/dev/ttyUSB0", 19200,
                                                                    "uhfreader18")
    assert parse_device_url("serial://COM3?baud=115200").serial_port == "COM3"
    assert parse_device_url("serial:///com12").serial_port == "COM12"
    assert parse_device_url("serial:///dev/ttyACM0").baud == 9600
    assert parse_device_url("serial:///dev/pts/3?suffix=crlf").param("suffix") == "crlf"


def test_other_forms():
    usb = parse_device_url("usb://04B8:0202")
    assert (usb.vendor_id, usb.product_id, usb.target) == (0x04B8, 0x0202, "04b8:0202")
    assert parse_device_url("file:///dev/usb/lp0").target == "/dev/usb/lp0"
    assert parse_device_url("file:///C:/spool/out.bin").target == "C:/spool/out.bin"
    assert parse_device_url("cups://receipt").target == "receipt"
    assert parse_device_url("win32://EPSON TM-T88V Receipt").target == "EPSON TM-T88V Receipt"
    assert parse_device_url("win32://XP-58%20(copy%201)").target == "XP-58 (copy 1)"
    assert parse_device_url("camera://0").index == 0
    assert parse_device_url("camera://2?width=1280").int_param("width", 640, 160, 4096) == 1280
    assert parse_device_url("camera:///dev/video0").target == "/dev/video0"
    wedge = parse_device_url("wedge://?suffix=tab&gs=~")
    assert (wedge.scheme, wedge.param("gs")) == ("wedge", "~")
    assert parse_device_url("sim://printer").target == "printer"
    assert parse_device_url("SIM://scanner").scheme == "sim"


@pytest.mark.parametrize(("url", "says"), [
    ("", "empty"),
    ("192.168.1.50:9100", "needs a scheme"),
    ("http://printer", "unknown scheme"),
    ("tcp://", "needs a host"),
    ("tcp://host:0", "port '0'"),
    ("tcp://host:99999", "port '99999'"),
    ("tcp://host:abc", "port 'abc'"),
    ("tcp://::1", "brackets"),
    ("tcp://[::1", "closing"),
    ("tcp://bad_host!", "not a host name"),
    ("serial://", "needs a port"),
    ("serial://ttyUSB0", "neither a device path nor a COM port"),
    ("serial:///dev/ttyUSB0?baud=12345", "not a serial speed"),
    ("serial:///dev/ttyUSB0?baud=fast", "not a serial speed"),
    ("serial:///dev/ttyUSB0?protocol=acme", "protocol='acme' is unknown"),
    ("serial:///dev/ttyUSB0?baud=9600&baud=19200", "given twice"),
    ("serial:///dev/ttyUSB0?baud", "name=value"),
    ("usb://4b8:202", "four hex digits"),
    ("usb://04b8", "four hex digits"),
    ("file://relative/lp0", "absolute path"),
    ("cups://", "queue name"),
    ("camera://front", "camera index"),
    ("wedge://keyboard", "takes no device name"),
    ("sim://", "simulator's name"),
])
def test_errors_say_what_is_wrong_with_an_example(url, says):
    with pytest.raises(DeviceUrlError) as err:
        parse_device_url(url)
    assert says in str(err.value)


def test_int_param_bounds():
    u = parse_device_url("camera://0?width=99999&fps=x")
    with pytest.raises(DeviceUrlError, match="outside"):
        u.int_param("width", 640, 160, 4096)
    with pytest.raises(DeviceUrlError, match="not a number"):
        u.int_param("fps", 30, 1, 120)
    assert u.int_param("height", 480, 120, 4096) == 480


@given(st.text(max_size=60))
def test_garbage_never_crashes(text):
    with contextlib.suppress(DeviceUrlError):
        parse_device_url(text)


@given(st.sampled_from(["tcp", "serial", "usb", "file", "cups", "win32", "llrp", "camera", "wedge", "sim"]),
       st.text(max_size=40))
def test_garbage_after_a_known_scheme_never_crashes(scheme, rest):
    with contextlib.suppress(DeviceUrlError):
        parse_device_url(f"{scheme}://{rest}")


# --- registry ---------------------------------------------------------------------------------


def test_registry_opens_printers_by_scheme(tmp_path):
    registry = default_registry()
    assert {"sim", "tcp", "file"} <= set(registry.schemes(DeviceKind.PRINTER))
    printer = registry.open(DeviceKind.PRINTER, "sim://printer", DeviceContext(tmp_path))
    assert isinstance(printer, Printer)
    assert DeviceKind.PRINTER in registry.kinds_for("tcp://10.0.0.1")


def test_registry_refuses_a_scheme_the_kind_does_not_take(tmp_path):
    registry = default_registry()
    with pytest.raises(UnsupportedDeviceUrl, match=r"no printer driver for camera://; a printer takes .*tcp://"):
        registry.open(DeviceKind.PRINTER, "camera://0", DeviceContext(tmp_path))


def test_registry_reports_a_driver_that_cannot_run_here(tmp_path):
    registry = DriverRegistry()
    registry.register(DriverInfo(DeviceKind.PRINTER, "cups", "CUPS queue", lambda u, c: None,
                                 unavailable=lambda: "pycups is not installed"))
    with pytest.raises(UnsupportedDeviceUrl, match="cannot run here: pycups is not installed"):
        registry.open(DeviceKind.PRINTER, "cups://receipt", DeviceContext(tmp_path))
    with pytest.raises(ValueError, match="already registered"):
        registry.register(DriverInfo(DeviceKind.PRINTER, "cups", "again", lambda u, c: None))
