#!/usr/bin/env python3
"""merge-shards.py — the output lines of `leastpriv batch --shard i/n` runs merged into the order
an unsharded run writes them: the input's order (deploy/README.md).

Usage: deploy/merge-shards.py IN.jsonl SHARD.jsonl... -o OUT.jsonl

Each shard's file is already in input order; merging orders every line by its unit's input
line: the line number an error line carries (`"line"`, for a line that was not a unit or
repeated an id), else the first input line with the line's `"id"`. The output is byte for byte
what `leastpriv batch IN.jsonl -o OUT.jsonl` writes with the same flags (tested by
tests/deploy/deploy_manifests_test.sh). Refuses to merge when a unit is missing or appears
twice (a shard missing, or one given twice): exit 1, naming the id.
Stdlib only.
"""

import argparse
import json
import sys


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("input")
    parser.add_argument("shards", nargs="+")
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()

    first_line_of = {}  # id -> the first input line (1-based) that names it
    units = 0
    with open(args.input, encoding="utf-8") as f:
        for number, text in enumerate(f, start=1):
            if not text.strip():
                continue
            units += 1
            try:
                unit = json.loads(text)
            except ValueError:
                continue
            if isinstance(unit, dict) and isinstance(unit.get("id"), str):
                first_line_of.setdefault(unit["id"], number)

    keyed = []
    for shard in args.shards:
        with open(shard, encoding="utf-8") as f:
            for text in f:
                if not text.endswith("\n"):
                    sys.exit(f"merge-shards: {shard}: a cut last line (an unfinished shard?)")
                line = json.loads(text)
                number = line.get("line", first_line_of.get(line.get("id")))
                if number is None:
                    sys.exit(f"merge-shards: {shard}: id `{line.get('id')}` is not in {args.input}")
                keyed.append((number, text))
    keyed.sort(key=lambda pair: pair[0])
    seen = [number for number, _ in keyed]
    if len(set(seen)) != len(seen) or len(seen) != units:
        sys.exit(f"merge-shards: {len(seen)} output lines ({len(set(seen))} distinct units) for {units} input units: "
                 "a shard is missing or given twice")
    with open(args.output, "w", encoding="utf-8") as out:
        out.writelines(text for _, text in keyed)


if __name__ == "__main__":
    main()
