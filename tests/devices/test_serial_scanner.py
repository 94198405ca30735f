"""Serial scanners read through a real pseudo-terminal: suffix, baud, AIM identifiers, bad input, unplug."""

from __future__ import annotations

import os
import queue
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drivers.interfaces import DeviceEvent, DeviceKind, DeviceStatus, Scan
from drivers.ports import PortInfo, resolve_port
from drivers.registry import DeviceContext, default_registry
from drivers.scanner.aim import is_gs1, split_aim, symbology_name
from drivers.scanner.framing import Framer, parse_suffix
from drivers.scanner.serial_scanner import PtyScanner, SerialScanner
from drivers.urls import DeviceUrlError


class Collect:
    def __init__(self) -> None:
        self.scans: queue.Queue[Scan] = queue.Queue()
        self.statuses: queue.Queue[DeviceStatus] = queue.Queue()

    def scan(self, timeout: float = 3.0) -> Scan:
        return self.scans.get(timeout=timeout)

    def status(self, event: DeviceEvent, timeout: float = 3.0) -> DeviceStatus:
        deadline = time.monotonic() + timeout
        while True:
            s = self.statuses.get(timeout=max(0.01, deadline - time.monotonic()))
            if s.event is event:
                return s


@pytest.fixture
def pty_scanner():
    sim = PtyScanner()
    yield sim
    sim.close()


def open_scanner(url: str, tmp_path) -> SerialScanner:
    return default_registry().open(DeviceKind.SCANNER, url, DeviceContext(tmp_path))


def test_scans_with_aim_identifiers_are_stripped_and_reported(pty_scanner, tmp_path):
    got = Collect()
    scanner = open_scanner(f"serial://{pty_scanner.port}?baud=19200", tmp_path)
    assert scanner.baud == 19200
    scanner.start(got.scans.put, got.statuses.put)
    try:
        got.status(DeviceEvent.CONNECTED)
        pty_scanner.scan("6901234567892", aim="]E0")
        pty_scanner.scan("\x1d0106901234567892\x1d10ABC", aim="]C1")
        pty_scanner.scan("6901234567892")  # scanner configured without identifiers
        first, second, third = got.scan(), got.scan(), got.scan()
    finally:
        scanner.stop()
    assert (first.data, first.aim, first.symbology) == ("6901234567892", "]E0", "EAN-13")
    assert (second.aim, second.symbology, is_gs1(second.aim)) == ("]C1", "GS1-128", True)
    assert second.data == "\x1d0106901234567892\x1d10ABC"  # the GS separator survives a serial link
    assert (third.data, third.aim, third.symbology) == ("6901234567892", None, None)
    assert scanner.scans == 3


def test_suffix_is_configurable_and_a_scan_may_arrive_in_pieces(tmp_path):
    sim = PtyScanner(suffix=b"\r\n")
    got = Collect()
    scanner = open_scanner(f"serial://{sim.port}?suffix=crlf", tmp_path)
    scanner.start(got.scans.put, got.statuses.put)
    try:
        got.status(DeviceEvent.CONNECTED)
        sim.send(b"]Q1https://example.com/")
        time.sleep(0.02)
        sim.send(b"p?id=42\r")
        time.sleep(0.02)
        sim.send(b"\n12345670\r\n")
        first, second = got.scan(), got.scan()
    finally:
        scanner.stop()
        sim.close()
    assert (first.data, first.symbology) == ("https://example.com/p?id=42", "QR Code")
    assert second.data == "12345670"


def test_no_suffix_a_pause_ends_the_scan(tmp_path):
    sim = PtyScanner(suffix=b"")
    got = Collect()
    scanner = open_scanner(f"serial://{sim.port}?suffix=none", tmp_path)
    scanner.start(got.scans.put, got.statuses.put)
    try:
        got.status(DeviceEvent.CONNECTED)
        sim.send(b"4006381333931")
        assert got.scan().data == "4006381333931"
    finally:
        scanner.stop()
        sim.close()


def test_gs_substitute_is_restored_and_chinese_qr_in_gbk(tmp_path):
    sim = PtyScanner()
    got = Collect()
    scanner = open_scanner(f"serial://{sim.port}?gs=~&encoding=gbk", tmp_path)
    scanner.start(got.scans.put, got.statuses.put)
    try:
        got.status(DeviceEvent.CONNECTED)
        sim.scan("010690123456789210ABC~21XYZ", aim="]C1", encoding="gbk")
        sim.scan("提货码 123456", aim="]Q1", encoding="gbk")
        gs1, chinese = got.scan(), got.scan()
    finally:
        scanner.stop()
        sim.close()
    assert gs1.data == "010690123456789210ABC\x1d21XYZ"
    assert chinese.data == "提货码 123456"


def test_bad_input_is_counted_and_reported_and_scanning_goes_on(pty_scanner, tmp_path):
    got = Collect()
    scanner = open_scanner(f"serial://{pty_scanner.port}", tmp_path)
    scanner.start(got.scans.put, got.statuses.put)
    try:
        got.status(DeviceEvent.CONNECTED)
        pty_scanner.send(b"\xff\xfe\xfa\r")  # line noise, not UTF-8
        pty_scanner.send(b"12\x0734\r")  # a control character inside
        pty_scanner.scan("6901234567892", aim="]E0")
        assert "not utf-8" in got.status(DeviceEvent.BAD_INPUT).detail
        assert got.scan().data == "6901234567892"
    finally:
        scanner.stop()
    assert scanner.rejected == 2


