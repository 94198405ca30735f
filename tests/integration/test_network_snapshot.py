"""The network stock snapshot against a real central: pulled by the sync (only what moved since its
cursor), kept on the till, and shown by the guide screen when central is away, with its age, for a
product never looked up live."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select, text

from central.db import session_factory
from central.models import Store
from central.server import EmbeddedCentral
from central.stock import move_stock
from pos_client.services.guide import GuideService
from pos_client.services.network_snapshot import refresh
from pos_client.services.till import Till
from pos_client.store import network_snapshot as kept
from sync.client import CentralClient
from tests.helpers import central_level

DEAD = "http://127.0.0.1:9"
MILK = "SKU0000003"


def sync(till: Till) -> None:
    """A sync as the till app runs it: the snapshot is refreshed after the pull."""
    with till.client() as client:
        report = till.sync_engine(client, network_snapshot=True).run_once()
    assert report.ok, report.error


def test_the_sync_keeps_a_snapshot_that_the_guide_shows_offline_with_its_age(
    till: Till, central: EmbeddedCentral
) -> None:
    assert kept.cursor(till.engine) == 0  # nothing yet: the first pull is the whole snapshot
    with till.client() as client:
        first = refresh(client, till.engine, pages=100, limit=50)  # small pages: several of them
    assert first > 0 and kept.cursor(till.engine) > 0
    with till.engine.connect() as conn:
        locations = conn.execute(text("SELECT store_code FROM network_snapshot_location ORDER BY rank")).all()
        rows = conn.execute(text("SELECT count(*) FROM network_snapshot_row")).scalar()
    assert [c for (c,) in locations] == ["S001", "W001", "S002", "S003"]  # nearest first
    assert rows >= 4 * 50  # every location's SKUs (the demo seeds each)
    # S002 sells two; the next sync brings that figure alone (a delta since the cursor).
    with session_factory(central.app.state.engine)() as s:
        s002 = s.scalar(select(Store.id).where(Store.code == "S002"))
        move_stock(s, s002, MILK, -2, "sale")
        s.commit()
    with till.client() as client:
        assert refresh(client, till.engine) == 1  # only that figure moved
    with session_factory(central.app.state.engine)() as s:
        move_stock(s, s002, MILK, -1, "sale")
        s.commit()
    sync(till)  # the till's own sync refreshes it too
    with till.engine.connect() as conn:
        at = conn.execute(text("SELECT on_hand FROM network_snapshot_row WHERE store_code='S002' AND sku=:s"),
                          {"s": MILK}).scalar()
        assert conn.execute(select(func.count()).select_from(text("network_snapshot_row"))).scalar() == rows
    assert at == central_level(central, "S002", MILK)

    # Central is away; MILK was never looked up live on this till: the snapshot, with its age.
    assert till.guide().data.last_network(MILK) is None
    synced = kept.read(till.engine, [MILK])[2]
    later = GuideService(till.catalog, till.writer, till.identity(), lambda: CentralClient(DEAD),
                         clock=lambda: synced + timedelta(minutes=7))
    view = later.network(MILK)
    assert view.snapshot and not view.live and not view.own_store_only
    assert int(view.age_seconds(synced + timedelta(minutes=7))) == 420
    s002_view = next(loc for loc in view.stock.locations if loc.store_code == "S002")
    assert s002_view.skus[0].on_hand == at and s002_view.as_of == synced
