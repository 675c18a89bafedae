#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-2-Clause
# clang-tidy with the repository's .clang-tidy over every core/**/*.cpp, using a build's
# compile_commands.json; two files at a time (the machine has 2 cores). Prints the findings per
# file and the total, and writes them to BUILD_DIR/reliability/clang-tidy.txt for make-report.sh.
#
#   tests/static/run-clang-tidy.sh [BUILD_DIR] [--strict] [--jobs N] [-- PATH_REGEX]
#
# BUILD_DIR defaults to build/ci. Exit code: 0, or 1 with --strict when there is any finding
# (the .clang-tidy turns every warning into an error, so "clean" means a count of 0), 2 on setup errors.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT=$PWD

BUILD=build/ci
STRICT=0
JOBS=2
FILTER='^core/'
while (($#)); do
  case "$1" in
    --strict) STRICT=1 ;;
    --jobs) JOBS=$2; shift ;;
    --) FILTER=$2; shift ;;
    -h|--help) sed -n '3,10p' "$0"; exit 0 ;;
    *) BUILD=$1 ;;
  esac
  shift
done
[[ $BUILD = /* ]] || BUILD="$ROOT/$BUILD"
DB="$BUILD/compile_commands.json"
TIDY=${CLANG_TIDY:-clang-tidy}
command -v "$TIDY" >/dev/null || { echo "run-clang-tidy: $TIDY not found (apt-get install clang-tidy)" >&2; exit 2; }
[[ -f $DB ]] || { echo "run-clang-tidy: no $DB (configure the build first)" >&2; exit 2; }

# Every core .cpp that the build compiles (generated moc/qrc files are not ours to lint).
mapfile -t FILES < <(grep -o '"file": *"[^"]*"' "$DB" | sed -E 's/"file": *"([^"]*)"/\1/' \
  | sed "s#^$ROOT/##" | grep -v '^/' | grep -v '^build/' | grep '\.cpp$' | grep -E "$FILTER" | sort -u)
if ((${#FILES[@]} == 0)); then
  echo "run-clang-tidy: no matching .cpp files in $DB" >&2; exit 2
fi

OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
echo "clang-tidy ($("$TIDY" --version | grep -o 'version [0-9.]*')) on ${#FILES[@]} files, -j$JOBS"
export TIDY DB OUT BUILD
printf '%s\n' "${FILES[@]}" | xargs -P "$JOBS" -I{} bash -c '
  f={}; log="$OUT/$(echo "$f" | tr / _).log"
  "$TIDY" -p "$BUILD" --quiet --extra-arg=-Wno-unknown-warning-option --extra-arg=-Wno-unused-command-line-argument \
    "$f" >"$log" 2>&1 || true'

# One finding per distinct location and check (a header's finding appears in every file including it).
cat "$OUT"/*.log | grep -E '^[^ ]+:[0-9]+:[0-9]+: (warning|error): .*\[[a-z0-9.,-]+\]$' \
  | sed -E "s#^$ROOT/##" | sort -u >"$OUT/all.txt"
TOTAL=$(wc -l <"$OUT/all.txt")
# Compiler errors (clang could not parse a file) are counted apart: they hide findings.
PARSE_ERRORS=$(cat "$OUT"/*.log | grep -cE ': error: .*\[clang-diagnostic-error\]$' || true)

REPORT_DIR="$BUILD/reliability"
mkdir -p "$REPORT_DIR"
{
  echo "files=${#FILES[@]}"
  echo "findings=$TOTAL"
  echo "parse_errors=$PARSE_ERRORS"
  cut -d: -f1 "$OUT/all.txt" | sort | uniq -c | sort -rn | awk '{print "file " $2 " " $1}'
  sed -E 's/.*\[([a-z0-9.-]+)(,-warnings-as-errors)?\]$/\1/' "$OUT/all.txt" | sort | uniq -c | sort -rn | awk '{print "check " $2 " " $1}'
} >"$REPORT_DIR/clang-tidy.txt"
cp "$OUT/all.txt" "$REPORT_DIR/clang-tidy-findings.txt"

echo "findings per file:"
cut -d: -f1 "$OUT/all.txt" | sort | uniq -c | sort -rn | sed 's/^/  /'
echo "findings per check:"
sed -E 's/.*\[([a-z0-9.-]+)(,-warnings-as-errors)?\]$/\1/' "$OUT/all.txt" | sort | uniq -c | sort -rn | sed 's/^/  /'
echo "clang-tidy: ${#FILES[@]} files, $TOTAL findings, $PARSE_ERRORS parse errors (details: $REPORT_DIR/clang-tidy-findings.txt)"
if ((STRICT)) && ((TOTAL > 0)); then
  exit 1
fi
exit 0
