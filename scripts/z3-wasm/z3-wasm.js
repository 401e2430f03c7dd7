#!/usr/bin/env node
// z3-wasm.js — the third solver of leastpriv: a current Z3 (npm `z3-solver`, compiled to
// WebAssembly, run by Node.js) that reads SMT-LIB2 texts and prints what Z3 answers. Used by
// proofs/smt/check-lemma.sh (every lemma) and by `leastpriv check-certificate` (every text),
// beside Debian's z3 and cvc5. Each text runs in a fresh Z3 context: nothing of one text
// (declarations, assertions, options) reaches the next.
//
//   node scripts/z3-wasm/z3-wasm.js --version
//       `z3-solver 5.2.0 (Z3 5.1.0.0)`
//   node scripts/z3-wasm/z3-wasm.js [--timeout SECONDS] FILE.smt2...
//       one line per file, `FILE: ANSWER (0.12 s)`, ANSWER being Z3's whole output on one
//       line (`unsat`, `sat`, `unknown`, `(error …)`), `timeout` past the limit (default 20 s)
//   node scripts/z3-wasm/z3-wasm.js --serve SENTINEL
//       reads texts from stdin, each framed as the line `text BYTES TIMEOUT_MS` and then BYTES
//       bytes of SMT-LIB2; for each prints Z3's output as it is, then the line SENTINEL.
//
// Where the package is: $LEASTPRIV_Z3_WASM_DIR when set (only there), else /opt/leastpriv/z3-wasm
// (where scripts/install-deps.sh puts it, pinned by this folder's package-lock.json), else this folder.
// Missing Node.js or package: exit 3 with a message (`error: …` for --serve before any text),
// which every caller reports as an error, never as an answer.
//
// Tested by: tests/unit/recheck_sessions_test.cpp, proofs/CMakeLists.txt (every lemma)
'use strict';

const fs = require('fs');
const path = require('path');

function locatePackage() {
  const folders = process.env.LEASTPRIV_Z3_WASM_DIR ? [process.env.LEASTPRIV_Z3_WASM_DIR] : ['/opt/leastpriv/z3-wasm', __dirname];
  for (const folder of folders) {
    try {
      return require.resolve('z3-solver', { paths: [folder] });
    } catch (error) {
      // not in this folder: try the next
    }
  }
  return null;
}

function fail(message) {
  process.stdout.write('error: ' + message + '\n');
  process.exit(3);
}

async function loadZ3() {
  const entry = locatePackage();
  if (entry === null) {
    fail('the npm package z3-solver is not installed (scripts/install-deps.sh installs it into /opt/leastpriv/z3-wasm)');
  }
  const packageJson = JSON.parse(fs.readFileSync(path.join(path.dirname(entry), '..', 'package.json'), 'utf8'));
  const { init } = require(entry);
  const { Z3, em } = await init();
  Z3.em = em;
  return { Z3, version: 'z3-solver ' + packageJson.version + ' (Z3 ' + Z3.get_full_version().replace(/^Z3 /, '') + ')' };
}

// Z3's whole output for one text (a Buffer of UTF-8), in a context of its own with a
// wall-clock limit. The text goes to Z3 in a heap block that lives until Z3 has answered:
// z3-solver's own eval_smtlib2_string passes it on the call stack, which its solver thread
// reads after the call returned (measured: 7 of ReadOnlyAccess's 955 texts arrived garbled).
async function solve(Z3, text, timeoutMs) {
  const em = Z3.em;
  Z3.global_param_set('timeout', String(Math.max(1, Math.round(timeoutMs))));
  const config = Z3.mk_config();
  const context = Z3.mk_context(config);
  Z3.del_config(config);
  const block = em._malloc(text.length + 1);
  try {
    em.HEAPU8.set(text, block);
    em.HEAPU8[block + text.length] = 0;
    return await em.async_call(() => em._async_Z3_eval_smtlib2_string(context, block));
  } catch (error) {
    return '(error "' + String(error && error.message ? error.message : error).replace(/["\n]/g, ' ') + '")\n';
  } finally {
    em._free(block);
    Z3.del_context(context);
  }
}

async function checkFiles(Z3, files, timeoutSeconds) {
  for (const file of files) {
    const began = process.hrtime.bigint();
    let answer;
    try {
      answer = (await solve(Z3, fs.readFileSync(file), timeoutSeconds * 1000)).trim().replace(/\s*\n\s*/g, ' ');
    } catch (error) {
      answer = 'error: ' + error.message;
    }
    const seconds = Number(process.hrtime.bigint() - began) / 1e9;
    // Z3 answers `unknown` when its own limit stops it; say which.
    if (answer === 'unknown' && seconds >= timeoutSeconds * 0.95) answer = 'timeout';
    process.stdout.write(file + ': ' + answer + ' (' + seconds.toFixed(2) + ' s)\n');
  }
}

// --serve: framed texts in, each answer followed by the sentinel line.
async function serve(Z3, sentinel) {
  let pending = Buffer.alloc(0);
  let busy = Promise.resolve();
  const queue = [];
  const takeTexts = () => {
    while (true) {
      const newline = pending.indexOf(10);
      if (newline < 0) return;
      const header = pending.subarray(0, newline).toString('utf8').split(' ');
      if (header.length !== 3 || header[0] !== 'text') {
        process.stdout.write('error: bad frame header\n' + sentinel + '\n');
        process.exit(2);
      }
      const bytes = Number(header[1]);
      if (pending.length < newline + 1 + bytes) return;
      queue.push({ text: Buffer.from(pending.subarray(newline + 1, newline + 1 + bytes)), timeoutMs: Number(header[2]) });
      pending = pending.subarray(newline + 1 + bytes);
    }
  };
  const runQueue = async () => {
    while (queue.length > 0) {
      const { text, timeoutMs } = queue.shift();
      process.stdout.write(await solve(Z3, text, timeoutMs));
      process.stdout.write('\n' + sentinel + '\n');
    }
  };
  process.stdin.on('data', (chunk) => {
    pending = Buffer.concat([pending, chunk]);
    takeTexts();
    busy = busy.then(runQueue);
  });
  process.stdin.on('end', () => busy.then(() => process.exit(0)));
}

async function main() {
  const args = process.argv.slice(2);
  if (args.length === 0 || args[0] === '--help') {
    process.stdout.write(fs.readFileSync(__filename, 'utf8').split('\n').slice(1, 20).join('\n') + '\n');
    process.exit(args.length === 0 ? 2 : 0);
  }
  const { Z3, version } = await loadZ3();
  if (args[0] === '--version') {
    process.stdout.write(version + '\n');
    process.exit(0);
  }
  if (args[0] === '--serve' && args.length === 2) return serve(Z3, args[1]);
  let timeoutSeconds = 20;
  if (args[0] === '--timeout') {
    timeoutSeconds = Number(args[1]);
    args.splice(0, 2);
  }
  if (!(timeoutSeconds > 0) || args.length === 0) fail('usage: z3-wasm.js [--timeout SECONDS] FILE.smt2...');
  await checkFiles(Z3, args, timeoutSeconds);
  process.exit(0);
}

main().catch((error) => fail(String(error && error.stack ? error.stack : error)));
