#!/usr/bin/env bash
# check-certificate on ReadOnlyAccess (issue 13: "< 30 s"): the AWS managed policy ReadOnlyAccess
# with 30% of the actions it allows unused (the inputs of bench/verify_bench.cpp --only readonly,
# written with --write-inputs), refined by `leastpriv refine` (--fast: the certificate's texts
# are the same whichever procedures decided them), then re-checked by `check-certificate`, which
# runs z3 and cvc5 on every text (add `-- --solvers z3,cvc5,z3-wasm` for the third). Prints wall and CPU seconds (user + system of
# leastpriv and every solver it started, from GNU time), the exit code and the summary line.
#
# Usage: bench/recheck-bench.sh [LEASTPRIV_BINARY] [-- check-certificate flags...]
#   LEASTPRIV_BINARY  the binary that re-checks (default build/leastpriv): give an older build
#                     to compare; the certificate is always made by build/leastpriv.
# Run from anywhere; needs the corpus (scripts/fetch-managed-policies.sh, npm) and GNU time.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
checker=build/leastpriv
if [ $# -gt 0 ] && [ "$1" != "--" ]; then checker=$1; shift; fi
[ "${1:-}" = "--" ] && shift
corpus=$(scripts/fetch-managed-policies.sh)
work=$(mktemp -d /tmp/leastpriv-recheck-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
build/bench/verify_bench "$corpus" --only readonly --modes fast --write-inputs "$work" >/dev/null
build/leastpriv refine --policy "$work/readonly-policy.json" --findings "$work/readonly-findings.json" \
  -o "$work/result.json" --certificate "$work/cert.json" --fast 2>/dev/null
echo "certificate: $(grep -c '"smtlib"' "$work/cert.json") texts, $(wc -c < "$work/cert.json") bytes; load: $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
/usr/bin/time -f "check-certificate: %e s wall, %U s user + %S s system CPU (leastpriv and its solvers), peak RSS %M KB" \
  -o "$work/time" "$checker" check-certificate "$work/cert.json" --original "$work/readonly-policy.json" \
  --findings "$work/readonly-findings.json" --result "$work/result.json" "$@" > "$work/out" 2>&1 || status=$?
grep -v ': unsat$' "$work/out" | grep -E 'says|re-checks|re-checked|solver ' || true
cat "$work/time"
echo "exit code: $status"
