"""An hourly backup while the till sells: how long the copy takes, and what it costs a sale.

A thread backs the database up (SQLite online backup, one read transaction) over and
over while the main thread commits sales; sale commits measured during backups against
the target of bench/sale_commit.py. Every backup must be whole (integrity ok) and hold
every sale committed before it began.

Targets: sale commit p99 <= 50 ms while a backup runs; a 200,000-product till backs up in
<= 30 s (one hour between backups).
Usage: python bench/backup_while_selling.py [--products 200000] [--sales 300]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import threading
import time
from pathlib import Path

from common import barcodes, prepare_till, report, summary

from pos_client.domain.sale import Cashier
from pos_client.services.backups import HOURLY
from pos_client.services.till import Till
from pos_client.store.backup_files import inspect_file


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--products", type=int, default=200_000)
    parser.add_argument("--sales", type=int, default=300)
    parser.add_argument("--work-dir", default=None)
    args = parser.parse_args()
    work = Path(args.work_dir or tempfile.mkdtemp(prefix="bench-backup-"))
    paths = prepare_till(work / f"till-{args.products}", args.products)
    till = Till(paths)
    till.config.backup.dir = str(work / "share")
    till.config.backup.keep = 3
    codes = barcodes(args.products, 300)
    rng = random.Random(5)
    cashier = Cashier("staff-1001", "1001", "李娜")
    durations: list[float] = []
    checked: list[tuple[int, int]] = []  # (sales before the backup began, sales in the backup)
    stop = threading.Event()

    def back_up() -> None:
        while not stop.is_set():
            before = till.sales.count()
            start = time.perf_counter()
            result = till.backups.backup_now(HOURLY)
            durations.append(time.perf_counter() - start)
            info = inspect_file(result.written[0], full_check=False)
            assert info.integrity == "ok", info.integrity
            checked.append((before, info.sales))

    thread = threading.Thread(target=back_up, daemon=True)
    thread.start()
    checkout = till.checkout()
    times: list[float] = []
    for _ in range(args.sales):
        for code in rng.sample(codes, rng.randint(1, 5)):
            checkout.scan(code)
        start = time.perf_counter()
        checkout.complete_cash_sale(checkout.cart.total, cashier)
        times.append((time.perf_counter() - start) * 1000)
        checkout.new_sale()
    stop.set()
    thread.join()
    size_mb = paths.database.stat().st_size / 1e6
    till.close()
    assert all(inside >= before for before, inside in checked), "a backup missed committed sales"
    print(f"database {size_mb:.0f} MB, {len(durations)} backups, sale commits during them: {summary(times)}")
    ok = report("sale commit p99 while backing up", sorted(times)[int(0.99 * (len(times) - 1))], "ms", 50.0)
    ok &= report("backup duration (worst)", max(durations), "s", 30.0,
                 extra=f"mean {sum(durations) / len(durations):.2f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
