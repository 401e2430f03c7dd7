#!/usr/bin/env bash
# deploy_manifests_test.sh SOURCE_DIR LEASTPRIV — the shard manifests of deploy/ run the real CLI:
# - deploy/aws-batch/job-definition.json parses as JSON (python3's json: PyYAML is not assumed);
# - the shard command of it and of deploy/k8s/batch-job.yaml (read as text: the folded `args`
#   scalar) uses only flags that `leastpriv batch --help` lists, and runs: each command is
#   executed as the pods would run it (sh -c, the index and SHARDS set, the volume paths mapped
#   to a scratch folder) for every index of 3 shards, and deploy/merge-shards.py must give back
#   exactly the output of one unsharded run; merge-shards refuses a missing shard.
set -euo pipefail
source_dir=$1
binary=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail() { echo "deploy_manifests_test: $*" >&2; exit 1; }

# The AWS Batch command, from the JSON.
aws_command=$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
c = d["containerProperties"]["command"]
assert c[:2] == ["sh", "-c"], c
assert d["type"] == "container"
assert any(v.get("efsVolumeConfiguration") for v in d["containerProperties"]["volumes"])
print(c[2])' "$source_dir/deploy/aws-batch/job-definition.json") || fail "job-definition.json: not the expected JSON"

# The Kubernetes command: the lines of the folded scalar after `- >-`, up to `resources:`.
k8s_command=$(awk '/- >-/ {on = 1; next} /resources:/ {on = 0} on {printf "%s ", $0}' "$source_dir/deploy/k8s/batch-job.yaml" |
              sed 's/  */ /g; s/^ //; s/ $//')
[ -n "$k8s_command" ] || fail "batch-job.yaml: no shard command found"
grep -q "completionMode: Indexed" "$source_dir/deploy/k8s/batch-job.yaml" || fail "batch-job.yaml: not an Indexed Job"

help=$("$binary" batch --help)
for command in "$aws_command" "$k8s_command"; do
  case "$command" in "exec leastpriv batch "*) ;; *) fail "not a leastpriv batch command: $command" ;; esac
  for word in $command; do
    case "$word" in
      -*) grep -q -- "\\[$word\\b\\|^ *$word \\|batch IN.jsonl $word " <<<"$help" || fail "\`$word\` is not a flag of leastpriv batch: $command" ;;
    esac
  done
done

# A small input: the seed policy under five ids with five different findings (no two units
# share a cache entry, so no line says `cached` in one run and not in the other).
python3 - "$source_dir" > "$scratch/units.jsonl" <<'PY'
import json, sys
root = sys.argv[1]
policy = json.load(open(root + "/examples/seed/policy.json"))
findings = json.load(open(root + "/examples/seed/findings.json"))
for i in range(5):
    unit_findings = json.loads(json.dumps(findings))
    unit_findings[0]["actions"] = unit_findings[0]["actions"][i:]
    print(json.dumps({"id": f"unit-{i}", "policy": policy, "findings": unit_findings}))
PY
mkdir -p "$scratch/bin" && ln -s "$binary" "$scratch/bin/leastpriv"
"$binary" batch "$scratch/units.jsonl" -o "$scratch/unsharded.jsonl" --no-verify 2>/dev/null

run_shards() {  # name, command with the manifest's paths, index variable, volume root to map
  local name=$1 command=$2 index_var=$3 root=$4
  mkdir -p "$scratch/$name/in" "$scratch/$name/out" "$scratch/$name/cache"
  cp "$scratch/units.jsonl" "$scratch/$name/in/units.jsonl"
  # The paths the pods mount, mapped into the scratch folder; --no-verify keeps the test quick.
  local mapped=${command//$root/$scratch/$name}
  for index in 0 1 2; do
    env PATH="$scratch/bin:$PATH" SHARDS=3 "$index_var=$index" sh -c "$mapped --no-verify" 2>/dev/null ||
      fail "$name: shard $index failed: $mapped"
  done
  python3 "$source_dir/deploy/merge-shards.py" "$scratch/units.jsonl" "$scratch/$name"/out/shard-*.jsonl -o "$scratch/$name/merged.jsonl"
  cmp -s "$scratch/$name/merged.jsonl" "$scratch/unsharded.jsonl" || fail "$name: merged shards differ from the unsharded run"
}
run_shards aws "$aws_command" AWS_BATCH_JOB_ARRAY_INDEX /mnt/efs  # the EFS volume is mounted at /mnt/efs
k8s_mapped=${k8s_command//\/in\//\/root\/in\/}
k8s_mapped=${k8s_mapped//\/out\//\/root\/out\/}
k8s_mapped=${k8s_mapped//\/cache/\/root\/cache}
run_shards k8s "$k8s_mapped" JOB_COMPLETION_INDEX /root

if python3 "$source_dir/deploy/merge-shards.py" "$scratch/units.jsonl" "$scratch/k8s/out/shard-0.jsonl" -o "$scratch/partial.jsonl" 2>/dev/null; then
  fail "merge-shards accepted a missing shard"
fi
echo "deploy_manifests_test: both manifests run leastpriv batch's real flags; merged shards equal the unsharded run"
