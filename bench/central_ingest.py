"""Central ingest: many devices pushing `sale.completed` events at once.

Central runs as its own `pos-central serve` process (so the load generator does not
share its GIL), on SQLite and/or PostgreSQL.  The demo chain is seeded with the CLI,
each simulated device is enrolled over HTTP with its own one-time code, and then every
device pushes its own gap-free stream of valid sales (products and prices from
central's catalog, pulled over /sync/changes) in batches, all devices at once.

The figure is events accepted per second, end to end, from the first push to the last
answer; every event must be answered `accepted` and central's database must hold one sale
per event.  There is no fixed target: the figure is reported, with the p50/p99 latency
of one push.

PostgreSQL: `--pg-url` if given (its `public` schema is dropped and recreated); otherwise
a local Debian cluster is started if needed (`pg_ctlcluster`, as root) and a database
`pos_bench_ingest` is dropped and recreated for the run.  If PostgreSQL cannot be reached,
that backend is skipped with the reason.

Usage: python bench/central_ingest.py [--devices 50] [--events 200] [--batch 20]
       [--db sqlite|postgres|both] [--pg-url URL] [--clients threads|processes]
"""

from __future__ import annotations

import argparse
import math
import multiprocessing as mp
import os
import random
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import httpx
from common import ROOT, percentile
from sqlalchemy import create_engine, func, select, text

from pos_client.domain.identifiers import new_id
from sync.client import CentralClient
from sync.protocol import Event, SaleCompleted, SaleLinePayload, TenderPayload

STORES = ("S001", "S002", "S003")
PG_DB, PG_ROLE = "pos_bench_ingest", "pos_bench"
PUSH_TIMEOUT = httpx.Timeout(120.0, connect=5.0)  # a queued push may wait behind 49 others
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
START_WAIT_S = 120.0


# ---------------------------------------------------------------- central process
def central_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "central.cli", *args]


def central_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "POS_TOKEN_STORE": "file"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process so far (Linux /proc)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
    except (OSError, IndexError, ValueError):
        return float("nan")


def wait_healthy(url: str, server: subprocess.Popen, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    with CentralClient(url) as client:
        while time.monotonic() < deadline:
            if server.poll() is not None:
                raise RuntimeError(f"central exited with {server.returncode} while starting")
            try:
                client.health()
                return
            except Exception:
                time.sleep(0.1)
    raise RuntimeError(f"central did not answer /health within {seconds:g} s")


def make_codes(db_url: str, count: int) -> list[tuple[str, str]]:
    """One-time codes, round robin over the demo stores: [(store, code)].

    Made in this process with central's `create_enrollment_code` (what `pos-central enroll`
    does) before central serves: 50 CLI processes would cost half a minute of start-ups.
    """
    from central.db import session_factory
    from central.devices import create_enrollment_code

    engine = create_engine(db_url)
    try:
        with session_factory(engine)() as session:
            codes = [(STORES[i % len(STORES)], create_enrollment_code(session, STORES[i % len(STORES)]))
                     for i in range(count)]
            session.commit()
    finally:
        engine.dispose()
    return codes


def count_sales(db_url: str) -> int:
    from central.models import Sale

    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(Sale)).scalar() or 0)
    finally:
        engine.dispose()


# ---------------------------------------------------------------- PostgreSQL
def _psql(sql: str) -> subprocess.CompletedProcess:
    return subprocess.run(["su", "postgres", "-c", f"psql -v ON_ERROR_STOP=1 -qAtc {_quote(sql)}"],
                          capture_output=True, text=True, timeout=60, check=False)


def _quote(sql: str) -> str:
    return "'" + sql.replace("'", "'\"'\"'") + "'"


def _reachable(url: str) -> str | None:
    """None if a connection works, else why not."""
    try:
        engine = create_engine(url)
        with engine.connect() as conn:
            conn.execute(text("select 1"))
        engine.dispose()
        return None
    except Exception as exc:
        return f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"


def fresh_pg_schema(url: str) -> str | None:
    why = _reachable(url)
    if why:
        return why
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    except Exception as exc:
        return f"cannot reset schema public: {exc}"
    finally:
        engine.dispose()
    return None


