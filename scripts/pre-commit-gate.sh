#!/usr/bin/env bash
# The pre-commit hook of .pre-commit-hooks.yaml (id: leastpriv-gate): every staged JSON file that
# holds an IAM policy (a policy document, an AWS CLI wrapper or a CloudFormation JSON template)
# must read as one, and must allow nothing its committed version (HEAD) does not, proved by
# `leastpriv gate --before HEAD's version`. A file new in this commit is read and checked for
# opaque actions only. JSON files without a "Statement" (package.json, tsconfig.json) are skipped.
#
#   usage: pre-commit-gate.sh [--fail-on X]... [--ignore X]... [--catalog C] [--fast] FILE...
#   LEASTPRIV: the leastpriv binary (default: leastpriv on PATH)
#   exit: 0 every file passes; else the highest gate exit code (1 blocking, 2 bad input, 3 undecided)
#
# Tested by: tests/ci/pre_commit_hook_test.sh
set -uo pipefail

leastpriv="${LEASTPRIV:-leastpriv}"
if ! command -v "$leastpriv" >/dev/null 2>&1; then
  echo "leastpriv-gate: \`$leastpriv\` not found: build it (scripts/setup.sh) and put it on PATH or set LEASTPRIV" >&2
  exit 2
fi

# pre-commit passes the hook's `args:` first, then the file names.
options=()
while [ $# -gt 0 ]; do
  case "$1" in
    --fast) options+=("$1"); shift ;;
    --fail-on|--ignore|--catalog) options+=("$1" "$2"); shift 2 ;;
    --) shift; break ;;
    *) break ;;
  esac
done

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
status=0
for file in "$@"; do
  grep -q '"Statement"' "$file" 2>/dev/null || continue
  arguments=(gate "$file" --format text "${options[@]}")
  if git cat-file -e "HEAD:$file" 2>/dev/null; then
    before="$scratch/HEAD.$(basename "$file")"
    git show "HEAD:$file" >"$before"
    arguments+=(--before "$before")
  fi
  "$leastpriv" "${arguments[@]}"
  code=$?
  [ "$code" -gt "$status" ] && status=$code
done
exit "$status"
