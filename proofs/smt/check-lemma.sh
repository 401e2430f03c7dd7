#!/usr/bin/env bash
# Runs one SMT-LIB2 lemma with z3, cvc5 and z3-wasm and applies the portfolio rule (DESIGN §4):
# the check passes when at least one solver gives the expected answer and no solver gives
# the opposite one. A timeout, `unknown` or an error is never a pass by itself.
# A file may ask several questions (`(check-sat)` between `(push 1)` and `(pop 1)`, the cases of
# a split claim): a solver's verdict is the expected answer only when it gives it to every one.
#
#   proofs/smt/check-lemma.sh [--expect unsat|sat] [--timeout SECONDS] [--require N] FILE.smt2
#
# --expect   the answer the file must produce. Default: the file's `(set-info :status …)`;
#            when both are given they must agree (a lemma cannot be run against its header).
# --timeout  limit per solver, whole seconds of CPU time (default 20; env LEASTPRIV_LEMMA_TIMEOUT):
#            CPU, not wall-clock, so that a lemma's verdict does not depend on what else the
#            shared machine runs; each solver also stops after 4 times as long on the clock.
# --require  which solvers must give the expected answer (env LEASTPRIV_LEMMA_REQUIRE):
#            1 (default) any one of the three; 2 both Debian solvers, z3 AND cvc5 (z3-wasm
#            is then a reported third opinion); 3 all three.
#
# Prints one line per solver: `z3 4.8.12: unsat (0.03 s)`, then `PASS`/`FAIL` and why.
# Exit 0 pass, 1 fail (wrong answer, disagreement, or too few expected answers), 2 usage.
#
# Solvers: `z3 -smt2 FILE`, `cvc5 --lang smt2 --strings-exp FILE` (`--incremental` added when the
# file has more than one `(check-sat)`: cvc5 refuses push/pop without it) (binaries from PATH, or
# Z3_BINARY / CVC5_BINARY) and `node scripts/z3-wasm/z3-wasm.js FILE` (a current Z3 compiled to
# WebAssembly, npm z3-solver from scripts/install-deps.sh; NODE_BINARY / Z3_WASM_SCRIPT). Each
# runs under `ulimit -t` (the CPU limit; z3-wasm gets 5 s more for Node.js loading z3-solver)
# and coreutils `timeout` (the clock limit, SIGKILL 2 s after TERM); z3-wasm also gets
# `--timeout` (Z3's own, wall-clock, per question: z3-wasm is the third opinion). A solver that is not installed is printed as `NOT RUN` and counts for nothing
# (with --require 3 the check then fails). Lemma headers name the solver a lemma is known to
# time out in (`; known-timeout: z3 4.8.12`); such a timeout is reported as expected.
set -u

expect=""
limit="${LEASTPRIV_LEMMA_TIMEOUT:-20}"
require="${LEASTPRIV_LEMMA_REQUIRE:-1}"
file=""
while [ $# -gt 0 ]; do
  case "$1" in
    --expect) expect="${2:-}"; shift 2 ;;
    --timeout) limit="${2:-}"; shift 2 ;;
    --require) require="${2:-}"; shift 2 ;;
    -h|--help) sed -n '2,26p' "$0"; exit 0 ;;
    -*) echo "check-lemma: unknown option \`$1\`" >&2; exit 2 ;;
    *) file="$1"; shift ;;
  esac
done
if [ -z "$file" ] || [ ! -r "$file" ]; then
  echo "check-lemma: usage: check-lemma.sh [--expect unsat|sat] [--timeout S] [--require N] FILE.smt2" >&2
  exit 2
fi

status=$(sed -n 's/^[[:space:]]*(set-info :status \(sat\|unsat\))[[:space:]]*$/\1/p' "$file" | head -n1)
if [ -z "$expect" ]; then expect="$status"; fi
if [ "$expect" != "unsat" ] && [ "$expect" != "sat" ]; then
  echo "check-lemma: \`$file\`: no expected answer (give --expect or (set-info :status …))" >&2
  exit 2
fi
if [ -n "$status" ] && [ "$status" != "$expect" ]; then
  echo "check-lemma: \`$file\` declares :status $status but is run expecting $expect" >&2
  exit 2
fi
opposite=$([ "$expect" = "unsat" ] && echo sat || echo unsat)
case "$limit" in
  ''|*[!0-9]*|0) echo "check-lemma: --timeout must be a whole number of seconds, not \`$limit\`" >&2; exit 2 ;;
esac
case "$require" in
  1|2|3) ;;
  *) echo "check-lemma: --require must be 1, 2 or 3, not \`$require\`" >&2; exit 2 ;;
esac
# How many answers a solver owes: one per (check-sat) (comments do not count).
questions=$(sed 's/;.*//' "$file" | grep -o '(check-sat)' | wc -l)
if [ "$questions" -lt 1 ]; then
  echo "check-lemma: \`$file\` asks nothing (no (check-sat))" >&2
  exit 2
fi
cvc5_incremental=""
[ "$questions" -gt 1 ] && cvc5_incremental="--incremental"

z3_bin="${Z3_BINARY:-z3}"
cvc5_bin="${CVC5_BINARY:-cvc5}"
node_bin="${NODE_BINARY:-node}"
z3_wasm_script="${Z3_WASM_SCRIPT:-$(cd "$(dirname "$0")/../.." && pwd)/scripts/z3-wasm/z3-wasm.js}"
known_timeouts=$(sed -n 's/^;[[:space:]]*known-timeout:[[:space:]]*\([a-z0-9-]*\).*/\1/p' "$file" | tr '\n' ' ')

