"""A seeded, deterministic simulation of a store chain: central and several tills in one process.

Central's FastAPI app is reached through an in-process ASGI transport (no sockets); every till
talks to it through its own `FaultyTransport`, which stands for that store's network: it can be
partitioned, or flaky (requests dropped, answers lost after central committed, requests sent
twice, 503s, proxy 502s after central committed, bodies cut mid-stream).  Time is one
`VirtualClock`: the tills' checkout clock and central's `utcnow` (patched in every central module
for the length of a run).  Tills crash at named points; a crash discards the till's Python
objects and reopens it from its data directory, as a process restart would.

One `random.Random(seed)` picks every action; each till's network draws from its own generator
derived from the seed, so the same seed replays the same run.  Ids made from wall time or the OS
(UUIDv7 sale and event ids, tokens, PIN salts) never steer an action and never enter the summary.

At every step each till's sync cursor is checked to only move forward (it may be unset only after
central answered 410 and before the re-bootstrap finished); at the end all partitions heal, every
till syncs until quiet, and the invariants are checked:

- every sale a till recorded as paid is at central exactly once, with the same lines and total;
  central has no sale no till made; every till still holds every sale it showed as paid;
- each device's events at central are numbered exactly 1..N (no gap, no double), none rejected;
- stock: for every store and SKU, central's level equals the sum of its ledger movements, the
  position equals their count, and the sale movements are minus the quantities sold locally;
- every till converged: its state rows equal central's snapshot rows for its store, and its
  cursor is central's current one;
- a sync over a clean network never fails, and central never answers 5xx by itself.

`run_simulation(seed)` returns a `SimResult`; `SimResult.check()` raises an AssertionError starting
with ``simulation seed <S> failed:`` that lists the violations and the tail of the action trace.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib
import json
import pkgutil
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import anyio.from_thread
import httpx
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session, sessionmaker

import central
import central.db
from central.app import create_app
from central.catalog import CatalogRow, add_products, add_staff, store_config_data
from central.changelog import lock_scope, log_change
from central.changes import Cursor, current_cursor, snapshot_rows
from central.db import session_factory
from central.demo_catalog import ean13_check_digit
from central.devices import create_enrollment_code
from central.maintenance import compact_change_log
from central.models import (
    Barcode,
    ChangeScope,
    Device,
    Note,
    Price,
    Product,
    ReceivedEvent,
    Sale,
    SaleLine,
    StockLevel,
    StockMovement,
    Store,
)
from central.seed import seed_demo
from central.stock import move_stock
from pos_client.config import Paths, load_config, save_config
from pos_client.domain.pins import hash_pin
from pos_client.domain.sale import Cashier
from pos_client.services.checkout import CheckoutService, NotForSale
from pos_client.services.sync_service import TillState, till_sync_lock
from pos_client.services.till import Till
from pos_client.services.token_store import FileTokenStore
from pos_client.store.changes import CURSOR_KEY, product_search_text
from pos_client.store.journal import enqueue_audit
from sync.client import CentralClient
from sync.engine import SyncEngine, SyncReport
from sync.protocol import ENTITIES

BASE_TIME = datetime(2025, 6, 2, 1, 0, tzinfo=UTC)
CENTRAL_URL = "http://central.sim"
STORE_CODES = ("S001", "S002", "S003")
DEFAULT_PRODUCTS = 40
QUIESCE_ROUNDS = 12

CRASH_POINTS = (
    "before_commit",                   # the cart is scanned, the till dies before paying: no sale
    "after_commit_before_push",        # the sale is durable, the till dies before sending it
    "before_push_sent",                # the push is about to leave: central never sees it
    "mid_push_after_central_commit",   # central applied the batch, the till dies before the answer
    "mid_pull_between_pages",          # a page and its cursor are stored, the next page never comes
    "mid_bootstrap",                   # some snapshots are loaded, the cursor is not set yet
)
SALE_CRASHES = ("before_commit", "after_commit_before_push")
FAULT_KINDS = ("drop_request", "drop_response", "duplicate_request", "server_error",
               "bad_gateway_after", "cut_body")
_TRANSIENT_ERRORS = ("unreachable", "not_central", "server_fault")
MEANWHILE_CHANCE = 0.1
"""Chance that central changes state just before a request of a till's sync round reaches it."""
MAX_REQUESTS_PER_ROUND = 600
"""A round pulls at most a few hundred changes in pages of >= 3: more requests means a loop."""


class SimulatedCrash(BaseException):
    """The till process dies at a named point: raised through everything, caught by the simulator."""

    def __init__(self, point: str) -> None:
        super().__init__(point)
        self.point = point


class RunawaySync(BaseException):
    """One sync round made far more requests than any finite amount of work needs."""


class VirtualClock:
    def __init__(self, start: datetime) -> None:
        self._now = start

    def now(self) -> datetime:
        return self._now

    def advance(self, seconds: float) -> None:
        self._now += timedelta(seconds=seconds)


_REAL_UTCNOW = central.db.utcnow


def _central_modules() -> list:
    for info in pkgutil.iter_modules(central.__path__):
        with contextlib.suppress(ImportError):
            importlib.import_module(f"central.{info.name}")
    return [m for name, m in sorted(sys.modules.items())
            if m is not None and (name == "central" or name.startswith("central."))]


@contextlib.contextmanager
def central_time(clock: VirtualClock) -> Iterator[None]:
    """Central's clock is `clock` inside: `central.db.utcnow` and every module that imported it."""
    patched = [m for m in _central_modules() if getattr(m, "utcnow", None) is _REAL_UTCNOW]
    for module in patched:
        module.utcnow = clock.now
    try:
        yield
    finally:
        for module in patched:
            module.utcnow = _REAL_UTCNOW


