#!/usr/bin/env bash
# One command for the Linux packages: bash installer/build_linux.sh [--check-install]
#   build/dist/pos-client/                       the PyInstaller one-folder bundle
#   build/pos-client-VERSION-linux-ARCH.tar.gz   the bundle as a tarball (unpack anywhere, run pos-client)
#   build/pos-client_VERSION_ARCH.deb            /opt/pos-client, /usr/bin/pos-client, desktop entry,
#                                                icon, udev rules, users added to dialout/lp/plugdev
# Each step prints its duration. The bundle's --self-test runs with a clean environment
# (env -i, a copy in a temporary folder, no project or venv on any path). With
# --check-install (as root), the .deb is installed, started (--self-test), a till's data
# is made, and it is removed and purged: the data must survive.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
CHECK_INSTALL=0
[ "${1:-}" = "--check-install" ] && CHECK_INSTALL=1
step_start=0
step() { step_start=$(date +%s); echo "== $*"; }
took() { echo "   ($(( $(date +%s) - step_start )) s)"; }

step "setting up (.venv, libzbar0, PyInstaller)"
bash scripts/bootstrap.sh test >/dev/null
if ! .venv/bin/python -c 'import PyInstaller' 2>/dev/null; then
  .venv/bin/python -m pip install -q "pyinstaller>=6.10"
fi
VERSION="$(.venv/bin/python -c 'import tomllib;print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')"
ARCH="$(dpkg --print-architecture 2>/dev/null || uname -m)"
took

step "PyInstaller one-folder build"
.venv/bin/pyinstaller --noconfirm --log-level WARN --distpath build/dist --workpath build/work \
  installer/pos-client.spec
BUNDLE=build/dist/pos-client
# CLDR data: only the till's languages (PyInstaller's babel hook takes all 1,100 locales).
find "$BUNDLE/_internal/babel/locale-data" -name '*.dat' \
  ! -name 'root.dat' ! -name 'en.dat' ! -name 'en_*.dat' ! -name 'zh.dat' ! -name 'zh_*.dat' -delete
echo "   bundle: $(du -sh "$BUNDLE" | cut -f1)"
took

step "self-test of the bundle in a clean environment"
CLEAN="$(mktemp -d)"
trap 'rm -rf "$CLEAN"' EXIT
cp -a "$BUNDLE" "$CLEAN/pos-client"
mkdir -p "$CLEAN/home"
(cd "$CLEAN" && env -i HOME="$CLEAN/home" PATH=/usr/bin:/bin LANG=C.UTF-8 ./pos-client/pos-client --self-test)
took

step "the bundle's window: demo central, till, checkout and payment screens (offscreen, clean environment)"
(cd "$CLEAN" && env -i HOME="$CLEAN/home" PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
  ./pos-client/pos-client screenshots --out "$CLEAN/shots" --sizes 1366x768 --languages zh_CN \
  --only checkout,payment 2>&1 | grep -v propagateSizeHints)
for shot in checkout payment; do
  f="$(ls "$CLEAN"/shots/zh_CN/1366x768/*-$shot.png 2>/dev/null | head -1)"
  [ -s "$f" ] || { echo "no $shot screenshot from the bundle" >&2; exit 1; }
done
took

step "tarball"
TARBALL="build/pos-client-$VERSION-linux-$ARCH.tar.gz"
tar -C build/dist -cf - pos-client | gzip -1 > "$TARBALL"
echo "   $TARBALL: $(du -h "$TARBALL" | cut -f1)"
took

step ".deb"
DEB="build/pos-client_${VERSION}_${ARCH}.deb"
STAGE="build/deb"
rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
  "$STAGE/usr/share/icons/hicolor/scalable/apps" "$STAGE/lib/udev/rules.d" "$STAGE/usr/share/doc/pos-client"
cp -a "$BUNDLE" "$STAGE/opt/pos-client"
ln -s /opt/pos-client/pos-client "$STAGE/usr/bin/pos-client"
install -m 644 installer/linux/pos-client.desktop "$STAGE/usr/share/applications/"
install -m 644 installer/linux/pos-client.svg "$STAGE/usr/share/icons/hicolor/scalable/apps/"
install -m 644 installer/linux/60-pos-client.rules "$STAGE/lib/udev/rules.d/"
install -m 644 resources/fonts/OFL.txt "$STAGE/usr/share/doc/pos-client/OFL-NotoSansSC.txt"
install -m 755 installer/linux/postinst installer/linux/postrm "$STAGE/DEBIAN/"
SIZE_KB="$(du -sk "$STAGE" | cut -f1)"
cat > "$STAGE/DEBIAN/control" <<CONTROL
Package: pos-client
Version: $VERSION
Architecture: $ARCH
Maintainer: POS client team <pos@example.invalid>
Installed-Size: $SIZE_KB
Depends: libc6 (>= 2.31), libfontconfig1, libegl1, libgl1, libxkbcommon0, libxkbcommon-x11-0, libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libxcb-image0, libxcb-render-util0, libxcb-shape0, libxcb-xinerama0, libxcb-randr0, libdbus-1-3, passwd
Recommends: fonts-noto-cjk
Section: misc
Priority: optional
Description: Offline-first point-of-sale till for omni-channel retail
 Sells, takes cash, card and wallet payments and prints receipts, also while the
 network is down; syncs with the chain's central platform. Ships its own Python,
 Qt, a Chinese font subset (Noto Sans SC, OFL) and the zbar library.
CONTROL
dpkg-deb --root-owner-group -Zgzip -z1 --build "$STAGE" "$DEB" >/dev/null
rm -rf "$STAGE"
echo "   $DEB: $(du -h "$DEB" | cut -f1)"
took

if [ "$CHECK_INSTALL" = 1 ]; then
  if [ "$(id -u)" -ne 0 ] || ! command -v dpkg >/dev/null; then
    echo "== install check skipped: needs root and dpkg"
  else
    step "install, start, uninstall the .deb (data must survive)"
    bash installer/linux/check_deb.sh "$DEB"
    took
  fi
fi
echo "== built $BUNDLE, $TARBALL, $DEB"
