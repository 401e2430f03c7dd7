// Re-checking a certificate against its inputs, as a CI gate does (`check-certificate`): the
// certificate is accepted only when (1) it is of this format and records every obligation as
// proved, (2) the given files hash to what it records, (3) the obligations rebuilt from those
// very bytes with the verifier's own query builder (verifier/encode/obligation_texts.h) are
// exactly the certificate's: same ids, byte-identical SMT-LIB2 texts, none missing, none extra,
// and O0 holds again, and (4) every solver named (`--solvers`: by default Debian's z3 and cvc5,
// the two the mission names; opt-in a third, a current Z3 compiled to WebAssembly, npm
// z3-solver, run by Node.js, which costs more than the two others together) answers exactly
// `unsat` (its whole output for that text) to every text. A certificate that fails (1)-(3) is
// refused without running a solver.
//
// Without the input files (`--queries-only`) only (1) and (4) are checked, and the report says
// loudly that nothing ties the texts to any policy: a forger can make texts that are unsat.
//
// Tested by: tests/unit/verifier_certificate_test.cpp, tests/unit/certificate_tamper_test.cpp
//
// IMPLEMENTATION (TRUSTED): the solvers run as child processes (no shell), one long-lived
// process per solver and worker (verifier/certificate/solver_session.h), each text answered
// alone under a per-text limit; no text touches the disk. A solver that is missing, crashes or
// times out gives `error: …` / `timeout` for its texts: never a pass.
#pragma once

#include "model/catalog.h"
#include "model/verification_files.h"
#include "model/json_text.h"
#include "verifier/certificate/solver_session.h"
#include "verifier/decide/verify.h"

#include <optional>
#include <string>
#include <vector>

namespace leastpriv::verifier {

// One re-check of one SMT-LIB2 text by one command-line solver.
struct RecheckVerdict {
  std::string obligation_id;
  std::string solver;  // `z3`, `cvc5` or `z3-wasm`
  std::string answer;  // `unsat`, `sat`, `unknown`, `timeout`, or `error: …`
  double seconds = 0;
};

struct RecheckReport {
  bool queries_only = false;  // no input files: nothing ties the texts to a policy
  // Why the certificate does not belong to the given files (hashes, catalog, an obligation
  // missing, extra or changed, O0, a recorded verdict that is not `proved`). Any one fails it.
  std::vector<std::string> problems;
  bool solvers_run = false;  // false when a problem above was found first
  // The solvers that re-checked, in order (`z3`, `cvc5`[, `z3-wasm`]): the summary names them.
  std::vector<std::string> solver_names;
  // Which binaries answered, as `z3: /usr/bin/z3 (Z3 version 4.8.12 - 64 bit)`: the solvers are
  // trusted, so the report says which files they were.
  std::vector<std::string> solvers;
  std::vector<RecheckVerdict> verdicts;
  double seconds = 0;
};

// `node <this source tree>/scripts/z3-wasm/z3-wasm.js`: the third solver as built in.
std::vector<std::string> default_z3_wasm_command();

// The solvers a re-check runs unless told otherwise: z3 and cvc5.
std::vector<RecheckSolver> default_recheck_solvers();

struct RecheckOptions {
  // Every one of these must answer unsat for every text (--solvers).
  std::vector<RecheckSolver> solvers = default_recheck_solvers();
  double timeout_seconds = 60;  // per text and solver
  std::string z3_binary = "z3";
  std::string cvc5_binary = "cvc5";
  // The opt-in third solver: Node.js and this source tree's scripts/z3-wasm/z3-wasm.js.
  std::vector<std::string> z3_wasm_command = default_z3_wasm_command();
  unsigned threads = 0;  // workers, each with its own solver processes; 0: one per hardware thread
};

// How `options` runs `solver` (whether or not it is among options.solvers).
SolverCommand recheck_command(RecheckSolver solver, const RecheckOptions& options);
// options.solvers' commands in the order of RecheckReport::verdicts (for each text, one a solver).
std::vector<SolverCommand> recheck_commands(const RecheckOptions& options);

// Checks `certificate` (read from `file`) against `subject`, or against nothing when it is
// absent (--queries-only). An Error means a malformed certificate or an input file that is not
// a policy, findings or catalog (exit 2); anything else is in the report.
Result<RecheckReport> recheck_certificate(const model::Json& certificate, const std::string& file,
                                          const std::optional<model::VerificationFiles>& subject,
                                          const RecheckOptions& options);

// kProved when the certificate was checked against its inputs, there is no problem and every
// text is unsat in every solver named (none named is no re-check); kCounterexample when there is a problem or any answer is sat;
// else kUnknown (unknown, timeout, output that is not exactly one answer, or --queries-only:
// texts bound to no input prove nothing about a policy). cli/ turns it into the exit code.
Verdict recheck_verdict(const RecheckReport& report);

std::string recheck_to_text(const RecheckReport& report);

}  // namespace leastpriv::verifier
