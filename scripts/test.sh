#!/usr/bin/env bash
# The README's second command: builds (warnings are errors) and runs every test: unit,
# property (fixed budget), differential, golden, cli and proof. Extra arguments go to ctest
# (e.g. `scripts/test.sh -L unit`).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset default >/dev/null
cmake --build --preset default
ctest --preset default --no-tests=error -j2 "$@"
