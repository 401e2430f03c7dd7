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

# Node.js and npm run only the catalog and corpus scripts (not the build or the tests); many
# machines have them from elsewhere, and Debian's npm conflicts with such a Node.js.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: everything is installed"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
