#!/usr/bin/env bash
# Long soak of the property suite (issue 4): every RapidCheck property in tests/property with a
# much larger budget than CI's 200 cases per property.
#
#   scripts/soak-properties.sh [MAX_SUCCESS] [BUILD_DIR]
#     MAX_SUCCESS  cases per property (default 5000; CI uses 200)
#     BUILD_DIR    a configured build tree (default build-property)
#   SEED=N scripts/soak-properties.sh   replays a whole soak run with RapidCheck's seed N
#
# A failure prints the shrunk case and a line RC_PARAMS="reproduce=…"; run the failing test
# binary with that variable and --gtest_filter=Suite.Name to replay just that case
# (see tests/property/README.md).
set -euo pipefail

max_success="${1:-5000}"
build_dir="${2:-build-property}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

if [[ ! -f "$build_dir/CMakeCache.txt" ]]; then
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLEASTPRIV_WERROR=ON
fi
targets=()
for source in tests/property/*_test.cpp; do targets+=("$(basename "$source" .cpp)"); done
cmake --build "$build_dir" --target "${targets[@]}"

params="max_success=${max_success}"
if [[ -n "${SEED:-}" ]]; then params="$params seed=${SEED}"; fi

status=0
for target in "${targets[@]}"; do
  binary="$build_dir/tests/$target"
  echo "== $target (RC_PARAMS=\"$params\")"
  started=$(date +%s)
  if ! RC_PARAMS="$params" "$binary"; then status=1; fi
  echo "== $target: $(( $(date +%s) - started )) s"
done
exit "$status"