def local_pg() -> tuple[str | None, str]:
    """(URL of a freshly recreated bench database on the local cluster, or None; what happened)."""
    if not shutil.which("pg_lsclusters") or not shutil.which("psql"):
        return None, "no PostgreSQL client tools (pg_lsclusters, psql) on this machine"
    if os.geteuid() != 0:
        return None, "not root: cannot start the local cluster or act as postgres; pass --pg-url"
    listing = subprocess.run(["pg_lsclusters", "--no-header"], capture_output=True, text=True, check=False)
    rows = [line.split() for line in listing.stdout.splitlines() if line.strip()]
    if not rows:
        return None, "no PostgreSQL cluster exists (pg_lsclusters is empty)"
    version, name, port, status = rows[0][:4]
    if status != "online":
        started = subprocess.run(["pg_ctlcluster", version, name, "start"], capture_output=True,
                                 text=True, timeout=60, check=False)
        if started.returncode != 0:
            return None, f"pg_ctlcluster {version} {name} start failed: {started.stderr.strip()}"
    role = _psql(f"DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{PG_ROLE}') THEN "
                 f"CREATE ROLE {PG_ROLE} LOGIN PASSWORD '{PG_ROLE}'; END IF; END$$;")
    if role.returncode != 0:
        return None, f"cannot create role {PG_ROLE}: {role.stderr.strip()}"
    for sql in (f"DROP DATABASE IF EXISTS {PG_DB} WITH (FORCE)", f"CREATE DATABASE {PG_DB} OWNER {PG_ROLE}"):
        done = _psql(sql)
        if done.returncode != 0:
            return None, f"{sql}: {done.stderr.strip()}"
    url = f"postgresql+psycopg://{PG_ROLE}:{PG_ROLE}@127.0.0.1:{port}/{PG_DB}"
    why = _reachable(url)
    return (None, why) if why else (url, f"local cluster {version}/{name} on port {port}, database "
                                         f"{PG_DB} recreated")


# ---------------------------------------------------------------- load
@dataclass
class Device:
    device_id: str
    token: str
    store_code: str
    terminal_no: str


@dataclass
class Catalog:
    items: list[tuple[str, str, str, int]]  # sku, barcode, name, price (fen)
    cashier: tuple[str, str]  # staff_id, name


@dataclass
class WorkerResult:
    accepted: int = 0
    other: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    latencies_ms: list[float] = field(default_factory=list)
    finished: float = 0.0
    cpu_s: float = 0.0


def fetch_catalog(url: str, device: Device) -> Catalog:
    products: dict[str, dict] = {}
    barcodes: dict[str, str] = {}
    prices: dict[str, tuple[str, int]] = {}
    staff: list[dict] = []
    cursor = None
    with CentralClient(url, device.token) as client:
        for _ in range(1000):
            page = client.changes(cursor, limit=5000)
            for change in page.changes:
                data = change.data or {}
                if change.op != "upsert":
                    continue
                if change.entity == "product":
                    products[data["sku"]] = data
                elif change.entity == "barcode":
                    barcodes.setdefault(data["sku"], data["code"])
                elif change.entity == "price":
                    scope = data.get("scope", "chain")
                    if scope == "store" or data["sku"] not in prices or prices[data["sku"]][0] != "store":
                        prices[data["sku"]] = (scope, int(data["amount"]))
                elif change.entity == "staff" and data.get("active", True):
                    staff.append(data)
            cursor = page.next_cursor
            if not page.has_more:
                break
    items = [(sku, barcodes.get(sku), p["name"], prices[sku][1]) for sku, p in sorted(products.items())
             if sku in prices and prices[sku][1] > 0]
    cashiers = [s for s in staff if s.get("role") == "cashier"] or staff
    cashier = (cashiers[0]["staff_id"], cashiers[0]["name"]) if cashiers else ("bench", "Bench")
    return Catalog(items, cashier)  # type: ignore[arg-type]


def sale_events(device: Device, catalog: Catalog, count: int, rng: random.Random) -> list[Event]:
    """A device's gap-free stream of valid sales: seq 1..count."""
    events = []
    day = datetime.now().date()
    for seq in range(1, count + 1):
        picked = rng.sample(catalog.items, rng.randint(1, min(6, len(catalog.items))))
        lines = []
        for no, (sku, code, name, unit_price) in enumerate(picked, start=1):
            qty = rng.choice((1, 1, 1, 2, 3))
            lines.append(SaleLinePayload(line_no=no, sku=sku, barcode=code, name=name, qty=qty,
                                         unit_price=unit_price, amount=qty * unit_price))
        total = sum(line.amount for line in lines)
        step = rng.choice((0, 1000, 5000, 10000))
        tendered = total if step == 0 else max(step, math.ceil(total / step) * step)
        payload = SaleCompleted(
            sale_id=new_id(),
            receipt_no=f"{device.store_code}-{device.terminal_no}-{day:%Y%m%d}-{seq:04d}",
            store_code=device.store_code, terminal_no=device.terminal_no,
            cashier_id=catalog.cashier[0], cashier_name=catalog.cashier[1], lines=lines,
            subtotal=total, total=total,
            tenders=[TenderPayload(kind="cash", amount=total, tendered=tendered, change=tendered - total)],
            change=tendered - total,
        )
        events.append(Event(event_id=new_id(), type="sale.completed", seq=seq,
                            occurred_at=datetime.now(UTC), payload=payload.model_dump(mode="json")))
    return events


