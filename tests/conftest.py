"""Shared fixtures: a real central over loopback HTTP, real SQLite files, an offscreen Qt."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["POS_TOKEN_STORE"] = "file"

import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from central.db import session_factory
from central.devices import create_enrollment_code
from central.seed import seed_demo
from central.server import EmbeddedCentral
from pos_client.config import Paths, load_config, save_config
from pos_client.services.till import Till, enroll

TEST_PRODUCTS = 60
PG_URL = os.environ.get("POS_TEST_PG_URL", "")
PG_DB = PG_URL.rsplit("/", 1)[-1].split("?")[0] if PG_URL else ""


def _pg_reachable() -> bool:
    if not PG_URL:
        return False
    from sqlalchemy import create_engine, text

    try:
        engine = create_engine(PG_URL)
        with engine.connect() as conn:
            conn.execute(text("select 1"))
        engine.dispose()
        return True
    except Exception:
        return False


CENTRAL_ON_PG = _pg_reachable()


def pytest_report_header(config) -> str:
    if CENTRAL_ON_PG:
        return f"central tests run on PostgreSQL ({PG_URL.rsplit('@', 1)[-1]})"
    why = "POS_TEST_PG_URL is not set" if not PG_URL else f"{PG_URL} is not reachable"
    return f"central tests run on SQLite ({why})"


def _pg_admin():
    """An autocommit engine on the server's maintenance database, to create and drop databases."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    return create_engine(make_url(PG_URL).set(database="postgres"), isolation_level="AUTOCOMMIT")


def _pg_url(database: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(PG_URL).set(database=database).render_as_string(hide_password=False)


def _pg_recreate(database: str, template: str = "template0") -> None:
    """Drop and create a database, ending this role's own leftover sessions on it first (a
    test's engine that was never disposed); other roles' sessions are waited for."""
    from sqlalchemy import text
    from sqlalchemy.exc import OperationalError

    engine = _pg_admin()
    try:
        with engine.connect() as conn:
            for attempt in range(50):
                for db in {database, template}:
                    conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                      "WHERE datname = :db AND usename = current_user "
                                      "AND pid <> pg_backend_pid()"), {"db": db})
                try:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{database}"'))
                    conn.execute(text(f'CREATE DATABASE "{database}" TEMPLATE "{template}"'))
                    return
                except OperationalError:  # "is being accessed by other users": a session still ending
                    if attempt == 49:
                        raise
                    time.sleep(0.1)
    finally:
        engine.dispose()


def _sqlite_copy(src: Path, dst: Path) -> None:
    """A consistent copy through SQLite's backup API (a plain file copy could miss the WAL)."""
    import sqlite3

    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    a.close()
    b.close()


@dataclass(frozen=True)
class CentralTemplate:
    """A seeded central, and beside it a central with one till enrolled and bootstrapped.

    Seeding central and bootstrapping a till over HTTP took most of each integration test's
    time; both are made once per session and copied per test (SQLite's backup API, or
    PostgreSQL's CREATE DATABASE ... TEMPLATE), so every test still gets its own central
    database and its own till files, in exactly the state the slow path produced.
    """

    seeded: str  # a file path (SQLite) or a database name (PostgreSQL)
    enrolled: str
    till_dir: Path

    def central_url(self, which: str, tmp_path: Path) -> str:
        if CENTRAL_ON_PG:
            _pg_recreate(PG_DB, getattr(self, which))
            return PG_URL
        target = tmp_path / "central.db"
        _sqlite_copy(Path(getattr(self, which)), target)
        return f"sqlite:///{target}"


def _seed(url: str) -> None:
    server = EmbeddedCentral(url)
    with session_factory(server.app.state.engine)() as session:
        seed_demo(session, products=TEST_PRODUCTS, scale_items=False, promotions=False)
    server.app.state.engines.dispose()
    server._sock.close()


def _enroll_and_bootstrap(url: str, paths: Paths) -> None:
    server = EmbeddedCentral(url).start()
    try:
        enroll(paths, server.url, make_code(server), "test-till")
        t = Till(paths)
        with t.client() as client:
            report = t.sync_engine(client).run_once()
        assert report.ok, report.error
        t.close()
    finally:
        server.stop()


