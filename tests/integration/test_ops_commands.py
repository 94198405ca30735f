"""IT's commands for a till's life: backup, restore, diagnostics, and a database too new to open."""

from __future__ import annotations

import json
import logging
import sqlite3
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from pos_client.cli import main
from pos_client.domain.sale import Cashier
from pos_client.services.till import Till
from pos_client.store.backup_files import inspect_file

LINA = Cashier("s1", "1001", "李娜")


@pytest.fixture(autouse=True)
def _keep_root_logging() -> Iterator[None]:
    """main() sets up logging as the real command does; give the test run its handlers back."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for h in root.handlers:
        if h not in handlers:
            h.close()
    root.handlers[:] = handlers
    root.setLevel(level)


def _sell(till: Till) -> None:
    checkout = till.checkout()
    with till.engine.connect() as conn:
        code = conn.execute(text("SELECT b.code FROM barcode b JOIN price p ON p.sku = b.sku "
                                 "WHERE p.amount > 0 LIMIT 1")).scalar()
    checkout.scan(code)
    checkout.complete_cash_sale(checkout.cart.total, LINA)


def test_diagnostics_zip_has_logs_state_and_integrity_but_no_secret(
        till: Till, tmp_path: Path, capsys) -> None:
    _sell(till)
    data = str(till.paths.data_dir)
    token = (till.paths.data_dir / "token.secret").read_text().strip()
    assert token
    till.close()
    out = tmp_path / "diag.zip"
    assert main(["diagnostics", "--out", str(out), "--data-dir", data]) == 0
    assert "integrity ok" in capsys.readouterr().out
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        every = b"".join(zf.read(n) for n in names)
        summary = json.loads(zf.read("summary.json"))
        config = json.loads(zf.read("config.json"))
    assert token.encode() not in every, "the device token never leaves the till"
    assert "summary.json" in names and any(n.startswith("logs/") for n in names)
    assert summary["database"]["integrity_check"] == "ok" and summary["database"]["sales"] == 1
    assert summary["sync"]["outbox_depth"] >= 1 and summary["sync"]["last_sync_at"]
    assert summary["sync"]["cursor"] is not None
    assert summary["versions"]["schema_head"] and summary["versions"]["sqlite"]
    assert config["device"]["store_code"] == "S001"


def test_backup_and_restore_commands(till: Till, tmp_path: Path, capsys) -> None:
    _sell(till)
    data = str(till.paths.data_dir)
    till.close()
    assert main(["backup", "--json", "--data-dir", data]) == 0
    written = json.loads(capsys.readouterr().out)["written"]
    assert len(written) == 1 and inspect_file(Path(written[0])).sales == 1
    assert main(["status", "--json", "--data-dir", data]) == 0
    assert json.loads(capsys.readouterr().out)["last_backup"]["written"] == written
    assert main(["restore", str(tmp_path / "nope.db"), "--data-dir", data]) == 2
    assert "Nothing was changed" in capsys.readouterr().err
    assert main(["restore", written[0], "--data-dir", data]) == 0
    said = capsys.readouterr().out
    assert "1 sales" in said and "checked with central" in said


def test_every_command_refuses_a_database_from_a_newer_build_and_leaves_it_alone(
        till: Till, capsys) -> None:
    db = till.paths.database
    till.close()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'z99_future'")
    before = db.stat().st_size, inspect_file(db).sales
    for command in (["status"], ["sync"], ["backup"], ["lookup", "cola"]):
        assert main([*command, "--data-dir", str(till.paths.data_dir)]) == 3
        err = capsys.readouterr().err
        assert "newer version" in err and "z99_future" in err and "Nothing was changed" in err
    assert (db.stat().st_size, inspect_file(db).sales) == before
    assert not list(till.paths.backups.glob("*z99*"))


def test_the_language_is_chosen_for_the_next_start(tmp_path: Path, capsys) -> None:
    from pos_client.config import load_config

    data = tmp_path / "till"
    assert main(["language", "en", "--data-dir", str(data)]) == 0
    assert load_config(data / "config.toml").ui.language == "en"
    assert main(["language", "system", "--data-dir", str(data)]) == 0
    assert load_config(data / "config.toml").ui.language == ""
    assert "system" in capsys.readouterr().out


def test_restore_onto_a_fresh_machine_with_the_old_config(till: Till, tmp_path: Path, capsys) -> None:
    import shutil

    _sell(till)
    backup = till.backups.backup_now("manual").written[0]
    till.close()
    fresh = tmp_path / "new-machine"
    fresh.mkdir()
    shutil.copy(till.paths.config_file, fresh / "config.toml")
    shutil.copy(till.paths.data_dir / "token.secret", fresh / "token.secret")
    assert main(["restore", str(backup), "--data-dir", str(fresh)]) == 0
    assert "checked with central" in capsys.readouterr().out
    assert inspect_file(fresh / "pos.db").sales == 1
