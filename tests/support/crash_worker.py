"""kill -9 trials: a till process that sells and syncs until killed, and the checks made after each kill.

Run as a child process (the parent sends SIGKILL at a moment of its choosing):

    POS_TOKEN_STORE=file python tests/support/crash_worker.py sell DATA_DIR [--seed S] [--sync-every K]
    POS_TOKEN_STORE=file python tests/support/crash_worker.py sync DATA_DIR [--seed S]

The data dir must hold a till that is enrolled and has pulled the catalog.  `sell` makes sales
through the real checkout service for ever (with `--sync-every K`, a sync after every K sales);
`sync` alternates a batch of sales with one sync round, so the outbox is never empty when the
sync starts.  The child prints one line per step and flushes it at once:

    READY synchronous=<n> journal=<mode>      the till is open; selling starts
    COMMIT                                    complete_cash_sale is about to run
    PAID <sale_id> <receipt_no> <total>       complete_cash_sale returned: the UI would show "paid"
    SYNC <pending>                            run_once is about to run
    SYNCED ok=<bool> pushed=<n> duplicates=<n> ms=<ms> [error=<code>]

The parent side (`CrashHarness`, used by tests/integration/test_crash_safety.py and
bench/crash_trials.py) starts the child, kills it, and after every kill reads the till's SQLite
file read-only and central's tables to check the claim: every sale shown as paid is on disk with
the total shown, every sale has exactly one event, and the device's event sequence has no gaps;
after a final sync, central holds every sale exactly once with the same totals and stock effect.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

WORKER = Path(__file__).resolve()
ROOT = WORKER.parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

if TYPE_CHECKING:
    from central.server import EmbeddedCentral


# =============================================================== the child: a till until kill -9


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def worker_main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("mode", choices=("sell", "sync"))
    parser.add_argument("data_dir")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--sync-every", type=int, default=0, help="sell mode: sync after every K sales")
    parser.add_argument("--batch", default="3-20", help="sync mode: sales between syncs, MIN-MAX")
    parser.add_argument("--max-seconds", type=float, default=60.0,
                        help="exit (status 3) if nobody killed this process by then")
    args = parser.parse_args(argv)
    if os.environ.get("POS_TOKEN_STORE") != "file":
        print("crash_worker: POS_TOKEN_STORE=file must be set (the till was enrolled with it)",
              file=sys.stderr)
        return 2

    from sqlalchemy import text

    from pos_client.config import Paths
    from pos_client.domain.sale import Cashier
    from pos_client.services.till import Till

    rng = random.Random(args.seed)
    batch_min, batch_max = (int(x) for x in args.batch.split("-"))
    till = Till(Paths.resolve(args.data_dir))
    with till.engine.connect() as conn:
        codes = list(conn.execute(text("SELECT code FROM barcode ORDER BY code")).scalars())
        staff = conn.execute(text("SELECT staff_id, code, name FROM staff ORDER BY code LIMIT 1")).one()
        synchronous = conn.exec_driver_sql("PRAGMA synchronous").scalar()
        journal = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
    if not codes:
        print("crash_worker: the till has no barcodes; pull the catalog first", file=sys.stderr)
        return 2
    cashier = Cashier(staff.staff_id, staff.code, staff.name)
    checkout = till.checkout()
    client = till.client() if (args.mode == "sync" or args.sync_every) else None
    engine = till.sync_engine(client) if client else None
    deadline = time.monotonic() + args.max_seconds
    _say(f"READY synchronous={synchronous} journal={journal}")

    def sell_one() -> None:
        for _ in range(rng.randint(1, 6)):
            try:
                checkout.scan(rng.choice(codes))
            except LookupError:  # unknown or not for sale at this store: the cashier would be told
                continue
        if checkout.cart.is_empty:
            return
        tendered = checkout.cart.total + rng.choice((0, 0, 100, 1000, 5000))
        _say("COMMIT")
        done = checkout.complete_cash_sale(tendered, cashier)
        _say(f"PAID {done.sale_id} {done.receipt_no} {done.total}")
        checkout.new_sale()

    def sync_once() -> None:
        assert engine is not None
        _say(f"SYNC {till.outbox.stats().pending}")
        start = time.perf_counter()
        report = engine.run_once()
        ms = (time.perf_counter() - start) * 1000
        error = f" error={getattr(report.error, 'code', type(report.error).__name__)}" if report.error else ""
        _say(f"SYNCED ok={report.ok} pushed={report.pushed} duplicates={report.duplicates} "
             f"ms={ms:.0f}{error}")

    sold = 0
    while time.monotonic() < deadline:
        if args.mode == "sell":
            sell_one()
            sold += 1
            if args.sync_every and sold % args.sync_every == 0:
                sync_once()
        else:
            for _ in range(rng.randint(batch_min, batch_max)):
                sell_one()
            sync_once()
    print("crash_worker: nobody killed me; giving up", file=sys.stderr)
    return 3


# =============================================================== the parent: kill, then check


@dataclass(frozen=True)
class Paid:
    sale_id: str
    receipt_no: str
    total: int


@dataclass(frozen=True)
class KillPlan:
    """When to kill: `delay_ms` after the `nth` line of kind `trigger` (READY, PAID or SYNC)."""

    mode: str  # sell | sync
    trigger: str  # READY | PAID | SYNC
    delay_ms: float
    nth: int = 1
    sync_every: int = 0
    seed: int = 0

    def describe(self) -> str:
        where = f"{self.delay_ms:.0f} ms after " if self.delay_ms else "right at "
        what = self.trigger if self.nth == 1 else f"{self.trigger} #{self.nth}"
        extra = f" sync-every={self.sync_every}" if self.sync_every else ""
        return f"{self.mode}{extra}: kill {where}{what}"


def plan_trials(count: int, seed: int) -> list[KillPlan]:
    """A spread of kill moments: timed during selling (mostly mid-commit), right after a PAID line,
    mid-sync, and timed while selling with frequent syncs."""
    rng = random.Random(seed)
    plans = []
    for i in range(count):
        kind = i % 4
        child_seed = rng.randrange(1 << 30)
        if kind == 0:
            plans.append(KillPlan("sell", "READY", rng.uniform(5, 400), seed=child_seed))
        elif kind == 1:
            plans.append(KillPlan("sell", "PAID", 0.0, nth=rng.randint(1, 15), seed=child_seed))
        elif kind == 2:
            plans.append(KillPlan("sync", "SYNC", rng.uniform(*SYNC_KILL_MS), nth=rng.randint(1, 3),
                                  seed=child_seed))
        else:
            plans.append(KillPlan("sell", "READY", rng.uniform(5, 400), sync_every=rng.randint(2, 8),
                                  seed=child_seed))
    return plans


SYNC_KILL_MS = (5.0, 150.0)
"""Kills in sync trials come this long after the SYNC line: a round with 5-20 events to push takes
130-450 ms on the 2-core dev machine, so most of these land inside it, in the push or the pull."""


@dataclass(frozen=True)
class Violation:
    kind: str  # lost | double | integrity | sequence | other | harness
    detail: str
    sale_id: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.kind, self.sale_id, self.detail if not self.sale_id else "")


@dataclass
class OutboxRow:
    seq: int
    event_id: str
    type: str
    state: str
    sale_id: str | None
    total: int | None


@dataclass
class LocalState:
    integrity: list[str]
    foreign_key_problems: int = 0
    sales: dict[str, tuple[str, int]] = field(default_factory=dict)  # sale_id -> (receipt_no, total)
    lines: dict[str, dict[str, int]] = field(default_factory=dict)  # sale_id -> sku -> qty
    outbox: list[OutboxRow] = field(default_factory=list)
    last_seq: int = 0  # the outbox_seq counter: the highest seq ever handed out

    @property
    def readable(self) -> bool:
        return self.integrity == ["ok"]


@dataclass
class CentralState:
    events: dict[str, tuple[int, str, str]] = field(default_factory=dict)
    """event_id -> (seq, type, status), this device's only"""
    sales: dict[str, tuple[str, str, int]] = field(default_factory=dict)
    """sale_id -> (event_id, receipt_no, total), this device's only"""
    sale_rows: int = 0
    stock: dict[str, dict[str, int]] = field(default_factory=dict)
    """event_id -> sku -> summed delta of the movements whose reason is sale"""


