"""`pos-client diagnostics --out FILE.zip`: what support needs, and no secret.

Everything is read without changing the till: the database is opened read-only (so a
file from a newer build, or a damaged one, is reported rather than migrated or
"repaired"), the token file is never read, and secret-looking config keys are blanked.
"""

from __future__ import annotations

import json
import platform
import sqlite3
import sys
import tomllib
import zipfile
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from pos_client.config import Paths
from pos_client.store.backup_files import inspect_file
from pos_client.store.database import head_revision, known_revisions

SECRET_WORDS = ("token", "secret", "password", "passwd", "pin", "key", "credential")
SECRET_FILES = ("token.secret",)


def _scrub(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: ("<removed>" if any(w in k.lower() for w in SECRET_WORDS) else _scrub(v))
                for k, v in value.items()}
    if isinstance(value, list):
        return [_scrub(v) for v in value]
    return value


def scrubbed_config(config_file: Path) -> dict:
    if not config_file.exists():
        return {"_note": f"no config file at {config_file}"}
    try:
        raw = tomllib.loads(config_file.read_text("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        return {"_note": f"config file unreadable: {exc}"}
    return _scrub(raw)


def versions() -> dict:
    found: dict[str, Any] = {"python": sys.version, "platform": platform.platform(),
                             "frozen": bool(getattr(sys, "frozen", False)),
                             "sqlite": sqlite3.sqlite_version, "schema_head": head_revision()}
    for dist in ("pos-client", "PySide6-Essentials", "shiboken6", "SQLAlchemy", "alembic", "httpx",
                 "pydantic"):
        try:
            found[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            found[dist] = None
    return found


def _settings(db: Path) -> dict[str, Any]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT key, value FROM settings").fetchall()
    except sqlite3.DatabaseError:
        return {}
    finally:
        conn.close()
    out = {}
    for key, raw in rows:
        try:
            out[key] = json.loads(raw)
        except (TypeError, ValueError):
            out[key] = raw
    return out


def sync_state(db: Path) -> dict:
    if not db.exists():
        return {"_note": "no database yet"}
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        by_state = dict(conn.execute("SELECT state, count(*) FROM outbox GROUP BY state").fetchall())
        oldest = conn.execute("SELECT min(created_at) FROM outbox WHERE state = 'pending'").fetchone()[0]
        rejected = [dict(zip(("seq", "type", "error_code", "error_message"), r, strict=True)) for r in
                    conn.execute("SELECT seq, type, error_code, error_message FROM outbox "
                                 "WHERE state = 'rejected' ORDER BY seq LIMIT 50").fetchall()]
        seq = conn.execute("SELECT value FROM counter WHERE name = 'outbox_seq'").fetchone()
    except sqlite3.DatabaseError as exc:
        return {"_note": f"sync tables unreadable: {exc}"}
    finally:
        conn.close()
    settings = _settings(db)
    login_keys = [k for k in settings if "pin" in k.lower() or "login" in k.lower()]
    return {
        "outbox_depth": by_state.get("pending", 0), "needs_attention": by_state.get("rejected", 0),
        "oldest_unsent_at": oldest, "outbox_seq": seq[0] if seq else 0, "rejected": rejected,
        "last_sync_at": settings.get("sync.last_success_at"), "cursor": settings.get("sync.cursor"),
        "clock_skew_seconds": settings.get("sync.clock_skew_seconds"),
        "last_backup": settings.get("backup.last"),
        "restore_check_pending": settings.get("restore.pending_check"),
        "settings_keys": sorted(k for k in settings if k not in login_keys),
    }


def write_diagnostics(paths: Paths, out: Path, now: datetime | None = None) -> dict:
    """Write the zip; returns its summary (also inside it as summary.json)."""
    now = now or datetime.now(UTC)
    db = paths.database
    if db.exists():
        info = inspect_file(db)
        database = {"path": str(db), "bytes": db.stat().st_size, "revision": info.revision,
                    "revision_known_to_this_build": info.revision in known_revisions(),
                    "integrity_check": info.integrity, "sales": info.sales,
                    "pending_events": info.pending_events}
    else:
        database = {"path": str(db), "_note": "no database yet"}
    summary = {"made_at": now.isoformat(), "data_dir": str(paths.data_dir), "versions": versions(),
               "database": database, "sync": sync_state(db)}
    out.parent.mkdir(parents=True, exist_ok=True)
    logs: list[str] = []
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("summary.json", json.dumps(summary, ensure_ascii=False, indent=2, default=str))
        zf.writestr("config.json", json.dumps(scrubbed_config(paths.config_file), ensure_ascii=False,
                                              indent=2))
        if paths.logs.is_dir():
            for f in sorted(paths.logs.iterdir()):
                if f.is_file() and f.name not in SECRET_FILES:
                    zf.write(f, f"logs/{f.name}")
                    logs.append(f.name)
    summary["logs"] = logs
    return summary
