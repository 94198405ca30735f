#!/usr/bin/env bash
# The test command: sets everything up on a fresh Debian/Ubuntu machine, then lints and tests.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/bootstrap.sh test
export QT_QPA_PLATFORM=offscreen POS_TOKEN_STORE=file
echo "== ruff"
.venv/bin/ruff check .
echo "== pytest"
.venv/bin/python -m pytest "$@"
