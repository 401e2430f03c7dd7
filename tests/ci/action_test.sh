#!/usr/bin/env bash
# The GitHub Action (action.yml) run locally, without the network, by
# tests/ci/run_composite_action.py with the built binary (install: 'false'): the narrowing pull
# request of examples/ci passes; the widening one fails with exit 1 and its SARIF, valid against
# spec/sarif-schema-2.1.0.json, has the LP001 result on line 26 and is still handed to the
# upload step; bad input fails with 2 and nothing to upload.
#   usage: action_test.sh SOURCE_DIR LEASTPRIV_BINARY
set -euo pipefail
source_dir="$1"
export LEASTPRIV="$2"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cd "$source_dir"
fail() { echo "action_test: FAIL: $*" >&2; exit 1; }

run_action() {  # name, then inputs; sets $code and $report
  local name="$1"; shift
  report="$scratch/$name.json"
  set +e
  python3 tests/ci/run_composite_action.py . "$report" install=false "sarif-file=$scratch/$name.sarif" "$@" >"$scratch/$name.log" 2>&1
  code=$?
  set -e
}
step_field() {  # report, step name, python expression over `step`
  python3 -c "import json,sys; r=json.load(open(sys.argv[1])); s=[s for s in r['steps'] if s['name']==sys.argv[2]][0]; print($3)" "$1" "$2"
}

run_action narrowing file=examples/ci/pull-requests/narrowing.yaml before=examples/ci/template.yaml
[ "$code" -eq 0 ] || { cat "$scratch/narrowing.log"; fail "narrowing: exit $code, expected 0"; }
[ "$(step_field "$report" 'Install and build leastpriv' "s['ran']")" = False ] || fail "install ran with install=false"
[ "$(step_field "$report" 'Upload SARIF to code scanning' "s['ran']")" = True ] || fail "narrowing: SARIF not uploaded"
[ "$(step_field "$report" 'Fail on blocking results' "s['ran']")" = False ] || fail "narrowing: the failing step ran"
grep -q "leastpriv gate: pass" "$scratch/narrowing.log" || fail "narrowing: no summary line"

run_action widening file=examples/ci/pull-requests/widening.yaml before=examples/ci/template.yaml
[ "$code" -eq 1 ] || { cat "$scratch/widening.log"; fail "widening: exit $code, expected 1"; }
[ "$(step_field "$report" 'Upload SARIF to code scanning' "s['ran'] and s['with']['sarif_file']")" = "$scratch/widening.sarif" ] ||
  fail "widening: the SARIF of a failing change was not handed to upload-sarif"
[ "$(step_field "$report" 'Upload SARIF to code scanning' "s['uses']")" = "github/codeql-action/upload-sarif@v3" ] || fail "upload step"
python3 tests/support/validate_json_schema.py spec/sarif-schema-2.1.0.json "$scratch/widening.sarif" || fail "widening: SARIF invalid"
line="$(python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['runs'][0]['results']; print([x['locations'][0]['physicalLocation']['region']['startLine'] for x in r if x['ruleId']=='LP001'])" "$scratch/widening.sarif")"
[ "$line" = "[26]" ] || fail "widening: LP001 results on lines $line, expected [26]"
grep -q "examples/ci/pull-requests/widening.yaml:26: error LP001 \[blocking\]" "$scratch/widening.log" || fail "widening: log line"

printf 'Resources:\n  P:\n    Type: AWS::IAM::Policy\n    Properties: {PolicyDocument: {Statement: [{Effect: Maybe, Action: "s3:*"}]}}\n' >"$scratch/bad.yaml"
run_action bad "file=$scratch/bad.yaml"
[ "$code" -eq 2 ] || fail "bad input: exit $code, expected 2"
[ "$(step_field "$report" 'Upload SARIF to code scanning' "s['ran']")" = False ] || fail "bad input: an upload without a SARIF"
grep -q "/Resources/P/Properties/PolicyDocument/Statement/0/Effect" "$scratch/bad.log" || fail "bad input: no pointer in the message"
echo "action_test: 3 passed, 0 failed"
