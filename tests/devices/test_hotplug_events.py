"""Plugging noticed at once from the kernel's own device events, with polling as the fallback."""

from __future__ import annotations

import glob
import threading
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.ports import KernelDeviceEvents, PortWatcher, concerns_devices, parse_uevent

# The kernel's message for a USB-serial adapter plugged in (the tty part), in the layout the kernel
# sent for the synthetic event below on this machine.
PLUGGED = (b"add@/devices/pci0000:00/0000:00:14.0/usb1/1-2/1-2:1.0/ttyUSB0/tty/ttyUSB0\0ACTION=add\0"
           b"DEVPATH=/devices/pci0000:00/0000:00:14.0/usb1/1-2/1-2:1.0/ttyUSB0/tty/ttyUSB0\0"
           b"SUBSYSTEM=tty\0MAJOR=188\0MINOR=0\0DEVNAME=ttyUSB0\0SEQNUM=4711\0")


def test_a_kernel_event_is_read_and_judged() -> None:
    event = parse_uevent(PLUGGED)
    assert event is not None
    assert (event["ACTION"], event["SUBSYSTEM"], event["DEVNAME"]) == ("add", "tty", "ttyUSB0")
    assert concerns_devices([event])
    assert not concerns_devices([{**event, "ACTION": "change"}])  # a tty's settings, not a plug
    assert not concerns_devices([{**event, "SUBSYSTEM": "net"}])
    assert parse_uevent(b"libudev\0\xfe\xed\xca\xfe" + b"\0" * 20) is None  # udevd's own format
    assert parse_uevent(b"") is None and parse_uevent(b"add@/x") is None


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_garbage_on_the_event_socket_never_raises(data: bytes) -> None:
    event = parse_uevent(data)
    assert event is None or ("ACTION" in event and "SUBSYSTEM" in event)


def _writable_tty_uevent() -> str | None:
    for path in sorted(glob.glob("/sys/class/tty/tty[0-9]*/uevent")):
        try:
            with open(path, "w"):
                return path
        except OSError:
            return None
    return None


def test_a_real_kernel_plug_event_makes_the_watcher_look_at_once() -> None:
    events = KernelDeviceEvents.open()
    trigger = _writable_tty_uevent()
    if events is None or trigger is None:
        pytest.skip("no kernel device events, or no right to ask the kernel for one, on this machine")
    listed = threading.Event()
    calls = []

    def list_ports():
        calls.append(time.monotonic())
        if len(calls) > 1:  # the first call is the watcher's own inventory at start
            listed.set()
        return []

    watcher = PortWatcher(lambda added, removed: None, interval=60, list_ports=list_ports, events=events)
    watcher.start()
    try:
        started = time.monotonic()
        with open(trigger, "w") as f:
            f.write("add")  # what `udevadm trigger` does: the kernel sends a real add event
        assert listed.wait(5), "the watcher did not look at the ports after the kernel's event"
        assert time.monotonic() - started < 5  # not the 60 s poll
        assert watcher.kernel_events_seen >= 1
    finally:
        watcher.stop()


def test_without_kernel_events_the_watcher_polls() -> None:
    calls = []
    watcher = PortWatcher(lambda added, removed: None, interval=0.1,
                          list_ports=lambda: calls.append(1) or [], events=False)
    assert not watcher.uses_kernel_events
    watcher.start()
    try:
        deadline = time.monotonic() + 3
        while len(calls) < 3 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(calls) >= 3
    finally:
        watcher.stop()
