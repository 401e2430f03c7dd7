#!/usr/bin/env python3
"""account_generator.py — a synthetic account as `leastpriv batch` input (issue 14's goals).

Usage:
  bench/account_generator.py --corpus bench/data/managedPolicies.json --units N | --principals N
      [--seed 14] [--catalog spec/catalog/aws-catalog.txt] [-o units.jsonl] [--account DIR]

Writes JSON Lines, one batch unit per (principal, policy) pair:
  {"id": "p00042/managed/ReadOnlyAccess", "policy": {...}, "findings": [...]}
until --units lines are written (principals are generated as needed) or every unit of
--principals principals is, and prints a summary on
stderr: principals, units by kind, the distinct policies and the unused ratio.

The mix (deterministic for a seed; plain random, nothing tuned to the tool):
- every principal has 1-3 AWS managed policies from the corpus (the default version of any of
  the 1,594, drawn with a Zipf-like popularity over a seeded shuffle, so some are attached to
  many principals, as in real accounts), 0-2 shared customer-managed policies from a pool of
  one per 25 principals (each a few statements cut from corpus policies, within IAM's 6,144
  characters), and with probability one half an inline policy of its own (one or two statements
  cut from corpus policies, within a role's 10,240);
- each principal has its own unused-access findings: a ratio r drawn uniformly from 0.30-0.70
  of the actions its policies allow (together); each service it can reach is wholly unused with
  probability r/2 (a finding without `actions`, as Access Analyzer reports a service never
  used), otherwise each of its allowed actions is unused with the probability that makes the
  expected total r;
- a unit's findings are its principal's, restricted to the services the unit's policy can
  reach (what `leastpriv batch` would keep anyway; it keeps the file small: an
  AdministratorAccess principal's findings name thousands of actions).

With --account DIR it also writes the same account as `leastpriv account` reads it: one role a
principal (`arn:aws:iam::123456789012:role/p00042`) in DIR/authorization-details.json (the shape
of `aws iam get-account-authorization-details`: RoleDetailList with URL-encoded inline
documents, Policies with every attached managed policy's default version and AttachmentCount)
and DIR/findings.jsonl, one GetFindingV2 response a principal with its whole findings.

Stdlib only (json, os, random, re, urllib): no PyYAML or numpy needed. The allowed actions of a policy
are computed with Python's re over the embedded catalog snapshot, Action statements only
(NotAction statements count as allowing every catalog action they do not name).
"""

import argparse
import json
import os
import random
import re
import sys
import urllib.parse


def read_catalog(path):
    """service (lower) -> list of (spelled service, action name)."""
    services = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            words = line.split()
            services.setdefault(words[0].lower(), []).extend((words[0], name) for name in words[1:])
    return services


def glob_regex(pattern):
    out = []
    for c in pattern.lower():
        out.append(".*" if c == "*" else "." if c == "?" else re.escape(c))
    return re.compile("".join(out) + r"\Z")


class Allowed:
    """The catalog actions (lower-cased `svc:name`) a policy document allows, cached by text."""

    def __init__(self, catalog):
        self.catalog = catalog
        self.all_lower = {s: [f"{svc}:{n}".lower() for svc, n in acts] for s, acts in catalog.items()}
        self.cache = {}

    def pattern_actions(self, pattern):
        pattern = pattern.lower()
        service, _, _ = pattern.partition(":")
        regex = glob_regex(pattern)
        if "*" in service or "?" in service:
            candidates = [a for s in self.all_lower for a in self.all_lower[s]]
        else:
            candidates = self.all_lower.get(service, [])
        return {a for a in candidates if regex.match(a)}

    def of(self, document):
        key = json.dumps(document, sort_keys=True)
        if key in self.cache:
            return self.cache[key]
        allowed = set()
        statements = document.get("Statement", [])
        if isinstance(statements, dict):
            statements = [statements]
        for statement in statements:
            if statement.get("Effect") != "Allow":
                continue
            if "Action" in statement:
                actions = statement["Action"]
                for pattern in [actions] if isinstance(actions, str) else actions:
                    allowed |= self.pattern_actions(pattern)
            elif "NotAction" in statement:
                excluded = set()
                not_actions = statement["NotAction"]
                for pattern in [not_actions] if isinstance(not_actions, str) else not_actions:
                    excluded |= self.pattern_actions(pattern)
                allowed |= {a for s in self.all_lower for a in self.all_lower[s]} - excluded
        self.cache[key] = allowed
        return allowed