# ---------------------------------------------------------------- central in this process
class InProcessCentral(httpx.BaseTransport):
    """Central's ASGI app behind a plain httpx transport: no sockets, one event-loop thread.

    Requests are handled one at a time, in the order the simulation makes them; an exception
    inside central comes back as HTTP 500, as a server would answer it.
    """

    def __init__(self, app) -> None:
        self._stack = contextlib.ExitStack()
        self._portal = self._stack.enter_context(anyio.from_thread.start_blocking_portal())
        self._asgi = httpx.ASGITransport(app=app, raise_app_exceptions=False)

    async def _call(self, request: httpx.Request) -> tuple[int, httpx.Headers, bytes]:
        response = await self._asgi.handle_async_request(request)
        try:
            raw = b"".join([chunk async for chunk in response.stream])
        finally:
            await response.aclose()
        return response.status_code, response.headers, raw

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        status, headers, raw = self._portal.call(self._call, request)
        return httpx.Response(status, headers=headers, stream=httpx.ByteStream(raw), request=request)

    def close(self) -> None:
        self._stack.close()


# ---------------------------------------------------------------- the network of one till
@dataclass
class Link:
    """What the simulator controls about one till's network, and what the network saw."""

    label: str
    rng: random.Random
    partitioned: bool = False
    flaky: dict[str, float] | None = None
    armed: set[str] = field(default_factory=set)
    changes_in_round: int = 0
    snapshots_in_round: int = 0
    faults_in_round: int = 0
    requests_in_round: int = 0
    saw_410: bool = False
    meanwhile: Callable[[str], None] | None = None
    """Called before a request reaches central: central may change state in the middle of a round."""
    sinces: list[str | None] = field(default_factory=list)

    def new_round(self) -> None:
        self.changes_in_round = self.snapshots_in_round = self.faults_in_round = 0
        self.requests_in_round = 0


class _CutStream(httpx.SyncByteStream):
    """A body that stops part-way with a connection reset."""

    def __init__(self, data: bytes, keep: int) -> None:
        self._data, self._keep = data, keep

    def __iter__(self) -> Iterator[bytes]:
        if self._keep:
            yield self._data[: self._keep]
        raise httpx.ReadError("connection reset by peer (simulated) while reading the body")


class FaultyTransport(httpx.BaseTransport):
    """One store's network to central: partitions, seeded faults and crash points, per request."""

    def __init__(self, inner: httpx.BaseTransport, link: Link, stats: Counter,
                 problems: list[str]) -> None:
        self._inner = inner
        self.link = link
        self._stats = stats
        self._problems = problems

    def close(self) -> None:
        """The shared in-process transport outlives any one till's client."""

    def _forward(self, request: httpx.Request) -> tuple[int, httpx.Headers, bytes]:
        response = self._inner.handle_request(request)
        try:
            raw = b"".join(response.iter_raw())
        finally:
            response.close()
        if response.status_code >= 500:
            self._problems.append(f"central itself answered HTTP {response.status_code} to "
                                  f"{request.method} {request.url.path} from {self.link.label}: "
                                  f"{raw[:300]!r}")
        return response.status_code, response.headers, raw

    def _crash(self, point: str) -> None:
        self.link.armed.discard(point)
        raise SimulatedCrash(point)

    def _draw(self) -> str | None:
        if not self.link.flaky:
            return None
        roll = self.link.rng.random()
        for kind in FAULT_KINDS:
            roll -= self.link.flaky.get(kind, 0.0)
            if roll < 0:
                return kind
        return None

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        link = self.link
        path = request.url.path.removeprefix("/api/v1")
        link.requests_in_round += 1
        if link.requests_in_round > MAX_REQUESTS_PER_ROUND:
            raise RunawaySync(f"{link.label}: over {MAX_REQUESTS_PER_ROUND} requests in one sync round, "
                              f"the last {request.method} {path}")
        if path == "/sync/changes":
            link.changes_in_round += 1
            link.sinces.append(request.url.params.get("since"))
        elif path == "/sync/snapshot":
            link.snapshots_in_round += 1
        if link.partitioned:
            self._stats["net:partition_refused"] += 1
            link.faults_in_round += 1
            raise httpx.ConnectError("no route to central (store partitioned)", request=request)
        if path == "/sync/push" and "before_push_sent" in link.armed:
            self._crash("before_push_sent")
        if path == "/sync/changes" and link.changes_in_round >= 2 and "mid_pull_between_pages" in link.armed:
            self._crash("mid_pull_between_pages")
        if path == "/sync/snapshot" and link.snapshots_in_round >= 3 and "mid_bootstrap" in link.armed:
            self._crash("mid_bootstrap")
        fault = self._draw()
        if fault:
            self._stats[f"net:{fault}"] += 1
            link.faults_in_round += 1
        if fault == "drop_request":
            raise httpx.ConnectError("connection refused (simulated)", request=request)
        if fault == "server_error":
            return httpx.Response(503, json={"error": {"code": "unavailable", "message": "overloaded"}},
                                  request=request)
        if link.meanwhile is not None:
            link.meanwhile(f"{request.method} {path}")
        status, headers, raw = self._forward(request)
        if status == 410:
            link.saw_410 = True
            self._stats["central:410"] += 1
        if path == "/sync/push" and "mid_push_after_central_commit" in link.armed:
            self._crash("mid_push_after_central_commit")
        if fault == "drop_response":
            raise httpx.ReadError("connection reset before the answer (simulated)", request=request)
        if fault == "duplicate_request":
            status, headers, raw = self._forward(request)
        if fault == "bad_gateway_after":
            return httpx.Response(502, headers={"content-type": "text/html"},
                                  content=b"<html><body>502 Bad Gateway</body></html>", request=request)
        if fault == "cut_body":
            return httpx.Response(status, headers=headers, request=request,
                                  stream=_CutStream(raw, link.rng.randrange(max(1, len(raw)))))
        return httpx.Response(status, headers=headers, stream=httpx.ByteStream(raw), request=request)


# ---------------------------------------------------------------- tills and the record of sales
@dataclass(frozen=True)
class SaleRecord:
    till: str
    store_code: str
    device_id: str
    sale_id: str
    receipt_no: str
    total: int
    lines: tuple[tuple[str, int, int], ...]
    """(sku, qty, amount) per line, as the till committed it."""


