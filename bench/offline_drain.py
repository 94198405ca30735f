"""A till sells offline for a long while, then central comes back: how fast does the outbox drain?

10,000 sales are made through the checkout service while central cannot be reached
(1-8 scans a sale, some repeated, cash tendered exactly or rounded up to the next
10/50/100 yuan), then the till syncs with `run_once()` until its outbox is empty.

Target: draining at 500 sales/s or more, with every sale at central exactly once and the
same sum of totals there as in the till.  The selling rate is printed for information.

By default central is embedded in this process (SQLite file, or `--db-url`), seeded with
the demo chain; central is stopped while selling and started again on the same database
to drain.  With `--central URL --code CODE` a fresh till is enrolled against that central
(or a proxy in front of it) and points at a closed loopback port while selling; central's
database cannot be read from here, so the bench prints what central should now hold.

Usage: python bench/offline_drain.py [--sales 10000] [--products 2000] [--db-url URL]
       python bench/offline_drain.py --central http://127.0.0.1:8600 --code ABCD-EFGH-JKLM
"""

from __future__ import annotations

import argparse
import math
import os
import random
import socket
import tempfile
import time
from pathlib import Path

from common import report

os.environ["POS_TOKEN_STORE"] = "file"  # before anything enrols: no OS keyring in a bench

from sqlalchemy import func, select

from pos_client.config import Paths, save_config
from pos_client.domain.money import format_amount
from pos_client.domain.sale import Cashier
from pos_client.services.till import Till, enroll
from pos_client.store.outbox import Outbox
from pos_client.store.schema import barcode, price, sale, staff

TARGET_SALES_PER_S = 500.0
MAX_DRAIN_ROUNDS = 200  # a round pushes everything pending; more than a few means something is wrong


class TimedOutbox(Outbox):
    """The till's outbox, noting when central's answers were last settled (the moment it empties)."""

    def __init__(self, engine) -> None:
        super().__init__(engine)
        self.last_settled = 0.0
        self.settles = 0

    def settle(self, *args, **kwargs):
        result = super().settle(*args, **kwargs)
        self.last_settled = time.perf_counter()
        self.settles += 1
        return result


