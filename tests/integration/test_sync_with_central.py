"""A till against a real central over loopback HTTP: enrolment, catalog down, sales up, exactly once."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from central.server import EmbeddedCentral
from pos_client.config import Paths
from pos_client.domain.sale import Cashier
from pos_client.services.till import Till, enroll
from sync.client import CentralClient
from sync.errors import AuthRejected, CentralUnreachable
from sync.protocol import Event
from tests.conftest import TEST_PRODUCTS, make_code
from tests.helpers import central_events, central_level, central_lines, central_sales, central_stock

CASHIER = Cashier("staff-1", "1001", "李娜")


def first_barcodes(till: Till, n: int) -> list[str]:
    with till.engine.connect() as conn:
        return [r[0] for r in conn.execute(text("SELECT code FROM barcode ORDER BY rowid LIMIT :n"),
                                           {"n": n})]


def local_level(till: Till, sku: str) -> int | None:
    with till.engine.connect() as conn:
        return conn.execute(text("SELECT on_hand FROM stock_level WHERE sku = :s"), {"s": sku}).scalar()


def test_catalog_arrives_only_through_sync(till: Till) -> None:
    assert till.catalog.product_count() == TEST_PRODUCTS
    assert till.staff.count() == 5
    assert till.store_name() == "上海南京西路店"
    assert till.identity().store_code == "S001"
    assert till.identity().terminal_no == "01"


def test_sale_reaches_central_once_with_the_tills_totals(till: Till, central: EmbeddedCentral) -> None:
    codes = first_barcodes(till, 2)
    sku = till.catalog.by_barcode((codes[0],)).sku
    opening = central_level(central, "S001", sku)
    assert opening is not None and opening > 2
    assert local_level(till, sku) == opening  # stock levels come down with the catalog
    checkout = till.checkout()
    checkout.scan(codes[0])
    checkout.scan(codes[1])
    checkout.scan(codes[0])
    sale = checkout.complete_cash_sale(checkout.cart.total + 1000, CASHIER)
    assert till.outbox.stats().pending == 1

    with till.client() as client:
        report = till.sync_engine(client).run_once()
    assert report.ok and report.pushed == 1
    assert till.outbox.stats().pending == 0

    sales = central_sales(central)
    assert [(s.sale_id, s.receipt_no, s.total, s.change) for s in sales] == [
        (sale.sale_id, sale.receipt_no, sale.total, 1000)]
    lines = central_lines(central, sale.sale_id)
    assert [(ln.qty, ln.amount) for ln in lines] == [(ln.qty, ln.amount) for ln in sale.lines]
    assert central_stock(central, sale.lines[0].sku) == -2
    assert central_level(central, "S001", sku) == opening - 2
    with till.client() as client:
        till.sync_engine(client).run_once()
    assert local_level(till, sku) == opening - 2
    assert [e.type for e in central_events(central)] == ["sale.completed"]


def test_a_resent_event_is_a_duplicate_and_a_reused_id_is_rejected(till: Till,
                                                                    central: EmbeddedCentral) -> None:
    checkout = till.checkout()
    checkout.scan(first_barcodes(till, 1)[0])
    checkout.complete_cash_sale(checkout.cart.total, CASHIER)
    queued = till.outbox.pending(10)[0]
    event = Event(event_id=queued.event_id, type=queued.type, seq=queued.seq,
                  occurred_at=datetime.fromisoformat(queued.occurred_at), payload=queued.payload)
    with till.client() as client:
        first = client.push(till.config.device.device_id, [event])
        again = client.push(till.config.device.device_id, [event, event])
        tampered = event.model_copy(update={"payload": {**event.payload, "total": 1}})
        reused = client.push(till.config.device.device_id, [tampered])
    assert first.results[0].status == "accepted"
    assert [r.status for r in again.results] == ["duplicate", "duplicate"]
    assert reused.results[0].status == "rejected"
    assert reused.results[0].error is not None and reused.results[0].error.code == "event_id_reused"
    assert len(central_sales(central)) == 1


def test_malformed_event_is_kept_for_attention_not_dropped(till: Till, central: EmbeddedCentral) -> None:
    from pos_client.store.sales import OutgoingEvent, enqueue

    till.writer.run(lambda conn: enqueue(conn, OutgoingEvent(
        "0190f2c4-0000-7000-8000-000000000001", "sale.completed", datetime.now(UTC),
        {"sale_id": "x"})))
    with till.client() as client:
        report = till.sync_engine(client).run_once()
    assert report.ok and report.rejected == 1
    stats = till.outbox.stats()
    assert (stats.pending, stats.rejected) == (0, 1)
    kept = till.outbox.rejected()[0]
    assert kept["error_code"] == "invalid_payload"
    assert central_sales(central) == []


def test_enrolment_code_is_single_use(central: EmbeddedCentral, tmp_path) -> None:
    code = make_code(central)
    enroll(Paths.resolve(tmp_path / "a"), central.url, code)
    with pytest.raises(AuthRejected):
        enroll(Paths.resolve(tmp_path / "b"), central.url, code)
    with pytest.raises(AuthRejected):
        enroll(Paths.resolve(tmp_path / "c"), central.url, "WRONG-CODE-0000")


def test_token_is_kept_in_a_private_file_only_when_asked(central: EmbeddedCentral, tmp_path,
                                                          monkeypatch) -> None:
    paths = Paths.resolve(tmp_path / "t")
    enroll(paths, central.url, make_code(central))
    secret = paths.data_dir / "token.secret"
    assert secret.stat().st_mode & 0o777 == 0o600
    token = secret.read_text().split()[1]
    assert len(token) >= 32 and token not in paths.config_file.read_text()
    assert 'token_store = "file"' in paths.config_file.read_text()
    monkeypatch.setenv("POS_TOKEN_STORE", "keyring")
    import keyring
    from keyring.backends import fail

    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())
    from pos_client.services.token_store import TokenStoreUnavailable

    with pytest.raises(TokenStoreUnavailable, match="POS_TOKEN_STORE=file"):
        enroll(Paths.resolve(tmp_path / "u"), central.url, make_code(central))


def test_wrong_token_and_unreachable_central_are_typed(central: EmbeddedCentral) -> None:
    with CentralClient(central.url, "not-a-token") as client, pytest.raises(AuthRejected):
        client.changes(None)
    with CentralClient("http://127.0.0.1:9", "x") as client, pytest.raises(CentralUnreachable):
        client.health()


def test_a_second_sync_of_the_same_till_waits_its_turn(till: Till, central: EmbeddedCentral) -> None:
    from filelock import FileLock

    checkout = till.checkout()
    checkout.scan(first_barcodes(till, 1)[0])
    checkout.complete_cash_sale(checkout.cart.total, CASHIER)
    other_process = FileLock(till.paths.data_dir / "sync.lock")
    with other_process, till.client() as client:  # as if `pos-client sync` ran beside the app
        report = till.sync_engine(client).run_once()
    assert report.error is not None and report.error.code == "busy"
    assert till.outbox.stats().pending == 1 and central_sales(central) == []
    with till.client() as client:
        assert till.sync_engine(client).run_once().pushed == 1
