"""Staff see what the printer said: paper out before any receipt, jobs waiting after a fault."""

from __future__ import annotations

from pos_client.services.printing import PrinterStatus
from pos_client.ui.top_bar import TopBar


def test_top_bar_says_what_the_printer_reports(qapp):
    bar = TopBar("S001")
    bar.set_printer(False, 0, "paper_out")
    assert bar.printer_label.text() == "Printer: out of paper"
    assert bar.printer_label.property("state") == "fault"
    bar.set_printer(False, 2, "unreachable")
    assert "2 waiting" in bar.printer_label.text()
    bar.set_printer(True, 0, "paper_low")
    assert "paper running low" in bar.printer_label.text()
    bar.set_printer(True, 0, "unknown")
    assert bar.printer_label.text() == "Printer OK"
    assert PrinterStatus(ok=False, waiting=0, condition="paper_out").condition == "paper_out"
