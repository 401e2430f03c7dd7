#!/usr/bin/env bash
# The gate step of the GitHub Action (action.yml): runs `leastpriv gate` with the action's
# inputs (passed as GATE_* variables), writes the SARIF report, prints each result as a line
# (and into the job summary), and records the exit code as the step output `exit-code` instead
# of failing: the SARIF of a failing change must still be uploaded. The action's last step
# fails the job with that code.
#
#   GATE_FILE (required), GATE_BEFORE, GATE_FINDINGS (whitespace-separated [PRINCIPAL=]F.json),
#   GATE_FAIL_ON, GATE_IGNORE (comma- or whitespace-separated), GATE_SARIF (default leastpriv.sarif),
#   LEASTPRIV (the binary; default leastpriv on PATH)
#
# Tested by: tests/ci/action_test.sh
set -uo pipefail

leastpriv="${LEASTPRIV:-leastpriv}"
sarif="${GATE_SARIF:-leastpriv.sarif}"
output="${GITHUB_OUTPUT:-/dev/null}"
arguments=(gate "${GATE_FILE:?the action input file is required}" --format sarif -o "$sarif")
[ -n "${GATE_BEFORE:-}" ] && arguments+=(--before "$GATE_BEFORE")
for findings in ${GATE_FINDINGS:-}; do arguments+=(--findings "$findings"); done
fail_on="${GATE_FAIL_ON:-}"
ignore="${GATE_IGNORE:-}"
for value in ${fail_on//,/ }; do arguments+=(--fail-on "$value"); done
for value in ${ignore//,/ }; do arguments+=(--ignore "$value"); done

rm -f "$sarif"
"$leastpriv" "${arguments[@]}"
code=$?
echo "exit-code=$code" >>"$output"
if [ -s "$sarif" ]; then
  echo "sarif-written=true" >>"$output"
  python3 - "$sarif" "${GITHUB_STEP_SUMMARY:-/dev/null}" <<'PY'
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
lines = []
for result in run["results"]:
    location = result["locations"][0]["physicalLocation"]
    blocking = " [blocking]" if result.get("properties", {}).get("blocking") else ""
    lines.append(f'{location["artifactLocation"]["uri"]}:{location["region"]["startLine"]}: {result["level"]} '
                 f'{result["ruleId"]}{blocking}: {result["message"]["text"]}')
lines.append(f'leastpriv gate: {run["properties"]["outcome"]}, {len(run["results"])} results')
print("\n".join(lines))
with open(sys.argv[2], "a") as summary:
    summary.write("### leastpriv gate\n\n" + "\n".join(f"- {line}" for line in lines) + "\n")
PY
else
  echo "sarif-written=false" >>"$output"
fi
exit 0
