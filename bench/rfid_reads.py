"""RFID tag reads per second through frame decoding, de-duplication and EPC decoding.

Target: 1,000 reads/s or more. Frames are the bytes a reader sends (UHFReader18:
16 tags per reply; R2000: one frame per tag), fed in 64-byte pieces as a serial
port delivers them; every tag is read 10 times (as in a real inventory), so the
de-duplication window drops 9 of 10 and each surviving EPC is decoded (SGTIN-96
to GTIN + serial). Also runs the real serial driver against the pty simulator
for a reads-per-second figure end to end.
Usage: python bench/rfid_reads.py [--tags 2000] [--repeat 10]
"""

from __future__ import annotations

import argparse
import time

from common import report

from drivers.rfid import r2000, uhfreader18
from drivers.rfid.dedup import ReadWindow
from drivers.rfid.epc import decode_epc
from drivers.rfid.serial_reader import CODECS, SerialRfidReader
from drivers.rfid.simulator import PtyRfidReader

TARGET = 1000.0


def epcs(n: int) -> list[bytes]:
    # SGTIN-96, filter 3, partition 5, company prefix 0614141, item 812345, serial n
    base = int("3074257BF7194E4000000000", 16)
    return [(base + i).to_bytes(12, "big") for i in range(n)]


def stream(protocol: str, tags: list[bytes], repeat: int) -> bytes:
    out = bytearray()
    for _ in range(repeat):
        if protocol == "uhfreader18":
            for i in range(0, len(tags), 16):
                out += uhfreader18.inventory_reply(tags[i:i + 16], status=uhfreader18.STATUS_MORE)
        else:
            for t in tags:
                out += r2000.tag_frame(t)
    return bytes(out)


def decode_rate(protocol: str, tags: list[bytes], repeat: int) -> tuple[float, int]:
    data = stream(protocol, tags, repeat)
    codec = CODECS[protocol]()
    window = ReadWindow(60)
    reads = unique = 0
    started = time.perf_counter()
    for i in range(0, len(data), 64):
        seen, _done = codec.feed(data[i:i + 64])
        for s in seen:
            reads += 1
            epc = s.epc.hex().upper()
            if window.accept(epc):
                unique += 1
                decode_epc(epc)
    elapsed = time.perf_counter() - started
    assert reads == len(tags) * repeat and unique == len(tags), (reads, unique)
    return reads / elapsed, unique


def end_to_end(protocol: str, n: int, seconds: float) -> float:
    sim = PtyRfidReader(protocol, tags=[t.hex().upper() for t in epcs(n)])
    reader = SerialRfidReader("sim", sim.port, 57600, protocol, window=0.0)
    got = []
    reader.start(got.append)
    time.sleep(seconds)
    reader.stop()
    sim.close()
    return len(got) / seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tags", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    tags = epcs(args.tags)
    for protocol in ("uhfreader18", "r2000"):
        rate, unique = decode_rate(protocol, tags, args.repeat)
        report(f"{protocol} decode + de-dup + EPC", rate, "reads/s", TARGET, lower_is_better=False,
               extra=f"{args.tags * args.repeat} reads, {unique} unique")
        report(f"{protocol} serial driver on a pty, window 0", end_to_end(protocol, 200, 2.0), "reads/s",
               TARGET, lower_is_better=False, extra="200 tags in the field")


if __name__ == "__main__":
    main()
