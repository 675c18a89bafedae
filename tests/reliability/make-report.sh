#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-2-Clause
# Sums up what the reliability, crash/resume, canary, TLS and bad-input tests, the fuzzers and
# clang-tidy left in BUILD_DIR/reliability/ (key=value files, one per scenario) into
# build/reliability-report.txt, and prints it.
#
#   tests/reliability/make-report.sh BUILD_DIR [FUZZ_DIR]
#
# FUZZ_DIR (default: build/fuzz) is searched for libFuzzer output: figure files
# FUZZ_DIR/reliability/fuzz-*.txt and logs (*.log) with "Done N runs" / "stat::" lines.
# Exit code: 0 when every recorded scenario passed, no object was lost, no canary was found and
# no fuzz crash was recorded; 1 otherwise; 2 when there is nothing to report.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT=$PWD
BUILD=${1:-build/ci}
FUZZ=${2:-build/fuzz}
[[ $BUILD = /* ]] || BUILD="$ROOT/$BUILD"
[[ $FUZZ = /* ]] || FUZZ="$ROOT/$FUZZ"
OUT="$ROOT/build/reliability-report.txt"
mkdir -p "$ROOT/build"
DIR="$BUILD/reliability"

# One TSV line per figure file: kind, scenario, passed, then key=value pairs.
collect() {
  local f
  for f in "$DIR"/*.txt "$FUZZ"/reliability/fuzz-*.txt; do
    [[ -f $f ]] || continue
    case "$(basename "$f")" in clang-tidy*.txt) continue ;; esac
    awk -F= 'NF>=2 { k=$1; sub(/^[^=]*=/, ""); v[k]=$0; order[++n]=k }
      END {
        if (!("kind" in v)) exit
        line = v["kind"] "\t" v["scenario"] "\t" v["passed"]
        for (i = 1; i <= n; i++) if (order[i] != "kind" && order[i] != "scenario" && order[i] != "passed")
          line = line "\t" order[i] "=" v[order[i]]
        print line
      }' "$f"
  done
}

# libFuzzer logs written by run-fuzzers.sh or by hand (one per target, named after it).
fuzz_logs() {
  local log target runs crash
  for log in "$FUZZ"/*.log "$FUZZ"/fuzz-logs/*.log "$FUZZ"/logs/*.log; do
    [[ -f $log ]] || continue
    target=$(basename "$log" .log)
    runs=$(grep -oE '(stat::number_of_executed_units: *[0-9]+|Done [0-9]+ runs)' "$log" | grep -oE '[0-9]+' | tail -1)
    crash=$(grep -cE '^==[0-9]+==ERROR|deadly signal|ERROR: libFuzzer|SUMMARY: (Address|UndefinedBehavior)Sanitizer' "$log" || true)
    printf 'fuzz\t%s\t%s\texecutions=%s\tcrashes=%s\n' "$target" "$((crash == 0))" "${runs:-0}" "$crash"
  done
}

ROWS=$( { collect; fuzz_logs; } | sort -u -t$'\t' -k1,2)
if [[ -z $ROWS && ! -f $DIR/clang-tidy.txt ]]; then
  echo "make-report: nothing recorded in $DIR or $FUZZ (run the tests first)" | tee "$OUT" >&2
  exit 2
fi

REPORT=$(printf '%s\n' "$ROWS" | awk -F'\t' -v tidy="$DIR/clang-tidy.txt" '
  function get(line, key,   i, a) {
    for (i = 4; i <= NF; i++) { split($i, a, "="); if (a[1] == key) return substr($i, length(key) + 2) }
    return ""
  }
  NF >= 3 {
    kind = $1; k[kind]++; if ($3 == "1") p[kind]++; else failed = failed " " kind ":" $2
    lost[kind] += get($0, "lost"); resent[kind] += get($0, "resent"); retries[kind] += get($0, "retries")
    expected[kind] += get($0, "expected"); stored[kind] += get($0, "stored")
    hits[kind] += get($0, "hits"); items[kind] += get($0, "cases"); errs[kind] += get($0, "item_errors")
    execs[kind] += get($0, "executions"); crashes[kind] += get($0, "crashes")
    beyond[kind] += get($0, "resent_beyond_inflight"); refused[kind] += get($0, "refused")
    detail = ""
    for (i = 4; i <= NF; i++) detail = detail " " $i
    lines[kind] = lines[kind] sprintf("    %-4s %-34s%s\n", ($3 == "1" ? "ok" : "FAIL"), $2, detail)
  }
  END {
    bad = 0
    title["fault"] = "Fault campaigns"; title["crash"] = "Crash and resume (SIGKILL)"
    title["canary"] = "Secret canaries"; title["tls"] = "TLS refusal"; title["badinput"] = "Bad input"
    title["fuzz"] = "Fuzzing (libFuzzer)"; title["static"] = "Static checks"
    n = split("fault crash badinput canary tls fuzz", order, " ")
    for (j = 1; j <= n; j++) {
      kind = order[j]; if (!(kind in k)) { printf "%s: not run\n", title[kind]; notrun = notrun " " kind; continue }
      printf "%s: %d of %d passed", title[kind], p[kind], k[kind]
      if (kind == "fault" || kind == "crash")
        printf "; objects expected %d, stored %d, lost %d, re-sent %d, retries %d", expected[kind], stored[kind], lost[kind], resent[kind], retries[kind]
      if (kind == "crash") printf ", re-sent beyond in-flight batches %d", beyond[kind]
      if (kind == "canary") printf "; canary hits %d", hits[kind]
      if (kind == "tls") printf "; connections refused %d", refused[kind]
      if (kind == "badinput") printf "; cases %d, per-item errors %d", items[kind], errs[kind]
      if (kind == "fuzz") printf "; executions %d, crashes %d", execs[kind], crashes[kind]
      printf "\n%s", lines[kind]
      if (p[kind] != k[kind] || lost[kind] > 0 || hits[kind] > 0 || crashes[kind] > 0 || beyond[kind] > 0) bad = 1
    }
    for (kind in k) {
      if (kind !~ /^(fault|crash|badinput|canary|tls|fuzz)$/) {
        printf "%s: %d of %d passed\n%s", kind, p[kind], k[kind], lines[kind]
        if (p[kind] != k[kind]) bad = 1
      }
    }
    files = -1; findings = 0; perr = 0
    while ((getline l < tidy) > 0) {
      if (l ~ /^files=/) files = substr(l, 7); else if (l ~ /^findings=/) findings = substr(l, 10)
      else if (l ~ /^parse_errors=/) perr = substr(l, 14)
      else if (l ~ /^file / && shown < 8) { split(l, a, " "); top = top sprintf("    %5d %s\n", a[3], a[2]); shown++ }
    }
    if (files >= 0) printf "clang-tidy: %d findings in %d files (%d parse errors)\n%s", findings, files, perr, top
    else printf "clang-tidy: not run (tests/static/run-clang-tidy.sh BUILD_DIR)\n"
    total = 0; passed = 0; lostAll = 0; hitAll = 0; crashAll = 0
    for (kind in k) { total += k[kind]; passed += p[kind]; lostAll += lost[kind]; hitAll += hits[kind]; crashAll += crashes[kind] }
    # Groups that did not run prove nothing: the verdict says so instead of counting them as clean.
    printf "Verdict: %s; scenarios %d of %d passed, objects lost %d, canary hits %d, fuzz crashes %d%s%s\n",
      (bad ? "NOT RELIABLE" : (notrun != "" ? "reliable so far (incomplete)" : "reliable")), passed, total, lostAll,
      hitAll, crashAll, (failed != "" ? "; failed:" failed : ""), (notrun != "" ? "; not run:" notrun : "")
    exit bad
  }')
RC=$?
{
  echo "MISP Sentinel Bridge reliability report ($(date -u '+%Y-%m-%d %H:%M UTC'), $(basename "$BUILD"))"
  echo "$REPORT"
} >"$OUT"
cat "$OUT"
exit "$RC"
