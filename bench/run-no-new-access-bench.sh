#!/usr/bin/env bash
# run-no-new-access-bench.sh — what `check-no-new-access` costs on corpus policies (issue 15):
# wall and CPU seconds (user + system, all threads) of one run per pair, with the full
# portfolio (Z3, cvc5 and the automaton on every query) and with --fast (the automaton, the
# solvers only where it cannot decide). The pairs: a policy against itself (every query
# proved), a NotAction policy against `*` both ways (one new access / none).
#
# Usage: bench/run-no-new-access-bench.sh [BINARY]    (default build/leastpriv)
#
# A benchmark, not a test: nothing here fails on a slow machine. The machine is shared, so
# read the CPU column; wall includes waiting for a core.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-build/leastpriv}
corpus=tests/data/corpus
pairs=(
  "ReadOnlyAccess ReadOnlyAccess"
  "AdministratorAccess PowerUserAccess"
  "PowerUserAccess AdministratorAccess"
  "AmazonS3ReadOnlyAccess AmazonS3ReadOnlyAccess"
)
printf '%-24s %-24s %-9s %-14s %-8s %-8s %s\n' reference candidate mode verdict wall_s cpu_s queries
for pair in "${pairs[@]}"; do
  read -r reference candidate <<<"$pair"
  for mode in full fast; do
    flags=()
    [ "$mode" = fast ] && flags=(--fast)
    out=$(mktemp)
    times=$(mktemp)
    /usr/bin/time -o "$times" -f '%e %U %S' "$binary" check-no-new-access --reference "$corpus/$reference.json" \
      --candidate "$corpus/$candidate.json" "${flags[@]}" >"$out" 2>/dev/null || true
    read -r wall user system < <(tail -n1 "$times")
    rm -f "$times"
    verdict=$(sed -n 's/^verdict: \([a-z-]*\).*/\1/p' "$out")
    queries=$(sed -n 's/^verdict: [a-z-]*.* \([0-9]* of [0-9]*\) queries.*/\1/p' "$out")
    rm -f "$out"
    printf '%-24s %-24s %-9s %-14s %-8s %-8s %s\n' "$reference" "$candidate" "$mode" "$verdict" "$wall" \
      "$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.2f", u + s }')" "$queries"
  done
done
