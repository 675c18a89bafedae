#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-2-Clause
# Runs every fuzz_* executable found in BUILD_DIR for ${FUZZ_SECONDS:-60} seconds each.
# Seeds per target: tests/fuzz/corpus/<target>/ (committed, tiny) plus the shared directories listed in
# tests/fuzz/<target>.dirs (one path per line, relative to the shared/ folder; read in place, never copied).
# New inputs the fuzzer finds go to a scratch directory, not into the repository.
# Prints executions and crashes per target and writes them to BUILD_DIR/reliability/fuzz-<target>.txt
# for tests/reliability/make-report.sh; exits non-zero when any target crashed.
#
#   tests/fuzz/run-fuzzers.sh BUILD_DIR
set -uo pipefail

build=${1:?usage: run-fuzzers.sh BUILD_DIR}
seconds=${FUZZ_SECONDS:-60}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
shared=${MSB_SHARED_DIR:-$here/../../../shared}
scratch=$(mktemp -d "${TMPDIR:-/tmp}/msb-fuzz.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

mapfile -t targets < <(find "$build" -type f -name 'fuzz_*' -perm -u+x ! -name '*.*' | sort)
if ((${#targets[@]} == 0)); then
    echo "run-fuzzers: no fuzz_* executables in $build (configure with the 'fuzz' preset)" >&2
    exit 2
fi

report="$build/reliability"
mkdir -p "$report"
failed=0
printf '%-20s %12s %8s %s\n' target executions crashes result
for exe in "${targets[@]}"; do
    name=$(basename "$exe")
    work="$scratch/$name"
    mkdir -p "$work/new" "$work/artifacts"
    dirs=("$work/new")
    for seeds in "$here/corpus/$name" "$here/corpus/${name#fuzz_}"; do
        [[ -d $seeds ]] && dirs+=("$seeds")
    done
    if [[ -f $here/$name.dirs ]]; then
        while IFS= read -r line; do
            line=${line%%#*}
            line=$(echo "$line" | xargs)
            [[ -z $line ]] && continue
            if [[ -d $shared/$line ]]; then dirs+=("$shared/$line"); else echo "run-fuzzers: $name: seed dir $shared/$line missing" >&2; fi
        done < "$here/$name.dirs"
    fi
    log="$work/log.txt"
    "$exe" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 -max_len=1048576 \
        -artifact_prefix="$work/artifacts/" -print_final_stats=1 "${dirs[@]}" > "$log" 2>&1
    status=$?
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    crashes=$(find "$work/artifacts" -type f | wc -l)
    passed=$((status == 0 && crashes == 0))
    printf 'kind=fuzz\nscenario=%s\nexecutions=%s\ncrashes=%s\nseconds=%s\nexit=%s\npassed=%s\n' \
        "$name" "${execs:-0}" "$crashes" "$seconds" "$status" "$passed" > "$report/fuzz-$name.txt"
    if ((passed == 0)); then
        # The summary at the end of CI is often all that is left of a run: say why, and with what input.
        reason=$(grep -m1 -E 'ERROR:|^fuzz_[a-z_]+: |runtime error:|SUMMARY:' "$log" | tr -d '\t' | cut -c1-200)
        first=$(find "$work/artifacts" -type f | head -1)
        printf 'reason=%s\n' "${reason:-see the fuzzer log}" >> "$report/fuzz-$name.txt"
        [[ -n $first ]] && printf 'input_base64=%s\n' "$(base64 -w 0 "$first" | cut -c1-400)" >> "$report/fuzz-$name.txt"
    fi
    if ((status != 0 || crashes > 0)); then
        failed=1
        printf '%-20s %12s %8s %s\n' "$name" "${execs:-?}" "$crashes" "FAILED (exit $status)"
        tail -n 40 "$log" >&2
        for a in "$work"/artifacts/*; do
            [[ -f $a ]] && { echo "--- crashing input $(basename "$a") (base64):" >&2; base64 -w 0 "$a" | head -c 4000 >&2; echo >&2; }
        done
    else
        printf '%-20s %12s %8s %s\n' "$name" "${execs:-?}" "$crashes" ok
    fi
done
exit $failed
