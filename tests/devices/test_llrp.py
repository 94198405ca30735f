"""LLRP: messages decoded by sllurp from constructed frames, and the reader against a loopback LLRP reader."""

from __future__ import annotations

import contextlib
import queue
import socket
import struct
import time
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from drivers.interfaces import DeviceEvent, DeviceKind
from drivers.registry import DeviceContext, default_registry
from drivers.rfid import llrp_codec as llrp
from drivers.rfid.llrp_reader import LlrpReader
from drivers.rfid.llrp_simulator import LoopbackLlrpReader
from drivers.rfid.simulator import DEMO_TAGS

SGTIN = "3074257BF7194E4000001A85"


def test_ro_access_report_with_epc96_and_epcdata_in_pieces():
    data = llrp.tag_report([(bytes.fromhex(SGTIN), 2, -55), (bytes.fromhex("E2003412ABCD"), 1, -70)])
    assert data[:2] == struct.pack("!H", (1 << 10) | 61) and struct.unpack("!I", data[2:6])[0] == len(data)
    framer = llrp.Framer()
    msgs = []
    for i in range(len(data)):
        msgs += framer.feed(data[i:i + 1])
    (msg,) = msgs
    assert llrp.report_tags(llrp.decode(msg)) == [(SGTIN, 2, -55), ("E2003412ABCD", 1, -70)]


def test_connection_event_and_status_decode():
    (event,) = llrp.Framer().feed(llrp.connection_event())
    assert llrp.decode(event)["READER_EVENT_NOTIFICATION"]["ReaderEventNotificationData"][
        "ConnectionAttemptEvent"]["Status"] == "Success"
    (resp,) = llrp.Framer().feed(llrp.message(llrp.ADD_ROSPEC_RESPONSE, llrp.llrp_status(101, "bad spec")))
    assert llrp.status_ok(llrp.decode(resp)) == (False, "bad spec")


def test_a_header_that_is_not_llrp_is_counted():
    framer = llrp.Framer()
    assert framer.feed(b"GET / HTTP/1.1\r\n\r\n") == [] and framer.bad == 1


@given(st.binary(max_size=300))
def test_llrp_decoding_never_crashes_on_garbage(data):
    framer = llrp.Framer()
    for msg in framer.feed(llrp.message(61, data) + data):
        with contextlib.suppress(llrp.BadMessage):
            llrp.report_tags(llrp.decode(msg))


def test_reader_sets_up_the_rospec_and_reads_each_tag_once():
    with LoopbackLlrpReader(tags=DEMO_TAGS, garbage=True) as sim:
        reader = default_registry().open(DeviceKind.RFID, sim.url, DeviceContext(Path(".")))
        tags, events = queue.Queue(), queue.Queue()
        reader.start(tags.put, events.put)
        try:
            got = [tags.get(timeout=5) for _ in DEMO_TAGS]
            time.sleep(0.3)  # many more reports of the same tags: nothing new
        finally:
            reader.stop()
    assert sorted(t.epc for t in got) == sorted(DEMO_TAGS) and tags.empty()
    assert sim.received[:4] == [llrp.DELETE_ROSPEC, llrp.ADD_ROSPEC, llrp.ENABLE_ROSPEC, llrp.START_ROSPEC]
    assert reader.reports > 3 and reader.rejected >= 1
    kinds = [e.event for e in events.queue]
    assert kinds[0] is DeviceEvent.CONNECTED and DeviceEvent.BAD_INPUT in kinds


def test_a_refusing_or_absent_reader_is_reported_and_retried():
    with LoopbackLlrpReader(refuse=True) as sim:
        reader = LlrpReader(sim.url, "127.0.0.1", sim.port, poll_seconds=0.1)
        events = queue.Queue()
        reader.start(lambda t: None, events.put)
        try:
            assert "refused" in events.get(timeout=5).detail
        finally:
            reader.stop()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        reader = LlrpReader("llrp://x", "127.0.0.1", s.getsockname()[1], poll_seconds=0.1)
        events = queue.Queue()
        reader.start(lambda t: None, events.put)
        try:
            assert events.get(timeout=5).event is DeviceEvent.DISCONNECTED
        finally:
            reader.stop()
