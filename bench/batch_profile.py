#!/usr/bin/env python3
"""batch_profile.py — where a `leastpriv batch` run's default verification went, per unit and
per query text, read from its output and the certificates of its --cache (issue 14, step 1 of
bench/reports/batch.md's "Throughput of the default verification").

Prints: how many queries the verified units asked, how many of their SMT-LIB texts repeat
exactly across units (what a run-wide verdict memo could save) and how much of the procedures'
time those repeats took; the per-unit distribution (median, mean, p90, max; the top 5% of units'
share) and the costliest units. The times are the procedures' wall seconds as the certificates
record them: on a loaded machine they count the time spent waiting for a core, so compare
runs made under the same load. Queries a unit took from the run's memo (or from another query of
its own with the same formula) record 0 s.

Usage: bench/batch_profile.py OUT.jsonl CACHE_DIR [--top N]
"""
import argparse
import hashlib
import json
import os
import statistics


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("output")
    parser.add_argument("cache")
    parser.add_argument("--top", type=int, default=12)
    args = parser.parse_args()

    first_time = {}  # text digest -> seconds of its first asking
    asked = repeated = 0
    total = on_repeats = 0.0
    per_unit = []
    with open(args.output) as lines:
        for line in lines:
            unit = json.loads(line)
            if unit.get("status") != "proved" or unit.get("cached") or "key" not in unit:
                continue
            path = os.path.join(args.cache, unit["key"][:2], unit["key"], "certificate.json")
            if not os.path.exists(path):
                continue
            with open(path) as file:
                certificate = json.load(file)
            seconds = 0.0
            for obligation in certificate["obligations"]:
                if not obligation.get("smtlib"):
                    continue  # O0, structural
                spent = sum(procedure.get("seconds", 0) for procedure in obligation["procedures"])
                digest = hashlib.sha256(obligation["smtlib"].encode()).hexdigest()
                asked += 1
                seconds += spent
                if digest in first_time:
                    repeated += 1
                    on_repeats += max(spent, first_time[digest])
                else:
                    first_time[digest] = spent
            total += seconds
            per_unit.append((seconds, unit["id"], len(certificate["obligations"])))
    if not per_unit:
        print("no verified unit with a certificate in the cache")
        return
    per_unit.sort(reverse=True)
    times = [seconds for seconds, _, _ in per_unit]
    print(f"units verified (not cache hits): {len(per_unit)}; queries {asked}; distinct texts {len(first_time)}; "
          f"asked again by another unit or query: {repeated} ({100 * repeated / max(asked, 1):.1f}%)")
    print(f"procedure seconds: {total:.1f}; on the repeated texts (their first asking's cost): {on_repeats:.1f} "
          f"({100 * on_repeats / max(total, 1e-9):.1f}%)")
    print(f"per unit: median {statistics.median(times):.3f} s, mean {statistics.mean(times):.3f} s, "
          f"p90 {times[len(times) // 10]:.3f} s, max {times[0]:.2f} s; "
          f"the top 5% of units: {100 * sum(times[:max(len(times) // 20, 1)]) / max(total, 1e-9):.1f}% of the time")
    for seconds, unit_id, queries in per_unit[:args.top]:
        print(f"  {seconds:8.2f} s  {queries:5d} queries  {unit_id}")


if __name__ == "__main__":
    main()
