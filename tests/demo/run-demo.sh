#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-2-Clause
# The built-in demo (`./build.sh run`): msb-sandbox on 127.0.0.1 with the demo MISP events and
# three Sentinel workspaces in two tenants, a ready "Demo" profile, then
#   - with a display: the desktop application on the Demo profile;
#   - without one:    check, fetch, preview, dry run, sync, a second sync (sends nothing), history.
#   - with --screenshot FILE (and a display, e.g. under xvfb-run): the GUI fetches, dry-runs and
#     syncs the demo on its own and saves the window (history page and sync pane) as FILE.
# Usage: tests/demo/run-demo.sh BUILD_DIR [--headless | --screenshot FILE]
set -euo pipefail
BUILD=${1:?usage: run-demo.sh BUILD_DIR [--headless | --screenshot FILE]}
BUILD=$(cd "$BUILD" && pwd)
APP="$BUILD/app/misp-sentinel-bridge"
HEADLESS=0
SHOT=
case ${2:-} in
  --headless) HEADLESS=1 ;;
  --screenshot) SHOT=$(realpath -m "${3:?--screenshot needs a file name}") ;;
  '') ;;
  *) echo "usage: run-demo.sh BUILD_DIR [--headless | --screenshot FILE]" >&2; exit 2 ;;
esac
# No display means headless, except for a screenshot on Qt's offscreen platform (CI).
[[ -z ${DISPLAY:-} && ! ( -n $SHOT && ${QT_QPA_PLATFORM:-} == offscreen ) ]] && HEADLESS=1
if [[ -n $SHOT && $HEADLESS == 1 ]]; then
  echo "run-demo.sh: --screenshot needs a display (xvfb-run -a $0 $1 --screenshot $SHOT) or QT_QPA_PLATFORM=offscreen" >&2; exit 2
fi
source "$(dirname "${BASH_SOURCE[0]}")/demo-env.sh"
trap demo_stop EXIT INT TERM
demo_start "$BUILD" "$APP"

echo "=== Demo: sandbox at $DEMO_URL (MISP, Entra ID, Sentinel emulators; nothing leaves 127.0.0.1)"
"$APP" profiles show Demo
if [[ -n $SHOT ]]; then
  echo "=== Demo: the desktop application fetches, dry-runs and syncs profile Demo, then saves $SHOT"
  rm -f "$SHOT"
  "$APP" --profile Demo --page history --screenshot "$SHOT"
  [[ -s $SHOT ]] || { echo "run-demo.sh: no screenshot was written" >&2; exit 1; }
  echo "=== Demo: screenshot saved to $SHOT ($(du -k "$SHOT" | cut -f1) KiB)"
  exit 0
fi
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
