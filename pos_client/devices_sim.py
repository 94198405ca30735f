"""`pos-client devices simulate KIND`: a simulator in its own process, driven from standard input.

For developers and demos: it prints the URL to configure (a pseudo-terminal's
serial:// path, or a loopback tcp:// printer), then takes one command per line:

    scanner   any line is scanned as is (prefix an AIM identifier yourself: ]E06901234567892)
    rfid      +EPC puts a tag in the field, -EPC takes it out, "demo" puts demo tags, "clear"
    printer   paper-out, paper-in, cover-open, cover-closed; jobs are saved to --out as .bin

It stops at end of input (Ctrl-D) or Ctrl-C.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path


def run_simulator(kind: str, protocol: str, port: int, out: Path | None) -> int:
    if kind == "scanner":
        from drivers.scanner.serial_scanner import PtyScanner

        sim = PtyScanner()
        print(f"serial://{sim.port}", flush=True)
        try:
            for line in sys.stdin:
                code = line.rstrip("\r\n")
                if code:
                    sim.scan(code)
                    print(f"scanned {code!r}", file=sys.stderr, flush=True)
        finally:
            sim.close()
        return 0
    if kind == "rfid":
        from drivers.rfid.simulator import PtyRfidReader

        reader = PtyRfidReader(protocol)
        print(f"serial://{reader.port}?baud=57600&protocol={protocol}", flush=True)
        try:
            for line in sys.stdin:
                command = line.strip()
                if command == "demo":
                    reader.demo()
                elif command == "clear":
                    reader.tags = []
                elif command[:1] == "+" and command[1:]:
                    reader.tags = [*reader.tags, command[1:].upper()]
                elif command[:1] == "-":
                    reader.tags = [t for t in reader.tags if t != command[1:].upper()]
                elif command:
                    print(f"unknown command {command!r}: +EPC, -EPC, demo, clear", file=sys.stderr)
                    continue
                print(f"in the field: {len(reader.tags)} tag(s)", file=sys.stderr, flush=True)
        finally:
            reader.close()
        return 0
    from drivers.printer.simulator import LoopbackPrinter

    printer = LoopbackPrinter(port=port).start()
    print(printer.url, flush=True)
    saved = 0
    flags = {"paper-out": ("paper_out", True), "paper-in": ("paper_out", False),
             "cover-open": ("cover_open", True), "cover-closed": ("cover_open", False)}
    try:
        for line in sys.stdin:
            command = line.strip()
            if command in flags:
                setattr(printer, *flags[command])
            elif command:
                print(f"unknown command {command!r}: {', '.join(flags)}", file=sys.stderr)
            if out is not None:
                out.mkdir(parents=True, exist_ok=True)
                for job in printer.jobs[saved:]:
                    saved += 1
                    (out / f"job-{saved:04d}-{int(time.time())}.bin").write_bytes(job)
    finally:
        printer.stop()
    return 0
