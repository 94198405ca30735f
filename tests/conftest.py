"""Shared fixtures: a real central over loopback HTTP, real SQLite files, an offscreen Qt."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["POS_TOKEN_STORE"] = "file"

from collections.abc import Iterator
from pathlib import Path

import pytest

from central.db import session_factory
from central.devices import create_enrollment_code
from central.seed import seed_demo
from central.server import EmbeddedCentral
from pos_client.config import Paths
from pos_client.services.till import Till, enroll

TEST_PRODUCTS = 60
PG_URL = os.environ.get("POS_TEST_PG_URL", "")


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


def _fresh_pg_schema() -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture
def central_db_url(tmp_path: Path) -> str:
    """Central's database: PostgreSQL when the test command could start one, else SQLite."""
    if CENTRAL_ON_PG:
        _fresh_pg_schema()
        return PG_URL
    return f"sqlite:///{tmp_path / 'central.db'}"


@pytest.fixture
def central(central_db_url: str) -> Iterator[EmbeddedCentral]:
    server = EmbeddedCentral(central_db_url).start()
    with session_factory(server.app.state.engine)() as session:
        seed_demo(session, products=TEST_PRODUCTS, scale_items=False, promotions=False)
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
def till(central: EmbeddedCentral, till_paths: Paths) -> Iterator[Till]:
    """A till enrolled in S001 that has pulled the catalog, as after installation."""
    enroll(till_paths, central.url, make_code(central), "test-till")
    t = Till(till_paths)
    with t.client() as client:
        report = t.sync_engine(client).run_once()
    assert report.ok, report.error
    yield t
    t.close()
