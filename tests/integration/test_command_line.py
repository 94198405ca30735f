"""The commands IT and scripts use, run as real processes against a real central."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from central.server import EmbeddedCentral
from pos_client.config import Paths
from tests.conftest import make_code


def run(*args: str, env: dict | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "POS_TOKEN_STORE": "file", **(env or {})}
    return subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True,
                          env=full_env, timeout=timeout)


def test_enroll_sync_and_status_as_it_would(central: EmbeddedCentral, tmp_path: Path) -> None:
    data = str(tmp_path / "till")
    status = run("pos_client", "status", "--json", "--data-dir", data)
    assert status.returncode == 0, status.stderr
    before = json.loads(status.stdout)
    assert before["enrolled"] is False and before["online"] is False

    enrolled = run("pos_client", "enroll", "--central", central.url, "--code", make_code(central),
                   "--data-dir", data)
    assert enrolled.returncode == 0, enrolled.stderr
    assert "store S001" in enrolled.stdout

    synced = run("pos_client", "sync", "--data-dir", data)
    assert synced.returncode == 0, synced.stderr
    assert "pulled" in synced.stdout

    # Enrolment recorded the file store it was told to use: later commands need no variable.
    status = json.loads(run("pos_client", "--data-dir", data, "status", "--json",
                            env={"POS_TOKEN_STORE": ""}).stdout)
    assert status["online"] is True, status["detail"]
    assert status["outbox_depth"] == 0 and status["oldest_unsent_age_s"] is None
    assert status["product_count"] > 0 and status["last_sync_at"]


def test_sync_exits_non_zero_when_central_is_unreachable(central: EmbeddedCentral, tmp_path: Path) -> None:
    data = tmp_path / "till"
    assert run("pos_client", "enroll", "--central", central.url, "--code", make_code(central),
               "--data-dir", str(data)).returncode == 0
    config = data / "config.toml"
    config.write_text(config.read_text().replace(central.url, "http://127.0.0.1:9"))
    result = run("pos_client", "sync", "--data-dir", str(data))
    assert result.returncode == 1
    assert "unreachable" in result.stderr
    status = json.loads(run("pos_client", "status", "--json", "--data-dir", str(data)).stdout)
    assert status["online"] is False


def test_enrolment_without_a_keyring_names_the_file_opt_in(central: EmbeddedCentral, tmp_path: Path) -> None:
    result = run("pos_client", "enroll", "--central", central.url, "--code", make_code(central),
                 "--data-dir", str(tmp_path / "t"),
                 env={"POS_TOKEN_STORE": "keyring",
                      "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
    assert result.returncode == 3
    assert "POS_TOKEN_STORE=file" in result.stderr
    assert not Paths.resolve(tmp_path / "t").config_file.exists()


def test_self_test_passes() -> None:
    result = run("pos_client", "--self-test")
    assert result.returncode == 0, result.stderr
    assert "self-test passed" in result.stdout


def test_app_without_a_display_explains_how_to_run_it(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    for args in (("pos_client", "--data-dir", str(tmp_path)),
                 ("pos_client", "--demo", "--data-dir", str(tmp_path))):
        result = subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True, env=env,
                                timeout=60)
        assert result.returncode == 2
        assert "No display found" in result.stderr and "xvfb-run" in result.stderr
        assert "Traceback" not in result.stderr


def test_central_cli_seeds_and_prints_the_code_last(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'c.db'}"
    seeded = run("central.cli", "seed-demo", "--db", db, "--products", "30")
    assert seeded.returncode == 0, seeded.stderr
    # the demo web shop's home deliveries, routed to the Shanghai store nearest the addresses
    assert seeded.stdout.count("ships from S001") == 2, seeded.stdout
    code = run("central.cli", "enroll", "--db", db, "--store", "S002")
    assert code.returncode == 0
    last = code.stdout.strip().splitlines()[-1]
    assert len(last.replace("-", "")) == 12
    missing = run("central.cli", "enroll", "--db", db, "--store", "S999")
    assert missing.returncode == 2 and "S999" in missing.stderr
