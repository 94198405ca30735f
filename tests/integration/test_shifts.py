"""Shifts against real SQLite and a real central: the drawer's story arrives once and adds up."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import httpx
import pytest
from sqlalchemy import select, text

from central.db import session_factory
from central.models import CashMovement, Note, TillShift
from central.server import EmbeddedCentral
from pos_client.domain.sale import Cashier
from pos_client.domain.shifts import ShiftError
from pos_client.services.checkout import CheckoutService
from pos_client.services.shifts import ShiftService
from pos_client.services.till import Till
from pos_client.services.token_store import token_store
from pos_client.store import journal
from pos_client.store.database import backup_file
from tests.helpers import central_events

LINA = Cashier("s1", "1001", "李娜")
FANG = Cashier("s3", "2001", "王芳")


def sell(till: Till, extra: int = 0, items: int = 1):
    checkout = CheckoutService(till.catalog, till.writer, till.identity())
    with till.engine.connect() as conn:
        codes = [r[0] for r in conn.execute(text(
            "SELECT b.code FROM barcode b JOIN price p ON p.sku = b.sku WHERE p.amount > 0 LIMIT :n"),
            {"n": items})]
    for code in codes:
        checkout.scan(code)
    return checkout.complete_cash_sale(checkout.cart.total + extra, LINA)


def sync(till: Till) -> None:
    with till.client() as client:
        assert till.sync_engine(client).run_once().ok


def test_a_shift_counts_its_own_cash_sales_and_closes_with_a_numbered_z(
        till: Till, central: EmbeddedCentral) -> None:
    before = sell(till)  # before any shift: not this shift's cash
    shifts = till.shifts()
    shift = shifts.open(LINA, 20_000)
    with pytest.raises(ShiftError, match="already_open"):
        shifts.open(LINA, 0)
    sales = [sell(till, extra=1_000, items=2), sell(till)]
    cash = sum(s.total for s in sales)
    assert shifts.expected_now() == 20_000 + cash
    out = shifts.move(FANG, "supervisor", "out", 10_000, "safe_drop", "lunch drop")
    shifts.move(LINA, "cashier", "in", 500, "change_delivery")
    with pytest.raises(ShiftError, match="approval_needed"):
        shifts.move(LINA, "cashier", "out", 100, "safe_drop")
    with pytest.raises(ShiftError, match="not_enough_cash"):
        shifts.move(FANG, "supervisor", "out", 10**6, "safe_drop")

    x = shifts.x_report(LINA, "cashier")
    assert x.kind == "X" and not x.show_expected and x.expected_cash == 20_000 + cash - 10_000 + 500
    assert shifts.current() is not None  # an X report closes nothing

    z = shifts.close(LINA, 20_000 + cash - 10_000 + 500 - 300)  # 3 yuan short
    assert (z.z_no, z.over_short, z.sales.sale_count, z.sales.cash_sales) == (1, -300, 2, cash)
    assert shifts.current() is None
    sell(till)  # after the close, before the next open: nobody's shift
    second = till.shifts().open(FANG, 0)
    closed = till.shifts().close(FANG, 0)
    assert (closed.z_no, closed.sales.sale_count, closed.over_short) == (2, 0, 0)  # numbers go on
    assert before.receipt_no not in {s.receipt_no for s in sales}

    with till.engine.connect() as conn:
        entries = list(journal.entries(conn))
    drawer = [e.data for e in entries if e.kind == "drawer.opened" and "shift_id" in e.data]
    assert [d["reason"] for d in drawer] == ["opening float", "cash out", "cash in", "opening float"]
    assert any(e.kind == "shift.closed" and e.data["over_short"] == -300 for e in entries)

    sync(till)
    types = [e.type for e in central_events(central)]
    assert types.count("shift.opened") == 2 and types.count("cash.moved") == 2
    assert types.count("shift.closed") == 2
    with session_factory(central.app.state.engine)() as s:
        row = s.get(TillShift, shift.shift_id)
        assert (row.z_no, row.opening_float, row.cash_sales, row.cash_out, row.over_short) == (
            1, 20_000, cash, 10_000, -300)
        assert s.get(CashMovement, out.movement_id).note == "lunch drop"
        assert s.get(TillShift, second.shift_id).z_no == 2

    token = token_store(till.paths.data_dir, "file").get(till.config.device.device_id)
    day = datetime.now(ZoneInfo("Asia/Shanghai")).date().isoformat()
    answer = httpx.get(f"{central.url}/api/v1/reports/shifts", params={"store": "S001", "date": day},
                       headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 200, answer.text
    report = answer.json()
    assert [s["z_no"] for s in report["shifts"]] == [1, 2] and report["over_short"] == -300
    assert [m["reason"] for m in report["shifts"][0]["movements"]] == ["safe_drop", "change_delivery"]
    cli = subprocess.run([sys.executable, "-m", "central.cli", "shifts", "--db", central.db_url,
                          "--store", "S001", "--date", day, "--json"], capture_output=True, text=True,
                         timeout=60)
    assert cli.returncode == 0, cli.stderr
    assert json.loads(cli.stdout)["over_short"] == -300


def test_a_z_number_given_out_twice_is_accepted_with_a_conflict(till: Till, central: EmbeddedCentral,
                                                                 tmp_path) -> None:
    """A till restored from an old backup hands out a Z number again: central keeps both shifts."""
    saved = backup_file(till.paths.database, tmp_path, "before-shift")
    first = till.shifts()
    first.open(LINA, 0)
    first.close(LINA, 0)
    sync(till)
    till.engine.dispose()
    till.paths.database.unlink()
    for suffix in ("-wal", "-shm"):
        till.paths.database.with_name(till.paths.database.name + suffix).unlink(missing_ok=True)
    saved.rename(till.paths.database)
    restored = Till(till.paths)
    try:
        # The restored till's event numbers restart too; central notes that as a gap/replay.
        again = restored.shifts()
        again.open(LINA, 0)
        assert again.close(LINA, 0).z_no == 1
        with restored.client() as client:
            restored.sync_engine(client).run_once()
    finally:
        restored.close()
    with session_factory(central.app.state.engine)() as s:
        assert len(s.scalars(select(TillShift).where(TillShift.z_no == 1)).all()) == 2
        assert s.scalars(select(Note).where(Note.kind == "z_number_reused")).first() is not None


def test_central_refuses_a_z_report_whose_figures_do_not_add_up(till: Till, central: EmbeddedCentral) -> None:
    shifts = till.shifts()
    shifts.open(LINA, 1_000)
    shifts.close(LINA, 1_000)
    with till.engine.begin() as conn:
        row = conn.execute(text("SELECT seq, payload FROM outbox WHERE type = 'shift.closed'")).one()
        payload = json.loads(row.payload)
        payload["counted_cash"] += 100  # over/short no longer follows
        conn.execute(text("UPDATE outbox SET payload = :p WHERE seq = :s"),
                     {"p": json.dumps(payload), "s": row.seq})
    sync(till)
    rejected = till.outbox.rejected()
    assert [(r["type"], r["error_code"]) for r in rejected] == [("shift.closed", "totals_mismatch")]


def test_clock_going_backwards_does_not_move_sales_between_shifts(till: Till) -> None:
    later = datetime.now(UTC) + timedelta(days=1)
    shifts = ShiftService(till.engine, till.writer, till.identity(), clock=lambda: later)
    shifts.open(LINA, 0)
    sale = sell(till)  # stamped with the real (earlier) clock
    assert shifts.close(LINA, sale.total).over_short == 0


def test_autolock_minutes_are_a_till_setting(till_paths, capsys) -> None:
    from pos_client.cli import main
    from pos_client.services.staff_lock import autolock_minutes

    assert main(["autolock", "--data-dir", str(till_paths.data_dir)]) == 0
    assert "5 minutes" in capsys.readouterr().out
    assert main(["autolock", "12", "--data-dir", str(till_paths.data_dir)]) == 0
    assert main(["autolock", "-1", "--data-dir", str(till_paths.data_dir)]) == 2
    till = Till(till_paths)
    try:
        assert autolock_minutes(till.settings) == 12
    finally:
        till.close()


def test_cash_paid_back_to_customers_comes_off_the_drawer(till: Till) -> None:
    """A refund recorded as a sale with a negative cash tender (how returns will pay out)."""
    from pos_client.domain.sale import Sale, SoldLine, Tender
    from pos_client.store.sales import insert_sale

    shifts = till.shifts()
    shifts.open(LINA, 10_000)
    sold = sell(till)
    line = SoldLine(1, "SKU-R", None, "退货", "return", "个", -1, 300, 0)
    refund = Sale("refund-1", "S001-01-20261203-9001", "S001", "01", LINA, datetime.now(UTC), (line,),
                  (Tender(kind="cash", amount=-300, tendered=-300),))
    till.writer.run(lambda conn: insert_sale(conn, refund))
    z = shifts.close(LINA, 10_000 + sold.total - 300)
    assert (z.sales.cash_sales, z.sales.cash_refunds, z.over_short, z.sales.sale_count) == (
        sold.total, 300, 0, 2)
