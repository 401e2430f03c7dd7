#!/usr/bin/python3
"""Runs a composite GitHub Action (action.yml) locally, as the runner would, without the network:
`run_composite_action.py ACTION_DIR REPORT.json name=value...` (the action's inputs).

The `run` steps run in order under bash with the step's `env`, GITHUB_ACTION_PATH, GITHUB_OUTPUT
(read back as the step's outputs) and GITHUB_STEP_SUMMARY; `${{ inputs.x }}` and
`${{ steps.id.outputs.y }}` are substituted. `uses` steps are not run (they need GitHub): each is
recorded with its evaluated `with`. `if:` supports what action.yml uses: `always()`, `==` / `!=`
against a quoted string, joined by `&&`. As on GitHub, after a failed step only steps whose `if`
says always() run. Writes REPORT.json ({"steps": [...], "outputs": {...}}) and exits with the
first failed step's code (0 when none failed).

Used by tests/ci/action_test.sh.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

import yaml

EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def value_of(expression, inputs, steps):
    expression = expression.strip()
    if expression.startswith("inputs."):
        return inputs.get(expression[len("inputs."):], "")
    match = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expression)
    if match:
        return steps.get(match.group(1), {}).get(match.group(2), "")
    if expression.startswith("'") and expression.endswith("'"):
        return expression[1:-1]
    raise ValueError(f"unsupported expression `{expression}`")


def substitute(text, inputs, steps):
    return EXPRESSION.sub(lambda m: value_of(m.group(1), inputs, steps), str(text))


def condition(text, inputs, steps, failed):
    """(whether the step runs, whether its condition says always())"""
    if text is None:
        return (not failed, False)
    text = EXPRESSION.sub(lambda m: m.group(1), str(text))
    always = False
    result = True
    for part in text.split("&&"):
        part = part.strip()
        if part == "always()":
            always = True
            continue
        match = re.fullmatch(r"(.+?)\s*(==|!=)\s*(.+)", part)
        if not match:
            raise ValueError(f"unsupported condition `{part}`")
        left = value_of(match.group(1), inputs, steps)
        right = value_of(match.group(3), inputs, steps)
        result = result and ((left == right) if match.group(2) == "==" else (left != right))
    return (result and (always or not failed), always)


def main(argv):
    action_dir, report_path = argv[1], argv[2]
    with open(os.path.join(action_dir, "action.yml")) as f:
        action = yaml.safe_load(f)
    assert action["runs"]["using"] == "composite", "not a composite action"
    inputs = {name: str(spec.get("default", "")) for name, spec in action.get("inputs", {}).items()}
    for pair in argv[3:]:
        name, _, value = pair.partition("=")
        if name not in inputs:
            raise SystemExit(f"action.yml has no input `{name}`")
        inputs[name] = value
    missing = [n for n, spec in action.get("inputs", {}).items() if spec.get("required") and not inputs.get(n)]
    if missing:
        raise SystemExit(f"required inputs missing: {missing}")
    steps, report, failed_code = {}, [], 0
    scratch = tempfile.mkdtemp()
    for index, step in enumerate(action["runs"]["steps"]):
        runs, _ = condition(step.get("if"), inputs, steps, failed_code != 0)
        entry = {"name": step.get("name", f"step {index}"), "ran": runs}
        if "uses" in step:
            entry["uses"] = step["uses"]
            entry["with"] = {k: substitute(v, inputs, steps) for k, v in step.get("with", {}).items()}
            report.append(entry)
            continue
        if not runs:
            report.append(entry)
            continue
        output_file = os.path.join(scratch, f"output-{index}")
        open(output_file, "w").close()
        env = dict(os.environ)
        env.update({k: substitute(v, inputs, steps) for k, v in step.get("env", {}).items()})
        env.update({"GITHUB_ACTION_PATH": os.path.abspath(action_dir), "GITHUB_OUTPUT": output_file,
                    "GITHUB_STEP_SUMMARY": os.path.join(scratch, "summary.md")})
        completed = subprocess.run(["bash", "-e", "-c", substitute(step["run"], inputs, steps)], env=env)
        outputs = {}
        with open(output_file) as f:
            for line in f:
                key, _, value = line.rstrip("\n").partition("=")
                outputs[key] = value
        if "id" in step:
            steps[step["id"]] = outputs
        entry.update({"exit": completed.returncode, "outputs": outputs})
        report.append(entry)
        if completed.returncode != 0 and failed_code == 0:
            failed_code = completed.returncode
    action_outputs = {name: substitute(spec.get("value", ""), inputs, steps) for name, spec in action.get("outputs", {}).items()}
    with open(report_path, "w") as f:
        json.dump({"steps": report, "outputs": action_outputs}, f, indent=2)
    return failed_code


if __name__ == "__main__":
    sys.exit(main(sys.argv))
