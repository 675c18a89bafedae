#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-2-Clause
# Renders each main view of the desk under Xvfb into OUT_DIR (default resources/screenshots), driven
# like the demo: msb-sandbox with the demo MISP data and a ready "Demo" profile (tests/demo/demo-env.sh),
# secrets only in the environment, a throw-away HOME per picture so no real profile or keychain is touched.
# The app fetches over REST, dry-runs and (for the sync pages) syncs to the sandbox's workspaces itself.
#
#   tests/ui/render-screenshots.sh BUILD_DIR [OUT_DIR]
set -euo pipefail

build=$(cd "${1:?usage: render-screenshots.sh BUILD_DIR [OUT_DIR]}" && pwd)
here=$(cd "$(dirname "$0")/../.." && pwd)
out=${2:-$here/resources/screenshots}
mkdir -p "$out"
out=$(cd "$out" && pwd)
app=$build/app/misp-sentinel-bridge
[[ -x $app ]] || { echo "render-screenshots: $app not built" >&2; exit 2; }

shot() { # name page [extra app args]; each picture in a fresh demo world
    local name=$1 page=$2
    shift 2
    (
        # shellcheck source=../demo/demo-env.sh
        source "$here/tests/demo/demo-env.sh"
        trap demo_stop EXIT
        demo_start "$build" "$app"
        # History: a headless run first, so the page shows the CLI's run next to the desk's.
        [[ $page == history ]] && "$app" sync --profile Demo >/dev/null 2>&1
        LANG=C.UTF-8 timeout 180 xvfb-run -a -s '-screen 0 1400x900x24' \
            "$app" --profile Demo --page "$page" --screenshot "$out/$name.png" "$@" 2>>"$DEMO_DIR/app.log" \
            || { echo "render-screenshots: $name failed" >&2; cat "$DEMO_DIR/app.log" >&2; exit 1; }
    )
    echo "$out/$name.png"
}

shot events attributes
shot stix stix
shot json json
shot dryrun dryrun
shot sync-running sync-running
shot sync sync
shot history history
shot log log
shot settings settings
shot wizard wizard
shot dryrun-dark dryrun --dark
shot stix-de stix --lang de
# Small files for the README.
if command -v optipng >/dev/null; then optipng -quiet -o2 "$out"/*.png; fi
