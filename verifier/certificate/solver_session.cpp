// Long-lived command-line solvers, one text at a time; see solver_session.h.
#include "verifier/certificate/solver_session.h"

#include <algorithm>
#include <cstdio>
#include <random>

namespace leastpriv::verifier {

namespace {

using Clock = support::InteractiveProcess::Clock;

// A sentinel no text can contain by chance or by design: the texts are fixed before it is drawn.
std::string fresh_sentinel() {
  std::random_device device;
  std::uniform_int_distribution<unsigned long long> draw;
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "leastpriv-end-of-answer-%016llx%016llx", draw(device), draw(device));
  return buffer;
}

long timeout_milliseconds(double seconds) { return std::max(1L, static_cast<long>(seconds * 1000.0 + 0.5)); }

}  // namespace

const char* recheck_solver_name(RecheckSolver solver) {
  switch (solver) {
    case RecheckSolver::kZ3:
      return "z3";
    case RecheckSolver::kCvc5:
      return "cvc5";
    case RecheckSolver::kZ3Wasm:
      return "z3-wasm";
  }
  return "?";
}

std::optional<RecheckSolver> recheck_solver_named(std::string_view name) {
  for (const RecheckSolver solver : kRecheckSolvers) {
    if (name == recheck_solver_name(solver)) return solver;
  }
  return std::nullopt;
}

std::string solver_answer_of(const std::string& output) {
  std::string answer = output;
  while (!answer.empty() && (answer.back() == '\n' || answer.back() == '\r' || answer.back() == ' ')) answer.pop_back();
  if (answer == "unsat" || answer == "sat" || answer == "unknown" || answer == "timeout") return answer;
  if (answer.size() > 200) answer = answer.substr(0, 200) + "…";
  return "error: not one answer: " + answer;
}

SolverSession::SolverSession(SolverCommand command) : command_(std::move(command)), sentinel_(fresh_sentinel()) {}

bool SolverSession::ensure_started(std::string& error) {
  if (process_.running()) return true;
  std::vector<std::string> argv = command_.program;
  const std::string limit = std::to_string(timeout_milliseconds(command_.timeout_seconds));
  switch (command_.solver) {
    case RecheckSolver::kZ3:
      // The SMT core without the logic's preprocessing tactics: the same unsat, a third less CPU
      // on ReadOnlyAccess's texts (measured: 22 s against 33 s for 955 texts in one process).
      argv.insert(argv.end(), {"-in", "-smt2", "-t:" + limit, "tactic.default_tactic=smt"});
      break;
    case RecheckSolver::kCvc5:
      argv.insert(argv.end(), {"--lang", "smt2", "--strings-exp", "--incremental", "--tlimit-per=" + limit});
      break;
    case RecheckSolver::kZ3Wasm:
      argv.insert(argv.end(), {"--serve", sentinel_});
      break;
  }
  return process_.start(argv, error);
}

std::string SolverSession::framed(const std::string& text) const {
  if (command_.solver == RecheckSolver::kZ3Wasm) {
    return "text " + std::to_string(text.size()) + " " + std::to_string(timeout_milliseconds(command_.timeout_seconds)) +
           "\n" + text;
  }
  return "(reset)\n" + text + "\n(echo \"" + sentinel_ + "\")\n";
}

std::string SolverSession::answer(const std::string& text) {
  std::string error;
  if (!ensure_started(error)) return "error: " + error;
  // Node.js takes ~0.5 s to load z3-solver; the grace covers it and a solver's own overrun.
  const auto deadline =
      Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(command_.timeout_seconds + 5.0));
  if (!process_.send(framed(text), deadline)) {
    return Clock::now() >= deadline ? "timeout" : "error: the solver stopped before it read the whole text";
  }
  std::string output;
  std::string line;
  while (true) {
    const auto read = process_.read_line(line, deadline);
    if (read == support::InteractiveProcess::Read::kDeadline) return "timeout";
    if (read == support::InteractiveProcess::Read::kEnd) {
      output += line;
      while (!output.empty() && (output.back() == '\n' || output.back() == ' ')) output.pop_back();
      return output.empty() ? "error: the solver stopped without a word" : "error: the solver stopped: " + output.substr(0, 240);
    }
    // z3 echoes the string bare, cvc5 in quotes (SMT-LIB's form).
    if (line == sentinel_ || line == "\"" + sentinel_ + "\"") break;
    output += line + "\n";
  }
  return solver_answer_of(output);
}

}  // namespace leastpriv::verifier