def read_local(db_path: Path) -> LocalState:
    """The till's database as a crash left it, opened read-only (SQLite replays the WAL itself)."""
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    except sqlite3.DatabaseError as exc:
        return LocalState(integrity=[f"cannot open: {exc}"])
    try:
        integrity = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        state = LocalState(integrity=integrity)
        if not state.readable:
            return state
        state.foreign_key_problems = len(conn.execute("PRAGMA foreign_key_check").fetchall())
        rows = conn.execute("SELECT sale_id, receipt_no, total FROM sale")
        state.sales = {r[0]: (r[1], r[2]) for r in rows}
        lines: dict[str, dict[str, int]] = defaultdict(dict)
        for sale_id, sku, qty in conn.execute("SELECT sale_id, sku, qty FROM sale_line"):
            lines[sale_id][sku] = lines[sale_id].get(sku, 0) + qty
        state.lines = dict(lines)
        for seq, event_id, type_, st, payload in conn.execute(
                "SELECT seq, event_id, type, state, payload FROM outbox ORDER BY seq"):
            body = json.loads(payload)
            state.outbox.append(OutboxRow(seq, event_id, type_, st, body.get("sale_id"), body.get("total")))
        row = conn.execute("SELECT value FROM counter WHERE name = 'outbox_seq'").fetchone()
        state.last_seq = row[0] if row else 0
        return state
    except sqlite3.DatabaseError as exc:
        return LocalState(integrity=[f"read failed: {exc}"])
    finally:
        conn.close()


