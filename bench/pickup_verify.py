"""Pickup desk: from a code typed (or a QR scanned) to the order shown, with 10,000 open orders.

The till's database gets 10,000 open pickup orders (two lines each, with their
reservations) as a snapshot load writes them.  A sample of them carry the real salted
hash of a known code; the rest carry random digests (a hash is a hash to the index).
Each verify goes through the real desk window, offscreen: the code is put in the field
and Enter handled, which hashes the code (PBKDF2), finds the order by index, checks the
lockout, audits the attempt (a durable commit) and fills the order's lines.

Target: p95 50 ms or less.
Usage: python bench/pickup_verify.py [--orders 10000] [--samples 200]
"""

from __future__ import annotations

import argparse
import random
import secrets
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from common import percentile, report, summary

from pos_client.domain import pickup as rules
from pos_client.domain.sale import Cashier
from pos_client.services.checkout import StoreIdentity
from pos_client.services.pickup import PickupDesk
from pos_client.store.database import open_database
from pos_client.store.snapshot import SnapshotWriter

TARGET_MS = 50.0


def load_orders(engine, orders: int, samples: int, seed: int) -> list[tuple[str, str]]:
    """Write the orders; returns (order_id, code) of those with a real code hash."""
    rng = random.Random(seed)
    salt = secrets.token_hex(16)
    deadline = (datetime.now(UTC) + timedelta(days=2)).isoformat()
    known = set(rng.sample(range(orders), samples))
    codes: list[tuple[str, str]] = []
    order_rows, reservation_rows = [], []
    for i in range(orders):
        order_id = f"PU{i:010d}"
        if i in known:
            code = f"{rng.randrange(10**8):08d}"
            digest = rules.code_hash(code, salt)
            codes.append((order_id, code))
        else:
            digest = secrets.token_hex(32)
        lines = [{"line_no": n, "sku": f"SKU{rng.randrange(1, 5000):07d}", "name": f"商品 {n}", "qty": n,
                  "unit_price": 1290, "amount": 1290 * n} for n in (1, 2)]
        order_rows.append((order_id, {"order_id": order_id, "status": "paid", "customer": "王**",
                                      "phone_last4": f"{i % 10000:04d}", "total": 3870, "paid": True,
                                      "lines": lines, "deadline": deadline, "code_salt": salt,
                                      "code_hash": digest}))
        reservation_rows += [(f"{order_id}-{ln['line_no']}", {
            "reservation_id": f"{order_id}-{ln['line_no']}", "order_id": order_id, "line_no": ln["line_no"],
            "sku": ln["sku"], "qty": ln["qty"], "expires_at": deadline, "status": "held"}) for ln in lines]
    for entity, rows in (("pickup_order", order_rows), ("reservation", reservation_rows)):
        writer = SnapshotWriter(engine, entity)
        for start in range(0, len(rows), 2000):
            writer.add(rows[start:start + 2000])
        writer.finish()
        writer.close()
    return codes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=10_000)
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from pos_client.ui.pickup_desk import PickupDeskDialog

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_database(Path(tmp) / "till.db", Path(tmp) / "backups")
        started = time.perf_counter()
        codes = load_orders(engine, args.orders, args.samples, args.seed)
        print(f"loaded {args.orders} open pickup orders in {time.perf_counter() - started:.1f} s", flush=True)
        desk = PickupDesk(engine, StoreIdentity("S001", "01"))
        dialog = PickupDeskDialog(desk, Cashier("s", "1001", "李娜"), "zh_CN")
        dialog.show()
        app.processEvents()
        timings: list[float] = []
        for order_id, code in codes:
            dialog.code_field.setText(code if len(timings) % 2 else rules.qr_payload(order_id, code))
            t0 = time.perf_counter()
            dialog.verify()
            timings.append((time.perf_counter() - t0) * 1000)
            assert dialog.current is not None and dialog.current.order_id == order_id, dialog.message.text()
            assert dialog.lines.rowCount() == 2
            app.processEvents()
        dialog.close()
        engine.dispose()
    print(summary(timings))
    ok = report("verify to order shown, p95", percentile(timings, 95), "ms", TARGET_MS,
                extra=f"({args.orders} open orders)")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
