// The table of the in-process solver calls that the solver module (leastpriv_solvers.so) hands
// to the verifier: the seam between the code that links Z3 and cvc5 and the code that does not.
// Both sides are built from this one header in one build, so they agree on every type; the ABI
// number and the size of Query are checked when the module is loaded all the same, so a module
// from another build is refused instead of misread.
//
// Tested by: tests/cli/solver_module_cli_test.cpp (the binary loads it; a missing one is an
// error), tests/unit/split_queries_test.cpp (the calls, linked in)
#pragma once

#include "verifier/decide/verify.h"
#include "verifier/encode/query.h"

#include <cstddef>
#include <string>

namespace leastpriv::verifier {

// Changed whenever SolverTable or a type it passes changes.
constexpr int kSolverTableAbi = 1;

struct SolverTable {
  int abi = 0;
  std::size_t query_size = 0;  // sizeof(Query) where the table was built
  ProcedureVerdict (*decide_with_z3)(const std::string& smtlib, double timeout_seconds, const std::string& pinned) = nullptr;
  ProcedureVerdict (*decide_with_cvc5)(const Query& query, double timeout_seconds, const std::string& pinned) = nullptr;
  std::string (*z3_version_text)() = nullptr;
  std::string (*cvc5_version_text)() = nullptr;
};

}  // namespace leastpriv::verifier

// The module's one entry point (dlsym'ed by name), and the same table for executables that link
// the solvers in (tests, benchmarks): a weak reference in solvers.cpp finds it when linked.
extern "C" const leastpriv::verifier::SolverTable* leastpriv_solver_table();
extern "C" const leastpriv::verifier::SolverTable* leastpriv_linked_solver_table();
