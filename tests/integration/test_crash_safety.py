"""A sale the cashier has seen as paid survives kill -9; every event reaches central exactly once in effect.

A child process (tests/support/crash_worker.py) sells through the real checkout service and syncs
with a real central over loopback; it is killed with SIGKILL mid-commit, right after a "paid", and
mid-sync, again and again on the same data dir.  After each kill the till's SQLite file is opened
read-only and checked (integrity, every paid sale on disk with the total shown, one event per
sale, no gap in the device's sequence); after a final sync, central must hold every sale exactly
once, with the same totals and stock effect.  `bench/crash_trials.py` runs the same with 60 kills.

Replay another plan with POS_CRASH_SEED=<n>.
"""

from __future__ import annotations

import os
import random
import sqlite3
from pathlib import Path

from central.server import EmbeddedCentral
from pos_client.domain.sale import Cashier
from pos_client.services.till import Till
from tests.support.crash_worker import (
    CrashHarness,
    KillPlan,
    LocalState,
    Paid,
    Violation,
    check,
    read_central,
    read_local,
)

SEED = int(os.environ.get("POS_CRASH_SEED", "20240607"))


def _plans(seed: int) -> list[KillPlan]:
    """Three kills while selling (mid-commit, right after a PAID line, while scanning or committing)
    and three inside a sync round (early in the push, later, and in the pull)."""
    rng = random.Random(seed)
    s = [rng.randrange(1 << 30) for _ in range(6)]
    return [
        KillPlan("sell", "READY", rng.uniform(40, 120), seed=s[0]),
        KillPlan("sell", "PAID", 0.0, nth=rng.randint(3, 8), seed=s[1]),
        KillPlan("sell", "READY", rng.uniform(150, 400), seed=s[2]),
        KillPlan("sync", "SYNC", rng.uniform(5, 20), nth=1, seed=s[3]),
        KillPlan("sync", "SYNC", rng.uniform(20, 60), nth=2, seed=s[4]),
        KillPlan("sync", "SYNC", rng.uniform(60, 110), nth=1, seed=s[5]),
    ]


def _explain(violations: list[Violation]) -> str:
    return f"seed {SEED}: " + "; ".join(f"[{v.kind}] {v.detail}" for v in violations[:10])


def test_paid_sales_survive_kill_9_and_reach_central_exactly_once(till: Till, central: EmbeddedCentral,
                                                                   tmp_path: Path) -> None:
    till.close()  # the children own the data dir from here on
    harness = CrashHarness(till.paths.data_dir, central, log_dir=tmp_path)
    for plan in _plans(SEED):
        result = harness.run_trial(plan)
        print(result.line())
        assert not result.violations, f"{result.line()}\n{_explain(result.violations)}"

    assert not harness.final_sync_and_check(), _explain(harness.violations)
    assert not harness.violations, _explain(harness.violations)
    # The trials did what they are for: sales were shown as paid, and kills landed inside syncs.
    assert len(harness.paid) >= 20, [t.line() for t in harness.trials]
    assert sum(t.syncs for t in harness.trials) >= 1, [t.line() for t in harness.trials]
    assert any(t.landed == "in-sync" for t in harness.trials), [t.line() for t in harness.trials]


def _sell(till: Till, n: int) -> list[Paid]:
    with till.engine.connect() as conn:
        codes = [r[0] for r in conn.exec_driver_sql("SELECT code FROM barcode ORDER BY code LIMIT 5")]
    checkout = till.checkout()
    paid = []
    for i in range(n):
        checkout.scan(codes[i % len(codes)])
        sale = checkout.complete_cash_sale(checkout.cart.total, Cashier("s", "1001", "李娜"))
        paid.append(Paid(sale.sale_id, sale.receipt_no, sale.total))
        checkout.new_sale()
    return paid


def kinds(violations: list[Violation]) -> set[str]:
    return {v.kind for v in violations}


def _copy(db: Path, to: Path) -> Path:
    """A self-contained copy (rollback journal, no WAL) that can be spoiled on purpose."""
    src, dst = sqlite3.connect(db), sqlite3.connect(to)
    with dst:
        src.backup(dst)
    dst.execute("PRAGMA journal_mode=DELETE")
    src.close()
    dst.close()
    return to


