#!/usr/bin/env bash
# Install, start, uninstall and purge the .deb on this machine (root), checking that:
# the program runs from /usr/bin with a clean environment, a person's account is put in
# dialout/lp/plugdev, the udev rules and desktop entry are in place, and a till's data
# directory survives both `dpkg -r` and `dpkg --purge`.
set -euo pipefail
DEB="$(readlink -f "$1")"
USER_NAME="posdebcheck"
HOME_DIR="$(mktemp -d)"
cleanup() {
  userdel "$USER_NAME" 2>/dev/null || true
  rm -rf "$HOME_DIR"
}
trap cleanup EXIT
id "$USER_NAME" >/dev/null 2>&1 || useradd --home-dir "$HOME_DIR" --shell /bin/bash "$USER_NAME"

export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y -qq --no-install-recommends "$DEB" >/dev/null 2>&1; then
  apt-get update -qq >/dev/null 2>&1 || true
  apt-get install -y -qq --no-install-recommends "$DEB" >/dev/null
fi
fail() { echo "deb check FAILED: $*" >&2; exit 1; }
[ -x /usr/bin/pos-client ] || fail "/usr/bin/pos-client missing"
[ -f /usr/share/applications/pos-client.desktop ] || fail "desktop entry missing"
[ -f /usr/share/icons/hicolor/scalable/apps/pos-client.svg ] || fail "icon missing"
[ -f /lib/udev/rules.d/60-pos-client.rules ] || fail "udev rules missing"
for g in dialout lp plugdev; do
  id -nG "$USER_NAME" | tr ' ' '\n' | grep -qx "$g" || fail "$USER_NAME not in group $g"
done
echo "   installed: $(dpkg-query -W -f='${Package} ${Version}' pos-client); $USER_NAME in dialout, lp, plugdev"

run() { env -i HOME="$HOME_DIR" PATH=/usr/bin:/bin LANG=C.UTF-8 /usr/bin/pos-client "$@"; }
run --self-test | tail -1
run autolock 3 >/dev/null   # opens the till's own data directory under the home folder
DATA="$HOME_DIR/.local/share/pos-client/pos.db"
[ -f "$DATA" ] || fail "no till database at $DATA"
run backup >/dev/null
BEFORE="$(sha256sum "$DATA" | cut -d' ' -f1)"

dpkg -r pos-client >/dev/null
[ ! -e /usr/bin/pos-client ] && [ ! -d /opt/pos-client ] || fail "program left after dpkg -r"
dpkg --purge pos-client >/dev/null
[ -f "$DATA" ] || fail "the till's data did not survive uninstall"
[ "$(sha256sum "$DATA" | cut -d' ' -f1)" = "$BEFORE" ] || fail "the till's data changed on uninstall"
ls "$HOME_DIR/.local/share/pos-client/backups/"*.db >/dev/null || fail "backups did not survive"
echo "   removed and purged; the data directory and its backups are still there"
