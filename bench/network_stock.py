"""Network stock lookup latency: `GET /api/v1/stock?sku=` through central over loopback HTTP,
with 50 stores (one of them a warehouse) and 100,000 SKUs stocked in every one of them
(5,000,000 level rows), SKUs grouped in styles of 12 sizes and colours, so each answer
carries 12 variants × 50 locations.

Central runs as its own `pos-central serve` process on SQLite (so the client does not share
its GIL), seeded beforehand with bulk inserts (seeding through the API would take hours and
is not what is measured).  The figure is the p99 of 500 lookups of random SKUs, as a till's
CentralClient sees it; beside it, the same lookup inside central (no HTTP) and a bare
`/health` round trip, so the share of the transport is visible.

Usage: python bench/network_stock.py [--stores 50] [--skus 100000] [--lookups 500] [--db PATH]
(--db PATH keeps the seeded database; a second run with it skips the seeding)
"""

from __future__ import annotations

import argparse
import random
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from common import ROOT, percentile, report, summary

from central.db import init_db, make_engines, session_factory
from central.devices import create_enrollment_code
from central.network_stock import network_stock_data
from sync.client import CentralClient

TARGET_P99_MS = 100.0
STYLE = 12


def seed(db: Path, stores: int, skus: int) -> None:
    con = sqlite3.connect(db)
    now = datetime.now(UTC).isoformat()
    rng = random.Random(7)
    con.execute("BEGIN")
    codes = [f"S{n:03d}" for n in range(1, stores)] + ["W001"]
    for code in codes:
        sid = f"store-{code}"
        con.execute("INSERT INTO stores (id, code, name, name_en, address, currency, timezone, "
                    "noncash_lock_after_hours, created_at, cash_rounding, max_offline_coupon) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    (sid, code, f"门店 {code}", code, "", "CNY", "Asia/Shanghai", 72, now, "none", 5000))
        con.execute("INSERT INTO change_scopes (scope, last_seq, min_seq) VALUES (?,0,1)", (sid,))
        con.execute("INSERT INTO sites (store_id, kind, latitude_e6, longitude_e6) VALUES (?,?,?,?)",
                    (sid, "warehouse" if code == "W001" else "store",
                     22_000_000 + rng.randrange(18_000_000), 108_000_000 + rng.randrange(14_000_000)))
    con.executemany("INSERT INTO products (sku, name, name_en, category, brand, unit, pinyin, initials) "
                    "VALUES (?,?,?,?,?,?,?,?)",
                    ((f"B{n:07d}", f"商品 {n}", "", "服装", "", "件", "", "") for n in range(skus)))
    con.executemany("INSERT INTO variants (sku, style, size, colour) VALUES (?,?,?,?)",
                    ((f"B{n:07d}", f"ST{n // STYLE:06d}", ("S", "M", "L", "XL")[n % 4], f"C{n % 3}")
                     for n in range(skus)))
    for code in codes:
        con.executemany("INSERT INTO stock_levels (store_id, sku, on_hand, position) VALUES (?,?,?,1)",
                        ((f"store-{code}", f"B{n:07d}", (n * 7 + len(code)) % 40) for n in range(skus)))
    con.execute("COMMIT")
    con.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--stores", type=int, default=50)
    ap.add_argument("--skus", type=int, default=100_000)
    ap.add_argument("--lookups", type=int, default=500)
    ap.add_argument("--db", type=Path, default=None)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-network-stock-"))
    db = args.db or tmp / "central.db"
    url = f"sqlite:///{db}"
    reuse = db.exists()  # --db of an earlier run: seeded already (with the same --stores/--skus)
    engines = make_engines(url)
    init_db(engines.write)
    if not reuse:
        started = time.perf_counter()
        seed(db, args.stores, args.skus)
        print(f"seeded {args.stores} locations x {args.skus:,} SKUs in {time.perf_counter() - started:.1f} s",
              flush=True)
    with session_factory(engines.write)() as s:
        code = create_enrollment_code(s, "S001")
        s.commit()
    rng = random.Random(11)
    inside = []
    with session_factory(engines.read)() as s:
        for _ in range(min(args.lookups, 200)):
            t0 = time.perf_counter()
            network_stock_data(s, f"B{rng.randrange(args.skus):07d}", "store-S001")
            inside.append((time.perf_counter() - t0) * 1000)
    engines.dispose()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "central.cli", "serve", "--db", url, "--port", str(port)]
    server = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with CentralClient(base) as probe_client:
                    probe_client.health()
                break
            except Exception:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        with CentralClient(base) as anonymous:
            token = anonymous.register(code, "bench", "bench").token
        times, health = [], []
        with CentralClient(base, token) as client:
            client.network_stock("B0000000")  # warm the connection and the statement cache
            for _ in range(args.lookups):
                sku = f"B{rng.randrange(args.skus):07d}"
                t0 = time.perf_counter()
                answer = client.network_stock(sku)
                times.append((time.perf_counter() - t0) * 1000)
                assert len(answer.locations) == args.stores and len(answer.variants) == STYLE, sku
                assert answer.locations[0].store_code == "S001"
            for _ in range(50):
                t0 = time.perf_counter()
                client.health()
                health.append((time.perf_counter() - t0) * 1000)
    finally:
        server.terminate()
        server.wait(10)
    print(f"inside central (no HTTP): {summary(inside)} ms")
    print(f"GET /health round trip:   {summary(health)} ms")
    report("network stock lookup p99", percentile(times, 99), "ms", TARGET_P99_MS,
           extra=f"({args.stores} locations, {args.skus:,} SKUs, {STYLE} variants each; {summary(times)})")


if __name__ == "__main__":
    main()
