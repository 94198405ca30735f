"""Central answers a push only after its events are on disk, and never leaks a connection whose
commits skip the flush (see `central.events.EventBatch`)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, select

from central.events import EventBatch
from central.models import Device, ReceivedEvent
from central.server import EmbeddedCentral
from sync.client import CentralClient
from tests.conftest import make_code
from tests.integration.test_central_races import sale_event


def flush_settings(engine: Engine) -> list[str]:
    """The flush setting of every connection the pool would hand out next."""
    raws = [engine.raw_connection() for _ in range(max(engine.pool.checkedin(), 1))]
    try:
        settings = []
        for raw in raws:
            cur = raw.cursor()
            if engine.dialect.name == "sqlite":
                cur.execute("PRAGMA synchronous")
                settings.append({2: "full", 1: "normal", 0: "off", 3: "extra"}[cur.fetchone()[0]])
            else:
                cur.execute("SHOW synchronous_commit")
                settings.append("full" if cur.fetchone()[0] == "on" else "deferred")
            cur.close()
        return settings
    finally:
        for raw in raws:
            raw.close()


def register(central: EmbeddedCentral):
    with CentralClient(central.url) as anonymous:
        return anonymous.register(make_code(central), "durability", "test")


def test_pushes_leave_every_pooled_connection_flushing_again(central: EmbeddedCentral) -> None:
    enrolled = register(central)
    good = [sale_event(seq) for seq in range(1, 6)]
    bad = sale_event(6)
    bad.payload["total"] += 1  # rejected: lines do not add up
    with CentralClient(central.url, enrolled.token) as client:
        answers = client.push(enrolled.device_id, [*good, bad, good[0]]).results
    assert [a.status for a in answers] == ["accepted"] * 5 + ["rejected", "duplicate"]
    assert set(flush_settings(central.app.state.engines.write)) == {"full"}


def test_a_batch_that_fails_half_way_keeps_what_it_committed_and_poisons_no_connection(
        central: EmbeddedCentral) -> None:
    enrolled = register(central)
    engine = central.app.state.engines.write
    first = sale_event(1)
    with pytest.raises(RuntimeError, match="storage failed"), EventBatch(engine, enrolled.device_id) as batch:
        assert batch.apply(first).status == "accepted"
        raise RuntimeError("storage failed")  # whatever breaks the request after the first event
    with engine.connect() as conn:
        assert conn.scalar(select(ReceivedEvent.status).where(ReceivedEvent.event_id == first.event_id)) \
            == "accepted"
    assert set(flush_settings(engine)) == {"full"}


def test_the_barrier_commit_records_when_the_till_was_last_seen(central: EmbeddedCentral) -> None:
    enrolled = register(central)
    engine = central.app.state.engines.write
    before = datetime.now(UTC)
    with EventBatch(engine, enrolled.device_id):
        pass  # even an empty or all-duplicate push ends with the flushed commit
    with engine.connect() as conn:
        seen = conn.scalar(select(Device.last_seen_at).where(Device.id == enrolled.device_id))
    assert seen is not None and (seen if seen.tzinfo else seen.replace(tzinfo=UTC)) >= before
