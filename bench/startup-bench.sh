#!/usr/bin/env bash
# startup-bench.sh — start-up time of the leastpriv binary (issue 14 item 7): the median wall
# time of N runs of `leastpriv --version` and of one `refine --no-verify` on examples/seed.
#
# Usage: bench/startup-bench.sh [BINARY] [RUNS]    (default build/leastpriv, 51 runs)
#
# Plain timing with bash's $EPOCHREALTIME around each run (no perf, and no `date` process whose
# own start-up would be counted): the figure includes fork/exec and
# the dynamic loader, which is what a shell loop over many policies pays. One warm-up run of
# each first, so the page cache holds the binary and its libraries. A benchmark, not a test:
# nothing here fails on a slow machine.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-build/leastpriv}
runs=${2:-51}

median_ms() {  # the commands' median wall time in milliseconds, three decimals
  local samples=() start end
  "$@" >/dev/null 2>&1 || true
  for _ in $(seq "$runs"); do
    start=${EPOCHREALTIME/./}
    "$@" >/dev/null 2>&1 || true
    end=${EPOCHREALTIME/./}
    samples+=($((end - start)))
  done
  printf '%s\n' "${samples[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.3f", a[int((NR+1)/2)]/1e3}'
}

echo "binary: $binary ($(git rev-parse --short HEAD 2>/dev/null || echo unknown commit)), $runs runs each, median"
echo "--version:                  $(median_ms "$binary" --version) ms"
echo "refine --no-verify (seed):  $(median_ms "$binary" refine --policy examples/seed/policy.json \
  --findings examples/seed/findings.json --no-verify) ms"
echo "/bin/true (the floor):      $(median_ms /bin/true) ms"
