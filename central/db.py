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

from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from .models import CHAIN_SCOPE, Base, ChangeScope


def utcnow() -> datetime:
    return datetime.now(UTC)


def _sqlite_engine(url: str, *, immediate: bool) -> Engine:
    # Pools as large as the server's worker threads (anyio's default is 40): a request that
    # waits for a connection longer than the pool timeout would fail with a 500.
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30},
                           poolclass=QueuePool, pool_size=10, max_overflow=40, pool_timeout=60)

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
    engine = create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=40, pool_timeout=60)
    return Engines(engine, engine)


def defer_flush(conn: Connection, deferred: bool) -> None:
    """Let commits on this connection skip (or again wait for) the flush to disk.

    Only for a batch that ends with a flushed commit before anyone is told the outcome
    (see `events.EventBatch`).  SQLite in WAL mode with synchronous=NORMAL and
    PostgreSQL with synchronous_commit=off both keep commits atomic and in order; they
    only leave the last ones unflushed until a later flushed commit.
    """
    if conn.in_transaction():
        raise RuntimeError("change flushing between transactions, not inside one")
    if conn.dialect.name == "sqlite":
        # The driver runs in autocommit mode (see _sqlite_engine): no transaction is opened.
        conn.connection.dbapi_connection.execute(f"PRAGMA synchronous={'NORMAL' if deferred else 'FULL'}")
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SET synchronous_commit TO {'off' if deferred else 'on'}")
        conn.commit()


def make_engine(url: str) -> Engine:
    return make_engines(url).write


_ADDED_COLUMNS = {  # table: columns added after a database could already exist
    "products": ("pinyin VARCHAR(400) NOT NULL DEFAULT ''", "initials VARCHAR(200) NOT NULL DEFAULT ''"),
    "sale_lines": ("weight_g INTEGER",),
    "stores": ("variable_barcodes JSON", "cash_rounding VARCHAR(16) NOT NULL DEFAULT 'none'",
               "max_offline_coupon INTEGER NOT NULL DEFAULT 5000", "autolock_minutes INTEGER"),
    "online_refunds": ("reason VARCHAR(16) NOT NULL DEFAULT 'return'",),
}


def init_db(engine: Engine) -> None:
    """Create what is missing.  Central has no migration tool yet; the few columns added
    since the first release are added here to databases made before them."""
    Base.metadata.create_all(engine)
    with engine.begin() as conn:
        for table, columns in _ADDED_COLUMNS.items():
            have = {c["name"] for c in inspect(conn).get_columns(table)}
            for column in columns:
                if column.split()[0] not in have:
                    conn.exec_driver_sql(f"ALTER TABLE {table} ADD COLUMN {column}")
    with Session(engine) as session:
        if session.get(ChangeScope, CHAIN_SCOPE) is None:
            session.add(ChangeScope(scope=CHAIN_SCOPE, last_seq=0, min_seq=1))
            session.commit()


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def as_utc(value: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything central stores is UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)
