#!/usr/bin/env bash
# Runs one SMT-LIB2 lemma with z3, cvc5 and z3-wasm and applies the portfolio rule (DESIGN §4):
# the check passes when at least one solver gives the expected answer and no solver gives
# the opposite one. A timeout, `unknown` or an error is never a pass by itself.
#
#   proofs/smt/check-lemma.sh [--expect unsat|sat] [--timeout SECONDS] [--require N] FILE.smt2
#
# --expect   the answer the file must produce. Default: the file's `(set-info :status …)`;
#            when both are given they must agree (a lemma cannot be run against its header).
# --timeout  wall-clock limit per solver, seconds (default 20; env LEASTPRIV_LEMMA_TIMEOUT).
# --require  how many solvers must give the expected answer (default 1; 3 demands all three,
#            env LEASTPRIV_LEMMA_REQUIRE).
#
# Prints one line per solver: `z3 4.8.12: unsat (0.03 s)`, then `PASS`/`FAIL` and why.
# Exit 0 pass, 1 fail (wrong answer, disagreement, or too few expected answers), 2 usage.
#
# Solvers: `z3 -smt2 FILE`, `cvc5 --lang smt2 --strings-exp FILE` (binaries from PATH, or
# Z3_BINARY / CVC5_BINARY) and `node scripts/z3-wasm/z3-wasm.js FILE` (a current Z3 compiled to
# WebAssembly, npm z3-solver from scripts/install-deps.sh; NODE_BINARY / Z3_WASM_SCRIPT). Each
# runs under coreutils `timeout` (SIGKILL 2 s after TERM); z3 also gets `-T:`, z3-wasm
# `--timeout`. A solver that is not installed is printed as `NOT RUN` and counts for nothing
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
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
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

z3_bin="${Z3_BINARY:-z3}"
cvc5_bin="${CVC5_BINARY:-cvc5}"
node_bin="${NODE_BINARY:-node}"
z3_wasm_script="${Z3_WASM_SCRIPT:-$(cd "$(dirname "$0")/../.." && pwd)/scripts/z3-wasm/z3-wasm.js}"
known_timeouts=$(sed -n 's/^;[[:space:]]*known-timeout:[[:space:]]*\([a-z0-9-]*\).*/\1/p' "$file" | tr '\n' ' ')

# run_solver NAME -> sets answer, seconds
run_solver() {
  local name="$1" out rc start end
  start=$(date +%s.%N)
  case "$name" in
    z3) out=$(timeout -k 2 "$limit" "$z3_bin" -smt2 -T:"$limit" "$file" 2>&1); rc=$? ;;
    cvc5) out=$(timeout -k 2 "$limit" "$cvc5_bin" --lang smt2 --strings-exp "$file" 2>&1); rc=$? ;;
    # z3-wasm prints `FILE: ANSWER (S s)`; its ANSWER is Z3's whole output on one line.
    z3-wasm) out=$(timeout -k 2 "$((limit + 10))" "$node_bin" "$z3_wasm_script" --timeout "$limit" "$file" 2>&1); rc=$?
             out=$(printf '%s\n' "$out" | sed -n "s|^$file: \([a-z]*\).*|\1|p; s|^error: .*|&|p") ;;
  esac
  end=$(date +%s.%N)
  seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
  # The first line that is a verdict; anything else (warnings, errors) is shown when no verdict came.
  answer=$(printf '%s\n' "$out" | grep -m1 -x -E 'sat|unsat|unknown|timeout')
  if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ] || [ "$answer" = "timeout" ]; then
    answer="timeout"
  elif [ -z "$answer" ]; then
    answer="error: $(printf '%s' "$out" | head -n3 | tr '\n' ' ')"
  fi
}

expected_count=0
opposite_count=0
for solver in z3 cvc5 z3-wasm; do
  case "$solver" in
    z3) bin_var="$z3_bin" ;;
    cvc5) bin_var="$cvc5_bin" ;;
    z3-wasm) bin_var="$node_bin" ;;
  esac
  if ! command -v "$bin_var" >/dev/null 2>&1; then
    echo "$solver: NOT RUN: \`$bin_var\` is not installed (scripts/install-deps.sh)"
    continue
  fi
  if [ "$solver" = z3-wasm ]; then
    version=$("$node_bin" "$z3_wasm_script" --version 2>&1 | head -n1)
    case "$version" in
      z3-solver*) version=$(printf '%s' "$version" | grep -o -m1 -E '[0-9]+\.[0-9]+\.[0-9]+' | head -n1) ;;
      *) echo "z3-wasm: NOT RUN: $version"; continue ;;
    esac
  else
    version=$("$bin_var" --version 2>/dev/null | grep -o -m1 -E '[0-9]+\.[0-9]+\.[0-9]+')
  fi
  run_solver "$solver"
  note=""
  case " $known_timeouts " in
    *" $solver "*) [ "$answer" = "timeout" ] && note=" (known timeout, recorded in the header)" ;;
  esac
  echo "$solver $version: $answer (${seconds} s)$note"
  [ "$answer" = "$expect" ] && expected_count=$((expected_count + 1))
  [ "$answer" = "$opposite" ] && opposite_count=$((opposite_count + 1))
done

if [ "$opposite_count" -gt 0 ] && [ "$expected_count" -gt 0 ]; then
  echo "FAIL: the solvers disagree (expected $expect) — never a pass"
  exit 1
fi
if [ "$opposite_count" -gt 0 ]; then
  echo "FAIL: expected $expect, got $opposite"
  exit 1
fi
if [ "$expected_count" -lt "$require" ]; then
  echo "FAIL: $expected_count solver(s) said $expect, $require required"
  exit 1
fi
echo "PASS: $expected_count solver(s) said $expect, none said $opposite"
exit 0
