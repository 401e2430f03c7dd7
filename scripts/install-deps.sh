#!/usr/bin/env bash
# Installs what leastpriv needs to build, test and re-check certificates, from Debian's
# packages (bookworm). Idempotent: a second run installs nothing. Needs root (or sudo).
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  nlohmann-json3-dev            # JSON I/O
  libz3-dev z3                  # the primary solver: C++ API and command line
  libcvc5-dev cvc5              # the second opinion: C++ API and command line
  googletest libgtest-dev       # unit tests
  librapidcheck-dev             # property tests
  graphviz                      # explain --format svg
  diffutils                     # the diff tests compare against GNU diff
  python3                       # proofs/smt/generate.py --check, tests/layout/tested_by_test.py
  libyaml-cpp-dev               # iac/: CloudFormation templates in YAML (leastpriv gate)
  python3-yaml                  # tests/ci/run_composite_action.py reads action.yml
  python3-jsonschema            # tests/support/validate_json_schema.py: certificates against spec/certificate.schema.json
  clang libclang-rt-14-dev      # the libFuzzer harnesses (scripts/fuzz.sh, the fuzz preset)
)

# Node.js and npm run the catalog and corpus scripts and the third solver (z3-wasm, below); many
# machines have them from elsewhere, and Debian's npm conflicts with such a Node.js.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: every Debian package is installed"
else
  echo "install-deps: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The third solver: npm `z3-solver` (a current Z3 compiled to WebAssembly), at the version
# pinned by scripts/z3-wasm/package-lock.json, into /opt/leastpriv/z3-wasm, where
# scripts/z3-wasm/z3-wasm.js finds it (the lemma checks and check-certificate run it; no
# network is needed after this). Reinstalled only when the lock file changed.
z3_wasm_source="$(cd "$(dirname "$0")" && pwd)/z3-wasm"
z3_wasm_target=/opt/leastpriv/z3-wasm
if cmp -s "$z3_wasm_source/package-lock.json" "$z3_wasm_target/package-lock.json" && [ -d "$z3_wasm_target/node_modules/z3-solver" ]; then
  echo "install-deps: z3-solver is installed in $z3_wasm_target"
else
  echo "install-deps: installing npm z3-solver into $z3_wasm_target"
  $SUDO mkdir -p "$z3_wasm_target"
  $SUDO cp "$z3_wasm_source/package.json" "$z3_wasm_source/package-lock.json" "$z3_wasm_target/"
  (cd "$z3_wasm_target" && $SUDO npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
fi
