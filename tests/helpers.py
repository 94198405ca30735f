"""Helpers the tests share: central-side queries and an ESC/POS reader."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from central.db import session_factory
from central.models import ReceivedEvent, Sale, SaleLine, StockLevel, StockMovement, Store
from central.server import EmbeddedCentral


def central_sales(server: EmbeddedCentral) -> list[Sale]:
    with session_factory(server.app.state.engine)() as s:
        return list(s.scalars(select(Sale).order_by(Sale.receipt_no)))


def central_lines(server: EmbeddedCentral, sale_id: str) -> list[SaleLine]:
    with session_factory(server.app.state.engine)() as s:
        return list(s.scalars(select(SaleLine).where(SaleLine.sale_id == sale_id)
                              .order_by(SaleLine.line_no)))


def central_events(server: EmbeddedCentral) -> list[ReceivedEvent]:
    with session_factory(server.app.state.engine)() as s:
        return list(s.scalars(select(ReceivedEvent).order_by(ReceivedEvent.seq)))


def central_stock(server: EmbeddedCentral, sku: str) -> int:
    """Net ledger movement of a SKU across the chain since the demo's opening stock."""
    with session_factory(server.app.state.engine)() as s:
        return s.scalar(select(func.coalesce(func.sum(StockMovement.delta), 0))
                        .where(StockMovement.sku == sku, StockMovement.reason != "initial")) or 0


def central_level(server: EmbeddedCentral, store_code: str, sku: str) -> int | None:
    """The stock level central keeps (and sends down) for one store and SKU."""
    with session_factory(server.app.state.engine)() as s:
        return s.scalar(select(StockLevel.on_hand).join(Store, Store.id == StockLevel.store_id)
                        .where(Store.code == store_code, StockLevel.sku == sku))


def escpos_text(data: bytes, encoding: str = "gb18030") -> str:
    """The printable text of an ESC/POS job, with the commands this project emits removed."""
    out = bytearray()
    i = 0
    two_byte = {b"\x1b\x40": 0, b"\x1c\x26": 0}
    while i < len(data):
        chunk = data[i:i + 2]
        if chunk in two_byte:
            i += 2
        elif data[i] == 0x1B and i + 1 < len(data):
            cmd = data[i + 1]
            if cmd in (ord("!"), ord("E"), ord("a"), ord("d"), ord("M"), ord("-"), ord("G"), ord("t")):
                i += 3
            elif cmd == ord("p"):
                i += 5
            else:
                i += 2
        elif data[i] == 0x1D and i + 1 < len(data):
            cmd = data[i + 1]
            if cmd == ord("V"):
                i += 3 if data[i + 2] in (0, 1, 48, 49) else 4
            elif cmd == ord("k"):
                # GS k m n d1..dn (function B)
                n = data[i + 3]
                i += 4 + n
            elif cmd in (ord("h"), ord("w"), ord("H"), ord("f"), ord("!"), ord("B")):
                i += 3
            else:
                i += 2
        else:
            out.append(data[i])
            i += 1
    return out.decode(encoding, errors="replace")


@dataclass
class Ran:
    returncode: int
    stdout: str
    stderr: str


def run_main(module: str, *args: str) -> Ran:
    """A command run in this process, as `python -m module args` would run it: the same main(),
    its exit code and what it printed, without paying for a new interpreter each time.
    (tests/integration/test_command_line.py runs the real entry points in subprocesses.)"""
    import importlib
    import io
    from contextlib import redirect_stderr, redirect_stdout

    entry = importlib.import_module("pos_client.cli" if module == "pos_client" else module)
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = entry.main(list(args))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
    return Ran(int(code or 0), out.getvalue(), err.getvalue())
