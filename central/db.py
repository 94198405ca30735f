"""Database engines for central: an SQLite file by default, PostgreSQL through a URL.

On SQLite, writers begin with BEGIN IMMEDIATE: a deferred transaction that
reads and then writes fails at once with "database is locked" when another
writer committed in between, instead of waiting its turn.  Long reads (a
snapshot of a million products) use a separate engine whose transactions stay
deferred, so they never hold the write lock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from .models import CHAIN_SCOPE, Base, ChangeScope


def utcnow() -> datetime:
    return datetime.now(UTC)


def _sqlite_engine(url: str, *, immediate: bool) -> Engine:
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # SQLAlchemy's begin event below decides
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


@dataclass
class Engines:
    write: Engine
    read: Engine

    def dispose(self) -> None:
        self.write.dispose()
        if self.read is not self.write:
            self.read.dispose()


def make_engines(url: str) -> Engines:
    if url.startswith("sqlite"):
        return Engines(_sqlite_engine(url, immediate=True), _sqlite_engine(url, immediate=False))
    engine = create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=40)
    return Engines(engine, engine)


def make_engine(url: str) -> Engine:
    return make_engines(url).write


def init_db(engine: Engine) -> None:
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        if session.get(ChangeScope, CHAIN_SCOPE) is None:
            session.add(ChangeScope(scope=CHAIN_SCOPE, last_seq=0, min_seq=1))
            session.commit()


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def as_utc(value: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything central stores is UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)
