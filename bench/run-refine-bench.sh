#!/usr/bin/env bash
# Fetches the managed policy corpus (npm) and runs the refinement benchmark on the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=$(scripts/fetch-managed-policies.sh)
cmake --preset default >/dev/null
cmake --build --preset default --target refine_bench
./build/bench/refine_bench "$corpus"
