#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-2-Clause
# One script for the README's two commands (as root on Debian 12):
#   ./build.sh run    install build dependencies, build, run the demo
#   ./build.sh test   install build dependencies, build, run every test (also ASan/UBSan, fuzzing, packaging)
# Other verbs: deps, build, bench, screenshots.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export DEBIAN_FRONTEND=noninteractive
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}" CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
START=$SECONDS
PHASES=() PHASE_NAME="" PHASE_START=$SECONDS
# Prints a phase header and remembers how long the previous phase took (summary at the end).
phase() {
  [[ -n $PHASE_NAME ]] && PHASES+=("$(printf '%6d s  %s' $((SECONDS - PHASE_START)) "$PHASE_NAME")")
  PHASE_NAME=$* PHASE_START=$SECONDS
  echo "=== [$((SECONDS - START)) s] $*"
}
phase_times() { phase "end"; echo "phase times:"; printf '  %s\n' "${PHASES[@]}"; }

install_deps() {
  phase "dependencies"
  mapfile -t pkgs < <(grep -v '^\s*#' installer/debian-packages.txt | sed '/^\s*$/d')
  command -v node >/dev/null || pkgs+=(nodejs)
  command -v npm >/dev/null || pkgs+=(npm)
  local missing=()
  for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
  done
  if ((${#missing[@]})); then
    if [[ $(id -u) -ne 0 ]]; then
      echo "missing packages (run as root or install them): ${missing[*]}" >&2; exit 1
    fi
    local log; log=$(mktemp)
    for i in 1 2 3; do apt-get update -qq && break; sleep 5; done
    local ok=0
    for i in 1 2 3; do
      apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$log" 2>&1 && { ok=1; break; }
      tail -20 "$log"; sleep 10
    done
    rm -f "$log"; ((ok)) || { echo "apt-get install failed" >&2; exit 1; }
  fi
}

build_preset() {
  phase "configure + build ($1)"
  cmake --preset "$1" >/dev/null
  cmake --build --preset "$1" -- -j"$(nproc)"
}

# A private D-Bus session with an unlocked gnome-keyring, fresh XDG dirs and a virtual display:
# what the keychain and GUI tests need on a machine with no desktop (qt-build-recipe.md §3).
run_headless() {
  local kr; kr=$(mktemp -d); mkdir -p -m 700 "$kr/run" "$kr/home"
  env XDG_DATA_HOME="$kr/data" XDG_CONFIG_HOME="$kr/config" XDG_CACHE_HOME="${XDG_CACHE_HOME:-$HOME/.cache}" \
      XDG_RUNTIME_DIR="$kr/run" MSB_REQUIRE_KEYCHAIN=1 \
    xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session -- bash -c \
    'echo -n msb-ci-keyring-pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"' _ "$@" </dev/null
  local rc=$?
  rm -rf "$kr"
  return $rc
}

CTEST_LOG=$(mktemp)
trap 'rm -f "$CTEST_LOG"' EXIT
ctest_run() { # ctest_run <preset> [ctest args...]
  local preset=$1; shift
  set +e
  run_headless ctest --preset "$preset" -j2 "$@" 2>&1 | tee -a "$CTEST_LOG"
  local rc=${PIPESTATUS[0]}
  set -e
  return "$rc"
}

run_all_tests() {
  local failed=0
  phase "clang-format check"
  git ls-files '*.cpp' '*.h' | xargs -r clang-format --dry-run --Werror
  build_preset ci
  phase "tests (ci preset)"
  ctest_run ci || failed=1
  build_preset asan
  phase "tests under ASan + UBSan"
  ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS="suppressions=$PWD/tests/lsan-suppressions.txt" \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest_run asan || failed=1
  if [[ -f tests/fuzz/CMakeLists.txt ]]; then
    build_preset fuzz
    phase "fuzzing"
    FUZZ_SECONDS="${FUZZ_SECONDS:-60}" bash tests/fuzz/run-fuzzers.sh build/fuzz || failed=1
  fi
  if [[ -x installer/check-package.sh ]]; then
    phase "package"
    run_headless installer/check-package.sh build/ci || failed=1
  fi
  if [[ -f tests/static/run-clang-tidy.sh ]]; then
    phase "clang-tidy (core)"
    # Reported (count per file, and in the reliability report), bounded to 20 minutes.
    set +e
    timeout 1200 bash tests/static/run-clang-tidy.sh build/ci | tail -n 25
    (( PIPESTATUS[0] == 124 )) && echo "clang-tidy: not finished within 20 minutes"
    set -e
  fi
  if [[ -x tests/reliability/make-report.sh ]]; then
    tests/reliability/make-report.sh build/ci || true
  fi
  phase "summary"
  awk '/tests passed, [0-9]+ tests failed out of/ {f+=$4; t+=$NF} END {printf "ctest totals: %d passed, %d failed\n", t-f, f}' "$CTEST_LOG"
  [[ -f build/reliability-report.txt ]] && cat build/reliability-report.txt
  phase_times
  echo "=== total $((SECONDS - START)) s (rc=$failed)"
  return "$failed"
}

case "${1:-}" in
  deps) install_deps ;;
  build) install_deps; build_preset ci ;;
  run)
    install_deps
    build_preset ci
    phase "demo"
    if [[ -x tests/demo/run-demo.sh ]]; then
      exec tests/demo/run-demo.sh build/ci
    fi
    ./build/ci/app/misp-sentinel-bridge convert tests/demo/data --out build/ci/demo-bundle.json
    ;;
  test)
    install_deps
    run_all_tests
    ;;
  screenshots)
    install_deps; build_preset ci
    exec bash tests/ui/render-screenshots.sh build/ci resources/screenshots
    ;;
  bench)
    # Benchmarks measure the -O2 release build, not the quicker-to-build CI one.
    install_deps; build_preset release
    exec bash installer/benchmarks.sh build/release
    ;;
  *)
    sed -n '3,7p' "$0"; exit 2 ;;
esac
