"""RFID codecs on known and constructed frames, EPC decoding, de-duplication, readers on a pty."""

from __future__ import annotations

import contextlib
import queue
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drivers.interfaces import DeviceEvent, DeviceKind, TagRead
from drivers.registry import DeviceContext, default_registry
from drivers.rfid import r2000, uhfreader18
from drivers.rfid.dedup import ReadWindow
from drivers.rfid.epc import decode_epc
from drivers.rfid.serial_reader import SerialRfidReader
from drivers.rfid.simulator import DEMO_TAGS, PtyRfidReader
from drivers.urls import DeviceUrlError

SGTIN = "3074257BF7194E4000001A85"  # the Tag Data Standard's own SGTIN-96 example
FACTORY = "E2801160600002084D9D0C3B"


# --- UHFReader18 / CF-RU5102 -------------------------------------------------------------------


def test_crc16_mcrf4xx_check_value_and_the_manuals_inventory_frames():
    assert uhfreader18.crc16(b"123456789") == 0x6F91  # the catalogued check value
    assert uhfreader18.inventory_command(0x00) == bytes.fromhex("040001db4b")
    assert uhfreader18.inventory_command(0xFF) == bytes.fromhex("04ff011bb4")


def test_inventory_reply_with_two_tags_in_pieces_and_noise():
    frame = uhfreader18.inventory_reply([bytes.fromhex(SGTIN), bytes.fromhex("E2003412")])
    assert frame[0] == len(frame) - 1 and frame[2:4] == b"\x01\x01"
    decoder = uhfreader18.Decoder()
    stream = b"\x00\xff\x13" + frame
    replies = []
    for i in range(len(stream)):
        replies += decoder.feed(stream[i:i + 1])
    assert len(replies) == 1
    assert [e.hex().upper() for e in uhfreader18.inventory_epcs(replies[0])] == [SGTIN, "E2003412"]
    assert decoder.bad_frames >= 1


def test_a_frame_with_a_bad_crc_is_counted_and_the_next_one_read():
    good = uhfreader18.inventory_reply([bytes.fromhex(SGTIN)])
    bad = bytearray(good)
    bad[5] ^= 0x01
    decoder = uhfreader18.Decoder()
    replies = decoder.feed(bytes(bad) + good)
    assert len(replies) == 1 and decoder.bad_frames >= 1
    assert uhfreader18.inventory_epcs(replies[0])[0].hex().upper() == SGTIN


def test_no_tag_and_malformed_inventory_payloads():
    decoder = uhfreader18.Decoder()
    (empty,) = decoder.feed(uhfreader18.inventory_reply([]))
    assert empty.status == uhfreader18.STATUS_NO_TAG and uhfreader18.inventory_epcs(empty) == []
    for data in (b"", b"\x02\x02\xaa\xbb", b"\x01\x05\xaa", b"\x01\x01\xaa\xff"):
        reply = uhfreader18.Reply(0, uhfreader18.CMD_INVENTORY, uhfreader18.STATUS_DONE, data)
        with pytest.raises(uhfreader18.BadPayload):
            uhfreader18.inventory_epcs(reply)
    with pytest.raises(uhfreader18.BadPayload):
        uhfreader18.inventory_epcs(uhfreader18.Reply(0, 0x21, 0, b""))


# --- R2000 --------------------------------------------------------------------------------------


def test_r2000_checksum_and_the_manuals_real_time_inventory_command():
    assert r2000.inventory_command(0x01, 1) == bytes.fromhex("a0040189 01d1".replace(" ", ""))
    assert r2000.checksum(bytes.fromhex("a004018901")) == 0xD1


def test_r2000_tag_summary_and_error_frames():
    stream = (b"\x55" + r2000.tag_frame(bytes.fromhex(SGTIN), antenna=3, rssi_dbm=-61)
              + r2000.done_frame(1, rate=40) + r2000.encode(r2000.CMD_REAL_TIME_INVENTORY, b"\x22"))
    decoder = r2000.Decoder()
    frames = []
    for i in range(0, len(stream), 3):
        frames += decoder.feed(stream[i:i + 3])
    tag, done, error = (r2000.parse_inventory(f) for f in frames)
    assert tag == r2000.TagReport(bytes.fromhex(SGTIN), 0x3000, 3, -61)
    assert done == r2000.InventoryDone(1, 40, 1)
    assert error == r2000.InventoryError(0x22)
    assert decoder.bad_frames == 1  # the stray 0x55


def test_r2000_bad_checksum_and_inconsistent_pc():
    frame = bytearray(r2000.tag_frame(bytes.fromhex(SGTIN)))
    frame[-1] ^= 0x5A
    decoder = r2000.Decoder()
    assert decoder.feed(bytes(frame)) == [] and decoder.bad_frames >= 1
    lying = r2000.encode(r2000.CMD_REAL_TIME_INVENTORY, b"\x04\x40\x00" + bytes.fromhex(SGTIN) + b"\x50")
    with pytest.raises(r2000.BadPayload, match="PC says 8 words"):
        r2000.parse_inventory(r2000.Decoder().feed(lying)[0])


