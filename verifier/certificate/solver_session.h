// One command-line solver kept running for many texts (check-certificate): `z3 -in`,
// `cvc5 --incremental` or the Node.js z3-solver (scripts/z3-wasm/z3-wasm.js --serve). Each text
// is answered alone: z3 and cvc5 get `(reset)` before it (every declaration, assertion and
// option a text set is gone), z3-wasm a fresh context. The answer is the solver's whole output
// for that text, read up to a sentinel line that has a random part no text can guess; it
// counts only when it is exactly `unsat`, `sat` or `unknown`. A solver that dies, stops
// answering by the deadline or cannot be started answers `error: …` or `timeout` (never
// unsat), and is started afresh for the next text.
//
// Tested by: tests/unit/recheck_sessions_test.cpp
//
// IMPLEMENTATION (TRUSTED): support/interactive_process.h. Per-text limits: z3 `-t:` (its
// soft timeout, per check-sat, kept across `(reset)`), cvc5 `--tlimit-per`, z3-wasm its global
// `timeout` parameter; and a wall-clock deadline of the limit + 5 s at which the process is
// killed, for a solver that ignores its own.
#pragma once

#include "support/interactive_process.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace leastpriv::verifier {

enum class RecheckSolver { kZ3, kCvc5, kZ3Wasm };
inline constexpr std::array<RecheckSolver, 3> kRecheckSolvers = {RecheckSolver::kZ3, RecheckSolver::kCvc5,
                                                                RecheckSolver::kZ3Wasm};

// `z3`, `cvc5`, `z3-wasm`: the names the report and the certificate use.
const char* recheck_solver_name(RecheckSolver solver);
// The solver of that name (exactly as recheck_solver_name spells it), if any.
std::optional<RecheckSolver> recheck_solver_named(std::string_view name);

// How to run one solver: the program and its arguments before the per-session ones.
struct SolverCommand {
  RecheckSolver solver = RecheckSolver::kZ3;
  std::vector<std::string> program;  // {z3} / {cvc5} / {node, .../z3-wasm.js}
  double timeout_seconds = 60;
};

class SolverSession {
 public:
  explicit SolverSession(SolverCommand command);
  // The answer to `text` alone: `unsat`, `sat`, `unknown`, `timeout` or `error: …`.
  std::string answer(const std::string& text);

 private:
  bool ensure_started(std::string& error);
  std::string framed(const std::string& text) const;

  SolverCommand command_;
  std::string sentinel_;
  support::InteractiveProcess process_;
};

// A solver's whole output for one text must be one answer: `unsat` and nothing else counts
// as unsat (trailing blanks aside).
std::string solver_answer_of(const std::string& output);

}  // namespace leastpriv::verifier
