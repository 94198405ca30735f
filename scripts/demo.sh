#!/usr/bin/env bash
# The run command: sets everything up on a fresh Debian/Ubuntu machine, then opens the POS in demo mode.
# Extra arguments go to pos-client (e.g. --data-dir DIR).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/bootstrap.sh demo
exec .venv/bin/pos-client --demo "$@"
