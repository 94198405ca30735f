"""X report and shift close (blind count → Z, event, journal) with a busy day's sales in the shift.

Target: 50 ms or less for the close of a shift holding 10,000 sales: it runs on the UI
thread, like the X report, while the cashier waits for the over/short.
Usage: python bench/shift_close.py [--sales 10000]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from common import report

from pos_client.config import Paths
from pos_client.domain.sale import Cashier, Sale, SoldLine, Tender
from pos_client.services.checkout import StoreIdentity
from pos_client.services.shifts import ShiftService
from pos_client.store.database import open_database
from pos_client.store.sales import UnitOfWork, insert_sale

TARGET_MS = 50.0
CASHIER = Cashier("staff-1001", "1001", "李娜")


def fill(writer: UnitOfWork, prefix: str, sales: int) -> None:
    """Sales written straight into the store as checkout leaves them; every fifth paid by card."""
    now = datetime.now(UTC)

    def write(conn) -> None:
        for i in range(sales):
            line = SoldLine(1, f"SKU{i % 500}", None, "商品", "item", "个", 1 + i % 3, 1_250, 0)
            tender = Tender(kind="card" if i % 5 == 0 else "cash", amount=line.amount, tendered=line.amount)
            insert_sale(conn, Sale(f"{prefix}-{i}", f"S001-01-{prefix}-{i:05d}", "S001", "01", CASHIER, now,
                                   (line,), (tender,)))

    writer.run(write)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sales", type=int, default=10_000)
    parser.add_argument("--work-dir", default=None)
    args = parser.parse_args()
    work = Path(args.work_dir or tempfile.mkdtemp(prefix="bench-shift-"))
    paths = Paths.resolve(work / "till")
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    engine = open_database(paths.database, paths.backups)
    writer = UnitOfWork(engine)
    service = ShiftService(engine, writer, StoreIdentity("S001", "01"))
    fill(writer, "before", args.sales)  # earlier days: outside the shift, must cost nothing
    service.open(CASHIER, 50_000)
    fill(writer, "today", args.sales)
    start = time.perf_counter()
    x = service.x_report(CASHIER, "supervisor")
    x_ms = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    z = service.close(CASHIER, x.expected_cash)
    close_ms = (time.perf_counter() - start) * 1000
    engine.dispose()
    assert z.sales.sale_count == args.sales and z.over_short == 0, z
    return 0 if report(f"shift close with {args.sales:,} sales in the shift", close_ms, "ms", TARGET_MS,
                       extra=f"X report {x_ms:.2f} ms") else 1


if __name__ == "__main__":
    raise SystemExit(main())
