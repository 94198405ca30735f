"""An RFID count of 10,000 tags in the stock-work window: how long the UI thread ever stalls.

A feeder thread delivers the tags to the window as the reader driver does (a queued Qt
signal per tag, on the UI thread), at 20,000 tags/s (fifty times a real serial reader):
10,000 tags spread over 1,000 products of a 2,000-product catalog, plus tags that are no
product.  A 2 ms timer on the UI thread records the gap between its ticks; a stall is a gap
beyond the tick.  The figure is the longest stall while the tags are counted and the table
redrawn; the time until the window shows all of them is reported beside it.

Usage: python bench/rfid_count_ui.py [--tags 10000] [--products 1000]
"""

from __future__ import annotations

import argparse
import tempfile
import threading
import time
from pathlib import Path

from common import percentile, prepare_till, report
from epcpy.epc_schemes.sgtin import SGTIN, SGTINFilterValue
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from central.demo_catalog import demo_products
from drivers.interfaces import TagRead
from pos_client.domain.sale import Cashier
from pos_client.services.auth import Session
from pos_client.services.till import Till
from pos_client.ui.background import TaskRunner
from pos_client.ui.stock_window import StockWindow

TARGET_MS = 50.0


class Feeder(QObject):
    tag = Signal(object)


def epcs(tags: int, products: int) -> list[str]:
    codes = [p.barcode for p in demo_products(products * 2)][:products]
    out = []
    for n in range(tags):
        gtin = "0" + codes[n % products]
        sgtin = SGTIN.from_gtin_plus_serial(gtin, str(n + 1), 7)
        out.append(sgtin.hex(binary_coding_scheme=SGTIN.BinaryCodingScheme.SGTIN_96,
                             filter_value=SGTINFilterValue.POS_ITEM).upper())
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tags", type=int, default=10_000)
    ap.add_argument("--products", type=int, default=1_000)
    args = ap.parse_args()
    app = QApplication.instance() or QApplication([])
    paths = prepare_till(Path(tempfile.gettempdir()) / "pos-bench-rfid-count", 2000)
    till = Till(paths)
    print(f"encoding {args.tags:,} SGTIN-96 tags…", flush=True)
    tags = [*epcs(args.tags, args.products), "E2801160600002084D9D0C3B"]
    runner = TaskRunner()
    window = StockWindow(till.stock_work(), runner, Session(Cashier("s", "2001", "王芳"), "supervisor"),
                         till.auth, None)
    window.resize(1024, 700)
    window.show()
    window.start_count()
    redraws: list[float] = []
    redraw = window._redraw

    def timed_redraw() -> None:
        t0 = time.perf_counter()
        redraw()
        redraws.append((time.perf_counter() - t0) * 1000)

    window._redraw = timed_redraw
    feeder = Feeder()
    feeder.tag.connect(lambda epc: window.take_tag(TagRead(epc=epc)))
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000)
        last[0] = now

    timer = QTimer()
    timer.setInterval(2)
    timer.timeout.connect(tick)
    timer.start()
    started = time.perf_counter()

    def feed() -> None:
        # Bursts of 100 tags every 5 ms: 20,000 tags/s, fifty times what a 57,600-baud reader
        # carries; one queued signal per tag, as the driver adapter delivers them.
        for start in range(0, len(tags), 100):
            for epc in tags[start:start + 100]:
                feeder.tag.emit(epc)
            time.sleep(0.005)

    threading.Thread(target=feed, daemon=True).start()
    want = len(tags)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        app.processEvents()
        count = window.count
        if count is not None and f"Counting: {want} tags" in window.count_status.text():
            break
        time.sleep(0.001)
    done = time.perf_counter() - started
    timer.stop()
    summary = window.count.summary()
    rows = window.count_table.model().rowCount()
    window.close()
    runner.shutdown()
    till.close()
    stalls = [max(0.0, g - 2.0) for g in gaps]
    print(f"counted {summary.tags:,} tags ({sum(summary.by_sku.values()):,} on {rows:,} products, "
          f"{len(summary.not_gs1)} not a product) in {done:.2f} s; UI ticks {len(gaps):,}, "
          f"stall p99 {percentile(stalls, 99):.1f} ms; table redraws {len(redraws)}, longest "
          f"{max(redraws):.1f} ms")
    report("RFID count in the UI: longest UI-thread stall", max(stalls), "ms", TARGET_MS,
           extra=f"({args.tags:,} tags shown after {done:.2f} s)")


if __name__ == "__main__":
    main()