@given(st.binary(max_size=400))
def test_decoders_never_crash_on_garbage(data):
    for reply in uhfreader18.Decoder().feed(data):
        with contextlib.suppress(uhfreader18.BadPayload):
            uhfreader18.inventory_epcs(reply)
    for frame in r2000.Decoder().feed(data):
        with contextlib.suppress(r2000.BadPayload):
            r2000.parse_inventory(frame)


# --- EPC and de-duplication -------------------------------------------------------------------


def test_sgtin96_decodes_to_gtin_and_serial():
    d = decode_epc(SGTIN.lower())
    assert (d.gs1, d.scheme, d.gtin, d.serial) == (True, "sgtin", "80614141123458", "6789")
    assert d.uri == "urn:epc:id:sgtin:0614141.812345.6789"


def test_tags_that_are_not_gs1_are_reported_as_such():
    d = decode_epc(FACTORY)
    assert (d.gs1, d.scheme, d.gtin) == (False, "not-gs1", None)
    assert decode_epc("XYZ").scheme == "invalid"
    assert decode_epc("ABC").scheme == "invalid"


@given(st.binary(min_size=1, max_size=32))
def test_epc_decoding_never_crashes(raw):
    d = decode_epc(raw.hex())
    assert d.scheme and (d.gs1 or d.gtin is None)


def test_read_window_reports_a_tag_once_while_it_stays_and_again_after_it_left():
    w = ReadWindow(window=2.0)
    assert w.accept("A", 0.0) is True
    assert all(w.accept("A", t / 10) is False for t in range(1, 50))  # read 10x/s for 5 s
    assert w.accept("B", 5.0) is True
    assert w.accept("A", 7.5) is True  # gone for 2.6 s: a new read
    assert (w.seen, w.reported) == (52, 3)


# --- readers on a pseudo-terminal -------------------------------------------------------------


def collect(reader, seconds: float) -> tuple[list[TagRead], list]:
    tags: queue.Queue = queue.Queue()
    events: queue.Queue = queue.Queue()
    reader.start(tags.put, events.put)
    time.sleep(seconds)
    reader.stop()
    return list(tags.queue), [e.event for e in events.queue]


@pytest.mark.parametrize("protocol", ["uhfreader18", "r2000"])
def test_reader_on_a_pty_reads_each_tag_once_through_noise(protocol, tmp_path):
    sim = PtyRfidReader(protocol, tags=DEMO_TAGS, noise=True)
    try:
        reader = default_registry().open(
            DeviceKind.RFID, f"serial://{sim.port}?baud=57600&protocol={protocol}", DeviceContext(tmp_path))
        tags, events = collect(reader, 0.6)
    finally:
        sim.close()
    assert sorted(t.epc for t in tags) == sorted(DEMO_TAGS)
    assert sim.commands >= 3 and reader.rounds >= 3  # read over and over, reported once
    assert reader.rejected >= 3 and DeviceEvent.BAD_INPUT in events
    assert events[0] is DeviceEvent.CONNECTED
    if protocol == "r2000":
        assert {t.antenna for t in tags} == {1, 2, 3} and all(t.rssi is not None for t in tags)


def test_many_tags_span_several_uhfreader18_frames():
    tags = [f"3074257BF7194E40{n:08X}" for n in range(60)]
    sim = PtyRfidReader("uhfreader18", tags=tags, per_frame=16)
    try:
        reader = SerialRfidReader("serial://sim", sim.port, 57600, "uhfreader18", window=5)
        got, _events = collect(reader, 0.5)
    finally:
        sim.close()
    assert sorted(t.epc for t in got) == sorted(tags)


def test_a_tag_that_leaves_and_returns_after_the_window_is_read_again():
    sim = PtyRfidReader("r2000", tags=[SGTIN])
    reader = SerialRfidReader("serial://sim", sim.port, 57600, "r2000", window=0.15)
    seen: queue.Queue = queue.Queue()
    try:
        reader.start(seen.put)
        assert seen.get(timeout=2).epc == SGTIN
        sim.tags = []
        time.sleep(0.4)
        sim.tags = [SGTIN]
        assert seen.get(timeout=2).epc == SGTIN
    finally:
        reader.stop()
        sim.close()


def test_rfid_url_needs_a_protocol(tmp_path):
    with pytest.raises(DeviceUrlError, match="protocol=uhfreader18"):
        default_registry().open(DeviceKind.RFID, "serial:///dev/ttyUSB0", DeviceContext(tmp_path))
