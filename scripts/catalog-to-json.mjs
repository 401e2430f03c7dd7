#!/usr/bin/env node
// catalog-to-json.mjs — converts a catalog snapshot (spec/catalog/*.txt) into the JSON form that
// `leastpriv --catalog FILE` reads: {"s3":["AbortMultipartUpload",...],...}.
//
// Usage: node scripts/catalog-to-json.mjs IN.txt > OUT.json
//
// Checked by: converting spec/catalog/aws-catalog.txt and loading it with `--catalog`, which must
// give the same results as the embedded catalog.
//
// IMPLEMENTATION
// The snapshot is "#" header lines, then one line per service: the prefix and its action names,
// separated by single spaces (see scripts/generate-catalog.mjs). The header is dropped; the JSON
// form has no place for it. Services and actions keep the snapshot's order. One service per output
// line keeps the file diffable. Malformed input fails loudly rather than producing a partial catalog.

import fs from "node:fs";

function fail(message) {
  process.stderr.write(`catalog-to-json: ${message}\n`);
  process.exit(1);
}

const argv = process.argv.slice(2);
if (argv.length !== 1 || argv[0].startsWith("-")) fail("usage: node scripts/catalog-to-json.mjs IN.txt > OUT.json");
const in_path = argv[0];

let text;
try {
  text = fs.readFileSync(in_path, "utf8");
} catch (e) {
  fail(`cannot read \`${in_path}\`: ${e.message}`);
}

const catalog = new Map();
const lines = text.split("\n");
if (lines.at(-1) === "") lines.pop();
lines.forEach((line, i) => {
  const where = `${in_path}:${i + 1}`;
  if (line.startsWith("#")) return;
  const tokens = line.split(" ");
  if (tokens.length < 2 || tokens.some((t) => t === "")) fail(`${where}: expected \`prefix Action ...\` separated by single spaces`);
  const [service, ...actions] = tokens;
  if (catalog.has(service)) fail(`${where}: service \`${service}\` appears twice`);
  catalog.set(service, actions);
});

const body = [...catalog].map(([service, actions]) => `${JSON.stringify(service)}:${JSON.stringify(actions)}`);
process.stdout.write(`{\n${body.join(",\n")}\n}\n`);
