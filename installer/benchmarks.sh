#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-2-Clause
# Runs every benchmark executable bench_* found in BUILD_DIR and prints its figures (speed, peak RSS).
# Benchmarks print, they do not assert; this script fails only if one of them crashes.
#
#   installer/benchmarks.sh BUILD_DIR [extra arguments passed to every benchmark]
set -uo pipefail

build=${1:?usage: benchmarks.sh BUILD_DIR}
shift
mapfile -t benches < <(find "$build" -type f -name 'bench_*' -perm -u+x ! -name '*.*' | sort)
if ((${#benches[@]} == 0)); then
    echo "benchmarks: no bench_* executables in $build (build the project first)" >&2
    exit 2
fi
failed=0
for b in "${benches[@]}"; do
    echo "=== $(basename "$b") ==="
    start=$(date +%s.%N)
    "$b" "$@"
    status=$?
    end=$(date +%s.%N)
    printf '=== %s: exit %d, %.1f s wall\n\n' "$(basename "$b")" "$status" "$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')"
    ((status != 0)) && failed=1
done
exit $failed