@dataclass
class SimTill:
    label: str
    store_code: str
    store_id: str
    device_id: str
    token: str
    paths: Paths
    link: Link
    transport: FaultyTransport
    page_size: int | None
    batch_size: int
    skew: timedelta
    till: Till
    sales: list[SaleRecord] = field(default_factory=list)
    last_cursor: Cursor | None = None
    reset_counted: bool = False
    max_since: Cursor | None = None
    sinces_checked: int = 0

    def restart(self) -> None:
        """What a process restart leaves: the data directory, nothing from memory."""
        self.till.close()
        self.till = Till(self.paths)

    def engine(self, client: CentralClient) -> SyncEngine:
        if self.page_size is None:
            return self.till.sync_engine(client)  # the product's own wiring, default pages
        # The same parts as Till.sync_engine, with small pages and batches so pulls and pushes
        # span several requests and the between-pages crash point can be reached.
        till = self.till
        return SyncEngine(client, till.config.device.device_id, till.outbox,
                          TillState(till.settings, till.applier), batch_size=self.batch_size,
                          page_size=self.page_size,
                          exclusive=lambda: till_sync_lock(till.paths.data_dir / "sync.lock"),
                          before_push=lambda: enqueue_audit(till.engine))

    def events_made(self) -> int:
        """Events this till has numbered (sales and journal batches): its outbox counter."""
        with self.till.engine.connect() as conn:
            return int(conn.execute(text("SELECT coalesce(max(value), 0) FROM counter "
                                         "WHERE name = 'outbox_seq'")).scalar_one())