def default_documents(corpus_path):
    with open(corpus_path, encoding="utf-8") as f:
        corpus = json.load(f)
    documents = {}
    for name, entry in sorted(corpus.items()):
        version = entry.get("versions", {}).get(entry.get("latestVersionId", ""), {})
        document = version.get("document")
        if isinstance(document, dict) and document.get("Statement"):
            documents[name] = document
    return documents


def allow_statements(document):
    statements = document.get("Statement", [])
    if isinstance(statements, dict):
        statements = [statements]
    return [s for s in statements if s.get("Effect") == "Allow" and "Action" in s]


MANAGED_LIMIT = 6144       # a customer managed policy
ROLE_INLINE_LIMIT = 10240  # all inline policies of a role (each principal has at most one)


def characters(document):
    """IAM's size of a policy: its JSON without whitespace."""
    return sum(1 for c in json.dumps(document, separators=(",", ":")) if not c.isspace())


def cut_policy(rng, documents, names, statement_count, limit):
    """A customer policy: a few Allow statements cut from corpus policies, Sids renamed, within
    IAM's size `limit` (an account cannot hold a larger one): a statement that would pass it is
    drawn again."""
    statements = []
    misses = 0
    while len(statements) < statement_count:
        if misses > 1000:  # no statement left fits beside these: start the policy over
            statements, misses = [], 0
        candidates = allow_statements(documents[rng.choice(names)])
        if not candidates:
            continue
        statement = dict(rng.choice(candidates))
        statement.pop("Sid", None)
        statement = {"Sid": f"Cut{len(statements)}", **statement}
        if characters({"Version": "2012-10-17", "Statement": statements + [statement]}) > limit:
            misses += 1
            continue
        statements.append(statement)
    return {"Version": "2012-10-17", "Statement": statements}


ACCOUNT = "123456789012"


def managed_arn(kind, name):
    return f"arn:aws:iam::aws:policy/{name}" if kind == "managed" else f"arn:aws:iam::{ACCOUNT}:policy/{name}"


def encoded(document):
    """A document as get-account-authorization-details returns it: URL-encoded JSON."""
    return urllib.parse.quote(json.dumps(document, separators=(",", ":")), safe="")