def _spoil(copy: Path, *sql: str) -> LocalState:
    with sqlite3.connect(copy) as conn:
        for statement in sql:
            conn.execute(statement)
    conn.close()
    return read_local(copy)


def test_the_checks_catch_a_lost_sale_a_double_count_a_gap_and_corruption(
        till: Till, central: EmbeddedCentral, tmp_path: Path) -> None:
    """The checks above can fail: each kind of damage, made on purpose, is reported."""
    paid = {p.sale_id: p for p in _sell(till, 3)}
    with till.client() as client:
        assert till.sync_engine(client).run_once().ok
    paid |= {p.sale_id: p for p in _sell(till, 3)}  # three delivered, three waiting in the outbox
    device = till.config.device.device_id
    db = till.paths.database
    at_central = read_central(central, device)
    assert check(read_local(db), at_central, paid) == []

    waiting = sorted(paid.values(), key=lambda p: p.receipt_no)[-1]
    lost = _spoil(_copy(db, tmp_path / "lost.db"),
                  f"DELETE FROM outbox WHERE payload LIKE '%{waiting.sale_id}%'",
                  f"DELETE FROM sale_line WHERE sale_id = '{waiting.sale_id}'",
                  f"DELETE FROM sale_tender WHERE sale_id = '{waiting.sale_id}'",
                  f"DELETE FROM sale WHERE sale_id = '{waiting.sale_id}'")
    assert {"lost", "sequence"} <= kinds(check(lost, at_central, paid))

    no_event = _spoil(_copy(db, tmp_path / "no-event.db"),
                      f"DELETE FROM outbox WHERE payload LIKE '%{waiting.sale_id}%'")
    found = check(no_event, at_central, paid)
    assert {"lost", "sequence"} <= kinds(found) and any(v.sale_id == waiting.sale_id for v in found)

    twice = _spoil(_copy(db, tmp_path / "twice.db"),
                   "UPDATE counter SET value = value + 1 WHERE name = 'outbox_seq'",
                   "INSERT INTO outbox (seq, event_id, type, occurred_at, payload, state, attempts, "
                   "created_at) SELECT (SELECT value FROM counter WHERE name = 'outbox_seq'), "
                   "'again-' || event_id, type, occurred_at, payload, state, attempts, created_at "
                   "FROM outbox ORDER BY seq DESC LIMIT 1")
    assert "double" in kinds(check(twice, at_central, paid))

    shown_wrong = dict(paid)
    shown_wrong[waiting.sale_id] = Paid(waiting.sale_id, waiting.receipt_no, waiting.total + 1)
    assert "lost" in kinds(check(read_local(db), at_central, shown_wrong))

    corrupt = _copy(db, tmp_path / "corrupt.db")
    with corrupt.open("r+b") as f:
        size = f.seek(0, 2)
        for offset in range(4096, size, 4096 * 3):
            f.seek(offset + 100)
            f.write(b"\xa5" * 900)
    assert kinds(check(read_local(corrupt), at_central, paid)) == {"integrity"}
    (tmp_path / "garbage.db").write_bytes(b"not a database at all" * 300)
    assert kinds(check(read_local(tmp_path / "garbage.db"), at_central, paid)) == {"integrity"}

    # A till that stops fsyncing every commit would pass kill -9 and fail power loss: refused too.
    harness = CrashHarness(till.paths.data_dir, central, log_dir=tmp_path)
    harness._parse(["READY synchronous=1 journal=wal\n"])
    assert kinds(harness.violations) == {"other"}

    # After the final sync everything must be at central: the three still waiting are not.
    final = check(read_local(db), at_central, paid, final=True)
    assert {v.sale_id for v in final if v.kind == "lost"} >= {
        p.sale_id for p in paid.values() if p.sale_id not in at_central.sales}
    with till.client() as client:
        assert till.sync_engine(client).run_once().ok
    assert check(read_local(db), read_central(central, device), paid, final=True) == []
