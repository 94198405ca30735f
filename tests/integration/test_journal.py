"""The journal end to end: written with each sale and login, verified by `pos-client journal verify`,
tampered with in the SQLite file, and sent to central, which catches a rewritten chain."""

from __future__ import annotations

import contextlib
import json
import sqlite3

from sqlalchemy import select

from central.db import session_factory
from central.models import AuditEntry, Note
from central.server import EmbeddedCentral
from pos_client.domain.journal import next_entry
from pos_client.domain.sale import Cashier
from pos_client.services.auth import LoginFailed
from pos_client.services.till import Till
from pos_client.store import journal
from sync.engine import SyncReport
from tests.helpers import run_main as run

CASHIER = Cashier("staff-x", "1001", "李娜")


def sell(till: Till) -> str:
    checkout = till.checkout()
    checkout.scan(code(till))
    return checkout.complete_cash_sale(10_000, CASHIER).receipt_no


def code(till: Till) -> str:
    with till.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT b.code FROM barcode b JOIN price p ON p.sku = b.sku "
                                    "ORDER BY b.code LIMIT 1").scalar_one()


def sync(till: Till) -> SyncReport:
    with till.client() as client:
        return till.sync_engine(client, flush_journal=True).run_once()


def verify(till: Till) -> tuple[int, dict]:
    result = run("pos_client", "journal", "verify", "--json", "--data-dir", str(till.paths.data_dir))
    assert result.stdout, result.stderr
    return result.returncode, json.loads(result.stdout)


def test_sales_and_logins_are_journaled_and_verify(till: Till) -> None:
    till.auth.login("1001", "1234")
    with contextlib.suppress(LoginFailed):
        till.auth.login("1001", "0000")
    receipt = sell(till)
    with till.engine.connect() as conn:
        kinds = [(e.kind, e.staff) for e in journal.entries(conn)]
        sale = next(e for e in journal.entries(conn) if e.kind == "sale")
        written = json.dumps([e.data for e in journal.entries(conn)])
    assert kinds == [("login", "1001"), ("login.failed", "1001"), ("sale", "1001"), ("drawer.opened", "1001")]
    assert sale.data["receipt_no"] == receipt and sale.data["tenders"]["cash"] > 0
    assert "0000" not in written  # a PIN typed is never journaled
    status, report = verify(till)
    assert status == 0 and report["ok"] and report["entries"] == 4


def tamper(till: Till, sql: str) -> None:
    """What someone with the database file and the sqlite3 tool could do."""
    with sqlite3.connect(till.paths.database) as db:
        db.execute(sql)


def test_an_edited_or_deleted_entry_is_caught_by_verify(till: Till) -> None:
    for _ in range(3):
        sell(till)
    tamper(till, "UPDATE journal SET data = replace(data, '\"total\": ', '\"total\": 1') WHERE seq = 3")
    status, report = verify(till)
    assert status == 1 and [(p["seq"], p["reason"]) for p in report["problems"]] == [(3, "edited")]

    tamper(till, "DELETE FROM journal WHERE seq = 4")
    status, report = verify(till)
    assert status == 1 and (5, "missing") in [(p["seq"], p["reason"]) for p in report["problems"]]
    text = run("pos_client", "journal", "verify", "--data-dir", str(till.paths.data_dir))
    assert text.returncode == 1 and "tampered with or damaged" in text.stderr


def test_entries_reach_central_and_a_rewritten_history_is_flagged_there(till: Till,
                                                                       central: EmbeddedCentral) -> None:
    sell(till)
    sell(till)
    assert sync(till).ok
    with session_factory(central.app.state.engine)() as s:
        held = s.scalars(select(AuditEntry).where(AuditEntry.device_id == till.config.device.device_id)
                         .order_by(AuditEntry.seq)).all()
        assert [a.kind for a in held] == ["sale", "drawer.opened", "sale", "drawer.opened"]

    # Someone lowers a sent sale's total and re-chains everything after it, so the file verifies.
    with till.engine.begin() as conn:
        every = list(journal.entries(conn))
        forged = [next_entry(every[1], every[2].at, "sale", "1001", {**every[2].data, "total": 1})]
        forged.append(next_entry(forged[-1], every[3].at, every[3].kind, every[3].staff, every[3].data))
        conn.exec_driver_sql("DELETE FROM journal WHERE seq >= 3")
        for e in forged:
            conn.exec_driver_sql("INSERT INTO journal VALUES (?, ?, ?, ?, ?, ?, ?)",
                                 (e.seq, e.at, e.kind, e.staff, json.dumps(e.data, sort_keys=True),
                                  e.prev_hash, e.hash))
    assert verify(till)[0] == 0  # the file alone cannot tell
    sell(till)  # the next entries chain from the forged ones
    assert sync(till).ok  # facts are never refused...
    with session_factory(central.app.state.engine)() as s:
        notes = s.scalars(select(Note).where(Note.kind == "journal_chain")).all()
        kept = s.scalars(select(AuditEntry.data).where(
            AuditEntry.seq == 3, AuditEntry.device_id == till.config.device.device_id)).one()
    assert len(notes) == 1 and "entry 5 does not follow" in notes[0].message  # ...but flagged
    assert kept["total"] != 1  # central keeps what it was sent first
