#!/usr/bin/env bash
# The dependency rule (cmake/DependencyRule.cmake) fails on a forbidden include and passes on
# the real tree: a verifier file that includes an engine header must not build.
set -euo pipefail
source_dir=$1
rule=$source_dir/cmake/DependencyRule.cmake
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

check() {  # check FOLDER ALLOWED DIR
  cmake -DFOLDER="$1" "-DALLOWED=$2" -DSOURCE_DIR="$3" -P "$rule" >"$scratch/out" 2>&1
}

# The real tree keeps the rule.
check verifier "verifier|model|spec|support" "$source_dir" || { cat "$scratch/out"; echo "FAIL: the tree breaks the rule"; exit 1; }
check model "model|spec" "$source_dir" || { cat "$scratch/out"; echo "FAIL: model/ breaks the rule"; exit 1; }

# A verifier file that includes the engine is refused, with its name and line.
mkdir -p "$scratch/tree/verifier/decide"
printf '#include "model/policy.h"\n  #include "engine/match/action_pattern.h"\n' >"$scratch/tree/verifier/decide/bad.cpp"
if check verifier "verifier|model|spec|support" "$scratch/tree"; then
  echo "FAIL: an engine include in verifier/ passed"; exit 1
fi
grep -q 'verifier/decide/bad.cpp: *#include "engine/match/action_pattern.h"' "$scratch/out" || {
  cat "$scratch/out"; echo "FAIL: the message does not name the file and the include"; exit 1; }
grep -q 'model/policy.h' "$scratch/out" && { echo "FAIL: an allowed include was reported"; exit 1; }

# A header counts as much as a source file.
rm "$scratch/tree/verifier/decide/bad.cpp"
printf '#include "cli/report.h"\n' >"$scratch/tree/verifier/bad.h"
if check verifier "verifier|model|spec|support" "$scratch/tree"; then
  echo "FAIL: a cli include in a verifier header passed"; exit 1
fi
# The angle form is no way around it; a system header in that form is not ours to judge.
printf '#include <nlohmann/json.hpp>\n#include <sys/wait.h>\n' >"$scratch/tree/verifier/bad.h"
check verifier "verifier|model|spec|support" "$scratch/tree" || { cat "$scratch/out"; echo "FAIL: a system header was refused"; exit 1; }
printf '#include <engine/refine.h>\n' >"$scratch/tree/verifier/bad.h"
if check verifier "verifier|model|spec|support" "$scratch/tree"; then
  echo "FAIL: an engine include in angle brackets passed"; exit 1
fi
echo "dependency rule: 6 checks passed"
