#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-2-Clause
# Package check (called by `./build.sh test` inside a headless D-Bus/Xvfb session):
#   cpack -G DEB; apt-get install ./misp-sentinel-bridge_*.deb; run the INSTALLED binary
#   (--version, --help, headless `sync --dry-run` against msb-sandbox); desktop-file-validate;
#   appstreamcli validate --no-net; the icons and metainfo are where the desktop looks for them.
# Usage: installer/check-package.sh BUILD_DIR        (as root: it installs the package)
set -euo pipefail
BUILD=$(cd "${1:?usage: check-package.sh BUILD_DIR}" && pwd)
SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
APP_ID=io.github.mispsentinelbridge.MispSentinelBridge
fail=0
START=$SECONDS
step() { echo "--- package [$((SECONDS - START)) s]: $*"; }
bad() { echo "FAIL: $*" >&2; fail=1; }

step "cpack -G DEB"
rm -f "$BUILD"/misp-sentinel-bridge_*.deb
(cd "$BUILD" && cpack -G DEB >/dev/null)
DEB=$(ls "$BUILD"/misp-sentinel-bridge_*.deb | head -1)
[[ -f $DEB ]] || { echo "FAIL: no .deb was built" >&2; exit 1; }
echo "$DEB ($(du -h "$DEB" | cut -f1))"
dpkg-deb -f "$DEB" Package Version Depends Recommends | sed 's/^/  /'
depends=$(dpkg-deb -f "$DEB" Depends)
for want in libqt6core6 libqt6widgets6 libqt6sql6-sqlite; do
  grep -qE "(^|, )$want( |,|$)" <<<"$depends" || bad "Depends lacks $want (Qt 6 runtime / SQLite driver)"
done
recommends=$(dpkg-deb -f "$DEB" Recommends)
for want in 'libsecret-1-0' 'gnome-keyring | kwalletmanager' 'qt6-qpa-plugins'; do
  grep -qF "$want" <<<"$recommends" || bad "Recommends lacks $want"
done
contents=$(dpkg-deb -c "$DEB")
for path in ./usr/bin/misp-sentinel-bridge \
            "./usr/share/applications/$APP_ID.desktop" \
            "./usr/share/metainfo/$APP_ID.metainfo.xml" \
            "./usr/share/icons/hicolor/scalable/apps/$APP_ID.svg" \
            "./usr/share/icons/hicolor/48x48/apps/$APP_ID.png" \
            "./usr/share/icons/hicolor/256x256/apps/$APP_ID.png"; do
  grep -q " $path\$" <<<"$contents" || bad "the package lacks $path"
done
grep -qE ' \./usr/share/misp-sentinel-bridge/translations/misp-sentinel-bridge_[a-z]{2}\.qm$' <<<"$contents" \
  || bad "the package lacks the translations (.qm)"
if grep -qE ' \./usr/bin/(tst_|msb-sandbox|msb-render-icon)' <<<"$contents"; then bad "test or build tools in the package"; fi

step "apt-get install ./$(basename "$DEB")"
if [[ $(id -u) -ne 0 ]]; then
  echo "FAIL: must run as root to install the package" >&2; exit 1
fi
apt-get install -y -qq --no-install-recommends "$DEB" >/tmp/msb-apt.log 2>&1 || { tail -20 /tmp/msb-apt.log; exit 1; }
APP=/usr/bin/misp-sentinel-bridge

step "$APP --version / --help"
version=$("$APP" --version) || bad "--version exited $?"
echo "$version"
grep -q '^misp-sentinel-bridge [0-9]' <<<"$version" || bad "--version"
"$APP" --help | grep -q 'sync' || bad "--help does not list sync"
"$APP" sync --help | grep -q -- '--dry-run' || bad "sync --help"

step "headless sync --dry-run (installed binary) against msb-sandbox"
(
  source "$SRC/tests/demo/demo-env.sh"
  trap demo_stop EXIT
  demo_start "$BUILD" "$APP"
  out=$(env -u DISPLAY "$APP" sync --dry-run --json)
  echo "$out" | grep -q '"dryRun": true' || { echo "$out"; exit 1; }
  echo "$out" | grep -q '"exitCode": 0' || { echo "$out"; exit 1; }
  env -u DISPLAY "$APP" sync --dry-run | tail -6
) || bad "sync --dry-run from the installed binary"

step "desktop-file-validate"
desktop-file-validate "/usr/share/applications/$APP_ID.desktop" || bad "desktop-file-validate"
step "appstreamcli validate --no-net"
appstreamcli validate --no-net "/usr/share/metainfo/$APP_ID.metainfo.xml" || bad "appstreamcli validate"

if ((fail)); then echo "=== package check FAILED" >&2; exit 1; fi
echo "=== package check passed in $((SECONDS - START)) s"
