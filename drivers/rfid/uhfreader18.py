"""The UHFReader18 / CF-RU5102 protocol family (Chafon and compatible readers), as bytes only.

Frame (both ways): Len | Adr | Cmd | [Status, replies only] | Data... | CRC-LSB | CRC-MSB
where Len counts every byte after itself and the CRC is CRC-16/MCRF4XX over Len..Data.
The decoder takes a byte stream in any pieces, resynchronises after noise or a bad
CRC (counted, never raised), and returns whole replies.  No I/O here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import anycrc

_CRC = anycrc.Model("CRC16-MCRF4XX")

CMD_INVENTORY = 0x01
BROADCAST = 0xFF
STATUS_DONE = 0x01
"""Inventory finished within the reader's inventory time."""
STATUS_TIMEOUT = 0x02
STATUS_MORE = 0x03
"""More tags follow in the next frame."""
STATUS_FULL = 0x04
STATUS_NO_TAG = 0xFB
INVENTORY_STATUSES = {STATUS_DONE, STATUS_TIMEOUT, STATUS_MORE, STATUS_FULL}
MIN_REPLY = 6  # Len Adr Cmd Status CRC CRC


def crc16(data: bytes) -> int:
    return _CRC.calc(data)


def encode(command: int, data: bytes = b"", address: int = BROADCAST, status: int | None = None) -> bytes:
    """A frame; with `status` it is a reply (what a reader sends, for simulators and tests)."""
    body = bytes([address, command]) + (bytes([status]) if status is not None else b"") + data
    head = bytes([len(body) + 2]) + body
    if len(head) > 256:
        raise ValueError("frame too long")
    c = crc16(head)
    return head + bytes([c & 0xFF, c >> 8])


def inventory_command(address: int = BROADCAST) -> bytes:
    return encode(CMD_INVENTORY, b"", address)


@dataclass(frozen=True, slots=True)
class Reply:
    address: int
    command: int
    status: int
    data: bytes


@dataclass
class Decoder:
    max_buffer: int = 4096
    bad_frames: int = 0
    _buf: bytearray = field(default_factory=bytearray)

    def feed(self, chunk: bytes) -> list[Reply]:
        self._buf.extend(chunk)
        out: list[Reply] = []
        buf = self._buf
        while buf:
            length = buf[0]
            if length + 1 < MIN_REPLY:
                del buf[0]
                self.bad_frames += 1
                continue
            if len(buf) < length + 1:
                # Incomplete, or a noise byte claiming a long frame: a whole valid frame
                # further on means this start was noise; otherwise wait for more bytes.
                later = self._valid_start_after(0)
                if later is None:
                    break
                del buf[:later]
                self.bad_frames += 1
                continue
            frame = bytes(buf[:length + 1])
            if not _crc_ok(frame):
                del buf[0]  # not a frame start after all: slide one byte and look again
                self.bad_frames += 1
                continue
            del buf[:length + 1]
            out.append(Reply(frame[1], frame[2], frame[3], frame[4:-2]))
        if len(buf) > self.max_buffer:
            self.bad_frames += 1
            buf.clear()
        return out

    def _valid_start_after(self, start: int) -> int | None:
        buf = self._buf
        for at in range(start + 1, len(buf)):
            length = buf[at]
            end = at + length + 1
            if length + 1 >= MIN_REPLY and end <= len(buf) and _crc_ok(bytes(buf[at:end])):
                return at
        return None

    def reset(self) -> int:
        """Drop a partial frame (a new command is about to be sent); returns the bytes dropped."""
        dropped = len(self._buf)
        if dropped:
            self.bad_frames += 1
            self._buf.clear()
        return dropped


def _crc_ok(frame: bytes) -> bool:
    return crc16(frame[:-2]) == frame[-2] | (frame[-1] << 8)


class BadPayload(ValueError):
    pass


def inventory_epcs(reply: Reply) -> list[bytes]:
    """EPCs in an inventory reply's data: Num, then (EPC length in bytes, EPC) Num times."""
    if reply.command != CMD_INVENTORY:
        raise BadPayload(f"not an inventory reply (command {reply.command:#04x})")
    if reply.status == STATUS_NO_TAG:
        return []
    if reply.status not in INVENTORY_STATUSES:
        raise BadPayload(f"reader status {reply.status:#04x}")
    data = reply.data
    if not data:
        raise BadPayload("empty inventory reply")
    count, at, epcs = data[0], 1, []
    for _ in range(count):
        if at >= len(data):
            raise BadPayload("fewer tags than announced")
        size = data[at]
        epc = data[at + 1:at + 1 + size]
        if size == 0 or len(epc) != size:
            raise BadPayload("EPC length does not match the data")
        epcs.append(epc)
        at += 1 + size
    if at != len(data):
        raise BadPayload("bytes left over after the announced tags")
    return epcs


def inventory_reply(epcs: list[bytes], address: int = 0x00, status: int = STATUS_DONE) -> bytes:
    """What a reader answers with these tags in the field (for simulators and tests)."""
    if not epcs:
        return encode(CMD_INVENTORY, b"", address, STATUS_NO_TAG)
    data = bytes([len(epcs)]) + b"".join(bytes([len(e)]) + e for e in epcs)
    return encode(CMD_INVENTORY, data, address, status)
