"""The network lies in the ways store networks do: a captive portal answering 200 with HTML,
a token central no longer honours, a clock hours off, a body cut short, two syncs at once.
Each gives a clear typed status and does no damage: the outbox is intact, no partial page
is applied, the cursor does not move."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

import sync.engine
from central.db import as_utc, session_factory, utcnow
from central.devices import sha256
from central.models import Device, ReceivedEvent
from central.models import Sale as CentralSale
from central.server import EmbeddedCentral
from pos_client.config import Paths, load_config, save_config
from pos_client.domain.sale import Cashier, Sale
from pos_client.services.checkout import CheckoutService
from pos_client.services.sync_service import SKEW_KEY, make_engine, sync_overview
from pos_client.services.till import Till, enroll
from pos_client.store.changes import CURSOR_KEY
from sync.engine import SyncReport
from sync.errors import AuthRejected, CentralUnreachable, NotCentral, SyncBusy
from sync.protocol import Event
from tests.conftest import TEST_PRODUCTS, make_code
from tests.helpers import central_events, central_level, central_sales
from tests.support.fault_proxy import FaultProxy

CASHIER = Cashier("staff-1", "1001", "李娜")
PUSH = "/api/v1/sync/push"
CHANGES = "/api/v1/sync/changes"


def point_at(till: Till, url: str) -> None:
    till.config.central.url = url
    save_config(till.paths.config_file, till.config)


def a_code(till: Till, n: int = 0) -> str:
    with till.engine.connect() as conn:
        return conn.execute(text("SELECT code FROM barcode ORDER BY rowid LIMIT 1 OFFSET :n"),
                            {"n": n}).scalar_one()


def sell(till: Till, qty: int = 1, checkout: CheckoutService | None = None, n: int = 0) -> Sale:
    checkout = checkout or till.checkout()
    for _ in range(qty):
        checkout.scan(a_code(till, n))
    sale = checkout.complete_cash_sale(checkout.cart.total, CASHIER)
    checkout.new_sale()
    return sale


def local_level(till: Till, sku: str) -> int | None:
    with till.engine.connect() as conn:
        return conn.execute(text("SELECT on_hand FROM stock_level WHERE sku = :s"), {"s": sku}).scalar()


def run(till: Till) -> SyncReport:
    with till.client() as client:
        return till.sync_engine(client).run_once()


def set_device(central: EmbeddedCentral, device_id: str, **values: object) -> None:
    with session_factory(central.app.state.engine)() as s:
        device = s.get(Device, device_id)
        assert device is not None
        for key, value in values.items():
            setattr(device, key, value)
        s.commit()


# --------------------------------------------------------------------------- captive portal
def test_captive_portal_is_not_central_and_changes_nothing(till: Till, central: EmbeddedCentral) -> None:
    sale = sell(till)
    cursor = till.settings.get(CURSOR_KEY)
    assert cursor
    with FaultProxy(central.url) as portal:
        portal.set_always("captive_portal")
        point_at(till, portal.url)
        report = run(till)
        assert portal.forwarded() == 0 and portal.counts["captive_portal"] == 1
    assert isinstance(report.error, NotCentral) and report.error.code == "not_central", report.error
    assert "text/html" in report.error.message
    assert not report.reached_central and report.pushed == 0
    assert till.outbox.stats().pending == 1
    assert till.outbox.pending(10)[0].payload["sale_id"] == sale.sale_id
    assert central_sales(central) == []
    assert till.settings.get(CURSOR_KEY) == cursor

    point_at(till, central.url)  # out of the portal: the same sale goes, once
    report = run(till)
    assert report.ok and report.pushed == 1, report.error
    assert [s.sale_id for s in central_sales(central)] == [sale.sale_id]


@pytest.mark.parametrize("status", [302, 511])
def test_captive_portal_redirecting_or_asking_for_network_login_is_not_central(
        status: int, till: Till, central: EmbeddedCentral) -> None:
    """Portals also answer 302 to their login page, or RFC 6585's 511 Network Authentication
    Required: either way the answer is HTML from something that is not central."""
    sell(till)
    cursor = till.settings.get(CURSOR_KEY)
    with FaultProxy(central.url) as portal:
        portal.set_always("captive_portal", status=status)
        point_at(till, portal.url)
        report = run(till)
    assert report.error is not None and report.error.code == "not_central", repr(report.error)
    assert till.outbox.stats().pending == 1
    assert till.settings.get(CURSOR_KEY) == cursor
    assert central_sales(central) == []


def test_captive_portal_on_the_pull_applies_no_page(till: Till, central: EmbeddedCentral) -> None:
    sale = sell(till, qty=2)
    sku = sale.lines[0].sku
    opening = local_level(till, sku)
    cursor = till.settings.get(CURSOR_KEY)
    with FaultProxy(central.url) as proxy:
        proxy.script("captive_portal", CHANGES)
        point_at(till, proxy.url)
        report = run(till)
        assert [h.fault for h in proxy.handled(CHANGES)] == ["captive_portal"]
        assert report.error is not None and report.error.code == "not_central", report.error
        assert report.pushed == 1  # the push got through before the portal caught the pull
        assert till.settings.get(CURSOR_KEY) == cursor
        assert local_level(till, sku) == opening
        report = run(till)
    assert report.ok and report.pulled > 0, report.error
    assert till.settings.get(CURSOR_KEY) != cursor
    assert local_level(till, sku) == opening - 2 == central_level(central, "S001", sku)


def test_enrolment_through_a_captive_portal_spends_nothing(central: EmbeddedCentral, tmp_path) -> None:
    code = make_code(central)
    paths = Paths.resolve(tmp_path / "new-till")
    with FaultProxy(central.url) as portal:
        portal.set_always("captive_portal")
        with pytest.raises(NotCentral):
            enroll(paths, portal.url, code, "new-till")
        assert portal.forwarded() == 0
    assert not load_config(paths.config_file).enrolled
    enrolment = enroll(paths, central.url, code, "new-till")  # the code was not spent by the portal
    assert enrolment.store_code == "S001"


# --------------------------------------------------------------------------- tokens
def test_revoked_device_is_told_so_and_keeps_its_sale(till: Till, central: EmbeddedCentral) -> None:
    sale = sell(till)
    cursor = till.settings.get(CURSOR_KEY)
    set_device(central, till.config.device.device_id, revoked_at=utcnow())
    report = run(till)
    assert isinstance(report.error, AuthRejected), report.error
    assert report.error.revoked is True and report.error.server_code == "revoked"
    assert report.error.code == "auth_rejected"
    assert not report.reached_central
    assert till.outbox.stats().pending == 1 and till.outbox.stats().rejected == 0
    assert till.settings.get(CURSOR_KEY) == cursor
    assert central_sales(central) == []

    set_device(central, till.config.device.device_id, revoked_at=None)  # IT re-admits the till
    report = run(till)
    assert report.ok and report.pushed == 1, report.error
    assert [s.sale_id for s in central_sales(central)] == [sale.sale_id]


def test_token_central_no_longer_knows_is_rejected_not_revoked(till: Till,
                                                              central: EmbeddedCentral) -> None:
    sell(till)
    cursor = till.settings.get(CURSOR_KEY)
    with session_factory(central.app.state.engine)() as s:
        original = s.get(Device, till.config.device.device_id).token_hash
    set_device(central, till.config.device.device_id, token_hash=sha256("rotated at central"))
    report = run(till)
    assert isinstance(report.error, AuthRejected), report.error
    assert report.error.revoked is False and report.error.server_code == "bad_token"
    assert till.outbox.stats().pending == 1 and till.outbox.stats().rejected == 0
    assert till.settings.get(CURSOR_KEY) == cursor
    assert central_sales(central) == []

    set_device(central, till.config.device.device_id, token_hash=original)
    assert run(till).pushed == 1
    assert len(central_sales(central)) == 1


def test_token_that_expired_during_weeks_offline_stops_sync_and_keeps_the_sales(
        till: Till, central: EmbeddedCentral) -> None:
    """The till was stored away (or offline) for longer than central's idle limit, and sold."""
    sold = [sell(till, n=i) for i in range(3)]
    cursor = till.settings.get(CURSOR_KEY)
    idle = utcnow() - timedelta(days=31)
    set_device(central, till.config.device.device_id, last_seen_at=idle, created_at=idle)
    report = run(till)
    assert isinstance(report.error, AuthRejected), report.error
    assert report.error.server_code == "token_expired" and report.error.revoked is False
    assert "enrol" in report.error.message
    assert till.outbox.stats().pending == 3 and till.outbox.stats().rejected == 0
    assert till.settings.get(CURSOR_KEY) == cursor
    assert central_sales(central) == []
    with session_factory(central.app.state.engine)() as s:  # a refused call renews nothing
        last_seen = as_utc(s.get(Device, till.config.device.device_id).last_seen_at)
    assert last_seen < utcnow() - timedelta(days=30)

    # IT enrols the till again (a new device at central); the queued sales go, once each.
    enroll(till.paths, central.url, make_code(central), "test-till")
    till.config = load_config(till.paths.config_file)  # as the app does after re-enrolment
    report = run(till)
    assert report.ok and report.pushed == 3, report.error
    assert sorted(s.sale_id for s in central_sales(central)) == sorted(s.sale_id for s in sold)


