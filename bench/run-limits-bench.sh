#!/usr/bin/env bash
# Measures leastpriv at and below its resource limits (README "Resource limits"): builds the
# release build and bench/limits_bench.cpp, then runs every case's ladder up to its limit and
# prints wall time and peak memory of `refine --no-verify`, `verify --fast` and `verify`.
#   bench/run-limits-bench.sh                    every case (about 10 minutes on 2 cores)
#   bench/run-limits-bench.sh --cases statements [--sizes 10000] [--modes refine,fast]
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset default >/dev/null
cmake --build --preset default --target leastpriv limits_bench >/dev/null
exec build/bench/limits_bench --leastpriv build/leastpriv "$@"
