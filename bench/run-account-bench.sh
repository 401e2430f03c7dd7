#!/usr/bin/env bash
# run-account-bench.sh — issue 14's account goals on a synthetic account of PRINCIPALS roles
# (bench/account_generator.py --account: get-account-authorization-details and GetFindingV2
# lines): `leastpriv account` with --no-verify, with the default verification and a --cache, and
# the same again with that cache. Prints a Markdown table on stdout: wall, CPU, peak memory, the
# report's size and the summary line.
#
# Usage: bench/run-account-bench.sh [PRINCIPALS] [--skip-verify]     (default 10000)
#
# Needs the corpus (scripts/fetch-managed-policies.sh fetches it) and the release build. A
# benchmark, not a test: it asserts nothing. The verified run of 10,000 principals keeps both
# cores busy for minutes; wall times depend on what else the machine runs, so the CPU seconds
# (user+sys) are printed beside them.
set -euo pipefail
cd "$(dirname "$0")/.."
principals=${1:-10000}
verify=1
[ "${2:-}" = "--skip-verify" ] && verify=0
corpus=$(scripts/fetch-managed-policies.sh)
cmake --build --preset default --target leastpriv >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

bench/account_generator.py --corpus "$corpus" --principals "$principals" -o /dev/null --account "$work/account" 2>"$work/generator.txt"

run() {  # label, then the account flags; prints a table row
  local label=$1
  shift
  /usr/bin/time -v -o "$work/time.txt" build/leastpriv account --authorization-details "$work/account/authorization-details.json" \
    --findings "$work/account/findings.jsonl" -o "$work/report.json" "$@" 2>"$work/stderr.txt" || true
  local wall cpu peak summary
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$work/time.txt")
  cpu=$(awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {print u + s}' "$work/time.txt")
  peak=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2 / 1024}' "$work/time.txt")
  summary=$(grep '^leastpriv: account:' "$work/stderr.txt" | tail -n 1 || true)
  [ -n "$summary" ] || summary="no summary line: $(tail -n 1 "$work/stderr.txt")"
  echo "| $label | $wall s | $cpu s | $peak MB | $(($(stat -c %s "$work/report.json") >> 20)) MB | ${summary#leastpriv: account: } |"
}

echo "commit $(git rev-parse --short HEAD), $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "input: $(tr '\n' ' ' < "$work/generator.txt")"
echo
echo "| run | wall | CPU (user+sys) | peak RSS | report | summary |"
echo "|---|---|---|---|---|---|"
run "$principals principals, --no-verify" --no-verify
if [ "$verify" = 1 ]; then
  run "$principals principals, default verification --cache (first)" --cache "$work/cache"
  run "$principals principals, default verification --cache (second)" --cache "$work/cache"
fi
