"""The R2000-module serial protocol (Impinj R2000 readers sold under many names), as bytes only.

Frame: 0xA0 | Len | Address | Cmd | Data... | Check, where Len counts the bytes after
itself and Check is the two's complement of the sum of every byte before it.
Real-time inventory (0x89) answers one frame per tag (FreqAnt, PC, EPC, RSSI), then
a summary frame (Len 0x0A) or an error frame (Len 0x04).  No I/O here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

HEAD = 0xA0
CMD_REAL_TIME_INVENTORY = 0x89
DEFAULT_ADDRESS = 0x01
RSSI_OFFSET = 129
"""RSSI byte to dBm: most R2000 firmwares report dBm + 129."""


def checksum(data: bytes) -> int:
    return (-sum(data)) & 0xFF


def encode(command: int, data: bytes = b"", address: int = DEFAULT_ADDRESS) -> bytes:
    body = bytes([address, command]) + data
    if len(body) + 1 > 255:
        raise ValueError("frame too long")
    head = bytes([HEAD, len(body) + 1]) + body
    return head + bytes([checksum(head)])


def inventory_command(address: int = DEFAULT_ADDRESS, repeat: int = 1) -> bytes:
    return encode(CMD_REAL_TIME_INVENTORY, bytes([repeat]), address)


@dataclass(frozen=True, slots=True)
class Frame:
    address: int
    command: int
    data: bytes


@dataclass(frozen=True, slots=True)
class TagReport:
    epc: bytes
    pc: int
    antenna: int
    rssi_dbm: int


@dataclass(frozen=True, slots=True)
class InventoryDone:
    antenna: int
    read_rate: int
    total_reads: int


@dataclass(frozen=True, slots=True)
class InventoryError:
    code: int


@dataclass
class Decoder:
    max_buffer: int = 4096
    bad_frames: int = 0
    _buf: bytearray = field(default_factory=bytearray)

    def feed(self, chunk: bytes) -> list[Frame]:
        self._buf.extend(chunk)
        buf = self._buf
        out: list[Frame] = []
        while buf:
            if buf[0] != HEAD:
                start = buf.find(bytes([HEAD]))
                self.bad_frames += 1
                if start < 0:
                    buf.clear()
                    break
                del buf[:start]
                continue
            if len(buf) < 2:
                break
            length = buf[1]
            if length < 3:
                del buf[0]
                self.bad_frames += 1
                continue
            if len(buf) < length + 2:
                break
            frame = bytes(buf[:length + 2])
            if checksum(frame[:-1]) != frame[-1]:
                del buf[0]
                self.bad_frames += 1
                continue
            del buf[:length + 2]
            out.append(Frame(frame[2], frame[3], frame[4:-1]))
        if len(buf) > self.max_buffer:
            self.bad_frames += 1
            buf.clear()
        return out


    def reset(self) -> int:
        dropped = len(self._buf)
        if dropped:
            self.bad_frames += 1
            self._buf.clear()
        return dropped


class BadPayload(ValueError):
    pass


def parse_inventory(frame: Frame) -> TagReport | InventoryDone | InventoryError:
    if frame.command != CMD_REAL_TIME_INVENTORY:
        raise BadPayload(f"not a real-time inventory frame (command {frame.command:#04x})")
    d = frame.data
    if len(d) == 1:
        return InventoryError(d[0])
    if len(d) == 7:
        return InventoryDone(d[0] + 1, int.from_bytes(d[1:3], "big"), int.from_bytes(d[3:7], "big"))
    if len(d) < 4:
        raise BadPayload(f"{len(d)} data bytes is no inventory answer")
    freq_ant, pc, epc, rssi = d[0], int.from_bytes(d[1:3], "big"), d[3:-1], d[-1]
    words = pc >> 11
    if words * 2 != len(epc) or not epc:
        raise BadPayload(f"PC says {words} words of EPC, the frame holds {len(epc)} bytes")
    return TagReport(bytes(epc), pc, (freq_ant & 0x03) + 1, rssi - RSSI_OFFSET)


def tag_frame(epc: bytes, antenna: int = 1, rssi_dbm: int = -60, address: int = DEFAULT_ADDRESS,
              freq: int = 7) -> bytes:
    """A reader's report of one tag (for simulators and tests)."""
    pc = (len(epc) // 2) << 11
    data = bytes([(freq << 2) | ((antenna - 1) & 0x03)]) + pc.to_bytes(2, "big") + epc
    return encode(CMD_REAL_TIME_INVENTORY, data + bytes([(rssi_dbm + RSSI_OFFSET) & 0xFF]), address)


def done_frame(total: int, antenna: int = 1, rate: int = 0, address: int = DEFAULT_ADDRESS) -> bytes:
    data = bytes([antenna - 1]) + rate.to_bytes(2, "big") + total.to_bytes(4, "big")
    return encode(CMD_REAL_TIME_INVENTORY, data, address)