@dataclass
class SimResult:
    seed: int
    steps: int
    violations: list[str]
    trace: list[str]
    summary: dict
    elapsed: float
    work_dir: Path | None = None

    @property
    def ok(self) -> bool:
        return not self.violations

    @property
    def digest(self) -> str:
        blob = json.dumps(self.summary, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(blob.encode()).hexdigest()

    def failure_message(self, trace_tail: int = 40) -> str:
        lines = [f"simulation seed {self.seed} failed: {len(self.violations)} violation(s)"]
        lines += [f"  - {v}" for v in self.violations[:40]]
        if len(self.violations) > 40:
            lines.append(f"  ... and {len(self.violations) - 40} more")
        lines.append(f"replay: .venv/bin/python bench/simulate.py --runs 1 --seed {self.seed} "
                     f"--steps {self.steps} --keep")
        lines.append(f"last {min(trace_tail, len(self.trace))} of {len(self.trace)} trace lines:")
        lines += [f"  {t}" for t in self.trace[-trace_tail:]]
        if self.work_dir is not None:
            lines.append(f"work dir kept: {self.work_dir}")
        return "\n".join(lines)

    def check(self) -> None:
        if self.violations:
            raise AssertionError(self.failure_message())


# ---------------------------------------------------------------- central, seeded once per process
_TEMPLATES: dict[int, Path] = {}


def _template(products: int) -> Path:
    """A seeded central database, made once per process and copied for every run.

    The demo staff PINs are scrypt-hashed (slow on purpose); seeding once keeps runs short.
    Seeding happens at BASE_TIME on the virtual clock, so the copies look alike to every run.
    """
    if products in _TEMPLATES and _TEMPLATES[products].exists():
        return _TEMPLATES[products]
    folder = Path(tempfile.mkdtemp(prefix="sim-central-template-"))
    path = folder / "central.db"
    with central_time(VirtualClock(BASE_TIME)):
        app = create_app(f"sqlite:///{path}")
        try:
            with session_factory(app.state.engines.write)() as session:
                seed_demo(session, products=products, scale_items=False)
        finally:
            app.state.engines.dispose()
    _TEMPLATES[products] = path
    return path


@functools.cache
def _sim_pin_hash() -> str:
    return hash_pin("9999", salt=b"simulation-salt!")  # scrypt is slow on purpose: once per process


def _copy_db(source: Path, target: Path) -> None:
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(target)
        with dst:
            src.backup(dst)
        dst.close()
    finally:
        src.close()


def _cursor(raw: str | None) -> Cursor | None:
    return Cursor.decode(raw) if raw else None


def _behind(new: Cursor, old: Cursor) -> bool:
    return new.chain < old.chain or new.store < old.store


# ---------------------------------------------------------------- the simulation
class Simulation:
    ACTIONS = (("sell", 30), ("sync", 24), ("central", 14), ("fault", 8), ("heal", 4),
               ("crash", 9), ("clock", 8), ("compact", 3))

    def __init__(self, seed: int, steps: int, work_dir: Path, products: int = DEFAULT_PRODUCTS) -> None:
        self.seed = seed
        self.steps = steps
        self.work = work_dir
        self.products = products
        self.rng = random.Random(seed)
        self.meanwhile_rng = random.Random(f"{seed}:meanwhile")
        self.clock = VirtualClock(BASE_TIME)
        self.stats: Counter = Counter()
        self.problems: list[str] = []       # seen during the run (checked again at the end)
        self.violations: list[str] = []
        self.trace: list[str] = []
        self.tills: list[SimTill] = []
        self.partitions: dict[str, int] = {}  # store code -> step the partition heals at
        self.flaky_until: dict[str, int] = {}  # till label -> step its flaky spell ends at
        self.received: Counter = Counter()  # (store code, sku) -> units central received
        self.next_product = 1
        self.next_staff = 1
        self.step = -1

    # ------------------------------------------------------------ helpers
    def note(self, text: str) -> None:
        self.trace.append(f"{self.step:03d} {text}" if self.step >= 0 else f"--- {text}")

    def violation(self, text: str) -> None:
        self.violations.append(f"[step {self.step}] {text}" if self.step >= 0 else text)

    def session(self) -> Session:
        return self.sessions()

    # ------------------------------------------------------------ set-up
    def setup(self) -> None:
        self.work.mkdir(parents=True, exist_ok=True)
        db = self.work / "central.db"
        _copy_db(_template(self.products), db)
        self.app = create_app(f"sqlite:///{db}")
        self.sessions: sessionmaker[Session] = session_factory(self.app.state.engines.write)
        self.inner = InProcessCentral(self.app)
        self.clock.advance(self.rng.randint(0, 6 * 3600))
        with self.session() as s:
            self.store_ids = {st.code: st.id for st in s.scalars(select(Store).order_by(Store.code))}
        count = self.rng.randint(2, 4)
        stores = [self.rng.choice(STORE_CODES) for _ in range(count)]
        for index, store_code in enumerate(stores):
            self.tills.append(self._enrol(index, store_code))
        for t in self.tills:
            report = self._run_sync(t, "initial")
            if report is None or not report.ok:
                self.violation(f"{t.label}: the first sync over a clean network failed: "
                               f"{report.error if report else 'crashed'}")
            self._check_cursor(t)

    def _enrol(self, index: int, store_code: str) -> SimTill:
        with self.session() as s:
            code = create_enrollment_code(s, store_code)
            s.commit()
        paths = Paths.resolve(self.work / f"till{index}")
        paths.data_dir.mkdir(parents=True, exist_ok=True)
        link = Link(label=f"till{index}", rng=random.Random(f"{self.seed}:network:{index}"))
        transport = FaultyTransport(self.inner, link, self.stats, self.problems)
        with CentralClient(CENTRAL_URL, transport=transport) as client:
            answer = client.register(code, f"sim-till-{index}", "simulation")
        # What pos_client.services.till.enroll does, with the file token store (POS_TOKEN_STORE=file).
        FileTokenStore(paths.data_dir / "token.secret").put(answer.device_id, answer.token)
        config = load_config(paths.config_file)
        config.central.url = CENTRAL_URL
        config.device.device_id = answer.device_id
        config.device.store_id = answer.store_id
        config.device.store_code = answer.store_code
        config.device.terminal_no = answer.terminal_no
        config.device.name = f"sim-till-{index}"
        config.device.token_store = "file"
        save_config(paths.config_file, config)
        label = f"{answer.store_code}-{answer.terminal_no}"
        link.label = label
        till = SimTill(
            label=label, store_code=answer.store_code, store_id=answer.store_id,
            device_id=answer.device_id, token=answer.token, paths=paths, link=link,
            transport=transport, page_size=self.rng.choice((3, 8, 25, None)),
            batch_size=self.rng.choice((2, 5, 500)),
            skew=timedelta(seconds=self.rng.randint(-600, 600)), till=Till(paths),
        )
        self.note(f"enrol {label} pages={till.page_size or 'default'} batch={till.batch_size} "
                  f"skew={int(till.skew.total_seconds())}s")
        return till

    # ------------------------------------------------------------ actions
    def run_steps(self) -> None:
        names = [a for a, _ in self.ACTIONS]
        weights = [w for _, w in self.ACTIONS]
        for step in range(self.steps):
            self.step = step
            self.clock.advance(self.rng.randint(1, 90))
            self._update_links()
            action = self.rng.choices(names, weights)[0]
            getattr(self, f"act_{action}")()
            for t in self.tills:
                self._check_cursor(t)

    def _update_links(self) -> None:
        for store, until in list(self.partitions.items()):
            if self.step >= until:
                del self.partitions[store]
                self.note(f"partition of {store} heals")
        for label, until in list(self.flaky_until.items()):
            if self.step >= until:
                del self.flaky_until[label]
                self.note(f"network of {label} steady again")
        for t in self.tills:
            t.link.partitioned = t.store_code in self.partitions
            if t.label not in self.flaky_until:
                t.link.flaky = None

    def pick_till(self) -> SimTill:
        return self.rng.choice(self.tills)

    def act_sell(self, t: SimTill | None = None) -> None:
        t = t or self.pick_till()
        till = t.till
        with till.engine.connect() as conn:
            codes = [r[0] for r in conn.execute(text("SELECT code FROM barcode ORDER BY code"))]
            skus = [r[0] for r in conn.execute(text("SELECT sku FROM product ORDER BY sku"))]
            staff = conn.execute(text(
                "SELECT staff_id, code, name FROM staff WHERE role = 'cashier' AND active "
                "ORDER BY code LIMIT 1")).first()
        if not codes or staff is None:
            self.note(f"sell {t.label}: nothing to sell yet")
            return
        checkout = CheckoutService(till.catalog, till.writer, till.identity(),
                                   clock=lambda: self.clock.now() + t.skew)
        for _ in range(self.rng.randint(1, 5)):
            raw = self.rng.choice(codes) if self.rng.random() < 0.8 else self.rng.choice(skus)
            try:
                checkout.scan(raw)
            except NotForSale:
                self.stats["sell:not_for_sale"] += 1
        if checkout.cart.is_empty:
            self.note(f"sell {t.label}: nothing sellable scanned")
            return
        if "before_commit" in t.link.armed:
            t.link.armed.discard("before_commit")
            self._crashed(t, "before_commit")
            return
        due = checkout.cart.total
        tendered = due if self.rng.random() < 0.5 else -(-due // 5000) * 5000 + 5000
        sale = checkout.complete_cash_sale(tendered, Cashier(staff[0], staff[1], staff[2]))
        record = SaleRecord(
            till=t.label, store_code=t.store_code, device_id=t.device_id, sale_id=sale.sale_id,
            receipt_no=sale.receipt_no, total=sale.total,
            lines=tuple((ln.sku, ln.qty, ln.amount) for ln in sale.lines))
        t.sales.append(record)
        self.stats["sales"] += 1
        self.note(f"sell {t.label} {sale.receipt_no} lines={len(sale.lines)} "
                  f"items={sum(ln.qty for ln in sale.lines)} total={sale.total}")
        if "after_commit_before_push" in t.link.armed:
            t.link.armed.discard("after_commit_before_push")
            self._crashed(t, "after_commit_before_push")
        elif self.rng.random() < 0.4:
            self._run_sync(t, "sync")  # the till pushes right after a sale, as the app does

    def act_sync(self, t: SimTill | None = None) -> None:
        self._run_sync(t or self.pick_till(), "sync")

    def _run_sync(self, t: SimTill, why: str) -> SyncReport | None:
        t.link.new_round()
        t.link.meanwhile = (lambda what: self._meanwhile(t, what)) if why == "sync" else None
        client = CentralClient(CENTRAL_URL, t.token, transport=t.transport)
        try:
            report = t.engine(client).run_once()
        except SimulatedCrash as crash:
            self._crashed(t, crash.point)
            return None
        finally:
            client.close()
        self.stats["syncs"] += 1
        if report.ok:
            self.note(f"{why} {t.label} ok pushed={report.pushed} dup={report.duplicates} "
                      f"pulled={report.pulled} loaded={report.loaded}")
            if report.loaded:
                self.stats["bootstraps"] += 1
        else:
            code = report.error.code if report.error else "?"
            self.stats[f"sync_error:{code}"] += 1
            self.note(f"{why} {t.label} error={code} pushed={report.pushed} dup={report.duplicates} "
                      f"pulled={report.pulled} faults={t.link.faults_in_round}")
            if t.link.faults_in_round == 0 or code not in _TRANSIENT_ERRORS:
                self.violation(f"{why} of {t.label} failed with no network fault to blame: "
                               f"{code}: {report.error}")
        if report.rejected:
            self.violation(f"central rejected {report.rejected} event(s) of {t.label}")
        return report

    def _crashed(self, t: SimTill, point: str) -> None:
        self.stats[f"crash:{point}"] += 1
        self.note(f"CRASH {t.label} at {point}; reopened from its data dir")
        t.restart()

    def act_crash(self) -> None:
        t = self.pick_till()
        point = self.rng.choice(CRASH_POINTS)
        t.link.armed.add(point)
        self.note(f"arm crash {t.label} at {point}")
        if point in SALE_CRASHES:
            self.act_sell(t)
        else:
            self.act_sync(t)
        if point in t.link.armed:
            self.note(f"crash point {point} not reached yet; stays armed on {t.label}")

    def act_fault(self) -> None:
        if self.rng.random() < 0.4:
            store = self.rng.choice(sorted({t.store_code for t in self.tills}))
            until = self.step + self.rng.randint(2, 12)
            self.partitions[store] = max(until, self.partitions.get(store, 0))
            self.stats["partitions"] += 1
            self.note(f"partition {store} from central until step {self.partitions[store]}")
        else:
            t = self.pick_till()
            profile = {kind: self.rng.choice((0.0, 0.05, 0.1, 0.15, 0.25)) for kind in FAULT_KINDS}
            t.link.flaky = profile
            self.flaky_until[t.label] = self.step + self.rng.randint(5, 25)
            self.stats["flaky_spells"] += 1
            shown = " ".join(f"{k}={v}" for k, v in profile.items() if v)
            self.note(f"flaky network at {t.label} until step {self.flaky_until[t.label]}: {shown or 'none'}")
        self._update_links()

    def act_heal(self) -> None:
        if self.partitions:
            store = self.rng.choice(sorted(self.partitions))
            del self.partitions[store]
            self.note(f"heal partition of {store}")
        elif self.flaky_until:
            label = self.rng.choice(sorted(self.flaky_until))
            del self.flaky_until[label]
            self.note(f"network of {label} steady again")
        else:
            self.note("heal: nothing to heal")
        self._update_links()

    def act_clock(self) -> None:
        seconds = self.rng.choice((60, 300, 1800, 3 * 3600, 26 * 3600))
        self.clock.advance(seconds)
        self.note(f"clock +{seconds}s -> {self.clock.now():%Y-%m-%d %H:%M:%S}")

    def act_compact(self, prefix: str = "") -> None:
        keep = timedelta(minutes=self.rng.choice((0, 10, 60, 240)))
        with self.session() as s:
            removed = compact_change_log(s, keep)
        self.stats["compactions"] += 1
        self.note(f"{prefix}central compacts change log older than {keep}: {removed} entries dropped")

    def act_central(self, prefix: str = "") -> None:
        kind = self.rng.choice(("new_product", "chain_price", "chain_price", "store_price",
                                "store_price_delete", "stock_receive", "stock_receive", "new_staff",
                                "store_settings"))
        with self.session() as s:
            detail = getattr(self, f"_central_{kind}")(s)
            s.commit()
        self.stats[f"central:{kind}"] += 1
        self.note(f"{prefix}central {kind} {detail}")

    def _meanwhile(self, t: SimTill, what: str) -> None:
        """Central moves on while a till is between two requests of one sync round."""
        if self.meanwhile_rng.random() >= MEANWHILE_CHANCE:
            return
        self.stats["meanwhile"] += 1
        prefix = f"  while {t.label} sends {what}: "
        if self.meanwhile_rng.random() < 0.15:
            self.act_compact(prefix)
        else:
            self.act_central(prefix)

    def _skus(self, s: Session) -> list[str]:
        return list(s.scalars(select(Product.sku).order_by(Product.sku)))

    def _central_new_product(self, s: Session) -> str:
        taken = set(s.scalars(select(Barcode.code)))
        while True:
            n = self.next_product
            self.next_product += 1
            body = f"68{n:010d}"
            code = body + ean13_check_digit(body)
            if code not in taken:
                break
        sku = f"SIM{n:05d}"
        price = self.rng.randrange(100, 20000, 10)
        add_products(s, [CatalogRow(sku, f"模拟商品 {n}", f"Simulated item {n}", "模拟", "Sim", "件",
                                    price, (code,))])
        return f"{sku} {code} price={price}"

    def _central_chain_price(self, s: Session) -> str:
        sku = self.rng.choice(self._skus(s))
        amount = self.rng.randrange(100, 20000, 10)
        row = s.get(Price, (sku, "*"))
        if row is None:
            s.add(Price(sku=sku, scope="*", amount=amount))
        else:
            row.amount = amount
        s.flush()
        log_change(s, entity="price", entity_id=f"{sku}@*",
                   data={"sku": sku, "amount": amount, "scope": "chain"})
        return f"{sku} chain price={amount}"

    def _central_store_price(self, s: Session) -> str:
        store = self.rng.choice(STORE_CODES)
        store_id = self.store_ids[store]
        sku = self.rng.choice(self._skus(s))
        amount = self.rng.randrange(100, 20000, 10)
        lock_scope(s, store_id)
        row = s.get(Price, (sku, store_id))
        if row is None:
            s.add(Price(sku=sku, scope=store_id, amount=amount))
        else:
            row.amount = amount
        s.flush()
        log_change(s, entity="price", entity_id=f"{sku}@{store_id}", scope=store_id,
                   data={"sku": sku, "amount": amount, "scope": "store"})
        return f"{store} {sku} store price={amount}"

    def _central_store_price_delete(self, s: Session) -> str:
        codes = {v: k for k, v in self.store_ids.items()}
        rows = sorted((codes[p.scope], p.sku) for p in s.scalars(select(Price).where(Price.scope != "*")))
        if not rows:
            return "none to delete"
        store, sku = self.rng.choice(rows)
        store_id = self.store_ids[store]
        lock_scope(s, store_id)
        row = s.get(Price, (sku, store_id))
        assert row is not None
        s.delete(row)
        s.flush()
        log_change(s, entity="price", entity_id=f"{sku}@{store_id}", scope=store_id, op="delete",
                   data=None)
        return f"{store} {sku} store price removed"

    def _central_new_staff(self, s: Session) -> str:
        n = self.next_staff
        self.next_staff += 1
        store_code = self.rng.choice((None, *STORE_CODES))
        store = s.get(Store, self.store_ids[store_code]) if store_code else None
        add_staff(s, store=store, code=f"9{n:03d}", name=f"模拟员工 {n}",
                  role=self.rng.choice(("cashier", "supervisor", "guide")), pin_hash=_sim_pin_hash())
        return f"9{n:03d} for {store_code or 'the chain'}"

    def _central_store_settings(self, s: Session) -> str:
        store_code = self.rng.choice(STORE_CODES)
        store = s.get(Store, self.store_ids[store_code])
        assert store is not None
        lock_scope(s, store.id)
        store.noncash_lock_after_hours = self.rng.choice((24, 48, 72, 96))
        store.name_en = f"{store.name_en.split(' #')[0]} #{self.rng.randint(1, 99)}"
        s.flush()
        log_change(s, entity="store_config", entity_id=store.id, scope=store.id,
                   data=store_config_data(store))
        return f"{store_code} name_en={store.name_en!r} lock_after={store.noncash_lock_after_hours}h"

    def _central_stock_receive(self, s: Session) -> str:
        store = self.rng.choice(STORE_CODES)
        sku = self.rng.choice(self._skus(s))
        qty = self.rng.randint(1, 24)
        lock_scope(s, self.store_ids[store])
        move_stock(s, self.store_ids[store], sku, qty, "receive", None, self.clock.now())
        self.received[(store, sku)] += qty
        return f"{store} {sku} +{qty}"

    # ------------------------------------------------------------ the cursor, at every step
    def _check_cursor(self, t: SimTill) -> None:
        for raw in t.link.sinces[t.sinces_checked:]:
            sent = _cursor(raw)
            if sent is None:
                self.violation(f"{t.label} asked for changes without a cursor")
            elif t.max_since is not None and _behind(sent, t.max_since):
                self.violation(f"{t.label} asked for changes since {raw}, behind {t.max_since.encode()} "
                               "which it had already asked from")
            else:
                t.max_since = sent
        t.sinces_checked = len(t.link.sinces)
        now = _cursor(t.till.settings.get(CURSOR_KEY))
        if now is None:
            if t.last_cursor is not None and not t.link.saw_410:
                self.violation(f"{t.label} lost its cursor {t.last_cursor.encode()} without a 410")
            elif t.last_cursor is not None and not t.reset_counted:
                self.stats["cursor_reset_after_410"] += 1
                t.reset_counted = True
            return
        if t.last_cursor is not None and _behind(now, t.last_cursor):
            # A re-bootstrap starts from central's current position, so even then it never goes back.
            self.violation(f"{t.label} cursor moved backwards: {t.last_cursor.encode()} -> {now.encode()}"
                           f"{' (after a 410)' if t.link.saw_410 else ''}")
        t.last_cursor = now
        t.link.saw_410 = t.reset_counted = False

    # ------------------------------------------------------------ the end
    def quiesce(self) -> None:
        self.step = self.steps
        self.partitions.clear()
        self.flaky_until.clear()
        for t in self.tills:
            t.link.armed.clear()
        self._update_links()
        self.note("all partitions healed, networks steady, crash points disarmed")
        for round_no in range(QUIESCE_ROUNDS):
            busy = False
            for t in self.tills:
                report = self._run_sync(t, f"final#{round_no}")
                self._check_cursor(t)
                if report is None or not report.ok or report.pushed or report.pulled or report.loaded:
                    busy = True
            if not busy:
                return
        self.violation(f"tills still busy after {QUIESCE_ROUNDS} clean sync rounds")

    def check_invariants(self) -> None:
        for problem in self.problems:
            self.violation(problem)
        with self.session() as s:
            self._check_sales(s)
            self._check_events(s)
            self._check_stock(s)
            for t in self.tills:
                self._check_converged(s, t)

    def _check_sales(self, s: Session) -> None:
        made = {r.sale_id: r for t in self.tills for r in t.sales}
        devices = {d.id: d for d in s.scalars(select(Device))}
        central_sales = {x.sale_id: x for x in s.scalars(select(Sale))}
        lines: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
        for ln in s.scalars(select(SaleLine).order_by(SaleLine.sale_id, SaleLine.line_no)):
            lines[ln.sale_id].append((ln.sku, ln.qty, ln.amount))
        per_receipt = Counter(x.receipt_no for x in central_sales.values())
        for record in made.values():
            got = central_sales.get(record.sale_id)
            if got is None:
                self.violation(f"lost: {record.till} sale {record.receipt_no} (total {record.total}) "
                               "is not at central")
                continue
            if per_receipt[record.receipt_no] != 1:
                self.violation(f"doubled: receipt {record.receipt_no} is at central "
                               f"{per_receipt[record.receipt_no]} times")
            if got.total != record.total or got.receipt_no != record.receipt_no:
                self.violation(f"{record.receipt_no}: central has total {got.total} receipt "
                               f"{got.receipt_no}, the till {record.total}")
            if tuple(lines[record.sale_id]) != record.lines:
                self.violation(f"{record.receipt_no}: central's lines {lines[record.sale_id]} differ "
                               f"from the till's {list(record.lines)}")
            if got.device_id != record.device_id or got.store_id != self.store_ids[record.store_code]:
                self.violation(f"{record.receipt_no}: central files it under another device or store")
        for sale_id, got in central_sales.items():
            if sale_id not in made:
                device = devices.get(got.device_id)
                self.violation(f"central has sale {got.receipt_no} (total {got.total}, terminal "
                               f"{device.terminal_no if device else '?'}) that no till made")
        for t in self.tills:
            with t.till.engine.connect() as conn:
                local = {r[0] for r in conn.execute(text("SELECT sale_id FROM sale"))}
                pending = conn.execute(text("SELECT state, count(*) FROM outbox GROUP BY state")).all()
            mine = {r.sale_id for r in t.sales}
            for record in t.sales:
                if record.sale_id not in local:
                    self.violation(f"{t.label} no longer holds its paid sale {record.receipt_no}")
            if local - mine:
                self.violation(f"{t.label} holds {len(local - mine)} sale(s) it never showed as paid")
            if pending:
                self.violation(f"{t.label} outbox not empty after the final sync: {dict(pending)}")

    def _check_events(self, s: Session) -> None:
        by_device: dict[str, list[ReceivedEvent]] = defaultdict(list)
        for event in s.scalars(select(ReceivedEvent).order_by(ReceivedEvent.seq)):
            by_device[event.device_id].append(event)
        for t in self.tills:
            events = by_device.pop(t.device_id, [])
            seqs = [e.seq for e in events]
            made = t.events_made()
            want = list(range(1, made + 1))
            if seqs != want:
                dupes = sorted(n for n, c in Counter(seqs).items() if c > 1)
                missing = sorted(set(want) - set(seqs))
                self.violation(f"{t.label} events at central have seqs {_span(seqs)}, expected 1..{len(want)}"
                               f" (doubled {dupes[:10]}, missing {missing[:10]})")
            chain_notes = s.scalars(select(Note).where(Note.device_id == t.device_id,
                                                       Note.kind == "journal_chain")).all()
            for note in chain_notes:
                self.violation(f"{t.label}: central found its journal broken: {note.message}")
            bad = Counter(e.status for e in events if e.status != "accepted")
            if bad:
                self.violation(f"{t.label} events not accepted at central: {dict(bad)}")
            device = s.get(Device, t.device_id)
            if device is not None and device.last_seq != made:
                self.violation(f"{t.label}: central's last_seq {device.last_seq}, "
                               f"the till made {made} events")
        for device_id, events in by_device.items():
            self.violation(f"central holds {len(events)} event(s) of a device no till is ({device_id[:8]})")

    def _check_stock(self, s: Session) -> None:
        codes = {v: k for k, v in self.store_ids.items()}
        ledger: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
        by_reason: Counter = Counter()
        for store_id, sku, reason, total, count in s.execute(
                select(StockMovement.store_id, StockMovement.sku, StockMovement.reason,
                       func.sum(StockMovement.delta), func.count())
                .group_by(StockMovement.store_id, StockMovement.sku, StockMovement.reason)):
            key = (codes.get(store_id, store_id), sku)
            ledger[key][0] += total
            ledger[key][1] += count
            by_reason[(key, reason)] += total
        levels = {(codes.get(lv.store_id, lv.store_id), lv.sku): lv for lv in s.scalars(select(StockLevel))}
        for key in sorted(set(ledger) | set(levels)):
            level = levels.get(key)
            on_hand, position = (level.on_hand, level.position) if level else (None, None)
            if [on_hand, position] != ledger.get(key, [0, 0]):
                self.violation(f"stock {key[0]} {key[1]}: level on_hand={on_hand} position={position}, "
                               f"ledger sum={ledger.get(key, [0, 0])[0]} count={ledger.get(key, [0, 0])[1]}")
        sold: Counter = Counter()
        for t in self.tills:
            for record in t.sales:
                for sku, qty, _amount in record.lines:
                    sold[(record.store_code, sku)] += qty
        for key in sorted(set(sold) | {k for (k, reason) in by_reason if reason == "sale"}):
            if by_reason[(key, "sale")] != -sold[key]:
                self.violation(f"stock {key[0]} {key[1]}: sale movements {by_reason[(key, 'sale')]}, "
                               f"sold at its tills {sold[key]}")
        for key in sorted(set(self.received) | {k for (k, reason) in by_reason if reason == "receive"}):
            if by_reason[(key, "receive")] != self.received[key]:
                self.violation(f"stock {key[0]} {key[1]}: receive movements {by_reason[(key, 'receive')]}, "
                               f"central received {self.received[key]}")
        doubled = s.execute(
            select(StockMovement.event_id, StockMovement.sku, func.count())
            .where(StockMovement.reason == "sale")
            .group_by(StockMovement.event_id, StockMovement.sku).having(func.count() > 1)).all()
        for _event_id, sku, count in doubled:
            self.violation(f"one sale event moved {sku} {count} times")

    def _check_converged(self, s: Session, t: SimTill) -> None:
        with t.till.engine.connect() as conn:
            local = _local_state(conn)
            try:  # the name-search index holds exactly the product rows' text
                conn.exec_driver_sql(
                    "INSERT INTO product_fts(product_fts, rank) VALUES ('integrity-check', 1)")
            except Exception as exc:
                self.violation(f"{t.label} search index differs from its products: {exc}")
            conn.rollback()
        for entity in ENTITIES:
            central_rows = _central_state(s, t.store_id, entity)
            mine = local.get(entity)
            if mine is None:
                continue  # an entity this build of the till does not keep
            if mine != central_rows:
                missing = sorted(set(central_rows) - set(mine))
                extra = sorted(set(mine) - set(central_rows))
                differ = sorted(k for k in set(mine) & set(central_rows) if mine[k] != central_rows[k])
                sample = [(k, mine[k], central_rows[k]) for k in differ[:3]]
                self.violation(f"{t.label} not converged on {entity}: missing {missing[:5]} "
                               f"({len(missing)}), extra {extra[:5]} ({len(extra)}), differing {len(differ)} "
                               f"e.g. (key, till, central) {sample}")
        want = current_cursor(s, t.store_id).encode()
        have = t.till.settings.get(CURSOR_KEY)
        if have != want:
            self.violation(f"{t.label} cursor {have} after the final sync; central is at {want}")

    # ------------------------------------------------------------ the outcome
    def summary(self) -> dict:
        codes = {v: k for k, v in self.store_ids.items()}
        with self.session() as s:
            sales = Counter()
            totals = Counter()
            for sale in s.scalars(select(Sale)):
                sales[codes[sale.store_id]] += 1
                totals[codes[sale.store_id]] += sale.total
            stock = {f"{codes[lv.store_id]}:{lv.sku}": [lv.on_hand, lv.position]
                     for lv in s.scalars(select(StockLevel))}
            scopes = {("chain" if sc.scope == "chain" else codes.get(sc.scope, "?")):
                      [sc.last_seq, sc.min_seq] for sc in s.scalars(select(ChangeScope))}
            notes = Counter(n.kind for n in s.scalars(select(Note)))
            prices = sorted((p.sku, "chain" if p.scope == "*" else codes.get(p.scope, "?"), p.amount)
                            for p in s.scalars(select(Price)))
        return {
            "seed": self.seed, "steps": self.steps,
            "tills": [{"till": t.label, "pages": t.page_size, "batch": t.batch_size,
                       "sales": [[r.receipt_no, r.total] for r in t.sales],
                       "cursor": t.till.settings.get(CURSOR_KEY)} for t in self.tills],
            "central": {"sales": dict(sales), "totals": dict(totals), "stock": stock, "scopes": scopes,
                        "notes": dict(notes), "prices": prices},
            "stats": dict(sorted(self.stats.items())),
            "trace": self.trace,
            "violations": len(self.violations),
        }

    def close(self) -> None:
        for t in self.tills:
            with contextlib.suppress(Exception):
                t.till.close()
        with contextlib.suppress(Exception):
            self.inner.close()
        with contextlib.suppress(Exception):
            self.app.state.engines.dispose()


def _span(seqs: list[int]) -> str:
    if not seqs:
        return "[]"
    return f"{seqs[:6]}{'...' if len(seqs) > 6 else ''} ({len(seqs)} in all)"


def _local_state(conn) -> dict[str, dict]:
    """The till's state rows, keyed and shaped like central's snapshot rows."""
    state: dict[str, dict] = {}
    state["store_config"] = {r[0]: json.loads(r[1]) for r in conn.execute(
        text("SELECT store_id, data FROM store_config"))}
    state["staff"] = {r[0]: {"staff_id": r[0], "code": r[1], "name": r[2], "role": r[3], "pin_hash": r[4],
                             "active": bool(r[5])}
                      for r in conn.execute(text(
                          "SELECT staff_id, code, name, role, pin_hash, active FROM staff"))}
    state["product"] = {r[0]: {"sku": r[0], "name": r[1], "name_en": r[2], "category": r[3], "brand": r[4],
                               "unit": r[5], "search": r[6]}
                        for r in conn.execute(text(
                            "SELECT sku, name, name_en, category, brand, unit, search FROM product"))}
    state["barcode"] = {r[0]: {"code": r[0], "sku": r[1]}
                        for r in conn.execute(text("SELECT code, sku FROM barcode"))}
    state["price"] = {f"{r[0]}|{r[1]}": {"sku": r[0], "scope": r[1], "amount": r[2]}
                      for r in conn.execute(text("SELECT sku, scope, amount FROM price"))}
    state["stock_level"] = {r[0]: {"sku": r[0], "on_hand": r[1], "position": r[2]}
                            for r in conn.execute(text("SELECT sku, on_hand, position FROM stock_level"))}
    return state


def _central_state(s: Session, store_id: str, entity: str) -> dict:
    rows: dict = {}
    for row_id, data in snapshot_rows(s, store_id, entity):
        if entity == "price":
            rows[f"{data['sku']}|{data['scope']}"] = {"sku": data["sku"], "scope": data["scope"],
                                                      "amount": data["amount"]}
        elif entity == "staff":
            rows[row_id] = {**data, "active": bool(data.get("active", True))}
        elif entity == "product":
            # The till folds the spoken forms into its search text; compare that.
            rows[row_id] = {k: data[k] for k in ("sku", "name", "name_en", "category", "brand", "unit")}
            rows[row_id]["search"] = product_search_text(data)
        else:
            rows[row_id] = dict(data)
    return rows


def run_simulation(seed: int, steps: int = 60, work_dir: Path | None = None, *,
                   products: int = DEFAULT_PRODUCTS, keep: bool = False,
                   on_trace: Callable[[str], None] | None = None) -> SimResult:
    """Run one seeded simulation; the work dir is removed unless the run failed or `keep` is set."""
    started = time.monotonic()
    own_dir = work_dir is None
    work = Path(work_dir) if work_dir is not None else Path(tempfile.mkdtemp(prefix=f"sim-{seed}-"))
    sim = Simulation(seed, steps, work, products=products)
    summary: dict = {}
    try:
        with central_time(sim.clock):
            try:
                sim.setup()
                sim.run_steps()
                sim.quiesce()
                sim.check_invariants()
            except RunawaySync as runaway:
                sim.violation(f"a sync round never finished, run stopped: {runaway}")
            except Exception as exc:  # a crash of the simulation itself is a failed run, with its trace
                import traceback

                sim.violation(f"simulation aborted: {type(exc).__name__}: {exc}\n"
                              + "".join(traceback.format_exc(limit=8)))
            summary = sim.summary() if sim.tills else {"seed": seed}
    finally:
        sim.close()
    if on_trace:
        for line in sim.trace:
            on_trace(line)
    failed = bool(sim.violations)
    if failed or keep:
        (work / "trace.txt").write_text("\n".join(sim.trace) + "\n", "utf-8")
    kept = work if (failed or keep) else None
    if own_dir and kept is None:
        shutil.rmtree(work, ignore_errors=True)
    return SimResult(seed=seed, steps=steps, violations=sim.violations, trace=sim.trace,
                     summary=summary, elapsed=time.monotonic() - started, work_dir=kept)
