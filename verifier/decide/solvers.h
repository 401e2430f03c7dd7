// Z3 and cvc5, as the verifier calls them: the in-process solvers (in_process_solvers.h), which
// live in the solver module `leastpriv_solvers.so` installed beside the executable and loaded on
// the first call, so that a start that verifies nothing (`--version`, `refine --no-verify`,
// `batch --no-verify`) maps none of libz3, libcvc5, libcln and libpoly (~5 ms of a 6.7 ms start).
// An executable that links leastpriv_solvers_linked (tests, benchmarks) uses those instead.
//
// Tested by: tests/cli/solver_module_cli_test.cpp, tests/unit/split_queries_test.cpp
//
// IMPLEMENTATION: std::call_once; the module is found as `<dir of /proc/self/exe>/
// leastpriv_solvers.so` (or $LEASTPRIV_SOLVER_MODULE), dlopen'ed RTLD_NOW | RTLD_LOCAL, its table
// checked (ABI number, sizeof(Query)). A module that is missing or does not fit is an Error of
// solvers_available(), which decide_queries checks before any query: never an `unknown` that
// the automaton's `unsat` would outvote into a pass.
#pragma once

#include "model/result.h"
#include "verifier/decide/verify.h"
#include "verifier/encode/query.h"

#include <string>

namespace leastpriv::verifier {

// Loads the solvers if they are not yet: an Error says which file and why.
Status solvers_available();

// With `pinned` non-empty the solver only checks that this one string satisfies the query
// (`x = pinned` is added): a cheap confirmation of a counterexample another procedure found.
// Without the solvers (solvers_available() failed) the verdict is unknown with that reason.
ProcedureVerdict decide_with_z3(const std::string& smtlib, double timeout_seconds, const std::string& pinned = {});
ProcedureVerdict decide_with_cvc5(const Query& query, double timeout_seconds, const std::string& pinned = {});

std::string z3_version_text();
std::string cvc5_version_text();

}  // namespace leastpriv::verifier
