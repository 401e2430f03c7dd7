#!/usr/bin/env bash
# Runs one libFuzzer harness of tests/fuzz for a wall-clock budget:
#   scripts/fuzz.sh TARGET SECONDS     (TARGET: policy_reader findings_reader catalog_reader
#                                       json_reader certificate_reader refine_verify iac_reader, or `all`)
# Builds the fuzz preset (clang, ASan + UBSan) first. The seed corpus in tests/fuzz/corpus/TARGET
# is copied to build-fuzz/corpus/TARGET, where new inputs accumulate (the repository's seeds stay
# as committed); a crash, a leak or a failed check leaves its input in build-fuzz/artifacts/
# and exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."
targets=(policy_reader findings_reader catalog_reader json_reader certificate_reader refine_verify iac_reader)
if [[ $# -ne 2 ]]; then
  echo "usage: scripts/fuzz.sh TARGET|all SECONDS (targets: ${targets[*]})" >&2
  exit 2
fi
if [[ "$1" == all ]]; then chosen=("${targets[@]}"); else chosen=("$1"); fi
seconds=$2
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target "${chosen[@]/%/_fuzz}"
mkdir -p build-fuzz/artifacts
export LSAN_OPTIONS="suppressions=$PWD/.ci/lsan.supp"
export UBSAN_OPTIONS="print_stacktrace=1"
for target in "${chosen[@]}"; do
  [[ -d "tests/fuzz/corpus/$target" ]] || { echo "no harness $target (${targets[*]})" >&2; exit 2; }
  corpus="build-fuzz/corpus/$target"
  mkdir -p "$corpus"
  cp -n "tests/fuzz/corpus/$target"/* "$corpus"/ 2>/dev/null || true
  echo "== fuzz $target for ${seconds} s"
  # -timeout: one input taking 10 s is a finding (a bound that does not hold), not a wait.
  log="build-fuzz/artifacts/${target}.log"
  if ! "build-fuzz/tests/fuzz/${target}_fuzz" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
      -artifact_prefix="build-fuzz/artifacts/${target}-" -print_final_stats=1 >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "fuzz $target FAILED; the input is in build-fuzz/artifacts/, the log in $log" >&2
    exit 1
  fi
  grep -E "^stat::number_of_executed_units|^Done" "$log" || true
done
