#!/usr/bin/env bash
# The README's first command: installs the dependencies, builds build/leastpriv, and refines
# the bundled MyRole example with the embedded catalog (verifying the result).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset default
cmake --build --preset default
echo
echo "== leastpriv refine --policy examples/seed/policy.json --findings examples/seed/findings.json"
./build/leastpriv refine --policy examples/seed/policy.json --findings examples/seed/findings.json