def read_central(server: EmbeddedCentral, device_id: str) -> CentralState:
    from sqlalchemy import select

    from central.db import session_factory
    from central.models import ReceivedEvent, Sale, StockMovement

    state = CentralState()
    # One snapshot for all three reads: central may still be applying the batch the killed till
    # sent, and under READ COMMITTED (PostgreSQL) a sale committed between the read of the events
    # and the read of the sales would look like a sale without its event.
    with session_factory(server.app.state.engine)() as s:
        s.connection(execution_options={"isolation_level": "REPEATABLE READ"}
                     if s.get_bind().dialect.name == "postgresql" else {})
        for ev in s.scalars(select(ReceivedEvent).where(ReceivedEvent.device_id == device_id)):
            state.events[ev.event_id] = (ev.seq, ev.type, ev.status)
        rows = list(s.scalars(select(Sale).where(Sale.device_id == device_id)))
        state.sale_rows = len(rows)
        state.sales = {r.sale_id: (r.event_id, r.receipt_no, r.total) for r in rows}
        event_ids = {r.event_id for r in rows}
        for mv in s.scalars(select(StockMovement).where(StockMovement.reason == "sale")):
            if mv.event_id in event_ids or mv.event_id in state.events:
                per = state.stock.setdefault(mv.event_id, {})
                per[mv.sku] = per.get(mv.sku, 0) + mv.delta
    return state