def push_all(url: str, device: Device, events: list[Event], batch: int, start, out: WorkerResult) -> None:
    """One device: wait for the start, then push its events in order, batch after batch."""
    with CentralClient(url, device.token, timeout=PUSH_TIMEOUT) as client:
        try:
            start.wait(timeout=START_WAIT_S)
        except threading.BrokenBarrierError:
            out.errors.append(f"{device.device_id}: the start barrier broke")
            return
        for i in range(0, len(events), batch):
            chunk = events[i:i + batch]
            began = time.perf_counter()
            try:
                answer = client.push(device.device_id, chunk)
            except Exception as exc:
                out.errors.append(f"{device.device_id} batch {i // batch}: {type(exc).__name__}: {exc}")
                break  # later events would leave a seq gap; the run is failed anyway
            out.latencies_ms.append((time.perf_counter() - began) * 1000)
            answered = {r.event_id: r for r in answer.results}
            for event in chunk:
                result = answered.get(event.event_id)
                status = result.status if result else "unanswered"
                if status == "accepted" and not (result and (result.error or result.conflict)):
                    out.accepted += 1
                else:
                    out.other[status] = out.other.get(status, 0) + 1
                    if len(out.errors) < 5:
                        out.errors.append(f"{event.event_id}: {status} {result.error if result else ''}")
    out.finished = time.monotonic()


def run_threads(url: str, work: list[tuple[Device, list[Event]]], batch: int, start,
                ) -> list[WorkerResult]:
    results = [WorkerResult() for _ in work]
    threads = [threading.Thread(target=push_all, args=(url, device, events, batch, start, out),
                                name=f"device-{n}", daemon=True)
               for n, ((device, events), out) in enumerate(zip(work, results, strict=True))]
    for thread in threads:
        thread.start()
    return_when = time.monotonic() + 900
    for thread in threads:
        thread.join(max(0.0, return_when - time.monotonic()))
    return results


def _process_main(url: str, work: list[tuple[Device, list[Event]]], batch: int, start, queue) -> None:
    before = resource.getrusage(resource.RUSAGE_SELF)
    results = run_threads(url, work, batch, start)
    after = resource.getrusage(resource.RUSAGE_SELF)
    merged = merge(results)
    merged.cpu_s = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    queue.put(merged)


def merge(results: list[WorkerResult]) -> WorkerResult:
    total = WorkerResult()
    for r in results:
        total.accepted += r.accepted
        for k, v in r.other.items():
            total.other[k] = total.other.get(k, 0) + v
        total.errors.extend(r.errors)
        total.latencies_ms.extend(r.latencies_ms)
        total.finished = max(total.finished, r.finished)
        total.cpu_s += r.cpu_s
    return total


def run_load(url: str, work: list[tuple[Device, list[Event]]], batch: int, clients: str, procs: int,
             ) -> tuple[WorkerResult, float, float]:
    """(merged results, start time, client CPU seconds)."""
    if clients == "threads":
        start = threading.Barrier(len(work) + 1)
        results: list[WorkerResult] = []
        before = resource.getrusage(resource.RUSAGE_SELF)
        runner = threading.Thread(target=lambda: results.extend(run_threads(url, work, batch, start)))
        runner.start()
        start.wait(timeout=START_WAIT_S)
        began = time.monotonic()
        runner.join(900)
        after = resource.getrusage(resource.RUSAGE_SELF)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return merge(results), began, cpu
    ctx = mp.get_context("fork")
    start = ctx.Barrier(len(work) + 1)
    queue = ctx.Queue()
    groups = [work[i::procs] for i in range(procs)]
    children = [ctx.Process(target=_process_main, args=(url, group, batch, start, queue), daemon=True)
                for group in groups if group]
    for child in children:
        child.start()
    try:
        start.wait(timeout=START_WAIT_S)
        began = time.monotonic()
        parts = [queue.get(timeout=900) for _ in children]
    finally:
        for child in children:
            child.join(10)
            if child.is_alive():
                child.terminate()
    merged = merge(parts)
    return merged, began, merged.cpu_s