def test_every_call_renews_the_token(till: Till, central: EmbeddedCentral) -> None:
    nearly = utcnow() - timedelta(days=29)
    set_device(central, till.config.device.device_id, last_seen_at=nearly)
    assert run(till).ok  # a pull alone, nothing to push
    with session_factory(central.app.state.engine)() as s:
        seen = as_utc(s.get(Device, till.config.device.device_id).last_seen_at)
    assert seen > utcnow() - timedelta(minutes=1)


# --------------------------------------------------------------------------- clocks
def test_sale_from_a_till_three_hours_ahead_is_accepted_once(till: Till, central: EmbeddedCentral) -> None:
    ahead = timedelta(hours=3)
    checkout = CheckoutService(till.catalog, till.writer, till.identity(),
                               clock=lambda: datetime.now(UTC) + ahead)
    sale = sell(till, checkout=checkout)
    assert sale.occurred_at - datetime.now(UTC) > ahead - timedelta(minutes=1)
    queued = till.outbox.pending(1)[0]
    report = run(till)
    assert report.ok and report.pushed == 1 and report.duplicates == 0, report.error

    with session_factory(central.app.state.engine)() as s:
        stored = s.get(CentralSale, sale.sale_id)
        received = s.get(ReceivedEvent, queued.event_id)
    assert stored is not None and received is not None
    assert as_utc(stored.occurred_at) == sale.occurred_at  # the till's word, kept as sent
    lead = as_utc(received.occurred_at) - as_utc(received.received_at)
    assert ahead - timedelta(minutes=1) < lead <= ahead  # central's own receive time beside it

    # The same event again (a till that never heard the answer) is a duplicate, not a second sale.
    event = Event(event_id=queued.event_id, type=queued.type, seq=queued.seq,
                  occurred_at=datetime.fromisoformat(queued.occurred_at), payload=queued.payload)
    with till.client() as client:
        again = client.push(till.config.device.device_id, [event])
    assert [r.status for r in again.results] == ["duplicate"]
    assert len(central_sales(central)) == 1 and len(central_events(central)) == 1