def check(local: LocalState, central: CentralState, paid: dict[str, Paid], *,
          final: bool = False) -> list[Violation]:
    """Everything the claim says, as violations (an empty list means the claim held)."""
    if not local.readable:
        return [Violation("integrity", f"integrity_check: {'; '.join(local.integrity[:3])}")]
    out: list[Violation] = []
    if local.foreign_key_problems:
        out.append(Violation("integrity", f"foreign_key_check: {local.foreign_key_problems} rows"))

    # A sale the cashier saw as paid is on disk, as shown.
    for p in paid.values():
        found = local.sales.get(p.sale_id)
        if found is None:
            out.append(Violation("lost", f"paid sale {p.receipt_no} is not in the till's database",
                                 p.sale_id))
        elif found != (p.receipt_no, p.total):
            out.append(Violation("lost", f"paid sale {p.receipt_no} total {p.total} is on disk as "
                                         f"{found[0]} total {found[1]}", p.sale_id))

    # Every sale has exactly one event, waiting in the outbox or already taken by central.
    events_of: dict[str, set[str]] = defaultdict(set)
    for row in local.outbox:
        if row.state != "pending":
            out.append(Violation("other", f"outbox seq {row.seq} is {row.state}: central refused it",
                                 row.sale_id or ""))
        if row.type != "sale.completed" or row.sale_id is None:
            continue
        events_of[row.sale_id].add(row.event_id)
        if row.sale_id not in local.sales:
            out.append(Violation("other", f"outbox seq {row.seq} is for a sale the till does not have",
                                 row.sale_id))
        elif row.total != local.sales[row.sale_id][1]:
            out.append(Violation("other", f"outbox seq {row.seq} total {row.total} differs from the sale's",
                                 row.sale_id))
    for sale_id, (event_id, receipt_no, total) in central.sales.items():
        events_of[sale_id].add(event_id)
        mine = local.sales.get(sale_id)
        if mine is None:
            out.append(Violation("double", f"central has sale {receipt_no} the till never made", sale_id))
        elif mine != (receipt_no, total):
            out.append(Violation("other", f"central has {receipt_no} total {total}, till has {mine}",
                                 sale_id))
        if event_id not in central.events:
            out.append(Violation("other", f"central sale {receipt_no} without its received event", sale_id))
    if central.sale_rows != len(central.sales):
        out.append(Violation("double", f"central holds {central.sale_rows} sale rows for "
                                       f"{len(central.sales)} sale ids"))
    for sale_id in local.sales:
        n = len(events_of.get(sale_id, ()))
        if n == 0:
            kind = "lost"
            out.append(Violation(kind, f"sale {local.sales[sale_id][0]} has no event in the outbox and "
                                       f"none at central", sale_id))
        elif n > 1:
            out.append(Violation("double", f"sale {local.sales[sale_id][0]} has {n} different events",
                                 sale_id))

    # The device's sequence: 1..last_seq, each number in the outbox or at central, none twice.
    local_seq = {row.event_id: row.seq for row in local.outbox}
    central_seqs = Counter(seq for seq, _, _ in central.events.values())
    for seq, n in central_seqs.items():
        if n > 1:
            out.append(Violation("double", f"central received seq {seq} {n} times under different ids"))
    for event_id, seq in local_seq.items():
        if event_id in central.events and central.events[event_id][0] != seq:
            out.append(Violation("sequence", f"event {event_id} is seq {seq} here, "
                                             f"{central.events[event_id][0]} at central"))
    expected = set(range(1, local.last_seq + 1))
    seen = set(local_seq.values()) | set(central_seqs)
    if missing := sorted(expected - seen):
        out.append(Violation("sequence", f"seqs {_ranges(missing)} are neither in the outbox nor at central"))
    if extra := sorted(seen - expected):
        out.append(Violation("sequence", f"seqs {_ranges(extra)} exceed the counter ({local.last_seq})"))
    bad_status = [eid for eid, (_, _, st) in central.events.items() if st != "accepted"]
    if bad_status:
        out.append(Violation("other", f"{len(bad_status)} events not accepted by central"))

    if final:
        if local.outbox:
            out.append(Violation("other", f"{len(local.outbox)} events still in the outbox after the "
                                          f"final sync"))
        for p in paid.values():
            if p.sale_id not in central.sales:
                out.append(Violation("lost", f"paid sale {p.receipt_no} never reached central", p.sale_id))
            elif central.sales[p.sale_id][2] != p.total:
                out.append(Violation("lost", f"paid sale {p.receipt_no} is at central with total "
                                             f"{central.sales[p.sale_id][2]}, not {p.total}", p.sale_id))
        if len(central.sales) != len(local.sales):
            out.append(Violation("double" if len(central.sales) > len(local.sales) else "lost",
                                 f"central has {len(central.sales)} sales, the till {len(local.sales)}"))
        if sorted(central_seqs) != list(range(1, local.last_seq + 1)):
            out.append(Violation("sequence", f"central's seqs for the device are not exactly "
                                             f"1..{local.last_seq}"))
        for sale_id, (event_id, receipt_no, _) in central.sales.items():
            want = {sku: -qty for sku, qty in local.lines.get(sale_id, {}).items()}
            got = central.stock.get(event_id, {})
            if got != want:
                out.append(Violation("double", f"stock effect of {receipt_no} is {got}, sold {want}",
                                     sale_id))
        for event_id in central.stock.keys() - {e for e, _, _ in central.sales.values()}:
            out.append(Violation("double", f"stock moved by event {event_id} that made no sale"))
    return out


