#!/usr/bin/env bash
# The install step of the GitHub Action (action.yml): the repository's own dependency script
# (Debian bookworm packages; run the job in a `debian:bookworm` container), then a build of the
# leastpriv binary alone (no tests, no benchmarks), exported to later steps as LEASTPRIV.
#
# Tested by: tests/ci/action_test.sh (the action is run with install: 'false'; this script needs the network)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset default -DLEASTPRIV_BUILD_TESTS=OFF -DLEASTPRIV_BUILD_BENCH=OFF >/dev/null
cmake --build --preset default --target leastpriv
echo "LEASTPRIV=$PWD/build/leastpriv" >>"${GITHUB_ENV:-/dev/null}"
echo "action-install: built $PWD/build/leastpriv"
