#!/usr/bin/env bash
# run-batch-bench.sh — issue 14's batch goals on a synthetic account (bench/account_generator.py):
# `leastpriv batch` over UNITS units with --no-verify (units/s), with the default verification on
# VERIFY_UNITS units (wall time; with fewer units than UNITS the 10,000-unit figure is an
# extrapolation, and the output says so), the same run again with its --cache (the second run's
# wall time), and each run's peak memory (/usr/bin/time -v). Prints a Markdown report on stdout.
#
# Usage: bench/run-batch-bench.sh [UNITS] [VERIFY_UNITS]     (default 10000 1000)
#
# Needs the corpus (scripts/fetch-managed-policies.sh fetches it) and the release build. A
# benchmark, not a test: it asserts nothing. Wall times depend on what else the machine runs;
# the CPU seconds (user+sys) are printed beside them.
set -euo pipefail
cd "$(dirname "$0")/.."
units=${1:-10000}
verify_units=${2:-1000}
corpus=$(scripts/fetch-managed-policies.sh)
cmake --build --preset default --target leastpriv >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

bench/account_generator.py --corpus "$corpus" --units "$units" -o "$work/units.jsonl" 2>"$work/generator.txt"
head -n "$verify_units" "$work/units.jsonl" > "$work/verify-units.jsonl"

run() {  # label, then the batch arguments; prints a table row
  local label=$1
  shift
  /usr/bin/time -v -o "$work/time.txt" build/leastpriv batch "$@" 2>"$work/stderr.txt" >/dev/null || true
  local wall cpu peak lines
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$work/time.txt")
  cpu=$(awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {print u + s}' "$work/time.txt")
  peak=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2 / 1024}' "$work/time.txt")
  lines=$(tail -n 1 "$work/stderr.txt")
  echo "| $label | $wall s | $cpu s | $(awk -v n="$count" -v w="$wall" 'BEGIN {printf "%.0f", n / w}') | $(awk -v n="$count" -v c="$cpu" 'BEGIN {printf "%.0f", n / c}') | $peak MB | ${lines#leastpriv: batch: } |"
}

echo "commit $(git rev-parse --short HEAD), $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "input: $(cat "$work/generator.txt")"
echo
echo "| run | wall | CPU (user+sys) | units/s (wall) | units/s per CPU second | peak RSS | outcome |"
echo "|---|---|---|---|---|---|---|"
count=$units
run "$units units, --no-verify" "$work/units.jsonl" -o "$work/out.jsonl" --no-verify
run "$units units, --no-verify --cache (first)" "$work/units.jsonl" -o "$work/out.jsonl" --no-verify --cache "$work/cache-nv"
run "$units units, --no-verify --cache (second)" "$work/units.jsonl" -o "$work/out.jsonl" --no-verify --cache "$work/cache-nv"
count=$verify_units
run "$verify_units units, default verification --cache (first)" "$work/verify-units.jsonl" -o "$work/out-v.jsonl" --cache "$work/cache-v"
run "$verify_units units, default verification --cache (second)" "$work/verify-units.jsonl" -o "$work/out-v.jsonl" --cache "$work/cache-v"
if [ "$verify_units" -lt "$units" ]; then
  echo
  echo "The default verification ran on the first $verify_units units only; for $units units multiply its wall time by $((units / verify_units)) (an extrapolation, not a measurement)."
fi