def write_account(folder, roles, spelled):
    """The roles as authorization details and their findings as GetFindingV2 lines."""
    os.makedirs(folder, exist_ok=True)
    role_list, attachments, documents = [], {}, {}
    for pid, attached, _, _ in roles:
        managed = [(k, n) for k, n, _ in attached if k != "inline"]
        for kind, name, document in attached:
            if kind != "inline":
                arn = managed_arn(kind, name)
                attachments[arn] = attachments.get(arn, 0) + 1
                documents[arn] = (name, document)
        role_list.append({
            "Path": "/", "RoleName": pid, "Arn": f"arn:aws:iam::{ACCOUNT}:role/{pid}",
            "RolePolicyList": [{"PolicyName": n, "PolicyDocument": encoded(d)} for k, n, d in attached if k == "inline"],
            "AttachedManagedPolicies": [{"PolicyName": n, "PolicyArn": managed_arn(k, n)} for k, n in managed],
        })
    policies = [{"PolicyName": name, "Arn": arn, "Path": "/", "DefaultVersionId": "v1", "AttachmentCount": attachments[arn],
                 "PolicyVersionList": [{"Document": encoded(document), "VersionId": "v1", "IsDefaultVersion": True}]}
                for arn, (name, document) in sorted(documents.items())]
    with open(os.path.join(folder, "authorization-details.json"), "w", encoding="utf-8") as f:
        json.dump({"UserDetailList": [], "GroupDetailList": [], "RoleDetailList": role_list, "Policies": policies,
                   "IsTruncated": False}, f, separators=(",", ":"))
    with open(os.path.join(folder, "findings.jsonl"), "w", encoding="utf-8") as f:
        for number, (pid, _, whole, partial) in enumerate(roles):
            details = [{"unusedPermissionDetails": {"serviceNamespace": s}} for s in sorted(whole)]
            details += [{"unusedPermissionDetails": {"serviceNamespace": s, "actions": [{"action": spelled[a]} for a in partial[s]]}}
                        for s in sorted(partial)]
            if not details:
                continue
            f.write(json.dumps({"id": f"f{number:06d}", "resource": f"arn:aws:iam::{ACCOUNT}:role/{pid}",
                                "resourceType": "AWS::IAM::Role", "resourceOwnerAccount": ACCOUNT, "status": "ACTIVE",
                                "findingType": "UnusedPermission", "findingDetails": details}, separators=(",", ":")) + "\n")
    print(f"account_generator: {folder}: {len(role_list)} roles, {len(policies)} managed policies", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", required=True, help="managedPolicies.json (scripts/fetch-managed-policies.sh)")
    limit = parser.add_mutually_exclusive_group(required=True)
    limit.add_argument("--units", type=int, help="stop after this many lines")
    limit.add_argument("--principals", type=int, help="stop after this many principals (all their units)")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--catalog", default="spec/catalog/aws-catalog.txt")
    parser.add_argument("-o", "--output", default="-")
    parser.add_argument("--account", help="also write DIR/authorization-details.json and DIR/findings.jsonl")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    catalog = read_catalog(args.catalog)
    allowed = Allowed(catalog)
    documents = default_documents(args.corpus)
    names = sorted(documents)
    popularity = names[:]
    rng.shuffle(popularity)
    weights = [1.0 / (rank + 1) ** 0.8 for rank in range(len(popularity))]
    spelled = {f"{svc}:{name}".lower(): name for acts in catalog.values() for svc, name in acts}

    # Customer-managed policies shared by principals, created as the account grows.
    shared_pool = []
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    counts = {"managed": 0, "customer": 0, "inline": 0}
    unused_total = allowed_total = 0
    distinct = set()
    written = 0
    principal = 0
    roles = []  # (pid, attached, whole, partial) for --account
    def more():
        return written < args.units if args.units is not None else principal < args.principals

    while more():
        principal += 1
        pid = f"p{principal:05d}"
        if len(shared_pool) < principal // 25 + 1:
            shared_pool.append((f"Team{len(shared_pool):04d}Policy", cut_policy(rng, documents, names, rng.randint(2, 5), MANAGED_LIMIT)))
        attached = []
        for name in sorted(set(rng.choices(popularity, weights=weights, k=rng.randint(1, 3)))):
            attached.append(("managed", name, documents[name]))
        for name, document in sorted(dict(rng.sample(shared_pool, k=min(len(shared_pool), rng.randint(0, 2)))).items()):
            attached.append(("customer", name, document))
        if rng.random() < 0.5:
            attached.append(("inline", f"{pid}-inline", cut_policy(rng, documents, names, rng.randint(1, 2), ROLE_INLINE_LIMIT)))

        reach = set()
        for _, _, document in attached:
            reach |= allowed.of(document)
        ratio = rng.uniform(0.30, 0.70)
        by_service = {}
        for action in reach:
            by_service.setdefault(action.split(":", 1)[0], []).append(action)
        whole, partial = set(), {}
        per_action = (ratio / 2) / (1 - ratio / 2)
        for service in sorted(by_service):
            if rng.random() < ratio / 2:
                whole.add(service)
                unused_total += len(by_service[service])
            else:
                picked = sorted(a for a in sorted(by_service[service]) if rng.random() < per_action)
                if picked:
                    partial[service] = picked
                    unused_total += len(picked)
        allowed_total += len(reach)
        if args.account:
            roles.append((pid, attached, whole, partial))

        for kind, name, document in attached:
            if args.units is not None and written >= args.units:
                break
            services = {a.split(":", 1)[0] for a in allowed.of(document)}
            findings = [{"serviceNamespace": s} for s in sorted(whole & services)]
            findings += [{"serviceNamespace": s, "actions": [spelled[a] for a in partial[s]]}
                         for s in sorted(partial) if s in services]
            unit = {"id": f"{pid}/{kind}/{name}", "policy": document, "findings": findings}
            out.write(json.dumps(unit, separators=(",", ":")) + "\n")
            counts[kind] += 1
            distinct.add(json.dumps(document, sort_keys=True))
            written += 1
    if out is not sys.stdout:
        out.close()
    if args.account:
        write_account(args.account, roles, spelled)
    print(f"account_generator: {principal} principals, {written} units "
          f"({counts['managed']} managed, {counts['customer']} customer-managed, {counts['inline']} inline), "
          f"{len(distinct)} distinct policies, {unused_total / max(1, allowed_total):.0%} of allowed actions unused",
          file=sys.stderr)


if __name__ == "__main__":
    main()