def test_skew_is_measured_honestly_through_a_slow_link(till: Till, central: EmbeddedCentral) -> None:
    sell(till)
    with FaultProxy(central.url) as slow:
        slow.set_always("delay", delay_ms=300, phase="response")  # every answer arrives 0.3 s late
        point_at(till, slow.url)
        report = run(till)
        assert slow.counts["delay"] == 2  # the push and the pull
    assert report.ok, report.error
    assert report.clock_skew is not None
    assert timedelta(seconds=0.29) <= report.clock_skew < timedelta(seconds=1), report.clock_skew
    assert 0.29 <= till.settings.get(SKEW_KEY) < 1.0
    assert not sync_overview(till.outbox, till.settings, till.catalog).skew_worth_showing


def test_skew_of_a_till_clock_three_hours_ahead_is_reported(till: Till, central: EmbeddedCentral,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    real = datetime

    class AheadClock(real):
        @classmethod
        def now(cls, tz=None):  # type: ignore[override]
            return real.now(tz) + timedelta(hours=3)

    monkeypatch.setattr(sync.engine, "datetime", AheadClock)
    sell(till)
    report = run(till)
    assert report.ok and report.pushed == 1, report.error
    assert report.clock_skew is not None
    assert abs(report.clock_skew - timedelta(hours=3)) < timedelta(seconds=2), report.clock_skew
    assert abs(till.settings.get(SKEW_KEY) - 3 * 3600) < 2
    overview = sync_overview(till.outbox, till.settings, till.catalog)
    assert overview.skew_worth_showing  # staff are told the till's clock is off


# --------------------------------------------------------------------------- body cut short
def test_changes_page_cut_short_moves_nothing_and_a_retry_succeeds(till: Till,
                                                                  central: EmbeddedCentral) -> None:
    sale = sell(till, qty=3)
    sku = sale.lines[0].sku
    opening = local_level(till, sku)
    cursor = till.settings.get(CURSOR_KEY)
    with FaultProxy(central.url) as proxy:
        proxy.script("truncate", CHANGES)
        point_at(till, proxy.url)
        report = run(till)
        cut = proxy.handled(CHANGES)
        assert [(h.fault, h.status) for h in cut] == [("truncate", 200)]
        assert isinstance(report.error, CentralUnreachable | NotCentral), report.error
        assert report.error.code in ("unreachable", "not_central")
        assert report.pushed == 1
        assert till.settings.get(CURSOR_KEY) == cursor
        assert local_level(till, sku) == opening

        report = run(till)
    assert report.ok and report.pulled > 0, report.error
    assert till.settings.get(CURSOR_KEY) != cursor
    assert local_level(till, sku) == opening - 3
    assert len(central_sales(central)) == 1


def test_push_answer_cut_short_is_resent_and_counted_once(till: Till, central: EmbeddedCentral) -> None:
    sell(till)
    sell(till, n=1)
    with FaultProxy(central.url) as proxy:
        proxy.script("truncate", PUSH)
        point_at(till, proxy.url)
        first = run(till)
        assert first.error is not None and first.error.code == "unreachable", first.error
        assert till.outbox.stats().pending == 2
        second = run(till)
    assert second.ok and second.pushed == 2 and second.duplicates == 2, second.error
    assert [e.seq for e in central_events(central)] == [1, 2]


def test_first_catalog_load_cut_short_leaves_no_cursor_and_loads_on_retry(central: EmbeddedCentral,
                                                                          tmp_path) -> None:
    paths = Paths.resolve(tmp_path / "new-till")
    enroll(paths, central.url, make_code(central), "new-till")
    fresh = Till(paths)
    try:
        with FaultProxy(central.url) as proxy:
            proxy.script("truncate", "/api/v1/sync/snapshot?entity=product")
            point_at(fresh, proxy.url)
            report = run(fresh)
            assert [h.fault for h in proxy.handled("/api/v1/sync/snapshot?entity=product")] == ["truncate"]
            assert report.error is not None and report.error.code == "unreachable", report.error
            assert fresh.settings.get(CURSOR_KEY) is None  # the next round loads the snapshots again
            assert fresh.catalog.product_count() == 0
            report = run(fresh)
        assert report.ok, report.error
        assert fresh.settings.get(CURSOR_KEY)
        assert fresh.catalog.product_count() == TEST_PRODUCTS
    finally:
        fresh.close()


# --------------------------------------------------------------------------- two syncs at once
def _together(*calls):
    barrier = threading.Barrier(len(calls))
    results: list[object] = [None] * len(calls)

    def go(i: int) -> None:
        barrier.wait(timeout=10)
        results[i] = calls[i]()

    threads = [threading.Thread(target=go, args=(i,)) for i in range(len(calls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert not any(t.is_alive() for t in threads), "a sync did not finish"
    return results


def test_a_sync_started_while_another_runs_is_refused(till: Till, central: EmbeddedCentral) -> None:
    sales = [sell(till, n=i) for i in range(3)]
    with FaultProxy(central.url) as slow:
        slow.set_always("delay", delay_ms=300)
        point_at(till, slow.url)
        with till.client() as client:
            engine = till.sync_engine(client)
            reports = _together(engine.run_once, engine.run_once)
        pushes = slow.handled(PUSH)
    done = [r for r in reports if r.ok]
    refused = [r for r in reports if not r.ok]
    assert len(done) == 1 and len(refused) == 1, [r.error for r in reports]
    assert done[0].pushed == 3
    assert isinstance(refused[0].error, SyncBusy) and refused[0].error.code == "busy", refused[0].error
    assert "already running" in str(refused[0].error)
    assert refused[0].pushed == 0 and not refused[0].reached_central
    assert len(pushes) == 1 and pushes[0].forwarded == 1
    assert till.outbox.stats().pending == 0
    assert sorted(s.sale_id for s in central_sales(central)) == sorted(s.sale_id for s in sales)
    assert [e.seq for e in central_events(central)] == [1, 2, 3]


def test_two_engines_on_one_till_database_take_turns(till: Till, central: EmbeddedCentral) -> None:
    """The app's scheduler and `pos-client sync` each make their own engine: one waits its turn."""
    sales = [sell(till, n=i) for i in range(4)]
    with FaultProxy(central.url) as slow:
        slow.set_always("delay", delay_ms=300)
        point_at(till, slow.url)
        with till.client() as c1, till.client() as c2:
            reports = _together(till.sync_engine(c1).run_once, till.sync_engine(c2).run_once)
        pushes = slow.handled(PUSH)
    done = [r for r in reports if r.ok]
    refused = [r for r in reports if not r.ok]
    assert len(done) == 1 and len(refused) == 1, [r.error for r in reports]
    assert done[0].pushed == 4 and done[0].duplicates == 0
    assert isinstance(refused[0].error, SyncBusy) and refused[0].error.code == "busy", refused[0].error
    assert refused[0].pushed == 0 and not refused[0].reached_central
    assert len(pushes) == 1
    assert till.outbox.stats().pending == 0 and till.outbox.stats().rejected == 0
    assert sorted(s.sale_id for s in central_sales(central)) == sorted(s.sale_id for s in sales)
    assert [(e.seq, e.status) for e in central_events(central)] == [(i, "accepted") for i in range(1, 5)]


def test_two_unlocked_engines_pushing_the_same_batch_count_each_event_once(
        till: Till, central: EmbeddedCentral) -> None:
    """Exactly once must not rest on the till's lock (a stale lock, a copied data dir): engines
    made without it push the same events at the same moment, and central applies each once."""
    sales = [sell(till, n=i) for i in range(4)]
    with FaultProxy(central.url) as slow:
        slow.set_always("delay", delay_ms=300)
        point_at(till, slow.url)
        with till.client() as c1, till.client() as c2:
            engines = [make_engine(c, till.config.device.device_id, till.outbox, till.settings,
                                   till.applier) for c in (c1, c2)]
            reports = _together(engines[0].run_once, engines[1].run_once)
        pushes = slow.handled(PUSH)
    assert all(r.ok for r in reports), [r.error for r in reports]
    assert len(pushes) == 2 and all(h.status == 200 for h in pushes)  # both really sent the batch
    assert sum(r.pushed - r.duplicates for r in reports) == 4, [(r.pushed, r.duplicates) for r in reports]
    assert till.outbox.stats().pending == 0 and till.outbox.stats().rejected == 0
    assert sorted(s.sale_id for s in central_sales(central)) == sorted(s.sale_id for s in sales)
    assert [(e.seq, e.status) for e in central_events(central)] == [(i, "accepted") for i in range(1, 5)]
