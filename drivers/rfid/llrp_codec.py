"""LLRP (EPCglobal Low Level Reader Protocol) messages as bytes: framing, the few we send, decoding.

Reader messages are decoded by sllurp's LLRPMessage (its decoders know every
parameter of the standard); the handful of client messages this till sends
(DELETE/ADD/ENABLE/START_ROSPEC, KEEPALIVE_ACK, CLOSE_CONNECTION) are packed here,
as are the reader messages the loopback simulator sends.  No I/O here.

Header: 3 bits reserved, 3 bits version (1), 10 bits type; u32 length of the whole
message; u32 message id.  Parameters are TLV (u16 type, u16 length) or, for the
small fixed ones, TV (a byte with the high bit set and the type, then the value).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from typing import Any

from sllurp.llrp import LLRPMessage

VERSION = 1
HEADER = struct.Struct("!HII")
MAX_MESSAGE = 1 << 20

CLOSE_CONNECTION_RESPONSE, CLOSE_CONNECTION = 4, 14
ADD_ROSPEC, DELETE_ROSPEC, START_ROSPEC, ENABLE_ROSPEC = 20, 21, 22, 24
ADD_ROSPEC_RESPONSE, DELETE_ROSPEC_RESPONSE, START_ROSPEC_RESPONSE, ENABLE_ROSPEC_RESPONSE = 30, 31, 32, 34
RO_ACCESS_REPORT, KEEPALIVE, READER_EVENT_NOTIFICATION, KEEPALIVE_ACK, ERROR_MESSAGE = 61, 62, 63, 72, 100
RESPONSE_TO = {DELETE_ROSPEC: DELETE_ROSPEC_RESPONSE, ADD_ROSPEC: ADD_ROSPEC_RESPONSE,
               ENABLE_ROSPEC: ENABLE_ROSPEC_RESPONSE, START_ROSPEC: START_ROSPEC_RESPONSE,
               CLOSE_CONNECTION: CLOSE_CONNECTION_RESPONSE}


def message(msg_type: int, body: bytes = b"", msg_id: int = 1) -> bytes:
    return HEADER.pack((VERSION << 10) | msg_type, HEADER.size + len(body), msg_id) + body


def tlv(param_type: int, body: bytes) -> bytes:
    return struct.pack("!HH", param_type, 4 + len(body)) + body


def rospec(rospec_id: int = 1, antennas: tuple[int, ...] = (0,)) -> bytes:
    """Inventory on the given antennas (0: all) until stopped, a report after every tag seen."""
    boundary = tlv(178, tlv(179, b"\x00") + tlv(182, b"\x00" + struct.pack("!I", 0)))
    ai = tlv(183, struct.pack("!H", len(antennas)) + b"".join(struct.pack("!H", a) for a in antennas)
             + tlv(184, b"\x00" + struct.pack("!I", 0)) + tlv(186, struct.pack("!HB", 1, 1)))
    # ROReportSpec: upon N=1 tags; TagReportContentSelector: antenna id and peak RSSI
    report = tlv(237, struct.pack("!BH", 2, 1) + tlv(238, struct.pack("!H", 0x1400)))
    return tlv(177, struct.pack("!IBB", rospec_id, 0, 0) + boundary + ai + report)


def add_rospec(rospec_id: int = 1, msg_id: int = 2) -> bytes:
    return message(ADD_ROSPEC, rospec(rospec_id), msg_id)


def rospec_command(msg_type: int, rospec_id: int, msg_id: int) -> bytes:
    return message(msg_type, struct.pack("!I", rospec_id), msg_id)


def llrp_status(code: int = 0, text: str = "") -> bytes:
    raw = text.encode()
    return tlv(287, struct.pack("!HH", code, len(raw)) + raw)


def connection_event(success: bool = True) -> bytes:
    """READER_EVENT_NOTIFICATION with ConnectionAttemptEvent (what a reader says first)."""
    data = tlv(128, struct.pack("!Q", 0)) + tlv(256, struct.pack("!H", 0 if success else 4))
    return message(READER_EVENT_NOTIFICATION, tlv(246, data), 0)


def tag_report(tags: list[tuple[bytes, int, int]], msg_id: int = 0) -> bytes:
    """RO_ACCESS_REPORT: (EPC, antenna, peak RSSI) per tag; 96-bit EPCs as EPC-96, others as EPCData."""
    body = b""
    for epc, antenna, rssi in tags:
        if len(epc) == 12:
            epc_param = bytes([0x80 | 13]) + epc
        else:
            epc_param = tlv(241, struct.pack("!H", len(epc) * 8) + epc)
        body += tlv(240, epc_param + bytes([0x80 | 1]) + struct.pack("!H", antenna)
                    + bytes([0x80 | 6]) + struct.pack("!b", rssi))
    return message(RO_ACCESS_REPORT, body, msg_id)


@dataclass(frozen=True, slots=True)
class Message:
    type: int
    id: int
    raw: bytes


@dataclass
class Framer:
    """Whole messages out of a TCP byte stream; a header that cannot be LLRP drops the stream."""

    bad: int = 0
    _buf: bytearray = field(default_factory=bytearray)

    def feed(self, chunk: bytes) -> list[Message]:
        self._buf.extend(chunk)
        out = []
        while len(self._buf) >= HEADER.size:
            word, length, msg_id = HEADER.unpack_from(self._buf)
            if (word >> 10) & 0x7 != VERSION or not HEADER.size <= length <= MAX_MESSAGE:
                self.bad += 1
                self._buf.clear()  # lost the frame boundary: nothing after it can be trusted
                break
            if len(self._buf) < length:
                break
            raw = bytes(self._buf[:length])
            del self._buf[:length]
            out.append(Message(word & 0x3FF, msg_id, raw))
        return out


class BadMessage(ValueError):
    pass


def decode(msg: Message) -> dict[str, Any]:
    """A reader message as sllurp's dictionary: {"RO_ACCESS_REPORT": {...}}."""
    try:
        return LLRPMessage(msgbytes=msg.raw).msgdict
    except Exception as exc:  # sllurp raises LLRPError, struct.error, KeyError ... on bad input
        raise BadMessage(f"LLRP message type {msg.type}: {exc}") from exc


def report_tags(msgdict: dict[str, Any]) -> list[tuple[str, int, int | None]]:
    """(EPC hex, antenna, peak RSSI) from a decoded RO_ACCESS_REPORT."""
    report = msgdict.get("RO_ACCESS_REPORT") or {}
    found = report.get("TagReportData") or []
    if isinstance(found, dict):
        found = [found]
    out = []
    for tag in found:
        epc = tag.get("EPC-96") or tag.get("EPC")
        if isinstance(epc, dict):
            epc = epc.get("EPC")
        if not epc:
            continue
        text = epc.decode() if isinstance(epc, bytes) else str(epc)
        antenna = tag.get("AntennaID")
        rssi = tag.get("PeakRSSI")
        out.append((text.upper(), int(antenna) if isinstance(antenna, int) else 0,
                    int(rssi) if isinstance(rssi, int) else None))
    return out


def status_ok(msgdict: dict[str, Any]) -> tuple[bool, str]:
    body = next(iter(msgdict.values()), {})
    status = body.get("LLRPStatus", {}) if isinstance(body, dict) else {}
    code = status.get("StatusCode")
    why = status.get("ErrorDescription") or code
    return code in ("Success", 0), why.decode("utf-8", "replace") if isinstance(why, bytes) else str(why)