@pytest.fixture(scope="session")
def central_template(tmp_path_factory: pytest.TempPathFactory) -> CentralTemplate:
    root = tmp_path_factory.mktemp("template")
    till_dir = root / "till"
    if CENTRAL_ON_PG:
        seeded, enrolled = f"{PG_DB}_tpl_seeded", f"{PG_DB}_tpl_enrolled"
        _pg_recreate(seeded)
        _seed(_pg_url(seeded))
        _pg_recreate(enrolled, seeded)
        _enroll_and_bootstrap(_pg_url(enrolled), Paths.resolve(till_dir))
        return CentralTemplate(seeded, enrolled, till_dir)
    seeded, enrolled = root / "seeded.db", root / "enrolled.db"
    _seed(f"sqlite:///{seeded}")
    _sqlite_copy(seeded, enrolled)
    _enroll_and_bootstrap(f"sqlite:///{enrolled}", Paths.resolve(till_dir))
    return CentralTemplate(str(seeded), str(enrolled), till_dir)


@pytest.fixture
def central_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Central's database: PostgreSQL when the test command could start one, else SQLite.

    Empty, unless the test has this file's `central`, whose database it then names (a module
    that defines its own `central` on top of this fixture gets an empty database)."""
    if "central_from_template" in request.fixturenames:
        return PG_URL if CENTRAL_ON_PG else f"sqlite:///{tmp_path / 'central.db'}"
    if CENTRAL_ON_PG:
        _pg_recreate(PG_DB)
        return PG_URL
    return f"sqlite:///{tmp_path / 'central.db'}"


@pytest.fixture
def central_from_template() -> bool:
    """Marks a test whose `central` is this file's (copied from the session's template)."""
    return True


@pytest.fixture
def central(request: pytest.FixtureRequest, central_template: CentralTemplate, central_db_url: str,
            tmp_path: Path, central_from_template: bool) -> Iterator[EmbeddedCentral]:
    """A real central over loopback HTTP with the demo seeded (60 products, no promotions).

    When the test also asks for `till`, central already knows that till, as after enrolment.
    """
    which = "enrolled" if "till" in request.fixturenames else "seeded"
    url = central_template.central_url(which, tmp_path)
    assert url == central_db_url  # the test's own central_db_url names this very database
    server = EmbeddedCentral(url).start()
    server.template = which  # type: ignore[attr-defined]
    yield server
    server.stop()


def make_code(server: EmbeddedCentral, store: str = "S001") -> str:
    with session_factory(server.app.state.engine)() as session:
        code = create_enrollment_code(session, store)
        session.commit()
    return code


@pytest.fixture
def till_paths(tmp_path: Path) -> Paths:
    return Paths.resolve(tmp_path / "till")


@pytest.fixture
def till(central: EmbeddedCentral, till_paths: Paths,
         central_template: CentralTemplate) -> Iterator[Till]:
    """A till enrolled in S001 that has pulled the catalog, as after installation."""
    if getattr(central, "template", None) == "enrolled":
        _copy_till(central_template.till_dir, till_paths, central.url)
    else:  # a module's own central: enrol and bootstrap the slow way
        enroll(till_paths, central.url, make_code(central), "test-till")
        t = Till(till_paths)
        with t.client() as client:
            report = t.sync_engine(client).run_once()
        assert report.ok, report.error
        t.close()
    t = Till(till_paths)
    yield t
    t.close()


def _copy_till(template: Path, paths: Paths, central_url: str) -> None:
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    for item in template.iterdir():
        if item.name.startswith("pos.db"):
            continue
        if item.is_dir():
            shutil.copytree(item, paths.data_dir / item.name)
        else:
            shutil.copy2(item, paths.data_dir / item.name)
    _sqlite_copy(template / "pos.db", paths.database)
    config = load_config(paths.config_file)
    config.central.url = central_url
    save_config(paths.config_file, config)