# ---------------------------------------------------------------- one backend
def run_backend(label: str, db_url: str, args: argparse.Namespace, work_dir: Path) -> bool:
    env = central_env()
    seeded = subprocess.run(central_cmd("seed-demo", "--db", db_url, "--products", str(args.products)),
                            env=env, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    if seeded.returncode != 0:
        print(f"central ingest, {label}: seeding failed: {seeded.stderr.strip()[-500:]}")
        return False
    codes = make_codes(db_url, args.devices)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log_path = work_dir / f"central-{label.lower()}.log"
    with open(log_path, "w") as log:
        server = subprocess.Popen(central_cmd("serve", "--db", db_url, "--host", "127.0.0.1",
                                              "--port", str(port)),
                                  env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_healthy(url, server)
        devices: list[Device] = []
        with CentralClient(url) as client:
            for n, (_store, code) in enumerate(codes):
                answer = client.register(code, f"bench-ingest-{n:03d}", "bench")
                devices.append(Device(answer.device_id, answer.token, answer.store_code, answer.terminal_no))
        catalogs: dict[str, Catalog] = {}
        for device in devices:
            if device.store_code not in catalogs:
                catalogs[device.store_code] = fetch_catalog(url, device)
        if any(not c.items for c in catalogs.values()):
            print(f"central ingest, {label}: central sent no priced products")
            return False
        rng = random.Random(5)
        work = [(device, sale_events(device, catalogs[device.store_code], args.events, rng))
                for device in devices]
        expected = args.devices * args.events
        server_cpu_before = cpu_seconds(server.pid)
        merged, began, client_cpu = run_load(url, work, args.batch, args.clients, args.procs)
        elapsed = max(merged.finished - began, 1e-9)
        server_cpu = cpu_seconds(server.pid) - server_cpu_before
        in_db = count_sales(db_url)
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(10)
    lat = merged.latencies_ms or [float("nan")]
    who = (f"{args.devices} threads in one process" if args.clients == "threads"
           else f"{args.devices} threads over {min(args.procs, args.devices)} processes")
    print(f"central ingest, {args.devices} devices, {label}: {merged.accepted / elapsed:.1f} events/s  "
          f"(target: report)  push of {args.batch}: p50 {percentile(lat, 50):.0f} ms, "
          f"p99 {percentile(lat, 99):.0f} ms, max {max(lat):.0f} ms", flush=True)
    print(f"    {merged.accepted}/{expected} events accepted in {elapsed:.1f} s, {in_db} sales in central's "
          f"DB; clients: {who}, client CPU {client_cpu / elapsed:.0%} of a core, central process CPU "
          f"{server_cpu / elapsed:.0%} of a core (log: {log_path})", flush=True)
    ok = merged.accepted == expected and in_db == expected and not merged.errors
    if not ok:
        print(f"    PROBLEM: accepted {merged.accepted}, other answers {merged.other}, sales in DB {in_db}, "
              f"expected {expected}")
        for error in merged.errors[:5]:
            print(f"    {error}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--devices", type=int, default=50)
    parser.add_argument("--events", type=int, default=200, help="events per device")
    parser.add_argument("--batch", type=int, default=20, help="events per push")
    parser.add_argument("--products", type=int, default=500)
    parser.add_argument("--db", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--pg-url", default=None, help="postgresql+psycopg://user:pw@127.0.0.1/db")
    parser.add_argument("--clients", choices=("threads", "processes"), default="threads")
    parser.add_argument("--procs", type=int, default=4, help="client processes with --clients processes")
    parser.add_argument("--work-dir", default=None)
    args = parser.parse_args()
    if args.pg_url and not any(h in args.pg_url for h in ("@127.0.0.1", "@localhost", "@[::1]")):
        parser.error("--pg-url must be a loopback address (127.0.0.1, localhost or ::1)")
    work_dir = Path(args.work_dir or tempfile.mkdtemp(prefix="bench-ingest-"))
    work_dir.mkdir(parents=True, exist_ok=True)
    ok = True
    if args.db in ("sqlite", "both"):
        db_file = work_dir / f"central-{time.time_ns()}.db"
        ok &= run_backend("SQLite", f"sqlite:///{db_file}", args, work_dir)
    if args.db in ("postgres", "both"):
        if args.pg_url:
            why = fresh_pg_schema(args.pg_url)
            url, note = (None, why) if why else (args.pg_url, "--pg-url, schema public recreated")
        else:
            url, note = local_pg()
        if url is None:
            print(f"central ingest, {args.devices} devices, PostgreSQL: skipped: {note}")
        else:
            print(f"(PostgreSQL: {note})", flush=True)
            ok &= run_backend("PostgreSQL", url, args, work_dir)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