def test_unplugging_is_reported_and_the_port_is_tried_again(tmp_path):
    sim = PtyScanner()
    got = Collect()
    scanner = SerialScanner("serial://x", sim.port, poll_seconds=0.1)
    scanner.start(got.scans.put, got.statuses.put)
    try:
        got.status(DeviceEvent.CONNECTED)
        sim.close()  # the cable is pulled
        assert got.status(DeviceEvent.DISCONNECTED)
        assert not scanner.connected
    finally:
        scanner.stop()


def test_a_missing_port_is_reported_once_not_raised(tmp_path):
    got = Collect()
    scanner = open_scanner("serial:///dev/ttyDOESNOTEXIST9", tmp_path)
    scanner.poll_seconds = 0.05
    scanner.start(got.scans.put, got.statuses.put)
    try:
        assert "ttyDOESNOTEXIST9" in got.status(DeviceEvent.DISCONNECTED).detail
        time.sleep(0.2)
        assert got.statuses.empty()  # not repeated on every retry
    finally:
        scanner.stop()


def test_sim_scanner_uses_the_real_serial_driver(tmp_path):
    got = Collect()
    scanner = open_scanner("sim://scanner", tmp_path)
    scanner.start(got.scans.put, got.statuses.put)
    try:
        got.status(DeviceEvent.CONNECTED)
        scanner.simulator.scan("6901234567892", aim="]E0")
        assert got.scan().symbology == "EAN-13"
    finally:
        scanner.stop()


def test_bad_scanner_options_are_clear(tmp_path):
    for url, says in [("serial:///dev/ttyS0?suffix=semicolon", "suffix="),
                      ("serial:///dev/ttyS0?encoding=klingon", "encoding="),
                      ("serial:///dev/ttyS0?gs=ab", "one character")]:
        with pytest.raises(DeviceUrlError, match=says):
            open_scanner(url, tmp_path)


# --- pure parts -----------------------------------------------------------------------------------


def test_aim_identifiers():
    assert split_aim("]E06901234567892") == ("]E0", "6901234567892")
    assert split_aim("]d2010123") == ("]d2", "010123")
    assert split_aim("6901234567892") == (None, "6901234567892")
    assert split_aim("]") == (None, "]")
    assert symbology_name("]E4") == "EAN-8"
    assert symbology_name("]A0") == "Code 39"
    assert symbology_name("]Y9").startswith("unknown")
    assert is_gs1("]e0") and not is_gs1("]E0") and not is_gs1(None)


def test_suffix_names():
    assert parse_suffix(None) == b"\r"
    assert parse_suffix("CRLF") == b"\r\n"
    assert parse_suffix("hex:0d0a") == b"\r\n"
    with pytest.raises(ValueError):
        parse_suffix("hex:zz")


def test_framer_rejects_an_endless_line():
    framer = Framer(max_length=64)
    assert framer.feed(b"1" * 100) == []
    assert framer.rejected == 1
    assert [s.data for s in framer.feed(b"42\r")] == ["42"]


@given(st.binary(max_size=300), st.sampled_from([b"\r", b"\r\n", b"\t", b""]))
def test_framer_never_crashes_on_garbage(data, suffix):
    framer = Framer(suffix=suffix, max_length=128)
    scans = framer.feed(data) + framer.idle()
    for s in scans:
        assert s.data and all(ord(c) >= 0x20 or c == "\x1d" for c in s.data)


def test_resolve_port_finds_a_replugged_adapter_by_serial_number():
    ports = [PortInfo("/dev/ttyUSB1", "FT232R", 0x0403, 0x6001, "A50285BI", "FTDI", "FT232R")]
    assert resolve_port("/dev/ttyUSB0", "A50285BI", None, ports) == "/dev/ttyUSB1"
    assert resolve_port("/dev/ttyUSB0", None, "0403:6001", ports) == "/dev/ttyUSB1"
    assert resolve_port("/dev/ttyUSB0", "OTHER", None, ports) == "/dev/ttyUSB0"
    assert resolve_port("COM3", None, None, ports) == "COM3"
    assert os.name != "posix" or ports[0].usb_id == "0403:6001"


def test_port_watcher_notices_plugging_and_a_poke_reconnects_at_once(tmp_path):
    from drivers.ports import PortWatcher

    present: list[PortInfo] = []
    changes = []
    watcher = PortWatcher(lambda added, removed: changes.append(([p.device for p in added],
                                                                 [p.device for p in removed])),
                          list_ports=lambda: list(present))
    adapter = PortInfo("/dev/ttyUSB4", "CP2102", 0x10C4, 0xEA60, "0001", "Silicon Labs", "CP2102")
    present.append(adapter)
    watcher.check()
    present.clear()
    watcher.check()
    assert changes == [(["/dev/ttyUSB4"], []), ([], ["/dev/ttyUSB4"])]

    got = Collect()
    scanner = SerialScanner("serial://x", "/dev/ttyGONE5", poll_seconds=60)
    scanner.start(got.scans.put, got.statuses.put)
    sim = PtyScanner()
    try:
        got.status(DeviceEvent.DISCONNECTED)
        scanner.port = sim.port  # the device is back (here: under a pty's name)
        started = time.monotonic()
        scanner.poke()
        got.status(DeviceEvent.CONNECTED)
        assert time.monotonic() - started < 2  # not the 60 s poll
    finally:
        scanner.stop()
        sim.close()
