#!/usr/bin/env bash
# Rewrites the README's "Command line" code block with `build/leastpriv --help`, which is
# generated from the command table (cli/options.cpp). tests/cli/usage_cli_test.cpp fails
# until the two agree, so a flag added to the table reaches the README.
set -euo pipefail
cd "$(dirname "$0")/.."
marker='<!-- leastpriv --help: generated, scripts/update-readme-usage.sh -->'
help_file=$(mktemp)
trap 'rm -f "$help_file" README.md.tmp' EXIT
build/leastpriv --help >"$help_file"
# Keep everything up to the marker and its opening fence, put the help text, skip the old
# block up to its closing fence, keep the rest.
awk -v marker="$marker" -v help="$help_file" '
  state == 0 { print; if ($0 == marker) state = 1; next }
  state == 1 { print; if ($0 == "```") { while ((getline line < help) > 0) print line; state = 2 }; next }
  state == 2 { if ($0 == "```") { print; state = 3 }; next }
  { print }
' README.md >README.md.tmp
grep -qxF "$marker" README.md.tmp || { echo "README.md has no line: $marker" >&2; exit 1; }
mv README.md.tmp README.md
