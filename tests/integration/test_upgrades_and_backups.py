"""Upgrades keep data, backups bring a till back, and a restored till never makes central count twice."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, text

from central.db import session_factory
from central.models import Note, Product, ReceivedEvent
from central.server import EmbeddedCentral
from pos_client.config import Paths, load_config, save_config
from pos_client.domain.sale import Cashier
from pos_client.services.backups import (
    HOURLY,
    RestoreRefused,
    pending_restore_check,
    restore,
)
from pos_client.services.till import Till, enroll
from pos_client.store.backup_files import inspect_file
from pos_client.store.database import current_revision, head_revision, make_engine, migrate
from tests.conftest import make_code
from tests.helpers import central_events, central_sales

LINA = Cashier("s1", "1001", "李娜")


def _central_sku(server: EmbeddedCentral) -> str:
    with session_factory(server.app.state.engine)() as s:
        return s.scalars(select(Product.sku).order_by(Product.sku)).first()


def _sell(till: Till):
    checkout = till.checkout()
    with till.engine.connect() as conn:
        code = conn.execute(text("SELECT b.code FROM barcode b JOIN price p ON p.sku = b.sku "
                                 "WHERE p.amount > 0 ORDER BY b.code LIMIT 1")).scalar()
    checkout.scan(code)
    return checkout.complete_cash_sale(checkout.cart.total, LINA)


def _sync(till: Till):
    with till.client() as client:  # the journal too, at once: a restored chain must not be refused
        report = till.sync_engine(client, flush_journal=True).run_once()
    assert report.ok, report.error
    return report


def test_a_database_from_migration_0002_keeps_its_sale_and_its_old_event_reaches_central(
        central: EmbeddedCentral, till_paths: Paths) -> None:
    enroll(till_paths, central.url, make_code(central), "old-till")
    sku = _central_sku(central)
    db = till_paths.database
    engine = make_engine(db)
    migrate(engine, db, till_paths.backups, to="0002")
    # A sale and its event exactly as a build of revision 0002 wrote them (no rounding, no
    # promotions, no member fields in the payload): the payload version of that time.
    payload = {"sale_id": "0190a0a0-0000-7000-8000-000000000001", "receipt_no": "S001-01-20260101-0001",
               "store_code": "S001", "terminal_no": "01", "cashier_id": "s1", "cashier_name": "李娜",
               "lines": [{"line_no": 1, "sku": sku, "name": "旧商品", "qty": 2, "unit_price": 350,
                          "amount": 700}],
               "subtotal": 700, "total": 700,
               "tenders": [{"kind": "cash", "amount": 700, "tendered": 1000, "change": 300}], "change": 300}
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO sale VALUES (:id, :r, '2026-01-01T02:00:00+00:00', 's1', '李娜', "
                          "700, 0, 700, 1000, 300)"), {"id": payload["sale_id"], "r": payload["receipt_no"]})
        conn.execute(text("INSERT INTO sale_line VALUES (:id, 1, :sku, NULL, '旧商品', 2, 350, 0, 700)"),
                     {"id": payload["sale_id"], "sku": sku})
        conn.execute(text("INSERT INTO sale_tender VALUES (:id, 0, 'cash', 700, 1000, 300)"),
                     {"id": payload["sale_id"]})
        conn.execute(text("INSERT INTO counter VALUES ('outbox_seq', 1), ('receipt:20260101', 1)"))
        conn.execute(text("INSERT INTO outbox VALUES (1, '0190a0a0-0000-7000-8000-0000000000e1', "
                          "'sale.completed', '2026-01-01T02:00:00+00:00', :p, 'pending', 3, NULL, NULL, "
                          "'2026-01-01T02:00:01+00:00')"), {"p": json.dumps(payload, ensure_ascii=False)})
    engine.dispose()

    till = Till(till_paths)  # the newer build: backs up, migrates, keeps everything
    try:
        assert current_revision(till.engine) == head_revision()
        kept = [p for p in till_paths.backups.iterdir() if "from-0002" in p.name]
        assert len(kept) == 1 and inspect_file(kept[0]).revision == "0002"
        assert inspect_file(kept[0]).pending_events == 1
        assert till.sales.by_receipt("S001-01-20260101-0001")["total"] == 700
        assert till.outbox.stats().pending == 1
        report = _sync(till)
        assert report.pushed == 1 and report.rejected == 0
        assert till.outbox.stats().pending == 0
        assert [s.receipt_no for s in central_sales(central)] == ["S001-01-20260101-0001"]
    finally:
        till.close()


def test_backups_rotate_in_the_configured_folder_and_one_is_made_at_every_z_report(
        till: Till, tmp_path: Path) -> None:
    share = tmp_path / "usb-stick"
    till.config.backup.dir = str(share)
    till.config.backup.keep = 2
    for _ in range(3):
        _sell(till)
        assert till.backups.backup_now(HOURLY).ok
    hourly = sorted(share.glob("pos-S001-*-hourly.db"))
    assert len(hourly) == 2, "rotated to the newest two"
    assert inspect_file(hourly[-1]).sales == 3 and inspect_file(hourly[-1]).integrity == "ok"
    assert not list(share.glob("*.partial"))

    shifts = till.shifts()
    shifts.open(LINA, 10_000)
    _sell(till)
    shifts.close(LINA, 10_000)
    till.backups.wait()
    z = list(share.glob("pos-S001-*-z.db"))
    assert len(z) == 1 and inspect_file(z[0]).sales == 4
    assert len(list(share.glob("pos-S001-*-hourly.db"))) == 2, "a Z backup does not push out hourly ones"

    # The stick is pulled out: the backup still lands beside the database, and says what failed.
    share_file = tmp_path / "not-a-folder"
    share_file.write_text("x")
    till.config.backup.dir = str(share_file)
    result = till.backups.backup_now(HOURLY)
    assert not result.ok and result.problems and result.written[0].parent == till.paths.backups
    assert till.backups.last()["problems"] == result.problems


def _point_at(paths: Paths, url: str) -> str:
    config = load_config(paths.config_file)
    old, config.central.url = config.central.url, url
    save_config(paths.config_file, config)
    return old


def test_a_till_restored_offline_from_an_old_backup_never_reuses_a_seq_and_nothing_counts_twice(
        till: Till, central: EmbeddedCentral) -> None:
    paths = till.paths
    first = _sell(till)
    _sync(till)
    backup = till.backups.backup_now(HOURLY).written[0]
    second = _sell(till)  # after the backup, reached central before the till died
    _sync(till)
    _sell(till)  # sold offline after the backup: this one is lost with the till (the README says so)
    before = {e.event_id: e.seq for e in central_events(central)}
    till.close()

    real_url = _point_at(paths, "http://127.0.0.1:9")  # central unreachable at restore time
    outcome = restore(paths, backup)
    assert not outcome.checked_with_central
    assert outcome.replaced_kept_at is not None and inspect_file(outcome.replaced_kept_at).sales == 3
    _point_at(paths, real_url)

    back = Till(paths)
    try:
        assert back.sales.by_receipt(first.receipt_no) is not None
        assert back.sales.by_receipt(second.receipt_no) is None
        assert pending_restore_check(back.engine) is not None
        fourth = _sell(back)  # sold offline after the restore, before the first sync
        report = _sync(back)
        assert report.rejected == 0
        assert pending_restore_check(back.engine) is None
    finally:
        back.close()
    events = central_events(central)
    seqs = [e.seq for e in events]
    assert len(seqs) == len(set(seqs)), "no seq central saw is given to another event"
    assert {e.event_id: e.seq for e in events if e.event_id in before} == before
    sale_ids = [s.sale_id for s in central_sales(central)]
    assert len(sale_ids) == len(set(sale_ids)) == 3, "first, second and fourth, each once"
    assert {first.sale_id, second.sale_id, fourth.sale_id} == set(sale_ids)
    with session_factory(central.app.state.engine)() as s:
        fourth_seq = s.scalar(select(ReceivedEvent.seq).where(
            ReceivedEvent.type == "sale.completed").order_by(ReceivedEvent.seq.desc()))
    assert fourth_seq > max(before.values())
    with session_factory(central.app.state.engine)() as s:
        kinds = sorted({n.kind for n in s.scalars(select(Note))})
    # No seq_gap: the renumbered events continue right after central's; the journal written
    # again from the backup's point is flagged for a person, as a rewritten history should be.
    assert kinds == ["journal_chain"]


def test_a_till_restored_online_continues_after_central_s_seq_and_receipt_numbers(
        till: Till, central: EmbeddedCentral) -> None:
    paths = till.paths
    _sell(till)
    backup = till.backups.backup_now(HOURLY).written[0]
    lost = _sell(till)
    _sync(till)
    highest = max(e.seq for e in central_events(central))
    till.close()

    outcome = restore(paths, backup)
    assert outcome.checked_with_central, outcome.detail
    back = Till(paths)
    try:
        assert pending_restore_check(back.engine) is None
        again = _sell(back)
        assert again.receipt_no != lost.receipt_no, "receipt numbers continue after central's"
        with back.engine.connect() as conn:
            seq = conn.execute(text("SELECT max(seq) FROM outbox")).scalar()
        assert seq > highest
        _sync(back)
    finally:
        back.close()
    seqs = [e.seq for e in central_events(central)]
    assert len(seqs) == len(set(seqs))


def test_restore_refuses_a_damaged_file_and_one_from_a_newer_build(till: Till, tmp_path: Path) -> None:
    good = till.backups.backup_now(HOURLY).written[0]
    damaged = tmp_path / "damaged.db"
    data = bytearray(good.read_bytes())
    data[100:4096 * 3] = b"\xff" * (4096 * 3 - 100)
    damaged.write_bytes(bytes(data))
    newer = tmp_path / "newer.db"
    newer.write_bytes(good.read_bytes())
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'z99_future'")
    till.close()
    before = inspect_file(till.paths.database).sales
    for bad, why in [(damaged, "damaged|not a"), (newer, "newer version"),
                     (tmp_path / "missing.db", "does not exist")]:
        with pytest.raises(RestoreRefused, match=why):
            restore(till.paths, bad, now=datetime.now(UTC))
    assert inspect_file(till.paths.database).sales == before, "the till's own file is untouched"


def test_a_restored_till_continues_refund_slip_and_z_numbers_after_central_s(
        till: Till, central: EmbeddedCentral) -> None:
    from pos_client.domain.returns import return_lines

    paths = till.paths
    backup = till.backups.backup_now(HOURLY).written[0]
    sale = _sell(till)  # made after the backup: lost with the disk, known to central
    service = till.returns()
    original = service.find_sale(sale.receipt_no)
    lost_refund = service.complete(original, return_lines(original, {1: (1, True)}), reason="defective",
                                   cashier=LINA, actor_role="cashier")
    shifts = till.shifts()
    shifts.open(LINA, 0)
    lost_z = shifts.close(LINA, sale.total - lost_refund.total).z_no
    _sync(till)
    till.close()

    assert restore(paths, backup).checked_with_central
    back = Till(paths)
    try:
        again = _sell(back)
        original = back.returns().find_sale(again.receipt_no)
        refund = back.returns().complete(original, return_lines(original, {1: (1, True)}), reason="defective",
                                         cashier=LINA, actor_role="cashier")
        assert refund.receipt_no > lost_refund.receipt_no, (refund.receipt_no, lost_refund.receipt_no)
        back.shifts().open(LINA, 0)
        assert back.shifts().close(LINA, again.total - refund.total).z_no == lost_z + 1
    finally:
        back.close()
