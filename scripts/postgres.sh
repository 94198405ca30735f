#!/usr/bin/env bash
# Makes a local PostgreSQL available for central's tests, where this machine allows it:
# installs the Debian package if missing, starts the cluster, creates the pos_test role and
# database. Prints the SQLAlchemy URL on stdout when it is usable, nothing otherwise.
set -uo pipefail
log() { echo "$*" >&2; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if sudo -n true 2>/dev/null; then SUDO="sudo -n"; else log "postgres: not root and no sudo; skipping"; exit 0; fi
fi
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  command -v apt-get >/dev/null 2>&1 || { log "postgres: no apt-get; skipping"; exit 0; }
  log "== installing PostgreSQL"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null \
    || { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq \
         --no-install-recommends postgresql >/dev/null; } || { log "postgres: install failed; skipping"; exit 0; }
fi
VER=$(ls /etc/postgresql 2>/dev/null | sort -n | tail -1)
[ -n "$VER" ] || { log "postgres: no cluster configured; skipping"; exit 0; }
$SUDO pg_ctlcluster "$VER" main start >/dev/null 2>&1 || true
for _ in $(seq 30); do
  $SUDO su postgres -c "psql -tAc 'select 1'" >/dev/null 2>&1 && break
  sleep 0.5
done
psql_admin() { $SUDO su postgres -c "psql -v ON_ERROR_STOP=1 -tAc \"$1\"" >/dev/null 2>&1; }
psql_admin "select 1" || { log "postgres: server did not start; skipping"; exit 0; }
$SUDO su postgres -c "psql -tAc \"select 1 from pg_roles where rolname='pos_test'\"" 2>/dev/null | grep -q 1 \
  || psql_admin "create role pos_test login password 'pos_test' createdb"
$SUDO su postgres -c "psql -tAc \"select 1 from pg_database where datname='pos_test'\"" 2>/dev/null | grep -q 1 \
  || psql_admin "create database pos_test owner pos_test"
echo "postgresql+psycopg://pos_test:pos_test@127.0.0.1:5432/pos_test"
