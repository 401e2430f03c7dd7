#!/usr/bin/env bash
# The pre-commit hook script (scripts/pre-commit-gate.sh, .pre-commit-hooks.yaml) in a scratch
# git repository, as pre-commit calls it (args, then the staged file names): a new policy is read
# and passes; narrowing a committed policy passes; widening it fails (1); a file that is no policy
# is skipped; a malformed policy fails with 2 and names the pointer; --ignore passes args through.
#   usage: pre_commit_hook_test.sh SOURCE_DIR LEASTPRIV_BINARY
set -euo pipefail
source_dir="$1"
export LEASTPRIV="$2"
hook="$source_dir/scripts/pre-commit-gate.sh"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
fail() { echo "pre_commit_hook_test: FAIL: $*" >&2; exit 1; }
python3 -c "import yaml,sys; h=yaml.safe_load(open(sys.argv[1]))[0]; assert h['id']=='leastpriv-gate' and h['entry']=='scripts/pre-commit-gate.sh', h" \
  "$source_dir/.pre-commit-hooks.yaml" || fail ".pre-commit-hooks.yaml does not name the script"

cd "$scratch"
git init -q . && git config user.email t@example.com && git config user.name test
policy() { printf '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": %s, "Resource": "*"}\n  ]\n}\n' "$1" >policy.json; }
run_hook() { set +e; "$hook" "$@" >hook.log 2>&1; code=$?; set -e; }

policy '["s3:Get*", "s3:List*"]'
echo '{"name": "not-a-policy"}' >package.json
run_hook policy.json package.json
[ "$code" -eq 0 ] || { cat hook.log; fail "a new policy: exit $code"; }
git add policy.json package.json && git commit -qm base

policy '["s3:GetObject", "s3:List*"]'
run_hook policy.json package.json
[ "$code" -eq 0 ] || { cat hook.log; fail "narrowing: exit $code"; }
grep -q "gate: pass" hook.log || fail "narrowing: no pass line"

policy '["s3:Get*", "s3:List*", "s3:PutObject"]'
run_hook policy.json
[ "$code" -eq 1 ] || { cat hook.log; fail "widening: exit $code, expected 1"; }
grep -q "policy.json:4: error LP001 new-access \[blocking\]" hook.log || { cat hook.log; fail "widening: no LP001 on line 4"; }
run_hook --ignore new-access policy.json
[ "$code" -eq 0 ] || { cat hook.log; fail "--ignore passed through: exit $code"; }

printf '{"Statement": [{"Effect": "Allow", "Action": 7}]}\n' >policy.json
run_hook policy.json
[ "$code" -eq 2 ] || fail "malformed: exit $code, expected 2"
grep -q "/Statement/0/Action" hook.log || fail "malformed: no pointer"
echo "pre_commit_hook_test: 5 passed, 0 failed"
