#!/usr/bin/env bash
# The test command: sets everything up on a fresh Debian/Ubuntu machine, then lints and tests.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/bootstrap.sh test
export QT_QPA_PLATFORM=offscreen POS_TOKEN_STORE=file
if [ -z "${POS_TEST_PG_URL:-}" ]; then
  POS_TEST_PG_URL="$(bash scripts/postgres.sh || true)"
fi
export POS_TEST_PG_URL
if [ -n "$POS_TEST_PG_URL" ]; then
  echo "== central tests on PostgreSQL"
else
  echo "== PostgreSQL unavailable here: central tests on SQLite"
fi
echo "== ruff"
.venv/bin/ruff check .
echo "== pytest"
.venv/bin/python -m pytest "$@"
