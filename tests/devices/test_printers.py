"""Printers over real transports: a TCP socket, a pseudo-terminal, a file; status; the durable queue."""

from __future__ import annotations

import os
import socket
import threading
import time
import tty
from datetime import datetime
from pathlib import Path

import pytest

from drivers.interfaces import PrinterCondition
from drivers.printer import status as dle
from drivers.printer.document import Columns, ReceiptDocument, TextLine
from drivers.printer.escpos_render import PaperProfile, drawer_kick, render
from drivers.printer.printers import EscPosPrinter, PrinterFault, SimulatedPrinter, open_printer
from drivers.printer.simulator import LoopbackPrinter
from drivers.printer.spool import PrintSpool
from drivers.printer.testpage import printer_test_page
from drivers.printer.textwidth import cell_width
from drivers.printer.transports import SerialTransport
from pos_client.services.printing import PrinterStatus, PrintService
from tests.support.escpos_decoder import decode

P80 = PaperProfile.for_width(80)


def doc(job: str, text: str = "测试 test") -> ReceiptDocument:
    return ReceiptDocument(job, (TextLine(text),), open_drawer=False)


class Receiver:
    """A plain listening socket that keeps what each connection sent (and never answers)."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.received: list[bytes] = []
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        self.server.settimeout(5)
        with self.server:
            conn, _ = self.server.accept()
            with conn:
                data = b""
                while chunk := conn.recv(4096):
                    data += chunk
                self.received.append(data)


def test_network_printer_sends_the_job_over_a_real_socket(tmp_path):
    rx = Receiver()
    printer = open_printer(f"tcp://127.0.0.1:{rx.port}", P80, tmp_path)
    d = ReceiptDocument("R1", (TextLine("农夫山泉 ￥2.00"),), open_drawer=True)
    printer.print_document(d)
    rx.thread.join(5)
    assert rx.received == [render(d, P80)]
    got = decode(rx.received[0])
    assert "农夫山泉 ￥2.00" in got.text and got.cuts == 1 and got.drawer_pins == [2]


def test_status_with_no_answer_is_unknown_not_ok(tmp_path):
    with LoopbackPrinter(answers_status=False) as sim:
        printer = open_printer(sim.url + "?status_timeout=150", P80, tmp_path)
        started = time.monotonic()
        state = printer.status()
        assert time.monotonic() - started < 1.0
    assert state.condition is PrinterCondition.UNKNOWN
    assert state.can_print  # unknown is worth a try: many printers never answer


@pytest.mark.parametrize(("flag", "condition"), [
    (None, PrinterCondition.OK), ("paper_out", PrinterCondition.PAPER_OUT),
    ("cover_open", PrinterCondition.COVER_OPEN), ("paper_low", PrinterCondition.PAPER_LOW)])
def test_status_from_a_printer_that_answers(tmp_path, flag, condition):
    with LoopbackPrinter() as sim:
        if flag:
            setattr(sim, flag, True)
        state = open_printer(sim.url, P80, tmp_path).status()
    assert state.condition is condition
    assert state.can_print is (condition in (PrinterCondition.OK, PrinterCondition.PAPER_LOW))


def test_unreachable_printer(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # bound, never listening: connection refused
        printer = open_printer(f"tcp://127.0.0.1:{port}", P80, tmp_path)
        assert printer.status().condition is PrinterCondition.UNREACHABLE
        with pytest.raises(PrinterFault, match=f"127.0.0.1:{port}"):
            printer.send("x", b"abc")


def test_interpret_rejects_bytes_without_the_fixed_bits():
    assert dle.interpret(b"\xff\xff\xff").condition is PrinterCondition.UNKNOWN
    assert dle.interpret(b"\x16").condition is PrinterCondition.UNKNOWN  # partial answer
    assert dle.interpret(b"\x16\x12\x12").condition is PrinterCondition.OK  # 0x16: bit 2 is drawer
    assert dle.interpret(b"\x1e\x32\x72").condition is PrinterCondition.PAPER_OUT


def test_status_parser_never_crashes_on_garbage():
    for value in range(256):
        for other in (b"", b"\x12", b"\x12\x12", bytes([value, value])):
            dle.interpret(bytes([value]) + other)


def test_serial_printer_over_a_pseudo_terminal(tmp_path):
    master, slave = os.openpty()
    tty.setraw(slave)
    port = os.ttyname(slave)
    printer = open_printer(f"serial://{port}?baud=19200", P80, tmp_path)
    got = bytearray()
    stop = threading.Event()

    def printer_side() -> None:  # answers status queries like a printer with paper
        while not stop.is_set():
            import select
            if select.select([master], [], [], 0.05)[0]:
                chunk = os.read(master, 4096)
                got.extend(chunk)
                for i in range(len(chunk) - 2):
                    if chunk[i:i + 2] == dle.DLE_EOT:
                        os.write(master, bytes([dle.status_byte(which=chunk[i + 2])]))

    t = threading.Thread(target=printer_side, daemon=True)
    t.start()
    try:
        assert printer.status().condition is PrinterCondition.OK
        printer.print_document(doc("S1", "串口 serial"))
        deadline = time.monotonic() + 3
        while b"serial" not in got and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        stop.set()
        t.join(2)
        os.close(master)
        os.close(slave)
    assert "串口 serial" in decode(bytes(got)).text
    assert isinstance(printer, EscPosPrinter)


def test_serial_port_that_does_not_exist_is_a_fault():
    t = SerialTransport("/dev/does-not-exist-0")
    with pytest.raises(OSError):
        t.open()


def test_file_transport_writes_the_device_node(tmp_path):
    node = tmp_path / "lp0"
    node.write_bytes(b"")
    printer = open_printer(f"file://{node}", P80, tmp_path)
    printer.print_document(doc("F1"))
    assert "测试 test" in decode(node.read_bytes()).text
    assert printer.status().condition is PrinterCondition.UNKNOWN


def test_unavailable_spooler_drivers_say_why(tmp_path):
    from drivers.registry import UnsupportedDeviceUrl

    with pytest.raises(UnsupportedDeviceUrl, match="Windows"):
        open_printer("win32://Receipt", P80, tmp_path)


# --- rendering: test page, widths, yuan sign, drawer ---------------------------------------------


@pytest.mark.parametrize(("paper", "pin"), [(80, 2), (58, 5)])
def test_test_page_has_chinese_english_barcode_qr_cut_and_drawer(paper, pin):
    profile = PaperProfile.for_width(paper, drawer_pin=pin)
    page = printer_test_page("tcp://10.0.0.9", profile, datetime(2026, 12, 3, 9, 30, 0))
    got = decode(render(page, profile))
    assert got.chinese_mode and got.unknown == []
    assert "中文：农夫山泉" in got.text and "The quick brown fox" in got.text
    assert got.barcodes == [(73, "T1203093000")]
    assert got.qr_codes == ["POS-TEST:20261203093000"]
    assert got.cuts == 1 and got.drawer_pins == [pin]
    assert got.events[-2:] == ["cut", "drawer"]
    for line in got.text.split("\n"):
        assert cell_width(line) <= profile.columns, line


def test_ambiguous_width_characters_count_double_and_yen_prints_full_width():
    profile = PaperProfile.for_width(58)
    data = render(ReceiptDocument("w", (Columns("苹果 ×3 · 特价", "¥6.00"),), open_drawer=False), profile)
    text = decode(data).text
    assert "¥" not in text and "￥6.00" in text
    line = text.split("\n")[0]
    assert cell_width(line) == 32  # flush right at the edge: × and · take two cells on paper
    assert "×".encode("gb18030") in data and "\u00a5".encode("gb18030") not in data


def test_drawer_pin_must_be_2_or_5():
    assert drawer_kick(2)[:3] == b"\x1bp\x00" and drawer_kick(5)[:3] == b"\x1bp\x01"
    with pytest.raises(ValueError, match="2 or 5"):
        PaperProfile.for_width(80, drawer_pin=3)


# --- the durable print queue ----------------------------------------------------------------------



def wait(predicate, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_paper_out_keeps_the_job_reports_and_prints_when_fixed(tmp_path):
    spool = PrintSpool(tmp_path / "queue")
    seen: list[PrinterStatus] = []
    with LoopbackPrinter() as sim:
        sim.paper_out = True
        service = PrintService(open_printer(sim.url, P80, tmp_path), on_status=seen.append, spool=spool,
                               retry_seconds=0.1)
        try:
            service.submit(doc("R-1", "第一张"))
            service.submit(doc("R-2", "第二张"))
            wait(lambda: service.last_status.waiting == 2 and not service.last_status.ok)
            assert service.last_status.condition == "paper_out"
            assert sim.jobs == [] and sim.refused == []  # nothing was sent to a printer without paper
            assert [j.job_id for j in spool.pending()] == ["R-1", "R-2"]
            sim.paper_out = False  # staff put in a new roll
            jobs = sim.wait_for_jobs(2)
            wait(lambda: service.last_status.ok and service.last_status.waiting == 0)
        finally:
            service.close()
    assert ["第一张" in decode(j).text for j in jobs] == [True, False]
    assert "第二张" in decode(jobs[1]).text
    assert spool.pending() == []
    assert any(not s.ok and s.condition == "paper_out" for s in seen) and seen[-1].ok


def test_unreachable_printer_keeps_jobs_across_a_restart(tmp_path):
    queue = tmp_path / "queue"
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
        service = PrintService(open_printer(f"tcp://127.0.0.1:{port}", P80, tmp_path),
                               spool=PrintSpool(queue), retry_seconds=60)
        service.submit(doc("R-9", "断网"))
        wait(lambda: service.last_status.waiting == 1)
        assert service.last_status.condition == "unreachable"
        service.close()
    assert len(list(queue.glob("*.job"))) == 1  # survives the process: it is a file
    with LoopbackPrinter() as sim:  # the till restarts with a working printer
        service = PrintService(open_printer(sim.url, P80, tmp_path), spool=PrintSpool(queue))
        try:
            jobs = sim.wait_for_jobs(1)
            wait(lambda: service.waiting == 0)
        finally:
            service.close()
    assert "断网" in decode(jobs[0]).text


def test_a_reprint_under_the_same_id_replaces_the_waiting_job(tmp_path):
    spool = PrintSpool(tmp_path / "q")
    spool.add("R-1", b"old")
    spool.add("R-2", b"two")
    spool.add("R-1", b"new")
    assert [(j.job_id, j.data()) for j in spool.pending()] == [("R-1", b"new"), ("R-2", b"two")]
    (tmp_path / "q" / ".000000000003-R-3.tmp").write_bytes(b"half")  # a write cut by a crash
    assert [j.job_id for j in PrintSpool(tmp_path / "q").pending()] == ["R-1", "R-2"]


def test_simulated_printer_still_writes_receipt_files_and_can_run_out_of_paper(tmp_path):
    printer = open_printer("sim://printer", P80, tmp_path)
    assert isinstance(printer, SimulatedPrinter)
    service = PrintService(printer, spool=PrintSpool(tmp_path / "devices" / "print-queue"), retry_seconds=0.1)
    out = tmp_path / "devices" / "printer"
    try:
        service.submit(doc("S001-01-20261203-0001"))
        wait(lambda: (out / "S001-01-20261203-0001.bin").exists())
        (out / "PAPER_OUT").touch()
        service.submit(doc("S001-01-20261203-0002"))
        wait(lambda: service.last_status.condition == "paper_out")
        assert not (out / "S001-01-20261203-0002.bin").exists()
        (out / "PAPER_OUT").unlink()
        wait(lambda: (out / "S001-01-20261203-0002.bin").exists())
    finally:
        service.close()


def test_a_rendering_bug_is_reported_not_swallowed(tmp_path):
    class Broken(SimulatedPrinter):
        def render(self, doc):
            raise RuntimeError("boom")

    seen: list[PrinterStatus] = []
    service = PrintService(Broken("sim://x", P80, Path(tmp_path)), on_status=seen.append)
    try:
        service.submit(doc("X"))
        wait(lambda: bool(seen))
    finally:
        service.close()
    assert not seen[0].ok and "boom" in seen[0].detail


def test_idle_status_check_tells_staff_before_the_next_receipt(tmp_path):
    seen: list[PrinterStatus] = []
    with LoopbackPrinter() as sim:
        service = PrintService(open_printer(sim.url, P80, tmp_path), on_status=seen.append, poll_seconds=0.05)
        try:
            wait(lambda: bool(seen) and seen[-1].condition == "ok")
            sim.paper_out = True
            wait(lambda: seen[-1].condition == "paper_out")
            assert seen[-1].ok is False and seen[-1].waiting == 0
            sim.paper_out = False
            wait(lambda: seen[-1].ok)
        finally:
            service.close()
    assert [s.condition for s in seen] == ["ok", "paper_out", "ok"]  # told on change only


@pytest.mark.parametrize(("paper", "dots"), [(80, 576), (58, 384)])
def test_text_as_image_for_printers_without_a_chinese_font(paper, dots):
    from drivers.printer.text_image import find_cjk_font

    profile = PaperProfile.for_width(paper, text_as_image=True)
    page = printer_test_page("tcp://10.0.0.9", profile, datetime(2026, 12, 3, 9, 30, 0))
    data = render(page, profile)
    got = decode(data)
    assert "农夫山泉".encode("gb18030") not in data and not got.chinese_mode
    assert got.text.strip() == "" and got.unknown == []
    assert got.images and all(width == dots for width, _h, _rows in got.images)
    assert any(any(rows) for _w, _h, rows in got.images)  # something is drawn
    assert got.barcodes and got.qr_codes and got.cuts == 1 and got.drawer_pins == [2]
    assert got.events[:3] == ["image", "barcode", "image"]
    assert find_cjk_font("/no/such/font.ttf") is None or find_cjk_font().endswith((".ttc", ".ttf"))