def _ranges(numbers: list[int]) -> str:
    parts, start, prev = [], numbers[0], numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        parts.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    return ",".join(parts[:10]) + (" …" if len(parts) > 10 else "")


@dataclass
class TrialResult:
    number: int
    plan: KillPlan
    paid: list[Paid]
    landed: str  # what the child was doing when it died: selling, in-commit, scanning, in-sync, after-sync
    seconds: float
    syncs: int
    duplicates: int  # events central answered "duplicate": sent again after a kill cut a push short
    violations: list[Violation]  # seen after this kill and not before

    def line(self) -> str:
        verdict = "ok" if not self.violations else f"{len(self.violations)} NEW VIOLATION(S)"
        return (f"trial {self.number:3d}  {self.plan.describe():<42} landed {self.landed:<11} "
                f"paid {len(self.paid):3d}  syncs {self.syncs:2d}  resent {self.duplicates:2d}  "
                f"{self.seconds:4.1f} s  {verdict}")


_LANDED = {"READY": "selling", "COMMIT": "in-commit", "PAID": "scanning", "SYNC": "in-sync",
           "SYNCED": "after-sync"}


class CrashHarness:
    """Kills a till child process again and again on one data dir, checking the claim after each kill."""

    def __init__(self, data_dir: Path, server: EmbeddedCentral, *, log_dir: Path | None = None,
                 wait_seconds: float = 30.0) -> None:
        from pos_client.config import Paths, load_config

        self.paths = Paths.resolve(data_dir)
        self.server = server
        self.device_id = load_config(self.paths.config_file).device.device_id
        assert self.device_id, f"{data_dir} holds no enrolled till"
        self.log_dir = log_dir or self.paths.data_dir.parent
        self.wait_seconds = wait_seconds
        self.paid: dict[str, Paid] = {}
        self.trials: list[TrialResult] = []
        self.seen: dict[tuple[str, str, str], Violation] = {}
        self.final_duplicates = 0

    # ----------------------------------------------------------------- checks
    def check_now(self, *, final: bool = False) -> list[Violation]:
        """All violations now; those not seen before are remembered and returned as new."""
        found = check(read_local(self.paths.database), read_central(self.server, self.device_id),
                      self.paid, final=final)
        new = [v for v in found if v.key not in self.seen]
        for v in new:
            self.seen[v.key] = v
        return new

    def record(self, violation: Violation) -> Violation:
        self.seen.setdefault(violation.key, violation)
        return violation

    @property
    def violations(self) -> list[Violation]:
        return list(self.seen.values())

    def counts(self) -> dict[str, int]:
        """Headline figures: distinct paid sales lost, distinct double counts, integrity failures, rest."""
        vs = self.violations
        lost_paid = {v.sale_id for v in vs if v.kind == "lost" and v.sale_id in self.paid}
        return {
            "lost_paid": len(lost_paid),
            "double": sum(1 for v in vs if v.kind == "double"),
            "integrity": sum(1 for v in vs if v.kind == "integrity"),
            "other": sum(1 for v in vs if v.kind not in ("double", "integrity")
                         and not (v.kind == "lost" and v.sale_id in self.paid)),
        }

    # ----------------------------------------------------------------- one kill
    def run_trial(self, plan: KillPlan) -> TrialResult:
        number = len(self.trials) + 1
        started = time.monotonic()
        cmd = [sys.executable, str(WORKER), plan.mode, str(self.paths.data_dir), "--seed", str(plan.seed),
               "--sync-every", str(plan.sync_every), "--max-seconds", str(self.wait_seconds + 30)]
        env = {**os.environ, "POS_TOKEN_STORE": "file", "PYTHONUNBUFFERED": "1"}
        err_path = self.log_dir / f"crash-worker-{number:03d}.stderr"
        harness_problems: list[Violation] = []
        with err_path.open("w", encoding="utf-8") as err:
            proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err, text=True, encoding="utf-8",
                                    env=env, cwd=ROOT)
            lines: queue.Queue[str | None] = queue.Queue()

            def pump() -> None:
                assert proc.stdout is not None
                for raw in proc.stdout:
                    lines.put(raw)
                lines.put(None)

            reader = threading.Thread(target=pump, name=f"crash-worker-{number}", daemon=True)
            reader.start()
            got: list[str] = []
            hits, eof = 0, False
            deadline = time.monotonic() + self.wait_seconds
            try:
                while hits < plan.nth:
                    try:
                        raw = lines.get(timeout=max(0.0, deadline - time.monotonic()))
                    except queue.Empty:
                        harness_problems.append(Violation(
                            "harness", f"trial {number}: no {plan.trigger} #{plan.nth} "
                                       f"within {self.wait_seconds:.0f} s"))
                        break
                    if raw is None:
                        eof = True
                        break
                    got.append(raw)
                    if raw.split(" ", 1)[0].strip() == plan.trigger:
                        hits += 1
                if hits == plan.nth and plan.delay_ms:
                    time.sleep(plan.delay_ms / 1000)
            finally:
                if proc.poll() is None:
                    os.kill(proc.pid, signal.SIGKILL)
                proc.wait()
                reader.join(timeout=10)
            while not eof:
                raw = lines.get(timeout=10)
                if raw is None:
                    break
                got.append(raw)
        if proc.returncode != -signal.SIGKILL:
            tail = err_path.read_text("utf-8", errors="replace")[-1500:]
            harness_problems.append(Violation(
                "harness", f"trial {number}: the child ended with status {proc.returncode} before the "
                           f"kill:\n{tail}"))
        before = set(self.seen)
        for v in harness_problems:
            self.record(v)
        paid, syncs, duplicates, last = self._parse(got)
        for p in paid:
            self.paid[p.sale_id] = p
        self.check_now()
        new = [v for key, v in self.seen.items() if key not in before]
        result = TrialResult(number, plan, paid, _LANDED.get(last, "starting"),
                             time.monotonic() - started, syncs, duplicates, new)
        self.trials.append(result)
        return result

    def _parse(self, got: Iterable[str]) -> tuple[list[Paid], int, int, str]:
        paid, syncs, duplicates, last = [], 0, 0, ""
        for raw in got:
            if not raw.endswith("\n"):
                continue  # cut short by the kill mid-write: nothing was promised by half a line
            words = raw.split()
            if not words:
                continue
            last = words[0]
            if words[0] == "READY":
                fields = dict(w.split("=", 1) for w in words[1:] if "=" in w)
                if not (fields.get("synchronous", "0").isdigit() and int(fields["synchronous"]) >= 2
                        and fields.get("journal") == "wal"):
                    # kill -9 keeps the OS page cache; power loss does not.  Only WAL with
                    # synchronous=FULL fsyncs every commit before complete_cash_sale returns.
                    self.record(Violation("other", f"the till's database is not WAL with synchronous=FULL "
                                                   f"({raw.strip()}): a paid sale would not survive "
                                                   f"power loss"))
            elif words[0] == "PAID" and len(words) == 4:
                paid.append(Paid(words[1], words[2], int(words[3])))
            elif words[0] == "SYNCED":
                syncs += 1
                fields = dict(w.split("=", 1) for w in words[1:] if "=" in w)
                duplicates += int(fields.get("duplicates", 0))
                if fields.get("ok") != "True":
                    self.record(Violation("other", f"a sync failed while central was up: {raw.strip()}"))
        return paid, syncs, duplicates, last

    # ----------------------------------------------------------------- the end
    def final_sync_and_check(self, rounds: int = 10) -> list[Violation]:
        """Sync in-process until the outbox is empty, let central settle, then check everything."""
        from pos_client.services.till import Till

        till = Till(self.paths)
        try:
            with till.client() as client:
                engine = till.sync_engine(client)
                for _ in range(rounds):
                    report = engine.run_once()
                    self.final_duplicates += report.duplicates
                    if report.ok and till.outbox.stats().pending == 0:
                        break
                    time.sleep(0.2)
                else:
                    self.record(Violation("other", f"the outbox did not empty in {rounds} sync rounds"))
        finally:
            till.close()
        time.sleep(0.3)  # a push from a killed child may still be finishing inside central
        return self.check_now(final=True)

    def summary(self, target_trials: int) -> tuple[str, str, str]:
        """(headline, detail, verdict): FAIL on any violation, MISS if only trials are too few."""
        c = self.counts()
        verdict = "FAIL" if any(c.values()) else "MISS" if len(self.trials) < target_trials else "PASS"
        line = (f"kill -9 trials: {len(self.trials)} (target >= {target_trials})  "
                f"lost paid sales: {c['lost_paid']} (target 0)  double-counted: {c['double']} (target 0)  "
                f"integrity failures: {c['integrity']} (target 0)  "
                f"other violations: {c['other']} (target 0)  {verdict}")
        landed = Counter(t.landed for t in self.trials)
        resent = sum(t.duplicates for t in self.trials) + self.final_duplicates
        detail = (f"paid sales checked: {len(self.paid)}  events re-sent after a cut push (central said "
                  f"duplicate): {resent}  kills landed: "
                  + ", ".join(f"{k} {v}" for k, v in sorted(landed.items())))
        return line, detail, verdict


def enroll_new_till(server: EmbeddedCentral, data_dir: Path, store: str = "S001") -> Path:
    """A till enrolled at `server` that has pulled the catalog, as after installation."""
    from central.db import session_factory
    from central.devices import create_enrollment_code
    from pos_client.config import Paths
    from pos_client.services.till import Till, enroll

    os.environ["POS_TOKEN_STORE"] = "file"
    paths = Paths.resolve(data_dir)
    with session_factory(server.app.state.engine)() as session:
        code = create_enrollment_code(session, store)
        session.commit()
    enroll(paths, server.url, code, "crash-till")
    till = Till(paths)
    try:
        with till.client() as client:
            report = till.sync_engine(client).run_once()
        if not report.ok:
            raise RuntimeError(f"first sync failed: {report.error}")
    finally:
        till.close()
    return paths.data_dir


__all__ = ["CrashHarness", "KillPlan", "Paid", "Violation", "check", "enroll_new_till", "plan_trials",
           "read_central", "read_local"]


if __name__ == "__main__":
    raise SystemExit(worker_main())