def closed_port() -> socket.socket:
    """A loopback port that is bound but never listens: connecting to it is refused at once."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    return sock


def point_at(till: Till, url: str) -> None:
    till.config.central.url = url
    save_config(till.paths.config_file, till.config)


def sync_once(till: Till):
    with till.client() as client:
        return till.sync_engine(client).run_once()


def sellable_codes(till: Till) -> list[str]:
    with till.engine.connect() as conn:
        rows = conn.execute(select(barcode.c.code).join(price, price.c.sku == barcode.c.sku)
                            .distinct().order_by(barcode.c.code)).scalars().all()
    return list(rows)


def a_cashier(till: Till) -> Cashier:
    with till.engine.connect() as conn:
        row = conn.execute(select(staff.c.staff_id, staff.c.code, staff.c.name)
                           .where(staff.c.active).order_by(staff.c.code).limit(1)).first()
    return Cashier(*row) if row else Cashier("bench-cashier", "0000", "Bench")


def tendered_for(due: int, rng: random.Random) -> int:
    """Exact, or the next 10, 50 or 100 yuan note amount (fen)."""
    step = rng.choice((0, 1000, 5000, 10000))
    return due if step == 0 else max(step, math.ceil(due / step) * step)


def sell_offline(till: Till, count: int, codes: list[str], rng: random.Random) -> tuple[int, float, int]:
    """Returns (sum of totals, seconds, sales with a quantity above 1)."""
    checkout = till.checkout()
    cashier = a_cashier(till)
    total, with_qty = 0, 0
    started = time.perf_counter()
    for _ in range(count):
        scans: list[str] = []
        for _ in range(rng.randint(1, 8)):
            # A quarter of the scans are the same item again (two of a drink, three of a snack).
            scans.append(rng.choice(scans) if scans and rng.random() < 0.25 else rng.choice(codes))
        for code in scans:
            checkout.scan(code)
        if any(line.qty > 1 for line in checkout.cart.lines):
            with_qty += 1
        done = checkout.complete_cash_sale(tendered_for(checkout.cart.total, rng), cashier)
        total += done.total
        checkout.new_sale()
    return total, time.perf_counter() - started, with_qty


def local_sales(till: Till) -> tuple[int, int]:
    with till.engine.connect() as conn:
        n, s = conn.execute(select(func.count(), func.coalesce(func.sum(sale.c.total), 0))).one()
    return int(n), int(s)


def drain(till: Till, expected: int) -> tuple[float, float, int, list[str]]:
    """Sync until the outbox is empty: (seconds to empty, seconds of run_once in all, pulled, problems)."""
    timed = TimedOutbox(till.engine)
    till.outbox = timed  # the engine takes the till's outbox when it is made
    problems: list[str] = []
    pushed = rejected = pulled = 0
    started = time.perf_counter()
    with till.client() as client:
        for _ in range(MAX_DRAIN_ROUNDS):
            result = till.sync_engine(client).run_once()
            pushed += result.pushed
            rejected += result.rejected + result.duplicates
            pulled += result.pulled
            if not result.ok:
                problems.append(f"run_once failed: {result.error}")
                break
            if timed.stats().pending == 0:
                break
    finished = time.perf_counter()
    stats = timed.stats()
    if stats.pending:
        problems.append(f"{stats.pending} events still pending after draining")
    if stats.rejected or rejected:
        problems.append(f"central refused or duplicated {rejected} events ({stats.rejected} in attention)")
    if pushed != expected:
        problems.append(f"pushed {pushed} events, expected {expected}")
    empty_at = timed.last_settled if timed.settles else finished
    return empty_at - started, finished - started, pulled, problems


def central_holds(server, device_id: str) -> tuple[int, int, int]:
    """(this till's sales, their sum of totals, all sales) in central's database."""
    from central.db import session_factory
    from central.models import Sale

    with session_factory(server.app.state.engine)() as s:
        n, total = s.execute(select(func.count(), func.coalesce(func.sum(Sale.total), 0))
                             .where(Sale.device_id == device_id)).one()
        everything = s.scalar(select(func.count()).select_from(Sale)) or 0
    return int(n), int(total), int(everything)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sales", type=int, default=10_000)
    parser.add_argument("--products", type=int, default=2000, help="demo catalog size (embedded central)")
    parser.add_argument("--db-url", default=None, help="embedded central's database (default: SQLite file)")
    parser.add_argument("--central", default=None, help="enrol against this central instead of embedding one")
    parser.add_argument("--code", default=None, help="enrolment code for --central")
    parser.add_argument("--work-dir", default=None)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    if bool(args.central) != bool(args.code):
        parser.error("--central and --code go together")
    if args.central and args.db_url:
        parser.error("--db-url is for the embedded central; not with --central")
    work = Path(args.work_dir or tempfile.mkdtemp(prefix="bench-drain-"))
    work.mkdir(parents=True, exist_ok=True)
    paths = Paths.resolve(work / f"till-{time.time_ns()}")
    rng = random.Random(args.seed)
    server = None
    blocked = closed_port()
    offline_url = f"http://127.0.0.1:{blocked.getsockname()[1]}"
    till: Till | None = None
    try:
        if args.central:
            url = args.central
            device = enroll(paths, url, args.code, "bench-offline-drain")
        else:
            from central.db import session_factory
            from central.devices import create_enrollment_code
            from central.seed import seed_demo
            from central.server import EmbeddedCentral

            db_url = args.db_url or f"sqlite:///{work / 'central.db'}"
            server = EmbeddedCentral(db_url).start()
            with session_factory(server.app.state.engine)() as session:
                seed_demo(session, products=args.products, scale_items=False)
                code = create_enrollment_code(session, "S001")
                session.commit()
            device = enroll(paths, server.url, code, "bench-offline-drain")
            url = server.url
        till = Till(paths)
        first = sync_once(till)  # the catalog, as after installation
        if not first.ok:
            print(f"first sync failed: {first.error}")
            return 2
        codes = sellable_codes(till)
        if not codes:
            print("the till has no sellable products after its first sync")
            return 2
        print(f"(till {device.device_id} in {device.store_code}, {len(codes)} sellable barcodes, "
              f"central {url}{'' if args.central else ' embedded on ' + server.db_url.split('@')[-1]})",
              flush=True)

        # ------------------------------------------------------------ offline
        if server is not None:
            server.stop()  # central is gone, not just unaddressed
            server = None
        point_at(till, offline_url)
        probe = sync_once(till)
        if probe.ok or probe.reached_central:
            print(f"central is still reachable while 'offline' ({probe.error}); stopping")
            return 2
        before_n, before_total = local_sales(till)
        sold_total, sell_s, with_qty = sell_offline(till, args.sales, codes, rng)
        probe = sync_once(till)
        if probe.ok or probe.reached_central:
            print("central became reachable during the offline sales; the figure would be wrong")
            return 2
        pending = till.outbox.stats().pending
        print(f"selling offline: {args.sales / sell_s:.1f} sales/s  (information: {args.sales} sales "
              f"through checkout in {sell_s:.1f} s, {with_qty} with a quantity above 1, "
              f"{pending} events queued, sync error while offline: {probe.error.code})",  # type: ignore[union-attr]
              flush=True)

        # ------------------------------------------------------------ back online
        if args.central:
            point_at(till, url)
        else:
            from central.server import EmbeddedCentral

            server = EmbeddedCentral(db_url).start()  # same database, new port
            point_at(till, server.url)
        to_empty, run_s, pulled, problems = drain(till, pending)
        local_n, local_total = local_sales(till)
        local_n -= before_n
        local_total -= before_total
        ok = report("offline drain", args.sales / to_empty, "sales/s", TARGET_SALES_PER_S,
                    lower_is_better=False,
                    extra=f"{args.sales} sales, outbox empty after {to_empty:.2f} s; run_once in all "
                          f"{run_s:.2f} s incl. pulling {pulled} changes central made from them")
        if local_n != args.sales or local_total != sold_total:
            problems.append(f"till holds {local_n} new sales totalling {local_total}, "
                            f"expected {args.sales} totalling {sold_total}")
        if server is not None:
            n, total, everything = central_holds(server, device.device_id)
            print(f"central holds {n} sales from this till, sum of totals {format_amount(total)} "
                  f"({total} fen); till holds {local_n}, {format_amount(local_total)} "
                  f"({everything} sales at central in all)")
            if n != args.sales or total != local_total:
                problems.append(f"central holds {n} sales totalling {total}; till {local_n} totalling "
                                f"{local_total}")
        else:
            print(f"central should now hold {local_n} sales from device {device.device_id} "
                  f"({device.store_code}), sum of totals {local_total} fen ({format_amount(local_total)}); "
                  "check there: SELECT count(*), sum(total) FROM sales "
                  f"WHERE device_id = '{device.device_id}'")
        for problem in problems:
            print(f"PROBLEM: {problem}")
        return 0 if ok and not problems else 1
    finally:
        if till is not None:
            till.close()
        if server is not None:
            server.stop()
        blocked.close()


if __name__ == "__main__":
    raise SystemExit(main())
