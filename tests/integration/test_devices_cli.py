"""`pos-client devices list|test` against devices on real transports (loopback TCP, pseudo-terminals)."""

from __future__ import annotations

import json
import threading
import time

from drivers.printer.simulator import LoopbackPrinter
from drivers.scanner.serial_scanner import PtyScanner
from pos_client.cli import main
from pos_client.config import Config, Paths, save_config
from tests.support.escpos_decoder import decode


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_devices_list_shows_configuration_ports_and_drivers(tmp_path, capsys):
    paths = Paths.resolve(tmp_path)
    config = Config()
    config.printer.url = "tcp://192.168.1.50"
    config.scanner.urls = ["wedge://", "serial://COM3?baud=bad"]
    save_config(paths.config_file, config)
    code, out, _ = run(capsys, "devices", "list", "--json", "--data-dir", str(tmp_path))
    assert code == 0
    found = json.loads(out)
    printer, wedge, bad = found["configured"]
    assert printer == {"kind": "printer", "url": "tcp://192.168.1.50", "problem": None, "present": None,
                       "driver": "network printer, raw TCP (port 9100), with status"}
    assert wedge["problem"] is None
    assert "not a serial speed" in bad["problem"]
    assert isinstance(found["serial_ports"], list)
    schemes = {(d["kind"], d["scheme"]) for d in found["drivers"]}
    assert {("printer", "tcp"), ("printer", "serial"), ("scanner", "serial"), ("scanner", "wedge")} <= schemes
    code, out, _ = run(capsys, "devices", "list", "--data-dir", str(tmp_path))
    assert code == 0 and "PROBLEM" in out and "tcp://192.168.1.50" in out


def test_devices_test_prints_a_test_page_on_a_network_printer(tmp_path, capsys):
    with LoopbackPrinter() as printer:
        code, out, err = run(capsys, "devices", "test", printer.url, "--json", "--paper", "58",
                             "--drawer-pin", "5", "--data-dir", str(tmp_path))
        jobs = printer.wait_for_jobs(1)
    assert code == 0, err
    result = json.loads(out)
    assert result["printed"] is True and result["status"] == "ok" and result["columns"] == 32
    page = decode(jobs[0])
    assert "打印测试 TEST" in page.text and "The quick brown fox" in page.text
    assert len(page.barcodes) == 1 and page.qr_codes[0].startswith("POS-TEST:")
    assert page.cuts == 1 and page.drawer_pins == [5]


def test_devices_test_does_not_send_to_a_printer_out_of_paper(tmp_path, capsys):
    with LoopbackPrinter() as printer:
        printer.paper_out = True
        code, _out, err = run(capsys, "devices", "test", printer.url, "--data-dir", str(tmp_path))
        time.sleep(0.1)
        assert printer.jobs == [] and printer.refused == []
    assert code == 1 and "paper_out" in err


def test_devices_test_reports_scans_from_a_serial_scanner(tmp_path, capsys):
    sim = PtyScanner()

    def scanner_side() -> None:
        time.sleep(0.3)
        sim.scan("6901234567892", aim="]E0")
        sim.scan("12345670", aim="]E4")

    t = threading.Thread(target=scanner_side)
    t.start()
    try:
        code, out, err = run(capsys, "devices", "test", f"serial://{sim.port}?baud=19200", "--as", "scanner",
                             "--seconds", "0.8", "--json", "--data-dir", str(tmp_path))
    finally:
        t.join()
        sim.close()
    assert code == 0, err
    result = json.loads(out)
    assert [(s["data"], s["symbology"]) for s in result["scans"]] == [("6901234567892", "EAN-13"),
                                                                       ("12345670", "EAN-8")]
    assert result["events"][0]["event"] == "connected"


def test_devices_test_explains_an_ambiguous_or_bad_url(tmp_path, capsys):
    code, _out, err = run(capsys, "devices", "test", "serial:///dev/ttyS0", "--data-dir", str(tmp_path))
    assert code == 2 and "--as" in err
    code, _out, err = run(capsys, "devices", "test", "tcp://", "--data-dir", str(tmp_path))
    assert code == 2 and "needs a host" in err


def test_devices_test_reports_tags_from_a_simulated_rfid_reader(tmp_path, capsys):
    code, out, err = run(capsys, "devices", "test", "sim://rfid?protocol=r2000", "--seconds", "0.5", "--json",
                         "--data-dir", str(tmp_path))
    assert code == 0, err
    tags = {t["epc"]: t for t in json.loads(out)["tags"]}
    assert len(tags) == 3
    assert tags["3074257BF7194E4000001A85"]["gtin"] == "80614141123458"
    assert tags["E2801160600002084D9D0C3B"]["gs1"] is False


def test_devices_simulate_scanner_is_a_separate_process_driven_from_stdin(tmp_path):
    import os
    import subprocess
    import sys

    from drivers.scanner.serial_scanner import SerialScanner

    proc = subprocess.Popen([sys.executable, "-m", "pos_client", "devices", "simulate", "scanner"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "POS_TOKEN_STORE": "file"})
    try:
        url = proc.stdout.readline().strip()
        assert url.startswith("serial:///dev/")
        got = []
        scanner = SerialScanner(url, url[len("serial://"):])
        scanner.start(got.append)
        time.sleep(0.2)
        proc.stdin.write("]E06901234567892\n")
        proc.stdin.flush()
        deadline = time.monotonic() + 5
        while not got and time.monotonic() < deadline:
            time.sleep(0.02)
        scanner.stop()
        assert [(s.data, s.symbology) for s in got] == [("6901234567892", "EAN-13")]
    finally:
        proc.stdin.close()
        proc.wait(10)
    assert proc.returncode == 0


def test_devices_test_shows_a_test_pattern_on_a_pole_display(tmp_path, capsys):
    code, out, err = run(capsys, "devices", "test", "sim://display", "--seconds", "0.2", "--json",
                         "--data-dir", str(tmp_path))
    assert code == 0, err
    assert json.loads(out)["shown"] == ["DISPLAY TEST", "WELCOME"]


def test_devices_list_says_whether_a_configured_port_is_there(tmp_path, capsys):
    paths = Paths.resolve(tmp_path)
    config = Config()
    config.scanner.urls = ["serial:///dev/ttyNOPE7"]
    node = tmp_path / "lp0"
    node.write_bytes(b"")
    config.printer.url = f"file://{node}"
    save_config(paths.config_file, config)
    code, out, _ = run(capsys, "devices", "list", "--json", "--data-dir", str(tmp_path))
    assert code == 0
    printer, scanner = json.loads(out)["configured"]
    assert printer["present"] is True and scanner["present"] is False


def test_devices_test_reads_tags_from_a_loopback_llrp_reader(tmp_path, capsys):
    code, out, err = run(capsys, "devices", "test", "sim://llrp", "--seconds", "0.5", "--json",
                         "--data-dir", str(tmp_path))
    assert code == 0, err
    assert len(json.loads(out)["tags"]) == 3