# run_solver NAME -> sets answer, seconds
run_solver() {
  local name="$1" out rc start end
  local wall=$((4 * limit + 10))
  start=$(date +%s.%N)
  case "$name" in
    z3) out=$(ulimit -t "$limit"; timeout -k 2 "$wall" "$z3_bin" -smt2 "$file" 2>&1); rc=$? ;;
    cvc5) out=$(ulimit -t "$limit"; timeout -k 2 "$wall" "$cvc5_bin" --lang smt2 --strings-exp $cvc5_incremental "$file" 2>&1); rc=$? ;;
    # z3-wasm prints `FILE: ANSWER (S s)`; its ANSWER is Z3's whole output on one line: the
    # words outside parentheses are the verdicts (a model is one parenthesised list), one a line here.
    z3-wasm) out=$(ulimit -t "$((limit + 5))"; timeout -k 2 "$wall" "$node_bin" "$z3_wasm_script" --timeout "$limit" "$file" 2>&1); rc=$?
             out=$(printf '%s\n' "$out" | sed -n "s|^$file: \(.*\) ([0-9.]* s)\$|\1|p; s|^error: .*|&|p" |
                   awk '{ for (i = 1; i <= NF; i++) {
                            if (depth == 0 && $i ~ /^(sat|unsat|unknown|timeout)$/) { print $i; found = 1 }
                            depth += gsub(/\(/, "(", $i) - gsub(/\)/, ")", $i) }
                          if (!found) print }') ;;
  esac
  end=$(date +%s.%N)
  seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
  # The verdict lines, one per question; anything else (warnings, errors) is shown when a
  # verdict is missing. All expected: the expected answer; any opposite: the opposite one (a
  # refutation of one case refutes the claim); else the first trouble (timeout, unknown, error).
  local verdicts expected_lines opposite_lines
  verdicts=$(printf '%s\n' "$out" | grep -x -E 'sat|unsat|unknown|timeout')
  expected_lines=$(printf '%s\n' "$verdicts" | grep -c -x "$expect")
  opposite_lines=$(printf '%s\n' "$verdicts" | grep -c -x "$opposite")
  if [ "$opposite_lines" -gt 0 ]; then
    answer="$opposite"
  elif [ "$expected_lines" -eq "$questions" ]; then
    answer="$expect"
  elif [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ] || [ "$rc" -eq 152 ] || printf '%s\n' "$verdicts" | grep -q -x timeout; then
    answer="timeout"
  elif printf '%s\n' "$verdicts" | grep -q -x unknown; then
    answer="unknown"
  else
    answer="error: $(printf '%s' "$out" | grep -v -x -E 'sat|unsat' | head -n3 | tr '\n' ' ')"
  fi
  if [ "$questions" -gt 1 ] && [ "$answer" != "$expect" ]; then
    answer="$answer ($expected_lines of $questions questions $expect)"
  fi
}

# is_required SOLVER: whether --require names it (2: z3 and cvc5; 3: all three).
is_required() {
  { [ "$1" != z3-wasm ] && [ "$require" -ge 2 ]; } || [ "$require" -ge 3 ]
}

expected_count=0
opposite_count=0
missing_required=""
for solver in z3 cvc5 z3-wasm; do
  case "$solver" in
    z3) bin_var="$z3_bin" ;;
    cvc5) bin_var="$cvc5_bin" ;;
    z3-wasm) bin_var="$node_bin" ;;
  esac
  if ! command -v "$bin_var" >/dev/null 2>&1; then
    echo "$solver: NOT RUN: \`$bin_var\` is not installed (scripts/install-deps.sh)"
    is_required "$solver" && missing_required="$missing_required $solver"
    continue
  fi
  if [ "$solver" = z3-wasm ]; then
    version=$("$node_bin" "$z3_wasm_script" --version 2>&1 | head -n1)
    case "$version" in
      z3-solver*) version=$(printf '%s' "$version" | grep -o -m1 -E '[0-9]+\.[0-9]+\.[0-9]+' | head -n1) ;;
      *) echo "z3-wasm: NOT RUN: $version"
         is_required z3-wasm && missing_required="$missing_required z3-wasm"
         continue ;;
    esac
  else
    version=$("$bin_var" --version 2>/dev/null | grep -o -m1 -E '[0-9]+\.[0-9]+\.[0-9]+')
  fi
  run_solver "$solver"
  note=""
  case " $known_timeouts " in
    *" $solver "*) case "$answer" in timeout*) note=" (known timeout, recorded in the header)" ;; esac ;;
  esac
  echo "$solver $version: $answer (${seconds} s)$note"
  if [ "$answer" = "$expect" ]; then
    expected_count=$((expected_count + 1))
  elif is_required "$solver"; then
    missing_required="$missing_required $solver"
  fi
  case "$answer" in "$opposite"|"$opposite "*) opposite_count=$((opposite_count + 1)) ;; esac
done

if [ "$opposite_count" -gt 0 ] && [ "$expected_count" -gt 0 ]; then
  echo "FAIL: the solvers disagree (expected $expect) — never a pass"
  exit 1
fi
if [ "$opposite_count" -gt 0 ]; then
  echo "FAIL: expected $expect, got $opposite"
  exit 1
fi
if [ "$expected_count" -lt 1 ]; then
  echo "FAIL: no solver said $expect"
  exit 1
fi
if [ -n "$missing_required" ]; then
  echo "FAIL: required (--require $require) but did not say $expect:$missing_required"
  exit 1
fi
echo "PASS: $expected_count solver(s) said $expect, none said $opposite"
exit 0
