#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-2-Clause
# The built-in demo (`./build.sh run`): msb-sandbox on 127.0.0.1 with the demo MISP events and
# three Sentinel workspaces in two tenants, a ready "Demo" profile, then
#   - with a display: the desktop application on the Demo profile;
#   - without one:    check, fetch, preview, dry run, sync, a second sync (sends nothing), history.
# Usage: tests/demo/run-demo.sh BUILD_DIR [--headless]
set -euo pipefail
BUILD=${1:?usage: run-demo.sh BUILD_DIR [--headless]}
BUILD=$(cd "$BUILD" && pwd)
APP="$BUILD/app/misp-sentinel-bridge"
HEADLESS=0
[[ ${2:-} == --headless || -z ${DISPLAY:-} ]] && HEADLESS=1
source "$(dirname "${BASH_SOURCE[0]}")/demo-env.sh"
trap demo_stop EXIT INT TERM
demo_start "$BUILD" "$APP"

echo "=== Demo: sandbox at $DEMO_URL (MISP, Entra ID, Sentinel emulators; nothing leaves 127.0.0.1)"
"$APP" profiles show Demo
if ((HEADLESS == 0)); then
  echo "=== Demo: opening the desktop application on profile Demo (close the window to end the demo)"
  "$APP" --profile Demo
  exit 0
fi

step() { echo; echo "=== Demo: misp-sentinel-bridge $*"; }
rc=0
step check;             "$APP" check || rc=$?
step fetch;             "$APP" fetch || rc=$?
step preview;           "$APP" preview || rc=$?
step sync --dry-run;    "$APP" sync --dry-run || rc=$?
step sync;              "$APP" sync || rc=$?
step "sync (again: incremental, nothing new to send)"; "$APP" sync || rc=$?
step history;           "$APP" history || rc=$?
echo
if ((rc == 0)); then
  echo "=== Demo finished successfully: every step exited 0."
else
  echo "=== Demo finished with exit code $rc (see above)." >&2
fi
exit "$rc"
